import { describe, expect, it } from "vitest";
import { loadConfig, NewsletterConfigError } from "../src/index.js";
import { escapeHtml } from "../src/mail/templates.js";
import { csvCell } from "../src/owner.server.js";
import { emailBucket, ipBucket } from "../src/rate-limit.server.js";
import {
  issueFormToken,
  unsubscribeToken,
  verifyFormToken,
  verifyUnsubscribeToken,
} from "../src/tokens.server.js";
import { checkEmail } from "../src/validation.js";

const SECRET = "unit-secret-unit-secret-unit-secret-unit";
const limits = { minAgeMs: 3_000, maxAgeMs: 2 * 3_600_000, clockSkewMs: 2_000 };
const UA = "Mozilla/5.0 (unit)";

describe("form token (time-trap)", () => {
  const t0 = new Date("2026-11-27T12:00:00Z");
  const at = (ms: number) => new Date(t0.getTime() + ms);

  it("accepts a form submitted after a few seconds by the same browser", () => {
    const token = issueFormToken(SECRET, t0, UA);
    expect(verifyFormToken(SECRET, token, at(3_000), limits, UA)).toMatchObject({
      ok: true,
      ageMs: 3_000,
    });
  });
  it("allows 2 s of clock difference between instances for the minimum age", () => {
    const token = issueFormToken(SECRET, t0, UA);
    expect(verifyFormToken(SECRET, token, at(1_000), limits, UA)).toMatchObject({ ok: true });
    expect(verifyFormToken(SECRET, token, at(999), limits, UA)).toEqual({
      ok: false,
      reason: "too-fast",
    });
  });
  it("is bound to the user agent it was issued for", () => {
    const token = issueFormToken(SECRET, t0, UA);
    expect(verifyFormToken(SECRET, token, at(5_000), limits, "curl/8.0")).toEqual({
      ok: false,
      reason: "bad-signature",
    });
    expect(verifyFormToken(SECRET, token, at(5_000), limits, null)).toEqual({
      ok: false,
      reason: "bad-signature",
    });
  });
  it("rejects a form submitted too fast, after two hours, forged or from another secret", () => {
    const token = issueFormToken(SECRET, t0, UA);
    expect(verifyFormToken(SECRET, token, at(500), limits, UA)).toEqual({
      ok: false,
      reason: "too-fast",
    });
    expect(verifyFormToken(SECRET, token, at(2 * 3_600_000 + 1), limits, UA)).toEqual({
      ok: false,
      reason: "expired",
    });
    expect(verifyFormToken(`${SECRET}x`, token, at(3_000), limits, UA)).toEqual({
      ok: false,
      reason: "bad-signature",
    });
    const [, nonce, sig] = token.split(".");
    // Backdating the timestamp breaks the signature.
    expect(
      verifyFormToken(SECRET, `${t0.getTime() - 10_000}.${nonce}.${sig}`, at(0), limits, UA),
    ).toEqual({
      ok: false,
      reason: "bad-signature",
    });
    expect(verifyFormToken(SECRET, "garbage", at(3_000), limits, UA)).toEqual({
      ok: false,
      reason: "malformed",
    });
  });
});

describe("unsubscribe token", () => {
  it("round-trips and refuses tampering", () => {
    const id = "0b9c2a52-5a43-4bd6-9d3c-0c1f4f1e9a11";
    const token = unsubscribeToken(SECRET, id);
    expect(verifyUnsubscribeToken(SECRET, token)).toBe(id);
    expect(verifyUnsubscribeToken(SECRET, token.replace(/^0/, "1"))).toBeNull();
    expect(verifyUnsubscribeToken("other-secret-other-secret-other-secret", token)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, "")).toBeNull();
  });
});

describe("e-mail normalisation", () => {
  it("lower-cases the domain, keeps the local part and plus-addressing, folds the key", () => {
    expect(checkEmail(" Anna+Nieuws@Example.NL ")).toEqual({
      ok: true,
      email: "Anna+Nieuws@example.nl",
      key: "anna+nieuws@example.nl",
    });
  });
});

