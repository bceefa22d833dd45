import { siteIdentity } from "@vaart/content/site";
import { Box, Heading, Link, LogoCarousel, type Organisation, Stack, Text } from "@vaart/ui";
import type { SignupFormData, SignupOutcome } from "@vaart/web/signup-form";
import { ArticleSummary, type ArticleSummaryData } from "../components/ArticleSummary";
import { SignupSection } from "../components/SignupSection";
import { SitePage } from "../components/SiteFrame";

export interface HomePageProps {
  /** The newest articles (three at most). */
  latest: ArticleSummaryData[];
  organisations: readonly Organisation[];
  form: SignupFormData;
  /** The answer to a signup that did not go through. */
  outcome?: SignupOutcome | undefined;
}

/** The home page (`/`): introduction, the latest articles, the client logos, the signup. */
export function HomePage({ latest, organisations, form, outcome }: HomePageProps) {
  return (
    <SitePage currentPath="/">
      <Stack space="lg">
        <Heading level={1}>{siteIdentity.name}</Heading>
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
            {latest.map((article) => (
              <ArticleSummary key={article.slug} article={article} headingLevel={3} />
            ))}
          </Stack>
          <Text>
            <Link href="/artikelen">Alle artikelen</Link>
          </Text>
        </Stack>
      </Box>

      <LogoCarousel organisations={organisations} />

      <SignupSection action="/?index" form={form} outcome={outcome} />
    </SitePage>
  );
}
