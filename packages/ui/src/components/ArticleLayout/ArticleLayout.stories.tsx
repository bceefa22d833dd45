import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { SeedArticleBody, seedArticle, seedOrganisations } from "../../fixtures/seedArticle";
import { LogoCarousel } from "../LogoCarousel";
import { RichText } from "../RichText";
import { SignupForm } from "../SignupForm";
import { ArticleLayout } from "./ArticleLayout";

const meta = {
  title: "Components/ArticleLayout",
  component: ArticleLayout,
  args: {
    title: seedArticle.title,
    lead: seedArticle.lead,
    meta: { published: seedArticle.published, readingMinutes: 3 },
    readMore: seedArticle.readMore,
    children: <SeedArticleBody />,
  },
  argTypes: { children: { control: false }, asides: { control: false } },
} satisfies Meta<typeof ArticleLayout>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {};

/** Rendered in a 320 CSS px column, checked for reflow (WCAG 1.4.10: no sideways scrolling). */
const at320px: Pick<Story, "decorators" | "play"> = {
  decorators: [
    (Story) => (
      <div style={{ width: 320 }} data-testid="narrow">
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    const narrow = within(canvasElement).getByTestId("narrow");
    await expect(narrow.scrollWidth).toBeLessThanOrEqual(narrow.clientWidth);
  },
};

/** Running Dutch text must land at 60–75 characters per line on a wide screen. */
export const ReadableLineLength: Story = {
  globals: { viewport: { value: "laptop", isRotated: false } },
  play: async ({ canvasElement }) => {
    const paragraph = within(canvasElement).getByText(/Als we bijvoorbeeld naar ketensamenwerking/);
    const range = document.createRange();
    range.selectNodeContents(paragraph);
    const lineTops = new Set(
      Array.from(range.getClientRects()).map((rect) => Math.round(rect.top)),
    );
    const charsPerLine = (paragraph.textContent ?? "").length / lineTops.size;
    await expect(charsPerLine).toBeGreaterThanOrEqual(60);
    await expect(charsPerLine).toBeLessThanOrEqual(75);
  },
};

/**
 * The body as an app has it: HTML rendered from Markdown, through RichText. Every block after
 * the first keeps its space above it, as with children written in JSX.
 */
export const FromMarkdown: Story = {
  args: {
    children: (
      <RichText
        html={
          "<p>Eerste alinea over samenwerken.</p><p>Tweede alinea, los van de eerste.</p>" +
          "<ol><li><strong>Gelijkwaardig</strong> is iets anders dan gelijk.</li><li>Ruimte voor verschil.</li></ol>" +
          "<p>Een alinea na de lijst.</p>"
        }
      />
    ),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const blocks = [
      canvas.getByText("Tweede alinea, los van de eerste."),
      canvas.getByText("Ruimte voor verschil.").closest("ol") as HTMLElement,
      canvas.getByText("Een alinea na de lijst."),
    ];
    for (const block of blocks) {
      await expect(Number.parseFloat(getComputedStyle(block).marginTop)).toBeGreaterThan(0);
    }
  },
};

export const WithoutMeta: Story = {
  args: { meta: undefined, lead: undefined },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector("time")).toBeNull();
  },
};

export const LongDutchWords: Story = {
  args: {
    title:
      "Ketensamenwerkingsovereenkomsten en woningcorporatieonderhoudsbedrijfsafspraken: hoe maak je gelijkwaardigheidsvraagstukken bespreekbaar?",
    lead: "Arbeidsongeschiktheidsverzekeringsmaatschappijen en aansprakelijkheidswaardevaststellingsveranderingen laten zien dat lange woorden overal voorkomen.",
  },
  ...at320px,
};

export const WithAsides: Story = {
  args: {
    asides: (
      <>
        <LogoCarousel organisations={seedOrganisations} />
        <SignupForm
          action="/nieuwsbrief"
          consentLabel="Ja, ik wil de tweemaandelijkse Updates ontvangen. Mijn gegevens worden alleen daarvoor gebruikt."
        />
      </>
    ),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const main = canvas.getByRole("main");
    // Seed page order: article, read-more link, logos, signup — all inside main.
    const order = [
      canvas.getByRole("article"),
      canvas.getByRole("link", { name: /Lees meer over het ontwikkelen van samenwerken/ }),
      canvas.getByRole("region", { name: /organisaties die kozen voor mijn diensten/ }),
      canvas.getByRole("region", { name: /gratis abonnement/ }),
    ];
    for (const element of order) await expect(main.contains(element)).toBe(true);
    for (let i = 1; i < order.length; i++) {
      const previous = order[i - 1] as Node;
      const position = previous.compareDocumentPosition(order[i] as Node);
      await expect(
        position & Node.DOCUMENT_POSITION_FOLLOWING || previous.contains(order[i] as Node),
      ).toBeTruthy();
    }
  },
};

export const CampaignTheme: Story = { globals: { theme: "campaign" } };
export const DarkTheme: Story = { globals: { theme: "dark" } };

/** 320 CSS px is also what a 1280 px screen shows at 400 % zoom. */
export const NarrowViewport: Story = {
  globals: { viewport: { value: "narrow", isRotated: false } },
  ...at320px,
};
