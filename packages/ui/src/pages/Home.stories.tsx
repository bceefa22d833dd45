import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { Box } from "../components/Box";
import { Heading } from "../components/Heading";
import { Link } from "../components/Link";
import { LogoCarousel } from "../components/LogoCarousel";
import { SignupForm } from "../components/SignupForm";
import { Stack } from "../components/Stack";
import { Text } from "../components/Text";
import {
  clientOrganisations,
  exampleFormToken,
  headingOutline,
  landmarkOutline,
  latestArticles,
  newsletterConsentText,
  SiteBody,
  SitePage,
} from "../fixtures/site";
import { formatDutchDate } from "../format";
import { darkColorScheme, darkTheme, narrowViewport } from "../stories/globals";

/**
 * The site's home page (`/`) as apps/site/app/routes/_index.tsx ships it: introduction, the
 * latest articles, the client logos and the newsletter signup (SignupSection), in the site's
 * frame. Composed only from design-system components and fixtures.
 */
function HomePage() {
  return (
    <SiteBody>
      <SitePage currentPath="/">
        <Stack space="lg">
          <Heading level={1}>Vaart in samenwerken</Heading>
          <Text size="lead">
            Ik begeleid teams en ketenpartners die beter willen samenwerken: binnen een team, en
            tussen woningcorporaties en de onderhoudsbedrijven waarmee zij bouwen en beheren.
          </Text>
          <Text>
            Ik kijk daarbij door een systemische bril: welke patronen, loyaliteiten en
            machtsverhoudingen spelen er onder de oppervlakte? En ik werk met het teammodel van
            Patrick Lencioni: vertrouwen, het aangaan van conflict, betrokkenheid, aanspreekbaarheid
            en aandacht voor resultaten. Zo ontstaat er vaart in samenwerken.
          </Text>
        </Stack>

        <Box as="section" aria-labelledby="laatste-artikelen">
          <Stack space="lg">
            <Heading level={2} id="laatste-artikelen">
              Laatste artikelen
            </Heading>
            <Stack space="lg">
              {latestArticles.map((article) => (
                <article key={article.slug}>
                  <Stack space="xs">
                    <Heading level={3}>
                      <Link href={`/artikelen/${article.slug}`}>{article.title}</Link>
                    </Heading>
                    <Text size="small" tone="muted">
                      <time dateTime={article.date}>{formatDutchDate(article.date)}</time>
                    </Text>
                    <Text>{article.description}</Text>
                  </Stack>
                </article>
              ))}
            </Stack>
            <Text>
              <Link href="/artikelen">Alle artikelen</Link>
            </Text>
          </Stack>
        </Box>

        <LogoCarousel organisations={clientOrganisations} />

        <SignupForm
          action="/?index"
          consentLabel={newsletterConsentText}
          hiddenFields={{ formToken: exampleFormToken }}
        />
      </SitePage>
    </SiteBody>
  );
}

const meta = {
  title: "Pages/Home",
  component: HomePage,
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
} satisfies Meta<typeof HomePage>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Page: Story = {};
export const DarkTheme: Story = { ...darkTheme };
export const NarrowViewport: Story = { ...narrowViewport };
/** A reader whose system prefers dark: the page follows it. */
export const DarkColorScheme: Story = {
  ...darkColorScheme,
  play: async () => {
    // The page follows the reader's dark setting (CSS only), with the dark theme's colours.
    await expect(getComputedStyle(document.body).backgroundColor).toBe("rgb(18, 22, 25)");
  },
};
/** A reader whose system prefers dark, on a 320 px phone: the page follows it. */
export const DarkColorSchemeNarrow: Story = {
  ...darkColorScheme,
  globals: narrowViewport.globals,
  play: async () => {
    // The page follows the reader's dark setting (CSS only), with the dark theme's colours.
    await expect(getComputedStyle(document.body).backgroundColor).toBe("rgb(18, 22, 25)");
  },
};
