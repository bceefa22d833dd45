import type { ActionFunctionArgs, HeadersFunction, MetaFunction } from "@remix-run/node";
import { useActionData, useParams } from "@remix-run/react";
import { newsletterPaths } from "@vaart/content/site";
import { Button, Heading, Link, Stack, Text } from "@vaart/ui";
import { handleConfirm } from "@vaart/web";
import { RequestNewForm } from "../components/RequestNewForm";
import { SitePage } from "../components/SiteFrame";
import { requestInfo } from "../lib/context";
import { tokenPageHeaders } from "../lib/http";

// The token in the address is a credential: never cached, never indexed, never sent on.
export const headers: HeadersFunction = () => tokenPageHeaders;

export const meta: MetaFunction = () => [
  { title: "Aanmelding bevestigen · Vaart in samenwerken" },
  { name: "robots", content: "noindex" },
];

// A GET only shows the button: mail scanners open every link, and must not confirm anyone.
export async function action({ request, params, context }: ActionFunctionArgs) {
  return handleConfirm(request, requestInfo(context), params.token ?? "");
}

export default function ConfirmPage() {
  const { token } = useParams();
  const outcome = useActionData<typeof action>();
  const path = `${newsletterPaths.confirm}/${token ?? ""}`;
  return (
    <SitePage currentPath={path}>
      {!outcome ? (
        <Stack space="lg">
          <Heading level={1}>Aanmelding bevestigen</Heading>
          <Text>
            Druk op de knop om je aanmelding voor de ‘Updates’ te bevestigen. Daarna ontvang je eens
            per twee maanden een mail; afmelden kan altijd weer.
          </Text>
          <form method="post" action={path}>
            <Button type="submit">Bevestig mijn aanmelding</Button>
          </form>
        </Stack>
      ) : (
        <Stack space="lg">
          <Heading level={1}>
            {outcome.status === "confirmed" || outcome.status === "already-confirmed"
              ? "Je aanmelding is bevestigd"
              : outcome.status === "unavailable"
                ? "Bevestigen lukte nu niet"
                : "Deze link werkt niet meer"}
          </Heading>
          <Text role="status">{outcome.message}</Text>
          {outcome.canRequestNew ? <RequestNewForm /> : null}
          <Text>
            <Link href="/artikelen">Naar de artikelen</Link>
          </Text>
        </Stack>
      )}
    </SitePage>
  );
}
