import { createHash } from "node:crypto";
import path from "node:path";
import { sql } from "kysely";
import { findRepoRoot, localDefaultsChosen, splitSecrets } from "./config.server.js";
import {
  type ConfirmationDetails,
  type ConfirmContext,
  type ConfirmResult,
  confirm,
  describeConfirmation,
  type RequestContext,
  type RequestNewConfirmationResult,
  requestNewConfirmation,
} from "./confirm.server.js";
import { type ContentImageStore, createContentImageStore } from "./content-store/images.server.js";
import {
  type ContentCheckers,
  type ContentStore,
  createContentStore,
} from "./content-store/store.server.js";
import type { Core, Settings } from "./core.server.js";
import { exportCsv } from "./csv-export.server.js";
import { type DatabaseHandle, openDatabase } from "./db/connect.server.js";
import { type MigrateOptions, type MigrateReport, migrateToLatest } from "./db/migrate.server.js";
import { NewsletterConfigError } from "./errors.js";
import {
  type ImportOptions,
  type ImportReport,
  importSubscribers,
} from "./import/subscriber-import.server.js";
import { type ResendOptions, type ResendReport, resendPending } from "./mail/resend.server.js";
import {
  createOutboxTransport,
  createSmtpTransport,
  type DkimOptions,
  type Logger,
  type MailTransport,
  type OutgoingMail,
} from "./mail/transport.server.js";
import {
  type FailedAttempts,
  failedAttempts,
  type RateLimitRule,
  type RateLimitRules,
} from "./rate-limit.server.js";
import { type PruneReport, prune } from "./retention.server.js";
import { type AppSessions, appSessions, type FingerprintCache } from "./sessions.server.js";
import { type Stats, stats, tableCounts } from "./stats.server.js";
import { type StudioLogin, type StudioLoginOptions, studioLogin } from "./studio-login.server.js";
import { type SubscribeContext, type SubscribeResult, subscribe } from "./subscribe.server.js";
import { issueFormToken, verifyFormToken } from "./tokens.server.js";
import {
  type UnsubscribeContext,
  type UnsubscribeResult,
  unsubscribe,
} from "./unsubscribe.server.js";
import {
  type ArchivedUpdate,
  type ArchivedUpdateWithBody,
  findSentUpdate,
  listSentUpdates,
} from "./updates/archive.server.js";
import type { UncertainDelivery } from "./updates/delivery-queue.server.js";
import type { FrozenUpdate } from "./updates/frozen.js";
import { previewMail } from "./updates/preview.server.js";
import { freezeUpdate } from "./updates/render.js";
import {
  type ControlResult,
  pauseSending,
  progress,
  resendUncertain,
  resumeSending,
  type StartInput,
  type StartResult,
  startSending,
  type UpdateProgress,
  uncertainOf,
} from "./updates/sending.server.js";
import { sendTestMails, type TestSendReport } from "./updates/test-send.server.js";
import type { UpdateSource } from "./updates/update-file.js";
import { createUpdateWorker, type PassReport, type UpdateWorker } from "./updates/worker.server.js";
import type { FormInput } from "./validation.js";
import { dayInAmsterdam, recordVisit, type SourceReport, sourceReport } from "./visits.server.js";

