import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { siteIdentity } from "@vaart/content/site";
import { Heading, Link, Stack, Text } from "@vaart/ui";
import { pageHeaders } from "@vaart/web/remix";
import { LandingPage } from "../components/LandingFrame";
import { campaignRequest } from "../lib/campaign-request.server";
import { siteUrl } from "../lib/urls.server";

export const headers = pageHeaders;

/** The campaign's own thank-you page after a signup (post/redirect/get from the form). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { campaign, preview, headers, keepQuery } = await campaignRequest(
    request,
    context,
    params.slug,
    new Date(),
    { acceptEnded: true },
  );
  const signup = campaign.blocks.find((block) => block.type === "signup");
  return data(
    {
      theme: campaign.theme,
      preview,
      campaignTitle: campaign.title,
      backHref: `/${campaign.slug}${keepQuery}`,
      siteHref: siteUrl(context, "/"),
      heading: signup?.thanks?.heading ?? "Bijna klaar: check je mailbox",
      text:
        signup?.thanks?.text ??
        "Ik heb je een e-mail gestuurd. Klik op de knop in die mail om je aanmelding te bevestigen. Niets ontvangen? Kijk ook even in je map met ongewenste mail.",
    },
    { headers: { ...headers, "X-Robots-Tag": "noindex" } },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) =>
  page
    ? [{ title: `${page.heading} · ${siteIdentity.name}` }, { name: "robots", content: "noindex" }]
    : [];

export default function ThanksPage() {
  const page = useLoaderData<typeof loader>();
  return (
    <LandingPage preview={page.preview}>
      <Stack space="lg">
        <Heading level={1}>{page.heading}</Heading>
        <Text size="lead">{page.text}</Text>
        <Text>
          <Link href={page.backHref}>Terug naar “{page.campaignTitle}”</Link> of{" "}
          <Link href={page.siteHref}>naar de website</Link>.
        </Text>
      </Stack>
    </LandingPage>
  );
}
