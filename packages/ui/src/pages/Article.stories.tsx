import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { ArticleLayout } from "../components/ArticleLayout";
import { LogoCarousel } from "../components/LogoCarousel";
import { RichText } from "../components/RichText";
import { SignupForm } from "../components/SignupForm";
import {
  clientOrganisations,
  exampleFormToken,
  htmlToText,
  mainId,
  newsletterConsentText,
  publishedArticle,
  SiteBody,
  SiteFooter,
  SiteHeader,
} from "../fixtures/site";
import { estimateReadingMinutes } from "../format";
import { darkTheme, narrowViewport } from "../stories/globals";

const path = `/artikelen/${publishedArticle.slug}`;

/**
 * An article (`/artikelen/<slug>`) as apps/site/app/routes/artikelen.$slug.tsx ships it:
 * ArticleLayout with the site's header and footer, the Markdown body in RichText, then the
 * client logos and the newsletter signup (SignupSection, posting to the article itself).
 */
function ArticlePage() {
  return (
    <SiteBody>
      <ArticleLayout
        mainId={mainId}
        title={publishedArticle.title}
        lead={publishedArticle.lead}
        meta={{
          published: publishedArticle.date,
          readingMinutes: estimateReadingMinutes(htmlToText(publishedArticle.html)),
        }}
        readMore={publishedArticle.readMore}
        header={<SiteHeader currentPath={path} />}
        footer={<SiteFooter />}
        asides={
          <>
            <LogoCarousel organisations={clientOrganisations} />
            <SignupForm
              action={path}
              consentLabel={newsletterConsentText}
              hiddenFields={{ formToken: exampleFormToken }}
            />
          </>
        }
      >
        <RichText html={publishedArticle.html} />
      </ArticleLayout>
    </SiteBody>
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
