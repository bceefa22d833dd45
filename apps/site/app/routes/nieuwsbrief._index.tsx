import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { newsletterPaths } from "@vaart/content/site";
import { handleSignup, newsletterSignupPost, signupFormData } from "@vaart/web";
import { pageMeta } from "@vaart/web/page-meta";
import { contentCache, pageHeaders, requestInfo } from "@vaart/web/remix";
import { siteOrigin } from "../lib/seo.server";
import { NewsletterPage } from "../pages/NewsletterPage";

export const headers = pageHeaders;

export async function loader({ context }: LoaderFunctionArgs) {
  return data({ form: signupFormData(), origin: siteOrigin(context) }, { headers: contentCache });
}

export async function action({ request, context }: ActionFunctionArgs) {
  // The server answers a stored signup to this page before Remix (the same 303): one route.
  return handleSignup(request, requestInfo(context), newsletterSignupPost);
}

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) =>
  loaderData
    ? pageMeta({
        title: "Nieuwsbrief",
        description:
          "Meld je gratis aan voor de tweemaandelijkse ‘Updates’ over persoonlijke en teamontwikkeling. Afmelden kan altijd weer.",
        url: `${loaderData.origin}${newsletterPaths.signup}`,
      })
    : [];

export default function Newsletter() {
  const { form } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  return <NewsletterPage form={form} outcome={outcome} />;
}
