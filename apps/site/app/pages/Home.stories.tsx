import type { Meta, StoryObj } from "@storybook/react-vite";
import {
  clientOrganisations,
  darkTheme,
  exampleSignupForm,
  headingOutline,
  landmarkOutline,
  narrowViewport,
  newsletterConsentText,
  readerPrefersDark,
  readerPrefersDarkNarrow,
} from "@vaart/testing/stories";
import { expect, within } from "storybook/test";
import { HomePage } from "./HomePage";
import { latestArticles, SiteBody } from "./story-fixtures";

/** The site's home page (`/`): the app's own page component, with sample loader data. */
function Home() {
  return (
    <SiteBody>
      <HomePage
        latest={latestArticles}
        organisations={clientOrganisations}
        form={exampleSignupForm}
      />
    </SiteBody>
  );
}

const meta = {
  title: "Pages/Home",
  component: Home,
  // Every story (each theme, the narrow viewport) checks the page it draws against the shipped one.
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getAllByRole("heading", { level: 1 })).toHaveLength(1);
    await expect(canvas.getByRole("link", { name: "Vaart in samenwerken" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    // The shipped page's structure, in order: a heading added, dropped, renamed or moved fails.
    await expect(headingOutline(canvasElement)).toEqual([
      "h1 Vaart in samenwerken",
      "h2 Laatste artikelen",
      "h3 Is gelijkwaardigheid in een ketensamenwerking mogelijk?",
      "h2 Een aantal van de organisaties die kozen voor mijn diensten",
      "h2 Wil jij een gratis abonnement op mijn tweemaandelijkse ‘Updates’?",
    ]);
    await expect(landmarkOutline(canvasElement)).toEqual([
      "header",
      "nav Hoofdmenu",
      "main",
      "footer",
    ]);
    // The consent statement is the one the server stores with every signup.
    await expect(canvas.getByRole("checkbox", { name: newsletterConsentText })).toBeInTheDocument();
  },
} satisfies Meta<typeof Home>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Page: Story = {};
export const DarkTheme: Story = { ...darkTheme };
export const NarrowViewport: Story = { ...narrowViewport };
/** A reader whose system prefers dark: the page follows it. */
export const DarkColorScheme: Story = { ...readerPrefersDark };
/** A reader whose system prefers dark, on a 320 px phone: the page follows it. */
export const DarkColorSchemeNarrow: Story = { ...readerPrefersDarkNarrow };
