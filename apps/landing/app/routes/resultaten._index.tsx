import {
  type ActionFunctionArgs,
  data,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { siteIdentity } from "@vaart/content/site";
import { BarChart, Button, ErrorSummary, Heading, Link, Stack, Text, TextField } from "@vaart/ui";
import { privatePageHeaders, requestInfo } from "@vaart/web/remix";
import { LandingPage } from "../components/LandingFrame";
import { ResultsTable } from "../components/ResultsTable";
import { campaignResults } from "../lib/results.server";
import {
  checkPassword,
  endSession,
  hasResultsSession,
  loginCookies,
} from "../lib/results-auth.server";

/** Private: never stored by a cache, never indexed, no Referer to other sites. */
const privateHeaders = privatePageHeaders;

// A document response takes its headers from here, not from the action's data(): pass the
// lock-out's Retry-After on.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { ...privateHeaders, "Retry-After": retryAfter } : privateHeaders;
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!(await hasResultsSession(request, context))) {
    return data({ signedIn: false as const, theme: "brand" as const }, { headers: privateHeaders });
  }
  const results = await campaignResults();
  return data(
    {
      signedIn: true as const,
      theme: "brand" as const,
      results,
      generatedAt: new Date().toISOString(),
    },
    { headers: privateHeaders },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData().catch(() => null);
  if (form?.get("intent") === "afmelden") {
    throw redirect("/resultaten", {
      status: 303,
      headers: { ...privateHeaders, "Set-Cookie": await endSession(request, context) },
    });
  }
  const result = await checkPassword(
    form?.get("password"),
    requestInfo(context).clientIp,
    context,
    request,
  );
  if (result.status === "ok") {
    const headers = new Headers(privateHeaders);
    for (const cookie of await loginCookies(context)) headers.append("Set-Cookie", cookie);
    throw redirect("/resultaten", { status: 303, headers });
  }
  if (result.status === "rate-limited") {
    return data(
      {
        error: `Te veel pogingen. Probeer het over ${Math.ceil(result.retryAfterSeconds / 60)} minuten opnieuw.`,
      },
      {
        status: 429,
        headers: { ...privateHeaders, "Retry-After": String(result.retryAfterSeconds) },
      },
    );
  }
  return data({ error: "Dat wachtwoord klopt niet." }, { status: 401, headers: privateHeaders });
}

export const meta: MetaFunction = () => [
  { title: `Resultaten van de campagnes · ${siteIdentity.name}` },
  { name: "robots", content: "noindex" },
];

const dayLabel = new Intl.DateTimeFormat("nl-NL", {
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});

export default function ResultsPage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  if (!page.signedIn) {
    return (
      <LandingPage>
        <Stack space="lg">
          <Heading level={1}>Resultaten van de campagnes</Heading>
          <Text>Log in met het wachtwoord voor de resultaten.</Text>
          {answer?.error ? (
            <ErrorSummary errors={[{ fieldId: "wachtwoord", message: answer.error }]} />
          ) : null}
          <form method="post" action="/resultaten">
            <Stack space="md">
              <TextField
                id="wachtwoord"
                name="password"
                type="password"
                label="Wachtwoord"
                autoComplete="current-password"
                error={answer?.error}
                required
              />
              <div>
                <Button type="submit">Inloggen</Button>
              </div>
            </Stack>
          </form>
        </Stack>
      </LandingPage>
    );
  }
  return (
    <LandingPage>
      <Stack space="lg">
        <Heading level={1}>Resultaten van de campagnes</Heading>
        <Text>
          Bezoeken worden op de server geteld, zonder cookies en zonder iets over de bezoeker te
          bewaren. Conversie = bevestigde aanmeldingen per bezoek.{" "}
          <Link href="/resultaten/export.csv">Download de aanmeldingen als CSV</Link>.
        </Text>
        <ResultsTable results={page.results} />
      </Stack>
      {page.results.map((result) => (
        <Stack key={result.slug} space="md" as="section" aria-labelledby={`grafiek-${result.slug}`}>
          <Heading level={2} id={`grafiek-${result.slug}`}>
            {result.title}
          </Heading>
          {result.days.length > 0 ? (
            <BarChart
              // The heading right above names the campaign; the caption says what the chart shows.
              title="Bezoeken, aanmeldingen en bevestigingen per dag"
              regionLabel={`Grafiek: ${result.title}`}
              series={["Bezoeken", "Aanmeldingen", "Bevestigd"]}
              groups={result.days.map((day) => ({
                label: dayLabel.format(new Date(`${day.day}T12:00:00Z`)),
                values: [day.visits, day.signups, day.confirmed],
              }))}
            />
          ) : (
            <Text tone="muted">Nog geen bezoeken of aanmeldingen.</Text>
          )}
        </Stack>
      ))}
      <form method="post" action="/resultaten">
        <input type="hidden" name="intent" value="afmelden" />
        <Button type="submit" variant="secondary">
          Uitloggen
        </Button>
      </form>
    </LandingPage>
  );
}
