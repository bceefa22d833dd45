import {
  Button,
  ErrorSummary,
  type ErrorSummaryItem,
  FormField,
  Heading,
  Link,
  NoticeBanner,
  Stack,
  Text,
  TextField,
} from "@vaart/ui";
import type {
  FieldId,
  FormAnswer,
  OrganisationFields,
  OrganisationStatus,
} from "../../lib/organisations.server";
import { FormToken } from "../FormToken";
import { SaveActions } from "../SaveActions/SaveActions";

/** Ids of the form's fields (the same as fieldIds in organisations.server). */
const ids = { name: "naam", alt: "alt-tekst", href: "link", file: "logo-bestand" } as const;

/** A check message (`field "alt" must not be empty (line 2)`) and the field it is about. */
function fieldOfMessage(message: string): FieldId {
  const field = /field "(\w+)"/.exec(message)?.[1];
  if (field === "alt") return ids.alt;
  if (field === "href") return ids.href;
  if (field === "logo") return ids.file;
  return ids.name;
}

export interface OrganisationFormProps {
  /** Null on the page for a new organisation. */
  slug: string | null;
  formToken: string;
  fields: OrganisationFields;
  baseRevision: number;
  status: OrganisationStatus | null;
  /** The image to show as the current logo (the studio's address of it), if any. */
  logoSrc: string | null;
  /** What the last POST answered, when it did not save. */
  answer: FormAnswer | undefined;
  /** The confirmation after a redirect: what was done, to which version. */
  done: { saved?: number; published?: number; offline?: boolean };
  /** The stored version's own check messages (shown while editing it). */
  storedProblems: readonly string[];
  /** Why the form was not taken at all (a forged or outdated form). */
  refused?: string | undefined;
}

const stateText: Record<OrganisationStatus["state"], string> = {
  file: "uit het bestand packages/content/data/organisations.json; nog niet in de studio bewaard",
  draft: "concept, nog niet gepubliceerd",
  published: "gepubliceerd",
  unpublished: "offline gehaald",
};

/**
 * The client logo form: name, alt text, link and the image (multipart), with the buttons
 * Opslaan and Publiceren; Offline halen for a published organisation. Works without JavaScript.
 */
