import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { newsletterPaths, siteIdentity } from "@vaart/content/site";
import { handleSignup, signupFormData } from "@vaart/web";
import { pageMeta } from "@vaart/web/page-meta";
import { contentCache, pageHeaders, requestInfo } from "@vaart/web/remix";
import { clientOrganisations, listArticles } from "../content/articles.server";
import { siteOrigin } from "../lib/seo.server";
import { HomePage } from "../pages/HomePage";

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
    {
      latest,
      organisations: clientOrganisations(),
      form: signupFormData(),
      origin: siteOrigin(context),
    },
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
  return <HomePage latest={latest} organisations={clients} form={form} outcome={outcome} />;
}
