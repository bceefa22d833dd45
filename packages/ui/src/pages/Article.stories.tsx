import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { ArticleLayout } from "../components/ArticleLayout";
import { LogoCarousel } from "../components/LogoCarousel";
import { SignupForm } from "../components/SignupForm";
import { SkipLink } from "../components/SkipLink";
import { SeedArticleBody, seedArticle, seedOrganisations } from "../fixtures/seedArticle";
import { SiteFooter, SiteHeader } from "../fixtures/site";
import { consentLabel, darkTheme, narrowViewport } from "../stories/globals";

function ArticlePage() {
  return (
    <>
      <SkipLink />
      <ArticleLayout
        title={seedArticle.title}
        lead={seedArticle.lead}
        meta={{ published: seedArticle.published, readingMinutes: 3 }}
        readMore={seedArticle.readMore}
        header={<SiteHeader current="/artikelen" />}
        asides={
          <>
            <LogoCarousel organisations={seedOrganisations} />
            <SignupForm
              action="/nieuwsbrief"
              consentLabel={consentLabel}
              hiddenFields={{
                source: "/artikelen/is-gelijkwaardigheid-in-een-ketensamenwerking-mogelijk",
              }}
            />
          </>
        }
        footer={<SiteFooter />}
      >
        <SeedArticleBody />
      </ArticleLayout>
    </>
  );
}

const meta = {
  title: "Pages/Article",
  component: ArticlePage,
  parameters: { layout: "fullscreen" },
} satisfies Meta<typeof ArticlePage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The consultant's article page, composed only from design-system components. */
export const Page: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getAllByRole("heading", { level: 1 })).toHaveLength(1);
    await expect(canvas.getByRole("main")).toBeInTheDocument();
    await expect(canvas.getByRole("navigation", { name: "Hoofdmenu" })).toBeInTheDocument();
    await expect(canvas.getByRole("contentinfo")).toBeInTheDocument();
    // The skip link is the first focusable element on the page.
    const focusable = canvasElement.querySelector("a[href], button, input, [tabindex]");
    await expect(focusable).toHaveTextContent("Direct naar de inhoud");
  },
};

export const DarkTheme: Story = { ...darkTheme };
export const NarrowViewport: Story = { ...narrowViewport };
