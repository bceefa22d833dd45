import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { csvCell } from "../src/csv-export.server.js";
import { loadConfig, mailboxKey, NewsletterConfigError, normaliseIp } from "../src/index.js";
import { ipBucket } from "../src/ip.js";
import { escapeHtml } from "../src/mail/templates.js";
import { unsubscribeToken, verifyUnsubscribeToken } from "../src/tokens.server.js";
import { checkEmail } from "../src/validation.js";

const SECRET = "unit-secret-unit-secret-unit-secret-unit";
const OLD_SECRET = "old-secret-old-secret-old-secret-old-secret";

describe("unsubscribe token", () => {
  it("round-trips, is path-safe base64url, refuses tampering, and verifies with every secret of a rotation", () => {
    const id = "0b9c2a52-5a43-4bd6-9d3c-0c1f4f1e9a11";
    const token = unsubscribeToken([SECRET], id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{65}$/);
    expect(verifyUnsubscribeToken([SECRET], token)).toBe(id);
    expect(verifyUnsubscribeToken([SECRET], `${token.slice(0, 30)}A${token.slice(31)}`)).toBeNull();
    expect(verifyUnsubscribeToken(["other-secret-other-secret-other-secret"], token)).toBeNull();
    expect(verifyUnsubscribeToken([SECRET], "")).toBeNull();
    // Rotation: links signed with the old secret keep working after `new,old`.
    const old = unsubscribeToken([OLD_SECRET], id);
    expect(verifyUnsubscribeToken([SECRET], old)).toBeNull();
    expect(verifyUnsubscribeToken([SECRET, OLD_SECRET], old)).toBe(id);
  });
});

describe("e-mail normalisation", () => {
  it("lower-cases the domain, keeps the local part as typed; the key is the mailbox", () => {
    expect(checkEmail(" Anna+Nieuws@Example.NL ")).toEqual({
      ok: true,
      email: "Anna+Nieuws@example.nl",
      key: "anna@example.nl",
    });
  });
  it("maps every spelling of one inbox to one mailbox key (finding 1)", () => {
    const victim = "victim@gmail.com";
    for (const variant of [
      "victim@gmail.com",
      "Victim@Gmail.com",
      "v.ictim@gmail.com",
      "v.i.c.t.i.m+1@gmail.com",
      "victim+nieuws@googlemail.com",
      "VICTIM+x.y@GOOGLEMAIL.COM",
    ]) {
      const checked = checkEmail(variant);
      expect(checked.ok && checked.key, variant).toBe(victim);
    }
    // Dots matter outside Gmail; IDN domains are in punycode.
    expect(mailboxKey("a.b+c@example.nl")).toBe("a.b@example.nl");
    const idn = checkEmail("Jan+x@bücher.de");
    expect(idn.ok && idn.key).toBe("jan@xn--bcher-kva.de");
  });
});

describe("IP normalisation (finding 9)", () => {
  it("expands IPv6 before taking the /64, strips ports, maps IPv4-mapped IPv6, refuses lists", () => {
    expect(normaliseIp("2001:db8::1:2:3:4")).toBe("2001:db8:0:0:1:2:3:4");
    expect(normaliseIp("2001:0DB8:0000:0000:0001:0002:0003:0004")).toBe("2001:db8:0:0:1:2:3:4");
    const b = (ip: string) => ipBucket(normaliseIp(ip) ?? "");
    expect(b("2001:db8::1:2:3:4")).toBe(b("2001:0db8:0000:0000:0001:0002:0003:0004"));
    expect(b("2001:db8::1")).not.toBe(b("2001:db8::5:6:7:8:9"));
    expect(b("2001:db8::1")).toBe("ip6:2001:db8:0:0");
    expect(normaliseIp("203.0.113.9:5678")).toBe("203.0.113.9");
    expect(normaliseIp("[2001:db8::1]:443")).toBe("2001:db8:0:0:0:0:0:1");
    expect(normaliseIp("[::1]:80")).toBe("0:0:0:0:0:0:0:1");
    expect(normaliseIp("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(normaliseIp("::FFFF:cb00:7109")).toBe("203.0.113.9");
    expect(normaliseIp(" 198.51.100.4 ")).toBe("198.51.100.4");
    for (const bad of [
      "203.0.113.9, 198.51.100.4",
      "unknown",
      "",
      "localhost",
      "1.2.3",
      "1::2::3",
      "2001:db8::1:2:3:4:5:6:7",
      "1.2.3.4:5:6",
      "x".repeat(10_000),
      null,
      undefined,
      42,
    ]) {
      expect(normaliseIp(bad), String(bad)).toBeNull();
    }
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

describe("configuration from the environment", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "vaart-config-test-"));
  const base = { NODE_ENV: "test", DATA_DIR: dir };

  it("has local defaults with NODE_ENV=test", () => {
    const config = loadConfig(base);
    expect(config).toMatchObject({
      databaseUrl: undefined,
      dataDir: dir,
      outboxDir: `${dir}/outbox`,
      smtpUrl: undefined,
      siteUrl: "http://localhost:3000",
      usingGeneratedSecret: true,
      localDefaults: true,
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
        NEWSLETTER_SECRET: SECRET,
      },
    ],
    [
      "SMTP_URL",
      {
        NODE_ENV: "production",
        SITE_URL: "https://www.example.nl",
        NEWSLETTER_MAIL_FROM: "a@example.nl",
        NEWSLETTER_SECRET: SECRET,
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

  it("refuses a NEWSLETTER_SECRET of the right length made of a few repeated characters", () => {
    for (const weak of ["a".repeat(32), "ab".repeat(24), `${SECRET},${"a".repeat(32)}`]) {
      expect(() => loadConfig({ ...base, NEWSLETTER_SECRET: weak })).toThrow(
        /NEWSLETTER_SECRET repeats a few characters: use at least 8 different ones/,
      );
    }
    expect(loadConfig({ ...base, NEWSLETTER_SECRET: SECRET }).secret).toEqual([SECRET]);
  });

  it("in production, writes mail to files only on explicit request and never logs links", () => {
    const production = {
      ...base,
      NODE_ENV: "production",
      SITE_URL: "https://www.example.nl",
      NEWSLETTER_MAIL_FROM: "a@example.nl",
      NEWSLETTER_SECRET: SECRET,
    };
    expect(loadConfig({ ...production, NEWSLETTER_MAIL_TRANSPORT: "outbox" })).toMatchObject({
      smtpUrl: undefined,
      logConfirmationLinks: false,
    });
    expect(
      loadConfig({ ...production, SMTP_URL: "smtps://u:p@mail.example.nl:465" }),
    ).toMatchObject({ smtpUrl: "smtps://u:p@mail.example.nl:465", logConfirmationLinks: false });
    expect(loadConfig(base).logConfirmationLinks).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });
});
