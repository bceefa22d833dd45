import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Box, Button, ErrorSummary, FormField, Heading, Link, Stack, Text } from "@vaart/ui";
import { notFound, privatePageHeaders } from "@vaart/web/remix";
import { parseDocument } from "yaml";
import { FormToken } from "../components/FormToken";
import { GeneratedFields } from "../components/GeneratedFields/GeneratedFields";
import { StudioFrame } from "../components/StudioFrame";
import {
  applyCampaignForm,
  blockActionOf,
  CampaignFormError,
  type CampaignFormSpec,
  describeCampaign,
  type FormNode,
  fieldOfMessage,
} from "../lib/campaign-form.server";
import { studioStore } from "../lib/content.server";
import { editorDocument, fileText, refusalOf, revisionFrom, slugFrom } from "../lib/editing.server";
import { formRefusal, formToken, readForm } from "../lib/forms.server";
import { studioHeaders } from "../lib/headers.server";
import { studioMeta } from "../lib/meta";
import { requireAuthor } from "../lib/session.server";

export const headers = studioHeaders;

export const meta: MetaFunction = ({ params }) =>
  studioMeta(`Formulier van campagne ${params.slug ?? ""}`);

function formPage(text: string): { spec: CampaignFormSpec } | { unreadable: true } {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0 || !doc.contents || typeof doc.toJS() !== "object") {
    return { unreadable: true };
  }
  return { spec: describeCampaign(doc.toJS()) };
}

/**
 * The check's messages at the fields they name, and the summary's entries (one per field,
 * linking to it; a message that names no field of the form links to the title).
 */