describe("CSV export cells", () => {
  it("quotes every cell and neutralises spreadsheet formulas", () => {
    expect(csvCell("plain")).toBe('"plain"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell("+31 6 1234")).toBe(`"'+31 6 1234"`);
    expect(csvCell("@SUM(A1)")).toBe(`"'@SUM(A1)"`);
  });
  it("neutralises formulas after a ; (Dutch Excel splits cells on ;)", () => {
    expect(csvCell("Anna;=cmd|' /C calc'!A0")).toBe(`"Anna;'=cmd|' /C calc'!A0"`);
    expect(csvCell("a;+1;-2;@x;\tTAB")).toBe(`"a;'+1;'-2;'@x;'\tTAB"`);
    expect(csvCell("Jan;Piet")).toBe('"Jan;Piet"');
  });
});

describe("HTML escaping in mail", () => {
  it("escapes markup", () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">&`)).toBe(
      "&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;",
    );
  });
});

describe("rate-limit buckets", () => {
  it("groups IPv6 by /64, keeps IPv4 and hashes addresses", () => {
    expect(ipBucket("203.0.113.7")).toBe("ip:203.0.113.7");
    expect(ipBucket("::ffff:203.0.113.7")).toBe("ip:203.0.113.7");
    expect(ipBucket("2001:db8:1:2:aaaa::1")).toBe(ipBucket("2001:db8:1:2:bbbb::9"));
    expect(ipBucket("2001:db8:1:2::1")).not.toBe(ipBucket("2001:db8:1:3::1"));
    expect(emailBucket("anna@example.nl")).not.toContain("anna");
  });
});

describe("configuration from the environment", () => {
  const base = { DATA_DIR: "/tmp/vaart-config-test" };

  it("has development defaults", () => {
    const config = loadConfig(base);
    expect(config).toMatchObject({
      databaseUrl: undefined,
      dataDir: "/tmp/vaart-config-test",
      outboxDir: "/tmp/vaart-config-test/outbox",
      smtpUrl: undefined,
      siteUrl: "http://localhost:3000",
      usingDevelopmentSecret: true,
    });
  });

  const bad: Array<[string, Record<string, string>]> = [
    ["DATABASE_URL", { DATABASE_URL: "mysql://x" }],
    ["SMTP_URL", { SMTP_URL: "http://mail" }],
    ["SITE_URL", { SITE_URL: "www.example.nl" }],
    ["NEWSLETTER_SECRET", { NEWSLETTER_SECRET: "short" }],
    ["NEWSLETTER_MAIL_FROM", { NEWSLETTER_MAIL_FROM: "nobody" }],
    [
      "NEWSLETTER_SECRET",
      {
        NODE_ENV: "production",
        SITE_URL: "https://www.example.nl",
        NEWSLETTER_MAIL_FROM: "a@example.nl",
      },
    ],
    [
      "SITE_URL",
      {
        NODE_ENV: "production",
        SITE_URL: "http://www.example.nl",
        NEWSLETTER_MAIL_FROM: "a@example.nl",
        NEWSLETTER_SECRET: "s".repeat(40),
      },
    ],
    [
      "SMTP_URL",
      {
        NODE_ENV: "production",
        SITE_URL: "https://www.example.nl",
        NEWSLETTER_MAIL_FROM: "a@example.nl",
        NEWSLETTER_SECRET: "s".repeat(40),
      },
    ],
    ["SMTP_URL", { NEWSLETTER_MAIL_TRANSPORT: "smtp" }],
    ["NEWSLETTER_MAIL_TRANSPORT", { NEWSLETTER_MAIL_TRANSPORT: "files" }],
  ];
  it.each(bad)("names %s when it is wrong", (variable, env) => {
    let error: unknown;
    try {
      loadConfig({ ...base, ...env });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NewsletterConfigError);
    expect((error as NewsletterConfigError).variable).toBe(variable);
    expect((error as Error).message).toContain(variable);
  });

  it("in production, writes mail to files only on explicit request and never logs links", () => {
    const production = {
      ...base,
      NODE_ENV: "production",
      SITE_URL: "https://www.example.nl",
      NEWSLETTER_MAIL_FROM: "a@example.nl",
      NEWSLETTER_SECRET: "s".repeat(40),
    };
    expect(loadConfig({ ...production, NEWSLETTER_MAIL_TRANSPORT: "outbox" })).toMatchObject({
      smtpUrl: undefined,
      logConfirmationLinks: false,
    });
    expect(
      loadConfig({ ...production, SMTP_URL: "smtps://u:p@mail.example.nl:465" }),
    ).toMatchObject({ smtpUrl: "smtps://u:p@mail.example.nl:465", logConfirmationLinks: false });
    expect(loadConfig(base).logConfirmationLinks).toBe(true);
  });
});
