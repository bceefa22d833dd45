import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { newsletterPaths } from "@vaart/content/site";
import { getNewsletter, handleSignup, signupFormData } from "@vaart/web";
import { pageMeta } from "@vaart/web/page-meta";
import { pageHeaders, recentCache, requestInfo } from "@vaart/web/remix";
import { siteOrigin } from "../lib/seo.server";
import { ArchivePage } from "../pages/ArchivePage";

export const headers = pageHeaders;

/**
 * From the database, not the build: an Update is listed once its sending starts. Cached for
 * a minute (`recentCache`), so a new one shows within a minute on every instance.
 */
export async function loader({ context }: LoaderFunctionArgs) {
  const updates = (await getNewsletter().listSentUpdates()).map(
    ({ slug, subject, preheader, date }) => ({ slug, subject, preheader, date }),
  );
  return data(
    { updates, form: signupFormData(), origin: siteOrigin(context) },
    { headers: recentCache },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  return handleSignup(request, requestInfo(context), {
    source: newsletterPaths.archive,
    thanksPath: newsletterPaths.thanks,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) =>
  loaderData
    ? pageMeta({
        title: "Archief van de Updates",
        description:
          "Alle verstuurde ‘Updates’, de tweemaandelijkse nieuwsbrief over persoonlijke en teamontwikkeling, om terug te lezen.",
        url: `${loaderData.origin}${newsletterPaths.archive}`,
      })
    : [];

export default function Archive() {
  const { updates, form } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  return <ArchivePage updates={updates} form={form} outcome={outcome} />;
}
