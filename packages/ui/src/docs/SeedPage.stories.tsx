import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { ArticleLayout } from "../components/ArticleLayout";
import { Box } from "../components/Box";
import { Link } from "../components/Link";
import { LogoCarousel } from "../components/LogoCarousel";
import { SignupForm } from "../components/SignupForm";
import { SkipLink } from "../components/SkipLink";
import { Text } from "../components/Text";
import { SeedArticleBody, seedArticle, seedOrganisations } from "../fixtures/seedArticle";

function SeedPage() {
  return (
    <>
      <SkipLink />
      <ArticleLayout
        title={seedArticle.title}
        lead={seedArticle.lead}
        meta={{ published: seedArticle.published, readingMinutes: 3 }}
        readMore={seedArticle.readMore}
        header={
          <Box as="header" paddingX="lg" paddingY="md" background="surface">
            <Box as="nav" aria-label="Hoofdmenu" display="flex" gap="lg" alignItems="center">
              <Link href="/">Vaart in samenwerken</Link>
              <Link href="/artikelen">Artikelen</Link>
              <Link href="/nieuwsbrief">Nieuwsbrief</Link>
            </Box>
          </Box>
        }
        asides={
          <>
            <LogoCarousel organisations={seedOrganisations} />
            <SignupForm
              action="/nieuwsbrief"
              consentLabel="Ja, ik wil de tweemaandelijkse Updates ontvangen. Mijn gegevens worden alleen daarvoor gebruikt."
              hiddenFields={{
                source: "/artikelen/is-gelijkwaardigheid-in-een-ketensamenwerking-mogelijk",
              }}
            />
          </>
        }
        footer={
          <Box as="footer" paddingX="lg" paddingY="xl" background="surface">
            <Text size="small" tone="muted">
              Vaart in samenwerken · teamontwikkeling en ketensamenwerking
            </Text>
          </Box>
        }
      >
        <SeedArticleBody />
      </ArticleLayout>
    </>
  );
}

const meta = {
  title: "Pages/Seed article",
  component: SeedPage,
  parameters: { layout: "fullscreen" },
} satisfies Meta<typeof SeedPage>;

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

export const Campaign: Story = { globals: { theme: "campaign" } };
export const Dark: Story = { globals: { theme: "dark" } };
export const NarrowPhone: Story = { globals: { viewport: { value: "narrow", isRotated: false } } };
