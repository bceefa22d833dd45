import {
  Checkbox,
  ErrorSummary,
  FormField,
  Heading,
  Link,
  NoticeBanner,
  Stack,
  Text,
  TextField,
} from "@vaart/ui";
import type { ReactNode } from "react";
import { stateLabels } from "../../lib/content-states";
import {
  BODY,
  type FieldProblem,
  type FrontMatterField,
  fieldId,
} from "../../lib/front-matter-form";
import type { EditorPageData } from "../../lib/markdown-editor.server";
import { FormToken } from "../FormToken";
import { SaveActions } from "../SaveActions/SaveActions";
import { StudioFrame } from "../StudioFrame";

export { default as editorStyles } from "./MarkdownEditor.css?url";

/** One message per field: the summary links to it, the field shows the same text. */
function messagesByField(problems: readonly FieldProblem[]): Map<string, string> {
  const byField = new Map<string, string>();
  for (const problem of problems) {
    const field = problem.field ?? BODY;
    byField.set(field, [byField.get(field), problem.message].filter(Boolean).join(" "));
  }
  return byField;
}

/**
 * The editor of a Markdown document with front matter (an article, an Update): the fields,
 * the text, Opslaan and Publiceren, and what the store says about it. A plain form.
 */
export function MarkdownEditor({
  page,
  fields,
  heading,
  labels,
  links,
  publishLabel = "Publiceren",
  publishHint,
}: {
  page: EditorPageData;
  fields: readonly FrontMatterField[];
  heading: string;
  labels: { body: string; bodyHint: ReactNode };
  /** Onward links beside the form: preview, history, … */
  links: ReactNode;
  publishLabel?: string;
  publishHint?: ReactNode;
}) {
  const errors = messagesByField(page.problems);
  const labelOf = (name: string) =>
    name === BODY
      ? labels.body
      : name === "slug"
        ? "Adres (slug)"
        : (fields.find((field) => field.name === name)?.label ?? name);
  const action = page.isNew ? `/${page.segment}/nieuw` : `/${page.segment}/${page.slug}`;
  return (
    <StudioFrame author={page.author} formToken={page.formToken}>
      <Stack space="lg">
        <Heading level={1}>{heading}</Heading>
        {page.notice ? (
          <div role="status">
            <NoticeBanner title={page.notice.tone === "ok" ? "Gelukt" : "Let op"}>
              {page.notice.text}
              {page.newest ? (
                <>
                  {" "}
                  <Link href={page.newest}>Open de nieuwste versie</Link>
                </>
              ) : null}
            </NoticeBanner>
          </div>
        ) : null}
        <ErrorSummary
          title="Dit moet nog anders"
          description="Zo kan het niet gepubliceerd worden. Het concept is bewaard."
          errors={[...errors].map(([field, message]) => ({
            fieldId: fieldId(field),
            message: `${labelOf(field)}: ${message}`,
          }))}
        />
        <Text>{statusLine(page)}</Text>
        {links}
        <form method="post" action={action}>
          <Stack space="md">
            <FormToken value={page.formToken} />
            <input type="hidden" name="baseRevision" value={page.baseRevision} />
            {page.isNew && !fields.some((field) => field.name === "slug") ? (
              <TextField
                id={fieldId("slug")}
                name="slug"
                label="Adres (slug)"
                hint="Het adres in het archief en de naam van het bestand: kleine letters, cijfers en streepjes, bijvoorbeeld 2027-02-updates."
                error={errors.get("slug")}
                defaultValue={page.values.slug ?? ""}
              />
            ) : null}
            {fields.map((field) => (
              <FrontMatterInput
                key={field.name}
                field={field}
                value={page.values[field.name] ?? ""}
                error={errors.get(field.name)}
              />
            ))}
            <FormField
              id={fieldId(BODY)}
              label={labels.body}
              hint={labels.bodyHint}
              error={errors.get(BODY)}
            >
              {(control) => (
                <textarea
                  {...control}
                  name={BODY}
                  rows={20}
                  className="studio-textarea studio-textarea--markdown"
                  defaultValue={page.values[BODY] ?? ""}
                />
              )}
            </FormField>
            {publishHint ? <Text tone="muted">{publishHint}</Text> : null}
            <SaveActions publishLabel={publishLabel} />
          </Stack>
        </form>
      </Stack>
    </StudioFrame>
  );
}

function statusLine(page: EditorPageData): string {
  if (page.isNew) return "Nieuw: nog niet opgeslagen.";
  const { stored } = page;
  if (!stored) {
    return `Staat nu in het bestand ${page.source ?? "?"}. Opslaan bewaart een eerste versie in de studio; wat je publiceert, wint van het bestand.`;
  }
  const published =
    stored.publishedRevision === null
      ? ""
      : stored.publishedRevision === stored.latestRevision
        ? " Deze versie staat online."
        : ` Online staat versie ${stored.publishedRevision}.`;
  return `Versie ${stored.latestRevision} door ${stored.latestAuthor} (${stateLabels[stored.state]}).${published}`;
}

function FrontMatterInput({
  field,
  value,
  error,
}: {
  field: FrontMatterField;
  value: string;
  error: string | undefined;
}) {
  const id = fieldId(field.name);
  if (field.kind === "checkbox") {
    return (
      <Checkbox
        id={id}
        name={field.name}
        value="ja"
        label={field.label}
        hint={field.hint}
        error={error}
        defaultChecked={value !== ""}
      />
    );
  }
  if (field.kind === "textarea") {
    return (
      <FormField id={id} label={field.label} hint={field.hint} error={error}>
        {(control) => (
          <textarea
            {...control}
            name={field.name}
            rows={3}
            className="studio-textarea"
            defaultValue={value}
          />
        )}
      </FormField>
    );
  }
  return (
    <TextField
      id={id}
      name={field.name}
      type={field.kind === "date" ? "date" : "text"}
      label={field.label}
      hint={field.hint}
      error={error}
      defaultValue={value}
    />
  );
}
