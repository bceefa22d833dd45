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
import { contentCache, notFound, pageHeaders, requestInfo } from "@vaart/web/remix";
import { archiveHtml } from "../content/archive-html.server";
import { siteOrigin } from "../lib/seo.server";
import { ArchivedUpdatePage } from "../pages/ArchivedUpdatePage";
import { archivePath } from "../pages/ArchivePage";

export const headers = pageHeaders;

/**
 * The web version is frozen when sending starts, so the page is a content page (5 minutes).
 * An Update not sent (yet) is a 404 that no cache keeps: it is there the moment it is sent.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const found = await getNewsletter().findSentUpdate(params.slug ?? "");
  if (!found) throw notFound();
  const { webHtml, sentAt: _sentAt, ...shown } = found;
  return data(
    {
      update: { ...shown, html: archiveHtml(webHtml) },
      form: signupFormData(),
      origin: siteOrigin(context),
    },
    { headers: contentCache },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const found = await getNewsletter().findSentUpdate(params.slug ?? "");
  if (!found) throw notFound();
  return handleSignup(request, requestInfo(context), {
    source: archivePath(found.slug),
    thanksPath: newsletterPaths.thanks,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => {
  if (!loaderData) return [];
  const { update, origin } = loaderData;
  return pageMeta({
    title: update.subject,
    description:
      update.preheader ??
      `De Update van ${update.date}: de tweemaandelijkse nieuwsbrief van Vaart in samenwerken.`,
    url: `${origin}${archivePath(update.slug)}`,
    type: "article",
    extra: [{ property: "article:published_time", content: update.date }],
  });
};

export default function ArchivedUpdate() {
  const { update, form } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  return <ArchivedUpdatePage update={update} form={form} outcome={outcome} />;
}
