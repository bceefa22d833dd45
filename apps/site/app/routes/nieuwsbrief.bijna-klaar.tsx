import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { newsletterPaths } from "@vaart/content/site";
import { pageMeta } from "@vaart/web/page-meta";
import { contentCache, pageHeaders } from "@vaart/web/remix";
import { siteOrigin } from "../lib/seo.server";
import { ThanksPage } from "../pages/ThanksPage";

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

export default function Thanks() {
  return <ThanksPage />;
}