export interface NewsletterOptions {
  /** `postgres://…` for PostgreSQL; otherwise SQLite (`sqlite:<path>`, or the default file). */
  databaseUrl?: string | undefined;
  /** Folder for the default SQLite file and the outbox. Default: `<repo root>/.data`. */
  dataDir?: string | undefined;
  /** PostgreSQL schema for the tables (default: the connection's search_path). */
  pgSchema?: string | undefined;
  poolSize?: number | undefined;
  /** Real SMTP (`smtp://…`/`smtps://…`). Without it mail goes to the outbox folder. */
  smtpUrl?: string | undefined;
  /** Outbox folder (default `<dataDir>/outbox`). */
  outboxDir?: string | undefined;
  /**
   * Let the outbox log each mail's address and confirmation link (handy locally). Default:
   * on only with local defaults (localDefaultsChosen()) — links are credentials and
   * addresses personal data; neither belongs in production logs.
   */
  logConfirmationLinks?: boolean | undefined;
  /** Overrides smtpUrl/outbox: any object with `send(mail)`. */
  transport?: MailTransport | undefined;
  /** Absolute site URL that mail links point at, e.g. https://www.example.nl. */
  siteUrl: string;
  siteName?: string | undefined;
  mailFrom: string;
  replyTo?: string | undefined;
  /**
   * HMAC key(s) for form and unsubscribe tokens, each at least 32 characters: a list (or a
   * comma-separated string) signs with the first and verifies with all, so a rotation
   * (`new,old`) keeps the links already in inboxes working.
   */
  secret: string | readonly string[];
  now?: (() => Date) | undefined;
  logger?: Logger | undefined;
  /** Apply migrations on first use (default true). */
  autoMigrate?: boolean | undefined;
  /** Tuning; the defaults suit the site. */
  paths?: Partial<Settings["paths"]> | undefined;
  confirmationTtlMs?: number | undefined;
  mailIntervalMs?: number | undefined;
  mailLeaseMs?: number | undefined;
  /** SMTP connection, greeting and socket timeouts (30 s); must stay well below the lease. */
  mailTimeoutMs?: number | undefined;
  /**
   * The form token is identical for every call within one bucket (default 1 h), so a
   * cached page keeps one token and one ETag.
   */
  formTokenBucketMs?: number | undefined;
  /**
   * How long a form token is accepted (default 48 h). Must be at least the bucket plus the
   * page's cache max-age plus stale-while-revalidate (24 h on the site).
   */
  maxFormAgeMs?: number | undefined;
  /** Clock difference allowed between instances (0.5 s). */
  formClockSkewMs?: number | undefined;
  rateLimits?: Partial<RateLimitRules> | undefined;
  /** Site-wide cap on confirmation mails per hour (200); over it, mail waits, never lost. */
  maxConfirmationMailsPerHour?: number | undefined;
  /** How long the visitor's request waits for the first send attempt (default 0: not at all). */
  firstSendWaitMs?: number | undefined;
  retry?: Partial<Settings["retry"]> | undefined;
  /** Updates: mails per second across all instances (default 10; 0 = no limit, benchmarks). */
  sendRate?: number | undefined;
  /** Updates: SMTP connections (mails in flight) per instance (default 4). */
  sendConcurrency?: number | undefined;
  /** Updates: lease of a claimed delivery (default mailLeaseMs, 5 min). */
  updateLeaseMs?: number | undefined;
  /** Updates: pause after this many temporary failures in a row (default 10). */
  pauseAfterFailures?: number | undefined;
  /** Updates: backoff of a delivery's temporary failures (1 min … 1 h, failed after 8). */
  updateRetry?: Partial<Settings["retry"]> | undefined;
  /**
   * The address of List-Unsubscribe's mailto: (someone must read it); null for none.
   * Default: the `replyTo` option's address when one is given.
   */
  unsubscribeMailto?: string | null | undefined;
  /** DKIM signing of every mail (nodemailer's signer). */
  dkim?: DkimOptions | undefined;
  /** Overrides the Updates' transport (default: pooled SMTP, or `transport`). */
  updateTransport?: MailTransport | undefined;
}

