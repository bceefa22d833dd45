import type { DatabaseHandle } from "./db/connect.server.js";
import type { Logger, MailTransport } from "./mail/transport.server.js";
import type { RateLimitRules } from "./rate-limit.server.js";

/** Resolved settings every operation reads. */
export interface Settings {
  siteUrl: string;
  siteName: string;
  mailFrom: string;
  replyTo: string;
  /** Sign with the first, verify with all (rotation keeps old links working). */
  secrets: string[];
  paths: { confirm: string; unsubscribe: string };
  confirmationTtlMs: number;
  /** At most one new confirmation mail per mailbox per this interval. */
  mailIntervalMs: number;
  /** A claimed mail not marked sent within this time is due again (crash safety). */
  mailLeaseMs: number;
  /** The form token is the same for every call within one bucket (cached pages). */
  formTokenBucketMs: number;
  maxFormAgeMs: number;
  /** Allowed clock difference between instances (a bucket may start slightly ahead). */
  formClockSkewMs: number;
  rateLimits: RateLimitRules;
  /** Site-wide cap on confirmation mails per hour; over it, mail waits for resend-pending. */
  maxConfirmationMailsPerHour: number;
  /** How long a visitor's request waits for the first send attempt. */
  firstSendWaitMs: number;
  retry: { baseDelayMs: number; maxDelayMs: number; maxAttempts: number };
  /** Sending the Updates (updates/). */
  updates: UpdateSettings;
}

export interface UpdateSettings {
  /** Mails per second across every instance together; 0 = no limit (benchmarks). */
  sendRate: number;
  /** SMTP connections per instance, one mail in flight on each. */
  concurrency: number;
  /** A claimed delivery not recorded within this time is recovered (see delivery-queue). */
  leaseMs: number;
  /** Temporary failures in a row (any instance) after which sending pauses itself. */
  pauseAfterFailures: number;
  /** Backoff of a delivery's temporary failures; failed after maxAttempts. */
  retry: { baseDelayMs: number; maxDelayMs: number; maxAttempts: number };
  /** The mailto: of List-Unsubscribe, when a reply address is configured; null otherwise. */
  unsubscribeMailto: string | null;
}

export interface Core {
  handle: DatabaseHandle;
  settings: Settings;
  transport: MailTransport;
  /** The Updates' transport: pooled SMTP connections (or the same as `transport`). */
  updateTransport: MailTransport;
  logger: Logger;
  now: () => Date;
  /** Resolves once migrations are applied (when auto-migrate is on). */
  ready(): Promise<void>;
  /** Sends still running after the visitor's request returned; close() waits for them. */
  inFlight: Set<Promise<unknown>>;
}

export function addMs(date: Date, ms: number): string {
  return new Date(date.getTime() + ms).toISOString();
}
