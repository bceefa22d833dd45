import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import type { HistoryEntry } from "@vaart/newsletter/content-store";
import { Box, Button, DataTable, Heading, Link, Stack, Text } from "@vaart/ui";
import { notFound, privatePageHeaders } from "@vaart/web/remix";
import { FormToken } from "../components/FormToken";
import { ProblemSummary } from "../components/Problems";
import { StudioFrame } from "../components/StudioFrame";
import { kindOfSegment, studioStore } from "../lib/content.server";
import {
  fileText,
  formatMoment,
  refusalOf,
  revisionFrom,
  slugFrom,
  stateLabels,
} from "../lib/editing.server";
import { formRefusal, formToken, readForm } from "../lib/forms.server";
import { studioHeaders } from "../lib/headers.server";
import { studioMeta } from "../lib/meta";
import { requireAuthor } from "../lib/session.server";

export const headers = studioHeaders;

export const meta: MetaFunction = ({ params }) =>
  studioMeta(`Geschiedenis van ${params.slug ?? ""}`);

const actionLabels: Record<HistoryEntry["action"], string> = {
  save: "opgeslagen",
  restore: "hersteld",
  publish: "gepubliceerd",
  unpublish: "offline gehaald",
};

/** The kind and slug of the address, or the page's 404. */
function documentOf(params: { segment?: string; slug?: string }) {
  const kind = kindOfSegment(params.segment);
  if (!kind) throw notFound();
  return { kind, segment: params.segment as string, slug: slugFrom(params.slug) };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const author = await requireAuthor(request, context);
  const { kind, segment, slug } = documentOf(params);
  const store = studioStore();
  const [history, documents] = await Promise.all([
    store.history(kind, slug),
    store.listDocuments(kind),
  ]);
  const document = documents.find((candidate) => candidate.slug === slug);
  // A document only in a repository file has no history yet; anything else is not found.
  if (!document && fileText(kind, slug) === null) throw notFound();
  const query = new URL(request.url).searchParams;
  const restored = revisionFrom(query.get("hersteld"));
  return data(
    {
      author,
      formToken: formToken(),
      segment,
      slug,
      state: document ? stateLabels[document.state] : null,
      publishedRevision: document?.publishedRevision ?? null,
      latestRevision: document?.latestRevision ?? null,
      entries: history.map((entry) => ({ ...entry, at: formatMoment(entry.at) })),
      confirmation: restored
        ? `Hersteld als versie ${restored}${query.has("gepubliceerd") ? " en gepubliceerd: binnen enkele seconden online" : " (concept)"}.`
        : null,
    },
    { headers: privatePageHeaders },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const author = await requireAuthor(request, context);
  const { kind, segment, slug } = documentOf(params);
  const form = await readForm(request);
  const refused = formRefusal(form);
  if (refused || !form) return refused;
  const revision = revisionFrom(form.get("versie"));
  const intent = form.get("intent");
  if (revision === null || (intent !== "herstellen" && intent !== "herstellen-publiceren")) {
    return data(
      {
        title: "Dit formulier is niet compleet: open de pagina opnieuw.",
        problems: [] as string[],
      },
      { status: 400, headers: privatePageHeaders },
    );
  }
  const publish = intent === "herstellen-publiceren";
  try {
    const copy = await studioStore().restore(kind, slug, revision, author, { publish });
    throw redirect(
      `/${segment}/${slug}/geschiedenis?hersteld=${copy.revision}${publish ? "&gepubliceerd" : ""}`,
      { status: 303, headers: privatePageHeaders },
    );
  } catch (error) {
    if (error instanceof Response) throw error;
    return refusalOf(error);
  }
}

export default function HistoryPage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const base = `/${page.segment}/${page.slug}`;
  return (
    <StudioFrame author={page.author} formToken={page.formToken}>
      <Stack space="lg">
        <Text>
          <Link href="/">Overzicht</Link> › <Link href={base}>{page.slug}</Link>
        </Text>
        <Heading level={1}>Geschiedenis van {page.slug}</Heading>
        {answer && "refused" in answer ? <Text role="alert">{answer.message}</Text> : null}
        {answer && "title" in answer ? (
          <ProblemSummary
            title={answer.title}
            problems={answer.problems}
            fieldId="geschiedenis"
            fieldLabel="Geschiedenis"
          />
        ) : page.confirmation ? (
          <Text role="status">{page.confirmation}</Text>
        ) : null}
        {page.state === null ? (
          <Text>
            Nog geen geschiedenis: dit document staat alleen als bestand in de repository. Elke keer
            dat iemand het in de studio opslaat, publiceert of herstelt, komt hier te staan.
          </Text>
        ) : (
          <Text>
            Status: {page.state}
            {page.publishedRevision ? ` (versie ${page.publishedRevision} staat online)` : ""}.
            Nieuwste versie: {page.latestRevision}. <strong>Herstellen</strong> maakt van een oude
            versie een nieuwe versie (er gaat niets verloren);{" "}
            <strong>Herstellen en publiceren</strong> zet hem meteen online.
          </Text>
        )}
        <div id="geschiedenis">
          <DataTable
            caption={`Alles wat er met ${page.slug} gebeurde, nieuwste eerst`}
            columns={[{ header: "Wat" }, { header: "Wie" }, { header: "Versie" }, { header: "" }]}
            rows={page.entries.map((entry, index) => ({
              key: `${index}-${entry.action}-${entry.revision ?? ""}`,
              header: entry.at,
              cells: [
                `${actionLabels[entry.action]}${entry.restoredFrom ? ` (uit versie ${entry.restoredFrom})` : ""}`,
                entry.author,
                entry.revision === null ? (
                  "—"
                ) : (
                  <Link key="versie" href={`${base}/geschiedenis/versie/${entry.revision}`}>
                    Versie {entry.revision} bekijken
                  </Link>
                ),
                entry.revision !== null && entry.action !== "publish" ? (
                  <form key="herstellen" method="post">
                    <FormToken value={page.formToken} />
                    <input type="hidden" name="versie" value={entry.revision} />
                    <Box display="flex" flexWrap="wrap" gap="xs">
                      <Button
                        type="submit"
                        name="intent"
                        value="herstellen"
                        variant="secondary"
                        aria-label={`Versie ${entry.revision} herstellen`}
                      >
                        Herstellen
                      </Button>
                      <Button
                        type="submit"
                        name="intent"
                        value="herstellen-publiceren"
                        variant="secondary"
                        aria-label={`Versie ${entry.revision} herstellen en publiceren`}
                      >
                        Herstellen en publiceren
                      </Button>
                    </Box>
                  </form>
                ) : null,
              ],
            }))}
          />
        </div>
      </Stack>
    </StudioFrame>
  );
}
