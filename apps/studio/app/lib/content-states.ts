import type { ContentState } from "@vaart/newsletter/content-store";

/** A stored document's state as every studio page names it. */
export const stateLabels: Record<ContentState, string> = {
  draft: "concept",
  published: "gepubliceerd",
  unpublished: "offline gehaald",
};