export function OrganisationForm({
  slug,
  formToken,
  fields,
  baseRevision,
  status,
  logoSrc,
  answer,
  done,
  storedProblems,
  refused,
}: OrganisationFormProps) {
  const problems = answer?.problems ?? [];
  const checkProblems = answer ? answer.checkProblems : storedProblems;
  const errorOf = (fieldId: FieldId) =>
    problems.find((problem) => problem.fieldId === fieldId)?.message ??
    checkProblems.find((message) => fieldOfMessage(message) === fieldId);
  const summary: ErrorSummaryItem[] = [
    ...(refused ? [{ fieldId: ids.name, message: refused }] : []),
    ...problems.map(({ fieldId, message }) => ({ fieldId, message })),
    ...checkProblems.map((message) => ({ fieldId: fieldOfMessage(message), message })),
  ];
  const conflict = answer?.conflict;
  const action = slug ? `/klantlogos/${slug}` : "/klantlogos/nieuw";

  return (
    <Stack space="lg">
      <Heading level={1}>{slug ? `Klantlogo: ${fields.name || slug}` : "Nieuw klantlogo"}</Heading>
      {done.published ? (
        <NoticeBanner title="Gepubliceerd">
          Versie {done.published} staat binnen enkele seconden in de logo’s op de site en de
          campagnepagina’s.
        </NoticeBanner>
      ) : done.saved ? (
        <NoticeBanner title="Opgeslagen">
          Versie {done.saved} is opgeslagen als concept. Bezoekers zien het pas na Publiceren.
        </NoticeBanner>
      ) : done.offline ? (
        <NoticeBanner title="Offline gehaald">
          Het logo staat binnen enkele seconden niet meer op de site en de campagnepagina’s.
        </NoticeBanner>
      ) : null}
      {conflict ? (
        <ErrorSummary
          title="Niet opgeslagen: iemand anders was je voor"
          description={`Versie ${conflict.revision} is intussen opgeslagen${conflict.author ? ` door ${conflict.author}` : ""}. Jouw wijzigingen staan nog in het formulier hieronder; vergelijk ze met de nieuwste versie en sla daarna opnieuw op.`}
          errors={[{ fieldId: ids.name, message: "Naar jouw wijzigingen" }]}
        />
      ) : summary.length > 0 ? (
        <ErrorSummary
          title={
            answer?.savedRevision
              ? `Versie ${answer.savedRevision} is opgeslagen, maar heeft fouten: zo kan ze niet gepubliceerd worden`
              : answer || refused
                ? "Niet opgeslagen: er is een probleem"
                : "Deze versie heeft fouten"
          }
          errors={summary}
        />
      ) : null}
      {conflict ? (
        <Stack space="sm" as="section" aria-labelledby="nieuwste-versie">
          <Heading level={2} id="nieuwste-versie">
            De nieuwste versie ({conflict.revision}
            {conflict.author ? `, door ${conflict.author}` : ""})
          </Heading>
          <ul>
            <li>Naam: {conflict.fields.name}</li>
            <li>Alt-tekst: {conflict.fields.alt}</li>
            <li>Link: {conflict.fields.href || "geen"}</li>
            <li>Logo: {conflict.fields.logo}</li>
          </ul>
          {slug ? (
            <Text>
              <Link href={`/klantlogos/${slug}`}>Open de nieuwste versie</Link> (jouw wijzigingen
              hieronder gaan dan verloren).
            </Text>
          ) : null}
        </Stack>
      ) : null}
      {status ? <StatusLine status={status} /> : null}
      {logoSrc ? (
        <Stack space="xs">
          <Text weight="bold">{answer?.keptUpload ? "Het nieuwe logo" : "Het huidige logo"}</Text>
          {/* The height alone: logos differ in shape, the width follows. */}
          <img src={logoSrc} alt={fields.alt || fields.name} height={64} />
          {answer?.keptUpload ? (
            <Text tone="muted">
              Het nieuwe bestand is bewaard: je hoeft het niet opnieuw te kiezen.
            </Text>
          ) : null}
        </Stack>
      ) : null}
      <form method="post" action={action} encType="multipart/form-data">
        <Stack space="md">
          <FormToken value={formToken} />
          <input type="hidden" name="baseRevision" value={baseRevision} />
          <input type="hidden" name="logo" value={fields.logo} />
          <TextField
            id={ids.name}
            name="name"
            label="Naam van de organisatie"
            hint={slug ? undefined : "Het adres van het klantlogo in de studio volgt uit de naam."}
            defaultValue={fields.name}
            error={errorOf(ids.name)}
            maxLength={120}
            required
          />
          <TextField
            id={ids.alt}
            name="alt"
            label="Alt-tekst"
            hint="Wat een schermlezer voorleest in plaats van het logo, voor wie het niet ziet. Meestal de naam van de organisatie; staat er meer in het logo, schrijf dat dan ook op."
            defaultValue={fields.alt}
            error={errorOf(ids.alt)}
            maxLength={200}
            required
          />
          <TextField
            id={ids.href}
            name="href"
            label="Link (niet verplicht)"
            hint="Het webadres van de organisatie, beginnend met https://. Het logo wordt dan een link."
            inputMode="url"
            autoComplete="url"
            defaultValue={fields.href}
            error={errorOf(ids.href)}
          />
          <FormField
            id={ids.file}
            label={fields.logo ? "Nieuw logo (niet verplicht)" : "Logo"}
            hint={`PNG, JPEG of WebP, hoogstens 2 MB. De studio maakt er een WebP van hoogstens 480 × 192 pixels van.${fields.logo ? " Laat leeg om het huidige logo te houden." : ""}`}
            error={errorOf(ids.file)}
          >
            {(control) => (
              <input
                {...control}
                type="file"
                name="file"
                accept="image/png,image/jpeg,image/webp"
                required={!fields.logo}
              />
            )}
          </FormField>
          <SaveActions />
        </Stack>
      </form>
      {slug && status?.state === "published" ? (
        <form method="post" action={action}>
          <Stack space="sm">
            <FormToken value={formToken} />
            <Text>Offline halen: het logo verdwijnt van de site en de campagnepagina’s.</Text>
            <div>
              <Button type="submit" name="intent" value="offline" variant="secondary">
                Offline halen
              </Button>
            </div>
          </Stack>
        </form>
      ) : null}
      <Text>
        {slug ? (
          <>
            <Link href={`/klantlogos/${slug}/geschiedenis`}>Geschiedenis van dit klantlogo</Link>
            {" · "}
          </>
        ) : null}
        <Link href="/">Naar het overzicht</Link>
      </Text>
    </Stack>
  );
}

function StatusLine({ status }: { status: OrganisationStatus }) {
  if (status.state === "file") return <Text>Staat: {stateText.file}.</Text>;
  const published =
    status.state === "published" && status.publishedRevision !== status.latestRevision
      ? `gepubliceerd (versie ${status.publishedRevision}), met een nieuwer concept`
      : stateText[status.state];
  return (
    <Text>
      Staat: {published}. Laatste versie {status.latestRevision}
      {status.latestAuthor ? ` door ${status.latestAuthor}` : ""}
      {status.updatedAt
        ? ` op ${new Date(status.updatedAt).toLocaleString("nl-NL", { timeZone: "Europe/Amsterdam", dateStyle: "long", timeStyle: "short" })}`
        : ""}
      .
    </Text>
  );
}
