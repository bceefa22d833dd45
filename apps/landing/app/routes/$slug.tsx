import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { handleSignup, signupFormData } from "@vaart/web";
import { pageMeta } from "@vaart/web/page-meta";
import { pageHeaders, requestInfo } from "@vaart/web/remix";
import { useSiteUrl } from "../components/LandingFrame";
import {
  campaignRequest,
  previewParameter,
  versionParameter,
} from "../lib/campaign-request.server";
import { isFormAnswer, markFormAnswer } from "../lib/form-answer";
import { pageBlocks, utmFrom } from "../lib/page-blocks.server";
import { shareImageFor } from "../lib/share-image.server";
import { landingOrigin } from "../lib/urls.server";
import { countVisit } from "../lib/visits.server";
import { CampaignPage } from "../pages/CampaignPage";

export const headers = pageHeaders;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  // After a signup sent once the campaign had ended, the page shows the form's answer (its
  // errors, the values kept) instead of "gone".
  const { campaign, preview, headers, keepQuery, phase } = await campaignRequest(
    request,
    context,
    params.slug,
    new Date(),
    { acceptEnded: isFormAnswer(context) },
  );
  const url = new URL(request.url);
  const utm = utmFrom(url);
  if (phase === "live" && !preview) {
    await countVisit(request, campaign.slug, requestInfo(context).clientIp);
  }
  const signup = campaign.blocks.find((block) => block.type === "signup");
  const origin = landingOrigin(request);
  const formQuery = new URLSearchParams(url.search);
  for (const key of [...formQuery.keys()]) {
    if (!(key in utm) && key !== previewParameter && key !== versionParameter) {
      formQuery.delete(key);
    }
  }
  return data(
    {
      theme: campaign.theme,
      preview,
      title: campaign.title,
      description: campaign.description,
      url: `${origin}/${campaign.slug}`,
      image: shareImageFor(campaign, origin),
      blocks: pageBlocks(campaign, context, keepQuery),
      signup: signup
        ? {
            action: `/${campaign.slug}${formQuery.size > 0 ? `?${formQuery}` : ""}`,
            form: signupFormData(),
            utm,
            copy: { title: signup.heading, intro: signup.intro, submit: signup.button },
          }
        : null,
    },
    { headers },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  markFormAnswer(context);
  const { campaign, keepQuery, preview } = await campaignRequest(
    request,
    context,
    params.slug,
    new Date(),
    { acceptEnded: true },
  );
  return handleSignup(request, requestInfo(context), {
    // A signup tried out through a preview link is real (it gets the mail), but it is not a
    // result of the campaign: its source keeps it out of the campaign's figures.
    source: preview ? `voorbeeld:${campaign.slug}` : campaign.slug,
    thanksPath: `/${campaign.slug}/bedankt${keepQuery}`,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) =>
  page
    ? pageMeta({
        title: page.title,
        description: page.description,
        url: page.url,
        image: page.image,
        noindex: page.preview,
      })
    : [];

export default function Campaign() {
  const page = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const siteUrl = useSiteUrl();
  return (
    <CampaignPage
      siteUrl={siteUrl}
      preview={page.preview}
      blocks={page.blocks}
      signup={page.signup}
      outcome={outcome}
    />
  );
}
