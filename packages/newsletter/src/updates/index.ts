// The Updates' files: parse, check and render (no database). `@vaart/newsletter/updates`.
export {
  type FrozenUpdate,
  greetingFor,
  PLACEHOLDER,
  personalise,
  type Recipient,
} from "./frozen.js";
export { archiveUrl, freezeUpdate, renderUpdate, type UpdateSite } from "./render.js";
export type { UpdateProgress } from "./sending.server.js";
export { formatDuration, sendingStatusLabels } from "./sending-commands.js";
export { TEST_SUBJECT_PREFIX, TestAddressError } from "./test-send.server.js";
export {
  LIMITS as UPDATE_LIMITS,
  type ParsedUpdate,
  parseUpdate,
  SLUG as UPDATE_SLUG,
  UpdateFileError,
  type UpdateSource,
  updateProblems,
} from "./update-file.js";
export {
  type CheckReport,
  checkUpdateFiles,
  displayName,
  freezeUpdateFile,
  listUpdateFiles,
  UPDATES_FOLDER,
  updatesFolder,
} from "./update-files.server.js";
