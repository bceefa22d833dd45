import type { Meta, StoryObj } from "@storybook/react-vite";
import {
  clientOrganisations,
  darkTheme,
  exampleSignupForm,
  headingOutline,
  landmarkOutline,
  narrowViewport,
  readerPrefersDark,
} from "@vaart/testing/stories";
import { estimateReadingMinutes } from "@vaart/ui/format";
import { expect, within } from "storybook/test";
import { ArticlePage as ArticlePageBody } from "./ArticlePage";
import { htmlToText, publishedArticle, SiteBody } from "./story-fixtures";

/** An article (`/artikelen/<slug>`): the app's own page component, with sample loader data. */
function ArticlePage() {
  return (
    <SiteBody>
      <ArticlePageBody
        article={publishedArticle}
        readingMinutes={estimateReadingMinutes(htmlToText(publishedArticle.html))}
        organisations={clientOrganisations}
        form={exampleSignupForm}
      />
    </SiteBody>
  );
}

const meta = {
  title: "Pages/Article",
  component: ArticlePage,
  parameters: { layout: "fullscreen" },
  // Every story (each theme, the narrow viewport) checks the page it draws against the shipped one.
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getAllByRole("heading", { level: 1 })).toHaveLength(1);
    await expect(canvas.getByRole("main")).toBeInTheDocument();
    await expect(canvas.getByRole("navigation", { name: "Hoofdmenu" })).toBeInTheDocument();
    await expect(canvas.getByRole("contentinfo")).toBeInTheDocument();
    // The skip link is the first focusable element on the page, and leads to the main landmark.
    const focusable = canvasElement.querySelector("a[href], button, input, [tabindex]");
    await expect(focusable).toHaveTextContent("Direct naar de inhoud");
    await expect(focusable).toHaveAttribute("href", `#${canvas.getByRole("main").id}`);
    // An article is not a page of the menu but lies in its section: "Artikelen" says so.
    await expect(canvas.getByRole("link", { name: "Artikelen" })).toHaveAttribute(
      "aria-current",
      "true",
    );
    // The shipped page's structure, in order: a heading added, dropped, renamed or moved fails.
    await expect(headingOutline(canvasElement)).toEqual([
      "h1 Is gelijkwaardigheid in een ketensamenwerking mogelijk?",
      "h2 Ketensamenwerking",
      "h2 Wie betaalt, bepaalt",
      "h2 Aan het werk!",
      "h2 Een aantal van de organisaties die kozen voor mijn diensten",
      "h2 Wil jij een gratis abonnement op mijn tweemaandelijkse ‘Updates’?",
    ]);
    await expect(landmarkOutline(canvasElement)).toEqual([
      "header",
      "nav Hoofdmenu",
      "main",
      "footer",
    ]);
    // The line under the title, as the site writes it for this article.
    await expect(canvas.getByText(/^Gepubliceerd op/)).toHaveTextContent(
      "Gepubliceerd op 2 oktober 2023",
    );
    await expect(canvas.getByText(/min leestijd$/)).toHaveTextContent("2 min leestijd");
  },
} satisfies Meta<typeof ArticlePage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The consultant's article page, composed only from design-system components. */
export const Page: Story = {};
export const DarkTheme: Story = { ...darkTheme };
export const NarrowViewport: Story = { ...narrowViewport };
/** A reader whose system prefers dark: the page follows it. */
export const DarkColorScheme: Story = { ...readerPrefersDark };
