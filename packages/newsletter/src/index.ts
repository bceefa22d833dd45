export {
  type ConfigProblem,
  checkConfig,
  describeConfigProblems,
  type EnvConfig,
  findRepoRoot,
  loadConfig,
  localDefaultsChosen,
} from "./config.server.js";
export type {
  ConfirmationDetails,
  ConfirmContext,
  ConfirmResult,
  RequestContext,
  RequestNewConfirmationResult,
} from "./confirm.server.js";
export type { MigrateOptions, MigrateReport } from "./db/migrate.server.js";
export type { SubscriberStatus } from "./db/schema.js";
export { NewsletterConfigError } from "./errors.js";
export {
  CsvFileError,
  type ImportLine,
  type ImportOptions,
  type ImportReport,
} from "./import/subscriber-import.server.js";
export { ipBucket, normaliseIp } from "./ip.js";
export type { ResendOptions, ResendReport } from "./mail/resend.server.js";
export {
  createNullTransport,
  createOutboxTransport,
  createSmtpTransport,
  type Logger,
  type MailTransport,
  type OutgoingMail,
  type SmtpTimeouts,
} from "./mail/transport.server.js";
export { messages } from "./messages.js";
export {
  createNewsletter,
  type Newsletter,
  type NewsletterOptions,
} from "./newsletter.server.js";
export type { FailedAttempts, RateLimitRule, RateLimitRules } from "./rate-limit.server.js";
export type { PruneReport } from "./retention.server.js";
export { distinctCharactersNeeded, repeatsFewCharacters } from "./secret-strength.js";
export type { AppSessions, SessionKind } from "./sessions.server.js";
export { checkSiteUrl, LOCAL_SITE_URL, type SiteUrlCheck } from "./site-url.js";
export type { SourceStats, Stats } from "./stats.server.js";
export {
  checkAuthorAddress,
  type LinkRequestResult,
  type LinkState,
  LOGIN_LINK_LIFETIME_MS,
  parseAuthorEmails,
  STUDIO_SESSION_LIFETIME_MS,
  type StudioLogin,
  type StudioLoginOptions,
  studioLinkLimits,
  type UseLinkResult,
} from "./studio-login.server.js";
export type { SubscribeContext, SubscribeResult } from "./subscribe.server.js";
export type { UnsubscribeContext, UnsubscribeResult } from "./unsubscribe.server.js";
export type { ArchivedUpdate, ArchivedUpdateWithBody } from "./updates/archive.server.js";
export {
  type FieldErrors,
  type FormInput,
  type FormValues,
  mailboxKey,
} from "./validation.js";

import { loadConfig } from "./config.server.js";
import { createNewsletter, type Newsletter, type NewsletterOptions } from "./newsletter.server.js";

const HOUR = 3_600_000;

/**
 * createNewsletter() configured from environment variables (see README), with overrides.
 * Throws a NewsletterConfigError naming every missing variable unless local defaults are
 * chosen (NODE_ENV development/test or VAART_LOCAL_DEFAULTS=1).
 */
export function createNewsletterFromEnv(
  env: Record<string, string | undefined> = process.env,
  overrides: Partial<NewsletterOptions> = {},
): Newsletter {
  const config = loadConfig(env);
  if (config.usingGeneratedSecret) {
    (overrides.logger ?? console).warn(
      `[newsletter] local defaults: NEWSLETTER_SECRET is not set; using the secret generated in ${config.dataDir}/newsletter-secret`,
    );
  }
  const { networkLimitPerHour, ...options } = config;
  return createNewsletter({
    ...options,
    ...overrides,
    rateLimits: {
      ...(networkLimitPerHour ? { perNetwork: { max: networkLimitPerHour, windowMs: HOUR } } : {}),
      ...overrides.rateLimits,
    },
  });
}
export {
  type DayFigures,
  dayInAmsterdam,
  type SourceReport,
} from "./visits.server.js";
