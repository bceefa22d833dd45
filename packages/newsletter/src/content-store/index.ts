// Server only: the content written in the studio (see docs/decisions/0016-content-in-the-database.md).

export type { ContentKind, ContentState } from "../db/schema.js";
export {
  ContentConflictError,
  ContentInvalidError,
  ContentStoreError,
} from "./errors.js";
export {
  type ContentImageStore,
  type ImageContentType,
  imageHash,
  imageHashOf,
  imageTypes,
  MAX_IMAGE_BYTES,
  type NewImage,
  type StoredImage,
} from "./images.server.js";
export {
  type ContentChecker,
  type ContentCheckers,
  type ContentDocument,
  type ContentStore,
  type ContentVersion,
  contentKinds,
  type HistoryEntry,
  MAX_TEXT_BYTES,
  type PublishedContent,
  type SaveDraftInput,
} from "./store.server.js";
