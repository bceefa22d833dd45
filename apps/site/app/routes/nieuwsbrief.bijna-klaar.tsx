import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { newsletterPaths } from "@vaart/content/site";
import { Heading, Link, Stack, Text } from "@vaart/ui";
import { pageMeta } from "@vaart/web/page-meta";
import { contentCache, pageHeaders } from "@vaart/web/remix";
import { SitePage } from "../components/SiteFrame";
import { siteOrigin } from "../lib/seo";

export const headers = pageHeaders;

export async function loader({ context }: LoaderFunctionArgs) {
  return data({ origin: siteOrigin(context) }, { headers: contentCache });
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) =>
  loaderData
    ? pageMeta({
        title: "Bijna klaar: check je mailbox",
        description: "Bevestig je aanmelding voor de ‘Updates’ met de knop in de mail.",
        url: `${loaderData.origin}${newsletterPaths.thanks}`,
        noindex: true,
      })
    : [];

export default function ThanksPage() {
  return (
    <SitePage currentPath={newsletterPaths.thanks}>
      <Stack space="lg">
        <Heading level={1}>Bijna klaar: check je mailbox</Heading>
        <Text>
          Ik heb je een e-mail gestuurd. Druk op de knop in die mail om je aanmelding te bevestigen.
          Pas daarna ontvang je de ‘Updates’.
        </Text>
        <Text>
          Niets ontvangen? Kijk ook even in je map met ongewenste mail, of{" "}
          <Link href={newsletterPaths.requestNew}>vraag een nieuwe bevestigingsmail aan</Link>.
        </Text>
        <Text>
          <Link href="/artikelen">Verder lezen in de artikelen</Link>
        </Text>
      </Stack>
    </SitePage>
  );
}