/** Sending the Updates (`newsletter.updates`). */
export interface NewsletterUpdates {
  /** Freeze the Update and create one delivery per confirmed subscriber (one transaction). */
  start(frozen: StartInput): Promise<StartResult>;
  pause(slug: string, reason?: string): Promise<ControlResult>;
  resume(slug: string): Promise<ControlResult>;
  /** Every Update's progress (newest first), or one's. */
  progress(slug?: string): Promise<UpdateProgress[]>;
  /** One pass: send what is due now, then return (`pnpm newsletter send-pending`). */
  sendPending(): Promise<PassReport>;
  uncertain(slug: string): Promise<UncertainDelivery[]>;
  resendUncertain(slug: string): Promise<{ requeued: number; message: string }>;
  /** The background sender of an app instance; close() stops it first. */
  worker(options?: { idleMs?: number }): UpdateWorker;
  /**
   * An Update's text (a file's, or a version stored in the studio) checked and rendered with
   * this newsletter's site settings, ready for `start`. Throws an UpdateFileError (Dutch,
   * line and field) when it does not pass.
   */
  freeze(source: UpdateSource): FrozenUpdate & { sourceHash: string };
  /** The mail a subscriber named Anna would get, unsubscribe link included (`pnpm newsletter preview`). */
  previewMail(frozen: FrozenUpdate): OutgoingMail;
  /**
   * The test send (`send --test`): to these addresses only, subject prefixed with [TEST],
   * through the mail transport; records nothing. Throws a TestAddressError naming a bad address.
   */
  sendTest(frozen: FrozenUpdate, addresses: readonly string[]): Promise<TestSendReport>;
}

export interface Newsletter {
  /**
   * The form's hidden `formToken` field: signed, identical for every call within one time
   * bucket (1 h) so a page from a shared cache works for every visitor, accepted for
   * `maxFormAgeMs` (48 h). Not bound to a user agent, not single use.
   */
  issueFormToken(): string;
  /**
   * True when a form's posted `formToken` is one we issued and still accept (signed, not
   * older than `maxFormAgeMs`): the forms of the apps' own pages (the studio's) check it.
   */
  formTokenValid(token: unknown): boolean;
  subscribe(input: FormInput, context: SubscribeContext): Promise<SubscribeResult>;
  /**
   * Confirm from a POST only (a button on the page the mail link opens): link scanners
   * follow GET links. Pass `method: "post"` to record it with the consent proof.
   */
  confirm(token: unknown, context?: ConfirmContext): Promise<ConfirmResult>;
  /** Which signup a confirmation link is for (date, name), read only: for the GET page. */
  describeConfirmation(token: unknown): Promise<ConfirmationDetails>;
  requestNewConfirmation(
    email: unknown,
    context?: RequestContext,
  ): Promise<RequestNewConfirmationResult>;
  unsubscribe(token: unknown, context?: UnsubscribeContext): Promise<UnsubscribeResult>;
  resendPending(options?: ResendOptions): Promise<ResendReport>;
  stats(): Promise<Stats>;
  /**
   * Count one visit of a campaign page (`source` = the campaign's slug) on `day`
   * (YYYY-MM-DD, default: today in Amsterdam). Stores a counter only.
   */
  recordVisit(source: string, day?: string): Promise<void>;
  /** Per source: visits, signups and confirmed signups, in total and per day. */
  sourceReport(sources: readonly string[]): Promise<SourceReport[]>;
  /**
   * Attempts at something an app guards (the results login) under `key`, limited by `rule`
   * over a sliding window: counted atomically in the database, so the limit holds across
   * instances and parallel requests. The key is hashed.
   */
  failedAttempts(key: string, rule: RateLimitRule): FailedAttempts;
  /**
   * Server-side sessions of an app's own login (`scope`, e.g. "results") under its `secret`
   * (the password): random cookie ids stored hashed; a new secret ends them all.
   */
  appSessions(scope: string, secret: string): AppSessions;
  /** The studio's login: one-time links by mail to the authors, server-side sessions. */
  studioLogin(options: StudioLoginOptions): StudioLogin;
  /**
   * The studio's content: versions per document, publishing and the content version the
   * public instances poll. `checkers` are the kinds' parsers (needed to save or publish).
   */
  contentStore(checkers?: ContentCheckers): ContentStore;
  /** Images uploaded in the studio (client logos), keyed by the hash of their bytes. */
  contentImages(): ContentImageStore;
  /** Retention: delete never-confirmed signups older than `olderThanDays` (30), etc. */
  prune(options?: { olderThanDays?: number }): Promise<PruneReport>;
  exportCsv(options?: { sources?: readonly string[] }): Promise<string>;
  /**
   * An existing list (CSV from the old site's plugin or a mail tool) as confirmed
   * subscribers with their original consent date; `dryRun` writes nothing. Throws a
   * CsvFileError (Dutch, names the line) when the file as a whole cannot be read.
   */
  importSubscribers(
    file: { name: string; bytes: Uint8Array },
    options?: ImportOptions,
  ): Promise<ImportReport>;
  /** The archive: every Update whose sending has started, newest first. */
  listSentUpdates(): Promise<ArchivedUpdate[]>;
  /** One sent Update with its web version, or null (unknown, or not sent). */
  findSentUpdate(slug: string): Promise<ArchivedUpdateWithBody | null>;
  migrate(options?: MigrateOptions): Promise<MigrateReport>;
  /** Row counts per table (diagnostics and tests). */
  counts(): Promise<Record<string, number>>;
  /** For health checks: migrations applied and one cheap query answered; throws otherwise. */
  ping(): Promise<void>;
  readonly updates: NewsletterUpdates;
  readonly dialect: DatabaseHandle["dialect"];
  readonly location: string;
  readonly transportName: string;
  close(): Promise<void>;
}

