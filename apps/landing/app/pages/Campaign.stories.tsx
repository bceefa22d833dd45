import type { Meta, StoryObj } from "@storybook/react-vite";
import {
  campaignTheme,
  exampleSignupForm,
  headingOutline,
  landmarkOutline,
  narrowViewport,
  newsletterConsentText,
  readerPrefersDark,
  readerPrefersDarkNarrow,
} from "@vaart/testing/stories";
import { SkipLink } from "@vaart/ui";
import { expect, within } from "storybook/test";
import { signupAnchor } from "../components/CampaignSignup";
import { mainId } from "../components/LandingFrame";
import { CampaignPage as CampaignPageBody } from "./CampaignPage";
import {
  exampleVisitUtm,
  siteUrl,
  webinarBlocks,
  webinarCampaign,
  webinarSignupCopy,
} from "./story-fixtures";

const campaign = webinarCampaign;
const formAction = `/${campaign.slug}?${new URLSearchParams(exampleVisitUtm)}`;
const heroAction = { label: "Meld je gratis aan" };

/**
 * A campaign landing page (`/<campaign-slug>`) with its published example,
 * campaigns/webinar-ketensamenwerking.yaml: the app's own page component and blocks, the
 * signup posting to the campaign page with the visit's UTM values.
 */
function CampaignPage() {
  return (
    <>
      <SkipLink targetId={mainId} />
      <CampaignPageBody
        siteUrl={siteUrl}
        preview={false}
        blocks={webinarBlocks}
        signup={{
          action: formAction,
          form: exampleSignupForm,
          utm: exampleVisitUtm,
          copy: webinarSignupCopy,
        }}
      />
    </>
  );
}

const meta = {
  title: "Pages/Campaign",
  component: CampaignPage,
  ...campaignTheme,
  // Every story (the narrow viewport too) checks the page it draws against the shipped one.
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getAllByRole("heading", { level: 1 })).toHaveLength(1);
    // Attribution: the form posts to the campaign page and carries the visit's UTM values.
    const form = canvasElement.querySelector("form");
    await expect(form).toHaveAttribute("action", formAction);
    await expect(form?.querySelector('input[name="utm_source"]')).toHaveValue("linkedin");
    // The hero's button leads to the signup form.
    const signupLink = canvas.getByRole("link", { name: heroAction.label });
    await expect(signupLink).toHaveAttribute("href", `#${signupAnchor}`);
    await expect(canvasElement.querySelector(`#${signupAnchor} form`)).toBe(form);
    // The shipped page's structure, in order: a block added, dropped, renamed or moved fails.
    await expect(headingOutline(canvasElement)).toEqual([
      "h1 Webinar: gelijkwaardig samenwerken in de keten",
      "h2 Praktisch",
      "h2 Wat je meeneemt",
      "h2 Meld je aan voor het webinar",
      "h2 Organisaties die je voorgingen",
      "h2 Veelgestelde vragen",
      "h2 Is gelijkwaardigheid in een ketensamenwerking mogelijk?",
      "h2 Liever meteen een gesprek over jouw keten?",
    ]);
    // The landing frame: a header without navigation, one main, a footer.
    await expect(landmarkOutline(canvasElement)).toEqual(["header", "main", "footer"]);
    await expect(canvas.getByRole("checkbox", { name: newsletterConsentText })).toBeInTheDocument();
  },
} satisfies Meta<typeof CampaignPage>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Page: Story = {};
export const NarrowViewport: Story = { ...narrowViewport };
/** A reader whose system prefers dark: the page follows it. */
export const DarkColorScheme: Story = { ...readerPrefersDark };
/** A reader whose system prefers dark, on a 320 px phone: the page follows it. */
export const DarkColorSchemeNarrow: Story = { ...readerPrefersDarkNarrow };
