import type { DatabaseHandle } from "./db/connect.server.js";
import type { Logger, MailTransport } from "./mail/transport.server.js";
import type { RateLimitRules } from "./rate-limit.server.js";

/** Resolved settings every operation reads. */
export interface Settings {
  siteUrl: string;
  siteName: string;
  mailFrom: string;
  replyTo: string;
  secret: string;
  paths: { confirm: string; unsubscribe: string };
  confirmationTtlMs: number;
  /** At most one new confirmation mail per address per this interval. */
  mailIntervalMs: number;
  /** A claimed mail not marked sent within this time is due again (crash safety). */
  mailLeaseMs: number;
  minFormAgeMs: number;
  maxFormAgeMs: number;
  /** Allowed clock difference between instances, taken off the minimum form age. */
  formClockSkewMs: number;
  rateLimits: RateLimitRules;
  retry: { baseDelayMs: number; maxDelayMs: number; maxAttempts: number };
}

export interface Core {
  handle: DatabaseHandle;
  settings: Settings;
  transport: MailTransport;
  logger: Logger;
  now: () => Date;
  /** Resolves once migrations are applied (when auto-migrate is on). */
  ready(): Promise<void>;
}

export function addMs(date: Date, ms: number): string {
  return new Date(date.getTime() + ms).toISOString();
}
