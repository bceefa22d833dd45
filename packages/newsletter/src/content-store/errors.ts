import type { ContentKind } from "../db/schema.js";

/** Why the content store refused a call; `code` lets the studio answer each case. */
export class ContentStoreError extends Error {
  override name = "ContentStoreError";
  constructor(
    readonly code: "input" | "conflict" | "invalid" | "not-found" | "no-checker",
    message: string,
  ) {
    super(message);
  }
}

/** A save based on a revision that is no longer the latest: never a silent overwrite. */
export class ContentConflictError extends ContentStoreError {
  override name = "ContentConflictError";
  constructor(
    readonly kind: ContentKind,
    readonly slug: string,
    readonly baseRevision: number,
    readonly latestRevision: number,
    readonly latestAuthor: string | null,
  ) {
    super(
      "conflict",
      `${kind} "${slug}" was saved again since revision ${baseRevision}: the latest is revision ${latestRevision}${latestAuthor ? ` by ${latestAuthor}` : ""}. Open the latest version, make your change there and save again.`,
    );
  }
}

/** A version that does not pass its kind's check cannot be published. */
export class ContentInvalidError extends ContentStoreError {
  override name = "ContentInvalidError";
  constructor(
    readonly kind: ContentKind,
    readonly slug: string,
    readonly revision: number,
    readonly problems: readonly string[],
  ) {
    super(
      "invalid",
      `${kind} "${slug}" revision ${revision} cannot be published: ${problems.join("; ")}`,
    );
  }
}