const HOUR = 3_600_000;
const MINUTE = 60_000;
/** Signups per hour from one network (IPv4 /24, IPv6 /48); NEWSLETTER_NETWORK_LIMIT. */
export const DEFAULT_NETWORK_LIMIT = 60;

function requireOption(name: string, ok: boolean, message: string): void {
  if (!ok) throw new NewsletterConfigError(`createNewsletter: ${name} ${message}`, name);
}

/**
 * Tuning numbers come from code or configuration; a zero, negative or NaN window would
 * divide by zero or turn a limit off silently, so refuse it and say which option it is.
 */
function checkNumbers(options: NewsletterOptions): void {
  const check = (name: string, value: unknown, allowZero = false) => {
    if (value === undefined) return;
    const ok =
      typeof value === "number" && Number.isFinite(value) && (allowZero ? value >= 0 : value > 0);
    requireOption(
      name,
      ok,
      `must be a ${allowZero ? "non-negative" : "positive"} number (got ${String(value)})`,
    );
  };
  check("poolSize", options.poolSize);
  check("confirmationTtlMs", options.confirmationTtlMs);
  check("mailIntervalMs", options.mailIntervalMs);
  check("mailLeaseMs", options.mailLeaseMs);
  check("mailTimeoutMs", options.mailTimeoutMs);
  check("formTokenBucketMs", options.formTokenBucketMs);
  check("maxFormAgeMs", options.maxFormAgeMs);
  check("formClockSkewMs", options.formClockSkewMs, true);
  check("maxConfirmationMailsPerHour", options.maxConfirmationMailsPerHour);
  check("firstSendWaitMs", options.firstSendWaitMs, true);
  for (const rule of ["perIp", "perNetwork", "requestNewPerIp", "perMailbox"] as const) {
    const value = options.rateLimits?.[rule];
    if (value === undefined) continue;
    check(`rateLimits.${rule}.max`, value?.max);
    check(`rateLimits.${rule}.windowMs`, value?.windowMs);
    requireOption(`rateLimits.${rule}`, value?.max !== undefined, "needs max and windowMs");
    requireOption(`rateLimits.${rule}`, value?.windowMs !== undefined, "needs max and windowMs");
  }
  check("retry.baseDelayMs", options.retry?.baseDelayMs);
  check("retry.maxDelayMs", options.retry?.maxDelayMs);
  check("retry.maxAttempts", options.retry?.maxAttempts);
  check("sendRate", options.sendRate, true);
  check("sendConcurrency", options.sendConcurrency);
  check("updateLeaseMs", options.updateLeaseMs);
  check("pauseAfterFailures", options.pauseAfterFailures);
  check("updateRetry.baseDelayMs", options.updateRetry?.baseDelayMs);
  check("updateRetry.maxDelayMs", options.updateRetry?.maxDelayMs);
  check("updateRetry.maxAttempts", options.updateRetry?.maxAttempts);
}

