import { data } from "@remix-run/node";
import {
  ContentConflictError,
  type ContentDocument,
  ContentInvalidError,
  type ContentKind,
  ContentStoreError,
  type ContentVersion,
} from "@vaart/newsletter/content-store";
import type { VaartLoadContext } from "@vaart/web";
import { notFound, privatePageHeaders } from "@vaart/web/remix";
import { studioStore } from "./content.server";
import { previewUrl } from "./editor.server";
import { studioSetting } from "./login.server";
import { repositoryFile } from "./repository-files.server";

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A slug from the address, or the page's 404 (nothing is looked up for a malformed one). */
export function slugFrom(value: string | undefined): string {
  if (!value || value.length > 200 || !slugPattern.test(value)) throw notFound();
  return value;
}

/** The repository file's text for a slug, or null when it has none. */
export function fileText(kind: ContentKind, slug: string): string | null {
  return repositoryFile(kind, slug)?.text ?? null;
}

export interface EditorDocument {
  /** What the editor starts from: the latest stored version, else the file. */
  text: string;
  /** The revision a save builds on: 0 for a document only in a file. */
  baseRevision: number;
  latest: ContentVersion | null;
  document: ContentDocument | null;
  fromFile: boolean;
}

/** The document as the editor opens it, or null when neither the store nor a file has it. */
export async function editorDocument(
  kind: ContentKind,
  slug: string,
): Promise<EditorDocument | null> {
  const store = studioStore();
  const [latest, documents] = await Promise.all([
    store.version(kind, slug),
    store.listDocuments(kind),
  ]);
  const document = documents.find((candidate) => candidate.slug === slug) ?? null;
  if (latest) {
    return { text: latest.text, baseRevision: latest.revision, latest, document, fromFile: false };
  }
  const file = fileText(kind, slug);
  if (file === null) return null;
  return { text: file, baseRevision: 0, latest: null, document: null, fromFile: true };
}

export { stateLabels } from "./content-states";

/**
 * The preview link of one stored campaign version on the landing app: the real page, never
 * cached, noindex; its token opens this version only (preview-link.server.ts in @vaart/web).
 */
export function campaignPreviewUrl(
  context: Partial<VaartLoadContext>,
  slug: string,
  revision: number,
): string {
  return previewUrl(
    context,
    "campaign",
    `/${slug}`,
    slug,
    revision,
    studioSetting(context, "LANDING_URL"),
  );
}

/** A date and time as an author in the Netherlands reads it. */
export function formatMoment(iso: string): string {
  return new Intl.DateTimeFormat("nl-NL", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Amsterdam",
  }).format(new Date(iso));
}

/** A revision from a form field: a whole number from `min` up, or null. */
export function revisionFrom(value: FormDataEntryValue | null, min = 1): number | null {
  if (typeof value !== "string" || !/^\d{1,10}$/.test(value)) return null;
  const revision = Number(value);
  return revision >= min ? revision : null;
}

/** What an action answers when the store refuses: the author's text is kept by the page. */
export interface Refusal {
  /** The first sentence at the top of the page. */
  title: string;
  /** The messages under it, each naming field and line where the check does. */
  problems: string[];
  /** Set for a stale save: the newest revision, to open or to save over deliberately. */
  conflict: { revision: number; author: string | null } | null;
}

/**
 * The Dutch answer to the store's refusals (422 for a failing check, 409 for a stale save,
 * 400 for input it will not take); anything else is a server error and is thrown on.
 */
export function refusalOf<Extra extends object = Record<never, never>>(
  error: unknown,
  extra: Extra = {} as Extra,
) {
  const answer = (status: number, refusal: Refusal) =>
    data({ ...extra, ...refusal }, { status, headers: privatePageHeaders });
  if (error instanceof ContentConflictError) {
    const who = error.latestAuthor ?? "een andere auteur";
    return answer(409, {
      title: `Niet opgeslagen: ${who} heeft intussen versie ${error.latestRevision} opgeslagen. Jouw tekst staat hieronder nog.`,
      problems: [
        `Jij begon bij versie ${error.baseRevision}. Bekijk versie ${error.latestRevision} en neem jouw wijzigingen daarin over, of sla jouw tekst bewust op als nieuwe versie (over versie ${error.latestRevision} heen).`,
      ],
      conflict: { revision: error.latestRevision, author: error.latestAuthor },
    });
  }
  if (error instanceof ContentInvalidError) {
    return answer(422, {
      title: `Niet gepubliceerd: versie ${error.revision} heeft ${error.problems.length === 1 ? "een fout" : `${error.problems.length} fouten`}. Verbeter ${error.problems.length === 1 ? "die" : "ze"} en publiceer opnieuw.`,
      problems: [...error.problems],
      conflict: null,
    });
  }
  if (
    error instanceof ContentStoreError &&
    (error.code === "input" || error.code === "not-found")
  ) {
    return answer(400, { title: "Dat ging niet.", problems: [error.message], conflict: null });
  }
  throw error;
}
