import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Box, Button, ButtonLink, FormField, Heading, Link, Stack, Text } from "@vaart/ui";
import { notFound, privatePageHeaders } from "@vaart/web/remix";
import { FormToken } from "../components/FormToken";
import { ProblemLines, ProblemSummary } from "../components/Problems";
import { SaveActions } from "../components/SaveActions/SaveActions";
import { StudioFrame } from "../components/StudioFrame";
import { YamlField } from "../components/YamlField/YamlField";
import { studioStore } from "../lib/content.server";
import {
  campaignPreviewUrl,
  editorDocument,
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

export const meta: MetaFunction<typeof loader> = ({ params }) =>
  studioMeta(`Campagne ${params.slug ?? ""}`);

/** The confirmations a redirect after a POST carries: ?opgeslagen=3, ?gepubliceerd=3, … */
function confirmationOf(query: URLSearchParams): string | null {
  const saved = query.get("opgeslagen");
  const published = query.get("gepubliceerd");
  if (published) return `Versie ${published} is gepubliceerd: binnen enkele seconden online.`;
  if (saved) return `Opgeslagen als versie ${saved} (concept).`;
  if (query.has("offline")) return "De campagne is offline gehaald.";
  return null;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const author = await requireAuthor(request, context);
  const slug = slugFrom(params.slug);
  const opened = await editorDocument("campaign", slug);
  if (!opened) throw notFound();
  const query = new URL(request.url).searchParams;
  const { latest, document } = opened;
  return data(
    {
      author,
      formToken: formToken(),
      slug,
      text: opened.text,
      baseRevision: opened.baseRevision,
      fromFile: opened.fromFile,
      state: document ? stateLabels[document.state] : "bestand",
      publishedRevision: document?.publishedRevision ?? null,
      latest: latest
        ? {
            revision: latest.revision,
            author: latest.author,
            at: formatMoment(latest.createdAt),
            problems: latest.problems,
          }
        : null,
      previewUrl: latest ? campaignPreviewUrl(context, slug, latest.revision) : null,
      confirmation: confirmationOf(query),
      confirmOffline: query.has("offline-halen") && document?.state === "published",
    },
    { headers: privatePageHeaders },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const author = await requireAuthor(request, context);
  const slug = slugFrom(params.slug);
  const form = await readForm(request);
  const refused = formRefusal(form);
  if (refused || !form) return refused;
  const store = studioStore();
  const intent = form.get("intent");
  const done = (query: string) =>
    redirect(`/campagnes/${slug}?${query}`, { status: 303, headers: privatePageHeaders });

  if (intent === "offline") {
    try {
      await store.unpublish("campaign", slug, author);
    } catch (error) {
      return refusalOf(error);
    }
    return done("offline");
  }

  const text = form.get("yaml");
  const baseRevision = revisionFrom(form.get("basis"), 0);
  if (
    typeof text !== "string" ||
    baseRevision === null ||
    (intent !== "opslaan" && intent !== "publiceren")
  ) {
    return data(
      {
        title: "Dit formulier is niet compleet: open de pagina opnieuw.",
        problems: [] as string[],
        conflict: null,
      },
      { status: 400, headers: privatePageHeaders },
    );
  }
  // Browsers send textarea line ends as CRLF; the stored text keeps the file's LF.
  const yaml = text.replace(/\r\n?/g, "\n");
  const kept = { text: yaml, baseRevision };
  try {
    // Publishing an unchanged text publishes the version it is; a changed one is saved first.
    const base = baseRevision > 0 ? await store.version("campaign", slug, baseRevision) : null;
    const version =
      base && base.text === yaml
        ? base
        : await store.saveDraft({ kind: "campaign", slug, text: yaml, author, baseRevision });
    if (intent === "opslaan") return done(`opgeslagen=${version.revision}`);
    if (version.problems.length > 0) {
      return data(
        {
          ...kept,
          baseRevision: version.revision,
          title: `Niet gepubliceerd: ${version === base ? `versie ${version.revision} heeft` : `opgeslagen als versie ${version.revision} (concept), maar de controle vond`} ${version.problems.length === 1 ? "een fout. Verbeter die" : `${version.problems.length} fouten. Verbeter ze`} en publiceer opnieuw.`,
          problems: version.problems,
          conflict: null,
        },
        { status: 422, headers: privatePageHeaders },
      );
    }
    await store.publish("campaign", slug, version.revision, author);
    return done(`gepubliceerd=${version.revision}`);
  } catch (error) {
    return refusalOf(error, kept);
  }
}

export default function CampaignEditor() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const failed = answer && "title" in answer ? answer : null;
  const text =
    failed && "text" in failed && typeof failed.text === "string" ? failed.text : page.text;
  // After a stale save the base becomes the newest revision: saving again is a deliberate choice.
  const conflict = failed?.conflict ?? null;
  const baseRevision =
    conflict?.revision ??
    (failed && "baseRevision" in failed && typeof failed.baseRevision === "number"
      ? failed.baseRevision
      : page.baseRevision);
  const problems = failed ? failed.problems : (page.latest?.problems ?? []);
  const fieldProblems = conflict ? [] : problems;
  const history = `/campagnes/${page.slug}/geschiedenis`;
  return (
    <StudioFrame author={page.author} formToken={page.formToken}>
      <Stack space="lg">
        <Text>
          <Link href="/">Overzicht</Link> › Campagnes
        </Text>
        <Heading level={1}>Campagne {page.slug}</Heading>
        {answer && "refused" in answer ? <Text role="alert">{answer.message}</Text> : null}
        {failed ? (
          <ProblemSummary
            title={failed.title}
            problems={conflict ? [] : failed.problems}
            fieldId="yaml"
            fieldLabel="YAML"
          />
        ) : page.latest && page.latest.problems.length > 0 ? (
          <ProblemSummary
            title={`Versie ${page.latest.revision} is opgeslagen, maar kan zo niet gepubliceerd worden.`}
            problems={page.latest.problems}
            fieldId="yaml"
            fieldLabel="YAML"
          />
        ) : page.confirmation ? (
          <Text role="status">{page.confirmation}</Text>
        ) : null}
        {conflict ? (
          <Stack space="sm">
            {failed?.problems.map((problem) => (
              <Text key={problem}>{problem}</Text>
            ))}
            <Text>
              <Link href={`${history}/versie/${conflict.revision}`}>
                Bekijk versie {conflict.revision}
                {conflict.author ? ` van ${conflict.author}` : ""}
              </Link>{" "}
              of <Link href={`/campagnes/${page.slug}`}>open de nieuwste versie in de editor</Link>{" "}
              (jouw tekst hieronder gaat dan verloren: kopieer hem eerst).
            </Text>
          </Stack>
        ) : null}

        <Stack space="xs" as="section" aria-labelledby="stand">
          <Heading level={2} id="stand">
            Stand
          </Heading>
          <Text>
            {page.fromFile
              ? "Nog niet in de studio opgeslagen: de tekst hieronder komt uit het bestand in de repository. Opslaan maakt er versie 1 van."
              : `Status: ${page.state}${page.publishedRevision ? ` (versie ${page.publishedRevision} staat online)` : ""}. Laatste versie: ${page.latest?.revision} door ${page.latest?.author}, ${page.latest?.at}.`}
          </Text>
          <Text>
            {page.previewUrl ? (
              <>
                <Link href={page.previewUrl}>
                  Voorbeeld van versie {page.latest?.revision} op de campagnepagina
                </Link>{" "}
                ·{" "}
              </>
            ) : null}
            <Link href={history}>Geschiedenis</Link> ·{" "}
            <Link href={`/campagnes/${page.slug}/formulier`}>Bewerken met het formulier</Link>
          </Text>
          {/^status:\s*draft\b/m.test(text) ? (
            <Text tone="muted">
              Let op: er staat <code>status: draft</code> in de tekst. Zo blijft de pagina ook na
              publiceren verborgen (alleen het voorbeeld toont hem); zet{" "}
              <code>status: published</code> om hem tussen start en end online te zetten.
            </Text>
          ) : null}
        </Stack>

        <form method="post">
          <Stack space="md">
            <FormToken value={page.formToken} />
            <input type="hidden" name="basis" value={baseRevision} />
            <FormField
              id="yaml"
              label="YAML"
              hint="De campagne zoals in het bestand: velden, dan de blokken. Opslaan bewaart een concept; Publiceren zet deze tekst online."
              error={
                fieldProblems.length > 0 ? <ProblemLines problems={fieldProblems} /> : undefined
              }
            >
              {(control) => <YamlField name="yaml" defaultValue={text} {...control} />}
            </FormField>
            <SaveActions />
          </Stack>
        </form>

        {page.state === "gepubliceerd" ? (
          <Stack space="sm" as="section" aria-labelledby="offline">
            <Heading level={2} id="offline">
              Offline halen
            </Heading>
            {page.confirmOffline ? (
              <form method="post">
                <Stack space="sm">
                  <Text>
                    Weet je het zeker? De pagina /{page.slug} geeft daarna ‘niet gevonden’, ook als
                    er een bestand voor is. Terugzetten kan via de geschiedenis.
                  </Text>
                  <FormToken value={page.formToken} />
                  <Box display="flex" flexWrap="wrap" gap="sm">
                    <Button type="submit" name="intent" value="offline">
                      Ja, haal offline
                    </Button>
                    <ButtonLink href={`/campagnes/${page.slug}`} variant="secondary">
                      Nee, laat online
                    </ButtonLink>
                  </Box>
                </Stack>
              </form>
            ) : (
              <Text>
                <ButtonLink href={`/campagnes/${page.slug}?offline-halen`} variant="secondary">
                  Offline halen
                </ButtonLink>
              </Text>
            )}
          </Stack>
        ) : null}
      </Stack>
    </StudioFrame>
  );
}