/** The bare address of `Name <a@b.nl>` or `a@b.nl`. */
function bareAddress(value: string): string {
  return (/<([^<>\s]+@[^<>\s]+)>/.exec(value)?.[1] ?? value).trim();
}

export function createNewsletter(options: NewsletterOptions): Newsletter {
  checkNumbers(options);
  requireOption(
    "siteUrl",
    typeof options.siteUrl === "string" && URL.canParse(options.siteUrl),
    "must be an absolute URL",
  );
  requireOption(
    "mailFrom",
    typeof options.mailFrom === "string" && options.mailFrom.includes("@"),
    "must be a mail address",
  );
  const secrets =
    typeof options.secret === "string"
      ? splitSecrets(options.secret)
      : Array.isArray(options.secret)
        ? options.secret.filter((s): s is string => typeof s === "string")
        : [];
  requireOption(
    "secret",
    secrets.length > 0 && secrets.every((s) => s.length >= 32),
    "must be one or more secrets of at least 32 characters each",
  );
  const formTokenBucketMs = options.formTokenBucketMs ?? HOUR;
  const maxFormAgeMs = options.maxFormAgeMs ?? 48 * HOUR;
  // A token issued at the start of its bucket is served all bucket long.
  requireOption(
    "maxFormAgeMs",
    maxFormAgeMs > formTokenBucketMs,
    `must be longer than formTokenBucketMs (${formTokenBucketMs} ms) plus the page's cache lifetime`,
  );

  const mailLeaseMs = options.mailLeaseMs ?? 5 * MINUTE;
  const mailTimeoutMs = options.mailTimeoutMs ?? 30_000;
  // Connecting, the greeting and an idle socket may each take up to the timeout; all of
  // it must end before the lease does, or another instance sends the mail a second time.
  requireOption(
    "mailTimeoutMs",
    3 * mailTimeoutMs < mailLeaseMs,
    `must be less than a third of mailLeaseMs (${mailLeaseMs} ms), so that a hanging send ends before the mail can be claimed again`,
  );
  const logger: Logger = options.logger ?? console;
  const dataDir = path.resolve(options.dataDir ?? path.join(findRepoRoot(), ".data"));
  const handle = openDatabase({
    databaseUrl: options.databaseUrl,
    dataDir,
    schema: options.pgSchema,
    poolSize: options.poolSize,
  });
  const transport =
    options.transport ??
    (options.smtpUrl
      ? createSmtpTransport(options.smtpUrl, { timeoutMs: mailTimeoutMs, dkim: options.dkim })
      : createOutboxTransport(options.outboxDir ?? path.join(dataDir, "outbox"), logger, {
          logLinks: options.logConfirmationLinks ?? localDefaultsChosen(),
          dkim: options.dkim,
        }));
  const sendConcurrency = options.sendConcurrency ?? 4;
  const updateLeaseMs = options.updateLeaseMs ?? mailLeaseMs;
  // Same invariant as the confirmation mail: a hanging send ends before its lease does.
  requireOption(
    "updateLeaseMs",
    3 * mailTimeoutMs < updateLeaseMs,
    `must be more than three times mailTimeoutMs (${mailTimeoutMs} ms)`,
  );
  // Its own pooled connections: one mail in flight on each of `sendConcurrency`.
  const updateTransport =
    options.updateTransport ??
    (options.transport === undefined && options.smtpUrl
      ? createSmtpTransport(options.smtpUrl, {
          timeoutMs: mailTimeoutMs,
          pool: sendConcurrency,
          dkim: options.dkim,
        })
      : transport);

  const settings: Settings = {
    siteUrl: options.siteUrl,
    siteName: options.siteName ?? "Vaart in samenwerken",
    mailFrom: options.mailFrom,
    replyTo: options.replyTo ?? options.mailFrom,
    secrets,
    paths: {
      confirm: options.paths?.confirm ?? "/nieuwsbrief/bevestigen",
      unsubscribe: options.paths?.unsubscribe ?? "/nieuwsbrief/afmelden",
    },
    confirmationTtlMs: options.confirmationTtlMs ?? 48 * HOUR,
    mailIntervalMs: options.mailIntervalMs ?? 10 * MINUTE,
    mailLeaseMs,
    formTokenBucketMs,
    maxFormAgeMs,
    // NTP-synced instances differ by far less than 0.5 s.
    formClockSkewMs: options.formClockSkewMs ?? 500,
    rateLimits: {
      perIp: options.rateLimits?.perIp ?? { max: 20, windowMs: HOUR },
      // Three addresses' worth of a /24 or /48: an office or a provider's neighbours share
      // it, and a flood from rented neighbouring addresses stops there.
      perNetwork: options.rateLimits?.perNetwork ?? { max: DEFAULT_NETWORK_LIMIT, windowMs: HOUR },
      requestNewPerIp: options.rateLimits?.requestNewPerIp ?? { max: 10, windowMs: HOUR },
      perMailbox: options.rateLimits?.perMailbox ?? { max: 3, windowMs: 30 * 24 * HOUR },
    },
    maxConfirmationMailsPerHour: options.maxConfirmationMailsPerHour ?? 200,
    // 0: the visitor's answer never waits for the mail server, so its timing does not tell
    // whether an address was new (mailed) or already known (not mailed).
    firstSendWaitMs: options.firstSendWaitMs ?? 0,
    retry: {
      baseDelayMs: options.retry?.baseDelayMs ?? 5 * MINUTE,
      maxDelayMs: options.retry?.maxDelayMs ?? 6 * HOUR,
      maxAttempts: options.retry?.maxAttempts ?? 10,
    },
    updates: {
      sendRate: options.sendRate ?? 10,
      concurrency: sendConcurrency,
      leaseMs: updateLeaseMs,
      pauseAfterFailures: options.pauseAfterFailures ?? 10,
      retry: {
        baseDelayMs: options.updateRetry?.baseDelayMs ?? MINUTE,
        maxDelayMs: options.updateRetry?.maxDelayMs ?? HOUR,
        maxAttempts: options.updateRetry?.maxAttempts ?? 8,
      },
      unsubscribeMailto: ((m) => (m ? bareAddress(m) : null))(
        options.unsubscribeMailto === undefined ? options.replyTo : options.unsubscribeMailto,
      ),
    },
  };

  const fingerprints: FingerprintCache = new Map();
  const workers = new Set<UpdateWorker>();
  let migrated: Promise<void> | null = null;
  const autoMigrate = options.autoMigrate ?? true;
  const core: Core = {
    handle,
    settings,
    transport,
    updateTransport,
    logger,
    now: options.now ?? (() => new Date()),
    inFlight: new Set(),
    ready() {
      if (!autoMigrate) return Promise.resolve();
      migrated ??= migrateToLatest(handle).then(
        () => undefined,
        (error: unknown) => {
          migrated = null; // try again on the next call: the database may come back
          throw error;
        },
      );
      return migrated;
    },
  };

  return {
    issueFormToken: () => issueFormToken(settings.secrets, core.now(), settings.formTokenBucketMs),
    formTokenValid: (token) =>
      typeof token === "string" &&
      verifyFormToken(settings.secrets, token, core.now(), {
        maxAgeMs: settings.maxFormAgeMs,
        clockSkewMs: settings.formClockSkewMs,
      }).ok,
    subscribe: (input, context) => subscribe(core, input, context),
    confirm: (token, context) => confirm(core, token, context),
    describeConfirmation: (token) => describeConfirmation(core, token),
    requestNewConfirmation: (email, context) => requestNewConfirmation(core, email, context),
    unsubscribe: (token, context) => unsubscribe(core, token, context),
    resendPending: (opts) => resendPending(core, opts),
    stats: () => stats(core),
    recordVisit: (source, day) => recordVisit(core, source, day ?? dayInAmsterdam(core.now())),
    sourceReport: (sources) => sourceReport(core, sources),
    failedAttempts(key, rule) {
      const attempts = failedAttempts(handle.db, key, rule, core.now);
      const ready = <T>(run: () => Promise<T>) => core.ready().then(run);
      return {
        take: () => ready(attempts.take),
        blockedForSeconds: () => ready(attempts.blockedForSeconds),
        clear: () => ready(attempts.clear),
      };
    },
    appSessions(scope, secret) {
      const sessions = appSessions(handle.db, scope, secret, core.now, fingerprints);
      return {
        create: (kind, lifetimeMs) => core.ready().then(() => sessions.create(kind, lifetimeMs)),
        find: (kind, id) => core.ready().then(() => sessions.find(kind, id)),
        revoke: (kind, id) => core.ready().then(() => sessions.revoke(kind, id)),
      };
    },
    studioLogin: (loginOptions) => studioLogin(core, loginOptions),
    contentStore: (checkers) =>
      createContentStore(handle, {
        ...(checkers ? { checkers } : {}),
        now: core.now,
        ready: core.ready,
      }),
    contentImages: () => createContentImageStore(handle, { now: core.now, ready: core.ready }),
    prune: (opts) => prune(core, opts),
    exportCsv: (options) => exportCsv(core, options),
    importSubscribers: (file, opts) => importSubscribers(core, file, opts),
    listSentUpdates: () => listSentUpdates(core),
    findSentUpdate: (slug) => findSentUpdate(core, slug),
    migrate: async (opts) => {
      const report = await migrateToLatest(handle, opts);
      migrated = Promise.resolve();
      return report;
    },
    counts: () => tableCounts(core),
    updates: {
      start: (frozen) => startSending(core, frozen),
      pause: (slug, reason) => pauseSending(core, slug, reason),
      resume: (slug) => resumeSending(core, slug),
      progress: (slug) => progress(core, slug),
      sendPending: () => createUpdateWorker(core).runOnce(),
      uncertain: (slug) => uncertainOf(core, slug),
      resendUncertain: (slug) => resendUncertain(core, slug),
      worker(workerOptions) {
        const worker = createUpdateWorker(core, workerOptions);
        workers.add(worker);
        return worker;
      },
      freeze(source) {
        const frozen = freezeUpdate(source, settings);
        return { ...frozen, sourceHash: createHash("sha256").update(source.text).digest("hex") };
      },
      previewMail: (frozen) =>
        previewMail(frozen, { from: settings.mailFrom, replyTo: settings.replyTo }, settings),
      sendTest: (frozen, addresses) =>
        sendTestMails(frozen, addresses, {
          site: settings,
          sender: { from: settings.mailFrom, replyTo: settings.replyTo },
          transport,
        }),
    },
    async ping() {
      await core.ready();
      await sql`select 1`.execute(handle.db);
    },
    dialect: handle.dialect,
    location: handle.location,
    transportName: transport.name,
    async close() {
      // Update senders first: they stop claiming and finish the mails in flight.
      await Promise.all([...workers].map((w) => w.stop()));
      // Sends still running in the background record their outcome first (bounded by the
      // SMTP timeouts; a transport that never returns is not waited for beyond that).
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...core.inFlight]),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, 3 * mailTimeoutMs);
        }),
      ]);
      clearTimeout(timer);
      await transport.close?.();
      if (updateTransport !== transport) await updateTransport.close?.();
      await handle.destroy();
    },
  };
}
