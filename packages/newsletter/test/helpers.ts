import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll } from "vitest";
import {
  createNewsletter,
  type MailTransport,
  type Newsletter,
  type NewsletterOptions,
  type OutgoingMail,
} from "../src/index.js";

export const PG_URL =
  process.env.TEST_DATABASE_URL ?? "postgres://vaart:vaart@127.0.0.1:5432/vaart_test";

export const SECRET = "test-secret-0123456789-abcdefghijklmnopqrstuvwxyz";
export const CONSENT_TEXT =
  "Ja, ik wil de tweemaandelijkse 'Updates' ontvangen. Afmelden kan altijd weer.";

export type DriverName = "sqlite" | "postgres";
export const DRIVERS: DriverName[] = ["sqlite", "postgres"];

let pgChecked: Promise<void> | null = null;
/**
 * PostgreSQL must be there: the suite fails (never skips) when it is not. Start it with
 * `bash scripts/ensure-postgres.sh` (the root `pnpm test` does).
 */
export function requirePostgres(): Promise<void> {
  pgChecked ??= (async () => {
    const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 5_000 });
    try {
      await client.connect();
      await client.query("select 1");
    } catch (error) {
      throw new Error(
        `PostgreSQL is not reachable at ${PG_URL.replace(/:[^:@/]*@/, ":***@")} (${String(error)}). ` +
          "Run `bash scripts/ensure-postgres.sh` or use the root `pnpm test`.",
      );
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return pgChecked;
}

export class Clock {
  t: number;
  constructor(start = Date.parse("2026-11-27T12:00:00.000Z")) {
    this.t = start;
  }
  now = (): Date => new Date(this.t);
  advance(ms: number): void {
    this.t += ms;
  }
}

export class MemoryTransport implements MailTransport {
  readonly name = "memory";
  sent: OutgoingMail[] = [];
  failures = 0;
  /** While > 0 every send fails (and counts down). Set to Infinity for "down". */
  failNext = 0;
  async send(mail: OutgoingMail): Promise<void> {
    if (this.failNext > 0) {
      this.failNext -= 1;
      this.failures += 1;
      throw new Error("connect ECONNREFUSED 127.0.0.1:2525 (test transport down)");
    }
    this.sent.push(mail);
  }
  to(email: string): OutgoingMail[] {
    return this.sent.filter((m) => m.to === email);
  }
}

export const quietLogger = { info() {}, warn() {}, error() {} };

/** Quiet, but keeps what was logged as an error, so a test can show why something failed. */
function recordingLogger(errors: string[]) {
  return { info() {}, warn() {}, error: (message: string) => errors.push(message) };
}

export interface TestEnv {
  newsletter: Newsletter;
  transport: MemoryTransport;
  clock: Clock;
  /** Options used, to open a second instance on the same database. */
  options: NewsletterOptions;
  another(overrides?: Partial<NewsletterOptions>): Newsletter;
  /** Errors the newsletter logged (e.g. why a subscribe answered "unavailable"). */
  errors: string[];
}

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

let counter = 0;
/** A newsletter on a fresh database: a temp SQLite file, or a fresh PostgreSQL schema. */
export async function setup(
  driver: DriverName,
  overrides: Partial<NewsletterOptions> = {},
): Promise<TestEnv> {
  const clock = new Clock();
  const transport = new MemoryTransport();
  const errors: string[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), "vaart-newsletter-"));
  const base: NewsletterOptions = {
    dataDir: dir,
    siteUrl: "https://www.example.nl",
    mailFrom: "Vaart in samenwerken <updates@example.nl>",
    replyTo: "info@example.nl",
    secret: SECRET,
    now: clock.now,
    transport,
    logger: recordingLogger(errors),
    // The visitor's answer does not wait for the send (default 0); tests do, so that they can
    // read the memory transport right after subscribe(). Tests of that bound set their own.
    firstSendWaitMs: 30_000,
  };
  if (driver === "postgres") {
    await requirePostgres();
    counter += 1;
    base.databaseUrl = PG_URL;
    // Dropped by the global teardown (test/global-setup.ts) once every file is done.
    const run = process.env.VAART_TEST_RUN ?? "norun";
    base.pgSchema = `t_${run}_${process.pid}_${counter}`;
  }
  const options = { ...base, ...overrides };
  const instances: Newsletter[] = [];
  const make = (o: Partial<NewsletterOptions> = {}) => {
    const n = createNewsletter({ ...options, ...o });
    instances.push(n);
    return n;
  };
  const newsletter = make();
  cleanups.push(async () => {
    for (const n of instances) await n.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });
  return { newsletter, transport, clock, options, another: make, errors };
}

/** setup() with the tables made (for a test that writes to them directly, or starts an Update). */
export async function setupMigrated(
  driver: DriverName,
  overrides: Partial<NewsletterOptions> = {},
): Promise<TestEnv> {
  const env = await setup(driver, overrides);
  await env.newsletter.migrate();
  return env;
}

/** A form as the browser posts it, with a form token issued `ageMs` earlier. */
export function form(
  env: TestEnv,
  fields: Record<string, string | string[]> = {},
  ageMs = 5_000,
): FormData {
  env.clock.advance(-ageMs);
  const token = env.newsletter.issueFormToken();
  env.clock.advance(ageMs);
  const data = new FormData();
  const all: Record<string, string | string[]> = {
    email: "anna@example.nl",
    firstName: "Anna",
    consent: "yes",
    website: "",
    formToken: token,
    ...fields,
  };
  for (const [key, value] of Object.entries(all)) {
    for (const v of Array.isArray(value) ? value : [value]) data.append(key, v);
  }
  return data;
}

export const ctx = {
  consentText: CONSENT_TEXT,
  consentVersion: "2026-11",
  source: "/nieuwsbrief",
  ip: "203.0.113.7",
  userAgent: "Mozilla/5.0 (test)",
};

export function tokenFrom(mail: OutgoingMail | undefined, kind: "bevestigen" | "afmelden"): string {
  if (!mail) throw new Error("no mail");
  const match = new RegExp(`/nieuwsbrief/${kind}/([A-Za-z0-9_-]+)(?=\\s|$)`, "m").exec(mail.text);
  if (!match?.[1]) throw new Error(`no ${kind} link in mail`);
  return match[1];
}

// What `pnpm newsletter` runs: src/cli.ts bundled into dist/ (bundled first when stale).
const launcher = path.resolve(import.meta.dirname, "../../cli/bin/newsletter.js");
const execFileAsync = promisify(execFile);

/**
 * `pnpm newsletter <args>` as the owner types it in `cwd`: a test environment with DATA_DIR
 * (default `cwd`) and the test secret, `env` on top. A failure is an exit code, not a throw.
 */
export async function runCli(
  args: string[],
  options: { cwd: string; dataDir?: string; env?: Record<string, string> },
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [launcher, ...args], {
      cwd: options.cwd,
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "test",
        DATA_DIR: options.dataDir ?? options.cwd,
        NEWSLETTER_SECRET: SECRET,
        ...options.env,
      },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
