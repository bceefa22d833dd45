import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { Box } from "../components/Box";
import { Container } from "../components/Container";
import { Heading } from "../components/Heading";
import { LogoCarousel } from "../components/LogoCarousel";
import { SignupForm } from "../components/SignupForm";
import { Stack } from "../components/Stack";
import { Text } from "../components/Text";
import { seedOrganisations } from "../fixtures/seedArticle";
import { SiteFooter, SitePage } from "../fixtures/site";
import { campaignTheme, narrowViewport } from "../stories/globals";

const benefits = [
  "Vijf gesprekken die opdrachtgever en opdrachtnemer gelijkwaardig maken.",
  "Oefeningen voor het eerste ketenoverleg, direct te gebruiken.",
  "Voorbeelden uit woningcorporaties en onderhoudsbedrijven.",
];

/**
 * A campaign landing page (the landing app's `/<campaign-slug>`): the campaign theme, a
 * hero, what you get, the signup with campaign copy and attribution, and the client logos.
 */
function CampaignPage() {
  return (
    <SitePage
      header={
        <Box as="header" paddingX="lg" paddingY="md" background="surface">
          <Text weight="bold">Vaart in samenwerken</Text>
        </Box>
      }
      footer={<SiteFooter>Vaart in samenwerken · campagne ‘Gelijkwaardig in de keten’</SiteFooter>}
    >
      <Container>
        <Stack space="xxl">
          <Stack space="md" style={{ maxWidth: "44rem" }}>
            <Heading level={1}>Gelijkwaardig samenwerken in de keten</Heading>
            <Text size="lead">
              Een gratis werkboek voor woningcorporaties en onderhoudsbedrijven die van ‘wie
              betaalt, bepaalt’ naar echte samenwerking willen.
            </Text>
          </Stack>
          <Stack as="section" aria-labelledby="benefits" space="md">
            <Heading level={2} id="benefits">
              Wat je krijgt
            </Heading>
            <Stack as="ul" space="xs" style={{ margin: 0 }}>
              {benefits.map((benefit) => (
                <li key={benefit}>
                  <Text>{benefit}</Text>
                </li>
              ))}
            </Stack>
          </Stack>
          <SignupForm
            action="/gelijkwaardig-in-de-keten"
            consentLabel="Ja, stuur mij het werkboek en daarna de tweemaandelijkse Updates. Afmelden kan altijd."
            hiddenFields={{
              formToken: "voorbeeld-token",
              campaign: "gelijkwaardig-in-de-keten",
              utm_source: "linkedin",
            }}
            copy={{
              title: "Ontvang het werkboek ‘Gelijkwaardig samenwerken in de keten’",
              intro:
                "Laat je e-mailadres achter, dan stuur ik je het werkboek en daarna de Updates.",
              submit: "Stuur mij het werkboek",
            }}
          />
          <LogoCarousel organisations={seedOrganisations} title="Organisaties die je voorgingen" />
        </Stack>
      </Container>
    </SitePage>
  );
}

const meta = {
  title: "Pages/Campaign",
  component: CampaignPage,
  ...campaignTheme,
} satisfies Meta<typeof CampaignPage>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Page: Story = {
  play: async ({ canvasElement }) => {
    const form = canvasElement.querySelector("form");
    await expect(form?.querySelector('input[name="campaign"]')).toHaveValue(
      "gelijkwaardig-in-de-keten",
    );
    await expect(within(canvasElement).getAllByRole("heading", { level: 1 })).toHaveLength(1);
  },
};
export const NarrowViewport: Story = { ...narrowViewport };
