import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { Box } from "../components/Box";
import { Container } from "../components/Container";
import { Heading } from "../components/Heading";
import { Link } from "../components/Link";
import { LogoCarousel } from "../components/LogoCarousel";
import { SignupForm } from "../components/SignupForm";
import { Stack } from "../components/Stack";
import { Text } from "../components/Text";
import { seedOrganisations } from "../fixtures/seedArticle";
import { recentArticles, SitePage } from "../fixtures/site";
import { consentLabel, darkTheme, narrowViewport } from "../stories/globals";

/** The site's home page (`/`), composed only from design-system components and fixtures. */
function HomePage() {
  return (
    <SitePage current="/">
      <Container>
        <Stack space="xxl">
          <Stack space="md" style={{ maxWidth: "40rem" }}>
            <Heading level={1}>Vaart in samenwerken</Heading>
            <Text size="lead">
              Teams en ketens die beter samenwerken: systemisch kijken, eerlijk het gesprek voeren
              en samen verantwoordelijkheid nemen.
            </Text>
            <Text>
              <Link href="/artikelen">Lees de artikelen</Link>
            </Text>
          </Stack>
          <Stack as="section" aria-labelledby="recent" space="lg">
            <Heading level={2} id="recent">
              Recente artikelen
            </Heading>
            <Box
              as="ul"
              display="grid"
              gap="lg"
              style={{ listStyle: "none", margin: 0, padding: 0 }}
            >
              {recentArticles.map((article) => (
                <Box as="li" key={article.href} padding="lg" background="surface" borderRadius="md">
                  <Stack space="xs">
                    <Heading level={3}>
                      <Link href={article.href}>{article.title}</Link>
                    </Heading>
                    <Text>{article.summary}</Text>
                  </Stack>
                </Box>
              ))}
            </Box>
          </Stack>
          <LogoCarousel organisations={seedOrganisations} />
          <SignupForm action="/nieuwsbrief" consentLabel={consentLabel} />
        </Stack>
      </Container>
    </SitePage>
  );
}

const meta = {
  title: "Pages/Home",
  component: HomePage,
} satisfies Meta<typeof HomePage>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Page: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getAllByRole("heading", { level: 1 })).toHaveLength(1);
    await expect(canvas.getByRole("link", { name: "Vaart in samenwerken" })).toHaveAttribute(
      "aria-current",
      "page",
    );
  },
};
export const DarkTheme: Story = { ...darkTheme };
export const NarrowViewport: Story = { ...narrowViewport };
