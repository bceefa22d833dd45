import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { organisations } from "@vaart/content";
import { newsletterPaths, siteIdentity } from "@vaart/content/site";
import { Box, Heading, Link, LogoCarousel, Stack, Text } from "@vaart/ui";
import { handleSignup, signupFormData } from "@vaart/web";
import { pageMeta } from "@vaart/web/page-meta";
import { contentCache, pageHeaders, requestInfo } from "@vaart/web/remix";
import { ArticleSummary } from "../components/ArticleSummary";
import { SignupSection } from "../components/SignupSection";
import { SitePage } from "../components/SiteFrame";
import { listArticles } from "../content/articles.server";
import { siteOrigin } from "../lib/seo";

export const headers = pageHeaders;

export async function loader({ context }: LoaderFunctionArgs) {
  const latest = listArticles()
    .slice(0, 3)
    // `draft` too: under `pnpm dev` a draft is listed here, and must be marked as one.
    .map(({ slug, title, description, date, draft }) => ({
      slug,
      title,
      description,
      date,
      draft,
    }));
  return data(
    { latest, organisations, form: signupFormData(), origin: siteOrigin(context) },
    { headers: contentCache },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  return handleSignup(request, requestInfo(context), {
    source: "/",
    thanksPath: newsletterPaths.thanks,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) =>
  loaderData
    ? pageMeta({
        title: siteIdentity.name,
        description:
          "Teamontwikkeling en samenwerking in de keten: systemisch werk en het teammodel van Lencioni voor woningcorporaties, onderhoudsbedrijven en hun teams.",
        url: `${loaderData.origin}/`,
      })
    : [];

export default function Home() {
  const { latest, organisations: clients, form } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
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

      <LogoCarousel organisations={clients} />

      <SignupSection action="/?index" form={form} outcome={outcome} />
    </SitePage>
  );
}
