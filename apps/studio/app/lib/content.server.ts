import type { ContentKind, ContentStore } from "@vaart/newsletter/content-store";
import { contentCheckers, getNewsletter } from "@vaart/web";

/** The studio's address segment per content kind: /campagnes/<slug>, /artikelen/<slug>, … */
export const kindSegments = {
  artikelen: "article",
  campagnes: "campaign",
  klantlogos: "organisation",
  updates: "update",
} as const satisfies Record<string, ContentKind>;

export type KindSegment = keyof typeof kindSegments;

export function segmentOf(kind: ContentKind): KindSegment {
  const found = (Object.keys(kindSegments) as KindSegment[]).find(
    (segment) => kindSegments[segment] === kind,
  );
  if (!found) throw new Error(`no studio address for content kind ${kind}`);
  return found;
}

/** The kind an address segment names, or null (the page then answers 404). */
export function kindOfSegment(segment: string | undefined): ContentKind | null {
  return segment && Object.hasOwn(kindSegments, segment)
    ? kindSegments[segment as KindSegment]
    : null;
}

/** The content store, checking every save with the parsers the files use. */
export function studioStore(): ContentStore {
  return getNewsletter().contentStore(contentCheckers());
}
