import type { Meta, StoryObj } from "@storybook/react-vite";
import {
  exampleSignupForm,
  headingOutline,
  landmarkOutline,
  narrowViewport,
} from "@vaart/testing/stories";
import { expect, within } from "storybook/test";
import {
  type ArchivedUpdate,
  ArchivedUpdatePage as ArchivedUpdateBody,
} from "./ArchivedUpdatePage";
import { type ArchiveEntry, ArchivePage as ArchivePageBody } from "./ArchivePage";
import { SiteBody } from "./story-fixtures";

/** What the archive's loaders give for two sent Updates (the web version as it is frozen). */
const sentUpdates: ArchiveEntry[] = [
  {
    slug: "2026-10-samen-sturen",
    subject: "Samen sturen in de keten",
    preheader: "Een werkvorm voor je volgende ketenoverleg, en twee nieuwe artikelen.",
    date: "2026-10-06",
  },
  { slug: "2026-08-zomer", subject: "Zomer-Update", preheader: null, date: "2026-08-04" },
];
const sentUpdate: ArchivedUpdate = {
  ...(sentUpdates[0] as ArchiveEntry),
  html: [
    "<p>Deze keer gaat het over sturen als je niet de baas bent.</p>",
    "<h2>Een werkvorm om te proberen</h2>",
    "<p>Vraag aan het begin van het overleg: <strong>wat wil jij vandaag bereiken?</strong> Schrijf de antwoorden op.</p>",
    "<ul><li>Iedereen één zin.</li><li>Niemand reageert nog.</li></ul>",
  ].join("\n"),
};

function ArchivePages({ show = "list" }: { show?: "list" | "empty" | "update" }) {
  return (
    <SiteBody>
      {show === "update" ? (
        <ArchivedUpdateBody update={sentUpdate} form={exampleSignupForm} />
      ) : (
        <ArchivePageBody updates={show === "empty" ? [] : sentUpdates} form={exampleSignupForm} />
      )}
    </SiteBody>
  );
}

const signupHeading = "h2 Wil jij een gratis abonnement op mijn tweemaandelijkse ‘Updates’?";

const meta = {
  title: "Pages/Archive",
  component: ArchivePages,
  parameters: { layout: "fullscreen" },
  argTypes: { show: { control: "inline-radio", options: ["list", "empty", "update"] } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getAllByRole("heading", { level: 1 })).toHaveLength(1);
    // The archive lies in the newsletter's section of the menu.
    await expect(canvas.getByRole("link", { name: "Nieuwsbrief" })).toHaveAttribute(
      "aria-current",
      "true",
    );
    await expect(landmarkOutline(canvasElement)).toEqual([
      "header",
      "nav Hoofdmenu",
      "main",
      "footer",
    ]);
    const outline = {
      list: [
        "h1 Archief van de Updates",
        "h2 Samen sturen in de keten",
        "h2 Zomer-Update",
        signupHeading,
      ],
      empty: ["h1 Archief van de Updates", signupHeading],
      update: ["h1 Samen sturen in de keten", "h2 Een werkvorm om te proberen", signupHeading],
    }[args.show ?? "list"];
    await expect(headingOutline(canvasElement)).toEqual(outline);
  },
} satisfies Meta<typeof ArchivePages>;

export default meta;
type Story = StoryObj<typeof meta>;

/** `/nieuwsbrief/archief`: the sent Updates, newest first, then the signup form. */
export const List: Story = { args: { show: "list" } };
/** Before the first Update is sent. */
export const Empty: Story = { args: { show: "empty" } };
/** `/nieuwsbrief/archief/<slug>`: one Update's web version in the article layout. */
export const Update: Story = { args: { show: "update" } };
export const UpdateNarrowViewport: Story = { ...narrowViewport, args: { show: "update" } };
