import type { FrozenUpdate } from "@vaart/newsletter/updates";
import { UpdateFileError } from "@vaart/newsletter/updates";
import { getNewsletter } from "@vaart/web";
import { notFound, privatePageHeaders } from "@vaart/web/remix";
import { latestUpdate, type UpdateText } from "./update-editor.server";

/** `?versie=3`: a stored version; nothing: the newest. Anything else is no page. */
export function askedRevision(request: Request): number | undefined {
  const written = new URL(request.url).searchParams.get("versie");
  if (written === null) return undefined;
  if (!/^[1-9]\d{0,8}$/.test(written)) throw notFound(privatePageHeaders);
  return Number(written);
}

export type FrozenOrProblems =
  | { update: UpdateText; frozen: FrozenUpdate; problems: null }
  | { update: UpdateText; frozen: null; problems: string[] };

/** The Update the preview and the test mail use, rendered by the newsletter; 404 when unknown. */
export async function renderedUpdate(slug: string, revision?: number): Promise<FrozenOrProblems> {
  const update = await latestUpdate(slug, revision);
  if (!update) throw notFound(privatePageHeaders);
  return freezeText(update);
}

export function freezeText<T extends UpdateText>(update: T) {
  try {
    const frozen = getNewsletter().updates.freeze({ file: `${update.slug}.md`, text: update.text });
    return { update, frozen, problems: null } as const;
  } catch (error) {
    if (!(error instanceof UpdateFileError)) throw error;
    return { update, frozen: null, problems: error.problems } as const;
  }
}

/** "versie 3" or "het bestand apps/site/content/updates/x.md". */
export function originText(update: UpdateText): string {
  return update.origin.revision !== undefined
    ? `versie ${update.origin.revision}`
    : `het bestand ${update.origin.source}`;
}
