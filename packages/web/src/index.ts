export type { ArchivedUpdate } from "@vaart/newsletter";
export { cacheControl, cacheControlUntil, etagMatches, weakEtag } from "./caching.js";
export { clientIp } from "./client-ip.js";
export {
  configFromEnvironment,
  loadServerConfig,
  localDefaultsChosen,
  type SecretSetting,
  type ServerConfig,
  ServerConfigError,
  secretFromEnvironment,
} from "./config.js";
export { handleDocumentRequest } from "./document.server.js";
export {
  CONTENT_POLL_MS,
  contentCheckers,
  type LiveContent,
  liveContent,
  liveOrganisations,
  onContentReload,
} from "./live-content.server.js";
export {
  type ConfirmOutcome,
  type ConfirmPageData,
  closeNewsletter,
  confirmPageData,
  getNewsletter,
  handleConfirm,
  handleRequestNew,
  handleSignup,
  handleUnsubscribe,
  newsletterConsent,
  newsletterPaths,
  newsletterSignupPost,
  type RequestInfo,
  type RequestNewOutcome,
  type SignupFormData,
  type SignupOutcome,
  type SignupRoute,
  type SignupValues,
  signupContext,
  signupFormData,
  type UnsubscribeOutcome,
} from "./newsletter.server.js";
export { previewToken, previewTokenValid } from "./preview-link.server.js";
export { secretMatches } from "./secrets.js";
export { securityHeaders } from "./security-headers.js";
export type { VaartLoadContext } from "./server.js";
export { handleServerError, logServerError } from "./server-errors.js";
export {
  type AppName,
  type EnvVariable,
  envExample,
  envVariables,
  variablesOf,
} from "./variables.js";
export { escapeXml } from "./xml.js";
