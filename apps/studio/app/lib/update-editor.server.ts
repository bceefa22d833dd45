import { getNewsletter } from "@vaart/web";
import { studioStore } from "./content.server";
import { fileText, openDocument } from "./editor.server";
import { markdownEditor } from "./markdown-editor.server";
import { updateFields } from "./update-fields";

/** The Update editor: /updates/nieuw and /updates/<slug>. */
export const updateEditor = markdownEditor({
  kind: "update",
  fields: updateFields,
  newValues: (today) => ({ subject: "", preheader: "", date: today, body: "" }),
});

/** The text of an Update and where it comes from, as the studio's pages say it. */
export interface UpdateText {
  slug: string;
  text: string;
  /** "versie 3" (stored in the studio) or the file's path. */
  origin: { revision: number; source?: undefined } | { revision?: undefined; source: string };
}

/**
 * What Voorbeeld and Testmail show: the newest saved version (or the one asked for), else
 * the file. The author checks what they are working on before publishing it.
 */
export async function latestUpdate(slug: string, revision?: number): Promise<UpdateText | null> {
  if (revision !== undefined) {
    const version = await studioStore().version("update", slug, revision);
    return version ? { slug, text: version.text, origin: { revision } } : null;
  }
  const document = await openDocument("update", slug);
  if (!document) return null;
  return {
    slug,
    text: document.text,
    origin: document.stored
      ? { revision: document.baseRevision }
      : { source: document.source ?? "" },
  };
}

/**
 * What Versturen sends: the version published in the studio, else the file in the
 * repository (as `pnpm newsletter send <file>` would). A newer draft is never sent; the
 * confirmation page names it.
 */
export async function updateToSend(
  slug: string,
): Promise<
  | (UpdateText & { newerDraft: number | null })
  | { slug: string; text: null; newerDraft: number | null }
> {
  const document = await openDocument("update", slug);
  const published = document?.stored?.publishedRevision ?? null;
  const latest = document?.stored?.latestRevision ?? null;
  if (published !== null) {
    const version = await studioStore().version("update", slug, published);
    if (version) {
      return {
        slug,
        text: version.text,
        origin: { revision: published },
        newerDraft: latest !== null && latest > published ? latest : null,
      };
    }
  }
  const file = fileText("update", slug);
  if (file) return { slug, text: file.text, origin: { source: file.source }, newerDraft: latest };
  return { slug, text: null, newerDraft: latest };
}

/** How many would get it now: the confirmed subscribers (the sending's audience). */
export async function confirmedSubscribers(): Promise<number> {
  return (await getNewsletter().stats()).totals.confirmed;
}

/** The file name the Update checker and the sending know it by. */
export function updateFileName(slug: string): string {
  return `${slug}.md`;
}
