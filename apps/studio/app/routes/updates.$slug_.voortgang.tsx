import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { formatDuration, sendingStatusLabels } from "@vaart/newsletter/updates";
import { Button, DataTable, Heading, Link, NoticeBanner, Stack, Text } from "@vaart/ui";
import { getNewsletter } from "@vaart/web";
import { notFound, privatePageHeaders } from "@vaart/web/remix";
import { FormToken } from "../components/FormToken";
import { StudioFrame } from "../components/StudioFrame";
import { authorsForm, formToken } from "../lib/forms.server";
import { studioHeaders } from "../lib/headers.server";
import { studioMeta } from "../lib/meta";
import { requireAuthor } from "../lib/session.server";

export const headers = studioHeaders;

/**
 * Refreshes itself every 5 s while sending, without JavaScript; `?stil` turns that off (WCAG
 * 2.2.1: a page that changes by itself can be stopped), and the page links to both.
 */
export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  ...studioMeta("Voortgang van het versturen"),
  ...(page?.refreshing ? [{ httpEquiv: "refresh", content: "5" } as const] : []),
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const author = await requireAuthor(request, context);
  const slug = params.slug ?? "";
  const [progress] = await getNewsletter().updates.progress(slug);
  if (!progress) throw notFound(privatePageHeaders);
  return data(
    {
      author,
      formToken: formToken(),
      slug,
      started: new URL(request.url).searchParams.has("gestart"),
      refreshing: progress.status === "sending" && !new URL(request.url).searchParams.has("stil"),
      progress,
      status: sendingStatusLabels[progress.status],
      left: progress.status === "done" ? "0 s" : formatDuration(progress.secondsLeft),
    },
    { headers: privatePageHeaders },
  );
}

/** Pauzeren / Hervatten: the same as `pnpm newsletter pause|resume <slug>`. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const { form, refusal } = await authorsForm(request, context);
  if (refusal) return refusal;
  const slug = params.slug ?? "";
  const updates = getNewsletter().updates;
  const result =
    form.get("intent") === "hervatten" ? await updates.resume(slug) : await updates.pause(slug);
  if (result.status !== "ok") {
    return data(
      { refused: false as const, message: result.message },
      { status: 409, headers: privatePageHeaders },
    );
  }
  throw redirect(`/updates/${slug}/voortgang`, { status: 303, headers: privatePageHeaders });
}

export default function SendingProgressPage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const p = page.progress;
  const finished = p.audience - p.open;
  const { status, left } = page;
  const summary =
    p.status === "done"
      ? `Klaar: ${p.counts.sent} van ${p.audience} verstuurd, ${p.counts.failed} mislukt, ${p.counts.uncertain} onzeker, ${p.counts.skipped} overgeslagen.`
      : `${status === "bezig" ? "Bezig" : "Gepauzeerd"}: ${finished} van ${p.audience} afgehandeld, nog ${left}.`;
  return (
    <StudioFrame author={page.author} formToken={page.formToken}>
      <Stack space="lg">
        <Heading level={1}>Voortgang van het versturen</Heading>
        {page.started ? (
          <NoticeBanner title="Gestart">
            Update {page.slug} wordt verstuurd; de site verstuurt hem op de achtergrond.
          </NoticeBanner>
        ) : null}
        {answer ? (
          <div role="status">
            <NoticeBanner title="Let op">{answer.message}</NoticeBanner>
          </div>
        ) : null}
        <Text>
          “{p.subject}” ({page.slug}).{" "}
          {page.refreshing ? (
            <>
              Deze pagina ververst zich elke 5 seconden.{" "}
              <Link href={`/updates/${page.slug}/voortgang?stil`}>Niet automatisch verversen</Link>
            </>
          ) : p.status === "sending" ? (
            <>
              <Link href={`/updates/${page.slug}/voortgang?stil`}>Nu verversen</Link> ·{" "}
              <Link href={`/updates/${page.slug}/voortgang`}>Automatisch verversen</Link>
            </>
          ) : null}
        </Text>
        <div role="status" aria-live="polite">
          <Text weight="bold">{summary}</Text>
          {p.status === "paused" && p.pauseReason ? <Text>{p.pauseReason}</Text> : null}
        </div>
        <DataTable
          caption={`Versturen van ${page.slug}`}
          columns={[{ header: "Wat" }, { header: "Aantal", numeric: true }]}
          rows={[
            ["status", status],
            ["publiek", p.audience],
            ["verstuurd", p.counts.sent],
            ["mislukt", p.counts.failed],
            ["onzeker", p.counts.uncertain],
            ["overgeslagen", p.counts.skipped],
            ["te gaan", p.open],
            ["tempo", p.status === "sending" ? `${p.ratePerSecond.toFixed(1)} per seconde` : "–"],
            ["nog", left],
          ].map(([label, value]) => ({
            key: String(label),
            header: String(label),
            cells: [String(value)],
          }))}
        />
        {p.counts.uncertain > 0 ? (
          <Text>
            {p.counts.uncertain} onzeker: de mailserver kreeg de mail misschien wel. Ze worden niet
            vanzelf opnieuw verstuurd; zie <code>pnpm newsletter uncertain {page.slug}</code>.
          </Text>
        ) : null}
        {p.status !== "done" ? (
          <form method="post" action={`/updates/${page.slug}/voortgang`}>
            <FormToken value={page.formToken} />
            {p.status === "sending" ? (
              <Button type="submit" name="intent" value="pauzeren" variant="secondary">
                Pauzeren
              </Button>
            ) : (
              <Button type="submit" name="intent" value="hervatten">
                Hervatten
              </Button>
            )}
          </form>
        ) : null}
        <Text>
          <Link href={`/updates/${page.slug}`}>Terug naar de Update</Link>
        </Text>
      </Stack>
    </StudioFrame>
  );
}
