import type {
  ActionFunctionArgs,
  HeadersFunction,
  LoaderFunctionArgs,
  MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData, useParams } from "@remix-run/react";
import { newsletterPaths } from "@vaart/content/site";
import { Button, Heading, Link, Stack, Text } from "@vaart/ui";
import { confirmPageData, handleConfirm } from "@vaart/web";
import { pageTitle } from "@vaart/web/page-meta";
import { privatePageHeaders, requestInfo } from "@vaart/web/remix";
import { RequestNewForm } from "../components/RequestNewForm";
import { SitePage } from "../components/SiteFrame";

// The token in the address is a credential: never cached, never indexed, never sent on.
export const headers: HeadersFunction = () => privatePageHeaders;

export const meta: MetaFunction = () => [
  { title: pageTitle("Aanmelding bevestigen") },
  { name: "robots", content: "noindex" },
];

// A GET only shows the button and which signup it confirms: mail scanners open every link,
// and must not confirm anyone.
export async function loader({ params }: LoaderFunctionArgs) {
  return confirmPageData(params.token ?? "");
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  return handleConfirm(request, requestInfo(context), params.token ?? "");
}

export default function ConfirmPage() {
  const { token } = useParams();
  const { signup } = useLoaderData<typeof loader>();
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
          {signup ? (
            <>
              <Text>
                Deze link hoort bij de aanmelding van <strong>{signup.signedUpAt}</strong>
                {signup.firstName ? (
                  <>
                    , met de voornaam <strong>{signup.firstName}</strong>.
                  </>
                ) : (
                  ", zonder voornaam."
                )}
              </Text>
              <Text>
                Herken je deze aanmelding niet? Druk dan niet op de knop: iemand anders heeft je
                adres ingevuld. Zonder bevestiging ontvang je niets.
              </Text>
            </>
          ) : null}
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
