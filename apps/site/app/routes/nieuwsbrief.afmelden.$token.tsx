import type { ActionFunctionArgs, HeadersFunction, MetaFunction } from "@remix-run/node";
import { useActionData, useParams } from "@remix-run/react";
import { newsletterPaths } from "@vaart/content/site";
import { Button, Heading, Link, Stack, Text } from "@vaart/ui";
import { handleUnsubscribe } from "@vaart/web";
import { pageTitle } from "@vaart/web/page-meta";
import { privatePageHeaders, requestInfo } from "@vaart/web/remix";
import { SitePage } from "../components/SiteFrame";

export const headers: HeadersFunction = () => privatePageHeaders;

export const meta: MetaFunction = () => [
  { title: pageTitle("Afmelden") },
  { name: "robots", content: "noindex" },
];

// RFC 8058: a mail client posts `List-Unsubscribe=One-Click` here, without cookies; the
// page's button posts the same form. A GET (a link scanner) only shows the button.
export async function action({ request, params, context }: ActionFunctionArgs) {
  let form: FormData | null = null;
  try {
    form = await request.formData();
  } catch {
    form = null;
  }
  return handleUnsubscribe(request, requestInfo(context), params.token ?? "", form);
}

export default function UnsubscribePage() {
  const { token } = useParams();
  const outcome = useActionData<typeof action>();
  const path = `${newsletterPaths.unsubscribe}/${token ?? ""}`;
  return (
    <SitePage currentPath={path}>
      {!outcome ? (
        <Stack space="lg">
          <Heading level={1}>Afmelden voor de ‘Updates’</Heading>
          <Text>Druk op de knop en je krijgt geen ‘Updates’ meer.</Text>
          <form method="post" action={path}>
            <Button type="submit">Afmelden</Button>
          </form>
        </Stack>
      ) : (
        <Stack space="lg">
          <Heading level={1}>
            {outcome.status === "unsubscribed"
              ? "Je bent afgemeld"
              : outcome.status === "unavailable"
                ? "Afmelden lukte nu niet"
                : "Deze afmeldlink werkt niet"}
          </Heading>
          <Text role="status">{outcome.message}</Text>
          <Text>
            <Link href="/">Naar de homepage</Link>
          </Text>
        </Stack>
      )}
    </SitePage>
  );
}
