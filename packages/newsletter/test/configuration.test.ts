/** Configuration: safe by default outside development, and every bad option named. */
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  createNewsletter,
  createNewsletterFromEnv,
  findRepoRoot,
  loadConfig,
  localDefaultsChosen,
  NewsletterConfigError,
  type NewsletterOptions,
} from "../src/index.js";
import { MemoryTransport, SECRET } from "./helpers.js";

describe("safe by default outside development", () => {
  const prod = {
    SITE_URL: "https://www.example.nl",
    NEWSLETTER_SECRET: SECRET,
    NEWSLETTER_MAIL_FROM: "updates@example.nl",
    SMTP_URL: "smtps://u:p@mail.example.nl:465",
  };
  it.each([
    ["NODE_ENV unset", {}],
    ["staging", { NODE_ENV: "staging" }],
    ["production", { NODE_ENV: "production" }],
  ])("%s without settings refuses to start, naming every variable", (_, env) => {
    let error: unknown;
    try {
      createNewsletterFromEnv({ DATA_DIR: tmpdir(), ...env });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NewsletterConfigError);
    const e = error as NewsletterConfigError;
    expect(e.variables).toEqual([
      "SITE_URL",
      "NEWSLETTER_SECRET",
      "NEWSLETTER_MAIL_FROM",
      "SMTP_URL",
    ]);
    for (const v of e.variables) expect(e.message).toContain(v);
    expect(() => loadConfig({ DATA_DIR: tmpdir(), ...env, ...prod })).not.toThrow();
  });

  it("local defaults only with NODE_ENV development/test or VAART_LOCAL_DEFAULTS=1; the secret is generated (0600), never a published one", () => {
    expect(localDefaultsChosen({})).toBe(false);
    expect(localDefaultsChosen({ NODE_ENV: "staging" })).toBe(false);
    expect(localDefaultsChosen({ NODE_ENV: "production" })).toBe(false);
    expect(localDefaultsChosen({ NODE_ENV: "development" })).toBe(true);
    expect(localDefaultsChosen({ NODE_ENV: "test" })).toBe(true);
    expect(localDefaultsChosen({ NODE_ENV: "production", VAART_LOCAL_DEFAULTS: "1" })).toBe(true);
    const dir = mkdtempSync(path.join(tmpdir(), "vaart-local-"));
    try {
      const first = loadConfig({
        NODE_ENV: "production",
        VAART_LOCAL_DEFAULTS: "1",
        DATA_DIR: dir,
      });
      const file = path.join(dir, "newsletter-secret");
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(first.secret).toEqual([readFileSync(file, "utf8").trim()]);
      expect(first.secret[0]?.length).toBeGreaterThanOrEqual(32);
      expect(first.secret[0]).not.toContain("development");
      expect(first).toMatchObject({ localDefaults: true, logConfirmationLinks: true });
      expect(loadConfig({ NODE_ENV: "development", DATA_DIR: dir }).secret).toEqual(first.secret);
      const other = mkdtempSync(path.join(tmpdir(), "vaart-local-"));
      expect(loadConfig({ NODE_ENV: "test", DATA_DIR: other }).secret).not.toEqual(first.secret);
      rmSync(other, { recursive: true, force: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a relative sqlite: path resolves from the repo root, whatever the working directory", () => {
    const root = findRepoRoot();
    expect(process.cwd()).not.toBe(root); // the package folder
    const nl = createNewsletter({
      databaseUrl: "sqlite:.data/relatief-test.sqlite",
      siteUrl: "https://www.example.nl",
      mailFrom: "updates@example.nl",
      secret: SECRET,
      transport: new MemoryTransport(),
    });
    expect(nl.location).toBe(path.join(root, ".data", "relatief-test.sqlite"));
    void nl.close();
  });
});

describe("option checks", () => {
  const base = {
    siteUrl: "https://www.example.nl",
    mailFrom: "updates@example.nl",
    secret: SECRET,
    dataDir: tmpdir(),
  };
  const bad: Array<[string, Partial<NewsletterOptions>]> = [
    ["rateLimits.perIp.windowMs", { rateLimits: { perIp: { max: 5, windowMs: 0 } } }],
    ["rateLimits.perMailbox.max", { rateLimits: { perMailbox: { max: -1, windowMs: 1000 } } }],
    [
      "rateLimits.requestNewPerIp.windowMs",
      { rateLimits: { requestNewPerIp: { max: 5, windowMs: Number.NaN } } },
    ],
    ["maxConfirmationMailsPerHour", { maxConfirmationMailsPerHour: 0 }],
    ["formTokenBucketMs", { formTokenBucketMs: -1 }],
    ["maxFormAgeMs", { formTokenBucketMs: 3_600_000, maxFormAgeMs: 3_600_000 }],
    ["secret", { secret: `${SECRET},short` }],
    ["retry.baseDelayMs", { retry: { baseDelayMs: 0 } }],
    ["retry.maxDelayMs", { retry: { maxDelayMs: -5 } }],
    ["retry.maxAttempts", { retry: { maxAttempts: 0 } }],
    ["mailTimeoutMs", { mailTimeoutMs: 0 }],
    ["mailLeaseMs", { mailLeaseMs: -1 }],
    ["maxFormAgeMs", { maxFormAgeMs: 0 }],
    ["pgSchema", { databaseUrl: "postgres://x@127.0.0.1/x", pgSchema: "Robert'); DROP" }],
  ];
  it.each(bad)("names %s when it is not valid", (name, overrides) => {
    let error: unknown;
    try {
      createNewsletter({ ...base, ...overrides });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NewsletterConfigError);
    expect((error as NewsletterConfigError).variable).toBe(name);
    expect((error as Error).message).toContain(name);
  });
});