function messagesOf(spec: CampaignFormSpec | null, problems: readonly string[]) {
  const fieldIds = new Set<string>();
  const collect = (nodes: readonly FormNode[]) => {
    for (const node of nodes) {
      if (node.kind === "field") fieldIds.add(node.name);
      else if (node.kind === "group") collect(node.fields);
      else collect(node.items);
    }
  };
  if (spec) {
    collect(spec.fields);
    for (const block of spec.blocks) collect(block.fields ?? []);
  }
  const errors: Record<string, string> = {};
  const summary: { fieldId: string; message: string }[] = [];
  for (const problem of problems) {
    const named = fieldOfMessage(problem);
    const field = named && fieldIds.has(named) ? named : null;
    if (field) errors[field] = errors[field] ? `${errors[field]} ${problem}` : problem;
    const fieldId = field ?? "title";
    const entry = summary.find((item) => item.fieldId === fieldId);
    if (entry) entry.message = `${entry.message} · ${problem}`;
    else summary.push({ fieldId, message: problem });
  }
  return { errors, summary };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const author = await requireAuthor(request, context);
  const slug = slugFrom(params.slug);
  const opened = await editorDocument("campaign", slug);
  if (!opened) throw notFound();
  const saved = revisionFrom(new URL(request.url).searchParams.get("opgeslagen"));
  const form = formPage(opened.text);
  return data(
    {
      author,
      formToken: formToken(),
      slug,
      baseRevision: opened.baseRevision,
      confirmation: saved ? `Opgeslagen als versie ${saved} (concept).` : null,
      ...form,
      messages: messagesOf("spec" in form ? form.spec : null, opened.latest?.problems ?? []),
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
  const baseRevision = revisionFrom(form.get("basis"), 0);
  const blockAction = blockActionOf(form);
  const incomplete = (title: string) =>
    data(
      { title, problems: [] as string[], conflict: null },
      {
        status: 400,
        headers: privatePageHeaders,
      },
    );
  if (baseRevision === null || blockAction === "invalid") {
    return incomplete("Dit formulier is niet compleet: open de pagina opnieuw.");
  }
  const store = studioStore();
  // The form was made from this text: the values and the block buttons apply to it.
  const source =
    baseRevision > 0
      ? (await store.version("campaign", slug, baseRevision))?.text
      : fileText("campaign", slug);
  if (source === undefined || source === null) throw notFound();
  let text: string;
  try {
    text = applyCampaignForm(source, form, blockAction);
  } catch (error) {
    if (error instanceof CampaignFormError) return incomplete(error.message);
    throw error;
  }
  const back = (revision: number) =>
    redirect(`/campagnes/${slug}/formulier?opgeslagen=${revision}`, {
      status: 303,
      headers: privatePageHeaders,
    });
  if (text === source && baseRevision > 0) return back(baseRevision);
  try {
    const version = await store.saveDraft({ kind: "campaign", slug, text, author, baseRevision });
    return back(version.revision);
  } catch (error) {
    return refusalOf(error, { text });
  }
}

export default function CampaignFormPage() {
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const failed = answer && "title" in answer ? answer : null;
  const editor = `/campagnes/${page.slug}`;
  const { errors, summary } = failed?.conflict ? { errors: {}, summary: [] } : page.messages;
  return (
    <StudioFrame author={page.author} formToken={page.formToken}>
      <Stack space="lg">
        <Text>
          <Link href="/">Overzicht</Link> › <Link href={editor}>{page.slug}</Link>
        </Text>
        <Heading level={1}>Formulier van campagne {page.slug}</Heading>
        {answer && "refused" in answer ? <Text role="alert">{answer.message}</Text> : null}
        {failed ? (
          <Stack space="sm">
            <Text role="alert">{failed.title}</Text>
            {failed.problems.map((problem) => (
              <Text key={problem}>{problem}</Text>
            ))}
            {failed.conflict ? (
              <>
                <Text>
                  <Link
                    href={`/campagnes/${page.slug}/geschiedenis/versie/${failed.conflict.revision}`}
                  >
                    Bekijk versie {failed.conflict.revision}
                  </Link>{" "}
                  of{" "}
                  <Link href={`${editor}/formulier`}>
                    open het formulier van de nieuwste versie
                  </Link>
                  . Jouw wijzigingen als YAML, om over te nemen:
                </Text>
                {"text" in failed && typeof failed.text === "string" ? (
                  <pre className="studio-code">{failed.text}</pre>
                ) : null}
              </>
            ) : null}
          </Stack>
        ) : summary.length > 0 ? (
          <ErrorSummary title="Deze versie kan zo niet gepubliceerd worden" errors={summary} />
        ) : page.confirmation ? (
          <Text role="status">{page.confirmation}</Text>
        ) : null}
        <Text>
          Hetzelfde als de <Link href={editor}>YAML-editor</Link>, in velden. Elke knop op deze
          pagina slaat een concept op; publiceren doe je in de YAML-editor.
        </Text>
        {"spec" in page ? (
          <form method="post">
            <Stack space="lg">
              <FormToken value={page.formToken} />
              <input type="hidden" name="basis" value={page.baseRevision} />
              {/* First in the form: Enter in a field saves, it never moves or removes a block. */}
              <div>
                <Button type="submit">Opslaan</Button>
              </div>
              <fieldset className="studio-fieldset">
                <legend>Campagne</legend>
                <GeneratedFields nodes={page.spec.fields} errors={errors} />
              </fieldset>
              {page.spec.blocks.map((block) => {
                const number = block.index + 1;
                const last = block.index === page.spec.blocks.length - 1;
                return (
                  <fieldset key={`${block.index}-${block.type}`} className="studio-fieldset">
                    <legend>
                      Blok {number}: {block.type}
                    </legend>
                    <Stack space="md">
                      <Box display="flex" flexWrap="wrap" gap="xs">
                        {block.index > 0 ? (
                          <Button
                            type="submit"
                            name="blok"
                            value={`omhoog:${block.index}`}
                            variant="secondary"
                          >
                            Blok {number} omhoog
                          </Button>
                        ) : null}
                        {last ? null : (
                          <Button
                            type="submit"
                            name="blok"
                            value={`omlaag:${block.index}`}
                            variant="secondary"
                          >
                            Blok {number} omlaag
                          </Button>
                        )}
                        <Button
                          type="submit"
                          name="blok"
                          value={`verwijderen:${block.index}`}
                          variant="secondary"
                        >
                          Blok {number} verwijderen
                        </Button>
                      </Box>
                      {block.fields ? (
                        <GeneratedFields nodes={block.fields} errors={errors} />
                      ) : (
                        <Text>
                          Dit blok kent het formulier niet; bewerk het in de{" "}
                          <Link href={editor}>YAML-editor</Link>.
                        </Text>
                      )}
                    </Stack>
                  </fieldset>
                );
              })}
              <fieldset className="studio-fieldset">
                <legend>Blok toevoegen</legend>
                <Stack space="sm">
                  <FormField id="nieuw-blok" label="Soort blok">
                    {(control) => (
                      <select name="nieuw-blok" className="studio-select" {...control}>
                        {page.spec.blockTypes.map((type) => (
                          <option key={type} value={type}>
                            {type}
                          </option>
                        ))}
                      </select>
                    )}
                  </FormField>
                  <div>
                    <Button type="submit" name="blok" value="toevoegen" variant="secondary">
                      Blok toevoegen
                    </Button>
                  </div>
                </Stack>
              </fieldset>
              <div>
                <Button type="submit">Opslaan</Button>
              </div>
            </Stack>
          </form>
        ) : (
          <Text>
            De YAML van deze versie is niet te lezen, dus het formulier kan hem niet tonen. Verbeter
            hem eerst in de <Link href={editor}>YAML-editor</Link>.
          </Text>
        )}
      </Stack>
    </StudioFrame>
  );
}
