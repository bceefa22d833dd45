import { describe, expect, it } from "vitest";
import { etagMatches, weakEtag } from "../src/caching.js";
import { clientIp } from "../src/client-ip.js";
import { loadServerConfig, localDefaultsChosen } from "../src/config.js";
import { securityHeaders } from "../src/security-headers.js";
import { logServerError } from "../src/server-errors.js";

describe("clientIp", () => {
  it("takes the socket address when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(
      clientIp({ forwardedFor: "6.6.6.6", socketAddress: "203.0.113.9", trustProxyHops: 0 }),
    ).toBe("203.0.113.9");
  });

  it("takes the entry the trusted proxies appended, never the first (client-chosen) one", () => {
    const forwardedFor = "6.6.6.6, 198.51.100.7, 10.0.0.2";
    expect(clientIp({ forwardedFor, socketAddress: "10.0.0.3", trustProxyHops: 1 })).toBe(
      "10.0.0.2",
    );
    expect(clientIp({ forwardedFor, socketAddress: "10.0.0.3", trustProxyHops: 2 })).toBe(
      "198.51.100.7",
    );
  });

  it("takes the socket address when the chain is shorter than the configured hops", () => {
    // A request that bypassed the proxy (the app port reachable directly) still has an
    // address of its own for the rate limits, and never one the client wrote.
    expect(clientIp({ forwardedFor: null, socketAddress: "203.0.113.9", trustProxyHops: 1 })).toBe(
      "203.0.113.9",
    );
    expect(
      clientIp({ forwardedFor: "1.2.3.4", socketAddress: "10.0.0.3", trustProxyHops: 2 }),
    ).toBe("10.0.0.3");
    expect(clientIp({ forwardedFor: null, socketAddress: undefined, trustProxyHops: 1 })).toBe(
      null,
    );
  });
});

describe("ETag", () => {
  it("is weak, stable for the same body, and different for another body", () => {
    expect(weakEtag("<p>a</p>")).toMatch(/^W\/".+"$/);
    expect(weakEtag("<p>a</p>")).toBe(weakEtag("<p>a</p>"));
    expect(weakEtag("<p>a</p>")).not.toBe(weakEtag("<p>b</p>"));
  });

  it("matches If-None-Match lists, weak or strong, and *", () => {
    const etag = weakEtag("x");
    const opaque = etag.slice(2);
    expect(etagMatches(`"other", ${etag}`, etag)).toBe(true);
    expect(etagMatches(opaque, etag)).toBe(true);
    expect(etagMatches("*", etag)).toBe(true);
    expect(etagMatches('"other"', etag)).toBe(false);
    expect(etagMatches(null, etag)).toBe(false);
  });
});

describe("server configuration", () => {
  it("uses local defaults only where they were chosen", () => {
    expect(localDefaultsChosen({ NODE_ENV: "development" })).toBe(true);
    expect(localDefaultsChosen({ NODE_ENV: "test" })).toBe(true);
    expect(localDefaultsChosen({ NODE_ENV: "production", VAART_LOCAL_DEFAULTS: "1" })).toBe(true);
    expect(localDefaultsChosen({})).toBe(false);
    expect(localDefaultsChosen({ NODE_ENV: "staging" })).toBe(false);
    expect(localDefaultsChosen({ NODE_ENV: "production" })).toBe(false);
  });

  it("refuses to start a real deployment without TRUST_PROXY and an https SITE_URL, naming them", () => {
    expect(() => loadServerConfig({ NODE_ENV: "production" }, { port: 3000 })).toThrow(
      /TRUST_PROXY must be set.*SITE_URL must be set/s,
    );
    expect(() =>
      loadServerConfig(
        { NODE_ENV: "staging", TRUST_PROXY: "1", SITE_URL: "http://example.nl" },
        { port: 3000 },
      ),
    ).toThrow(/SITE_URL must start with https:\/\//);
  });

  it("names a malformed variable", () => {
    expect(() => loadServerConfig({ NODE_ENV: "test", PORT: "80a" }, { port: 3000 })).toThrow(
      "PORT must be a whole number",
    );
    expect(() => loadServerConfig({ NODE_ENV: "test", TRUST_PROXY: "99" }, { port: 3000 })).toThrow(
      "TRUST_PROXY must be between 0 and 10",
    );
    expect(() =>
      loadServerConfig({ NODE_ENV: "test", SITE_URL: "example" }, { port: 3000 }),
    ).toThrow("SITE_URL must be an absolute URL");
  });

  it("names every problem in one message, malformed and missing alike, with no advice to use local defaults", () => {
    let message = "";
    try {
      loadServerConfig({ NODE_ENV: "production", PORT: "99999" }, { port: 3000 });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/PORT must be/);
    expect(message).toMatch(/TRUST_PROXY must be set/);
    expect(message).toMatch(/SITE_URL must be set/);
    expect(message).not.toMatch(/NODE_ENV/);
  });

  it("accepts a complete production configuration", () => {
    const config = loadServerConfig(
      { TRUST_PROXY: "1", SITE_URL: "https://www.example.nl", PORT: "8080" },
      { port: 3000 },
    );
    expect(config).toMatchObject({ port: 8080, trustProxyHops: 1, localDefaults: false });
    expect(config.siteUrl.href).toBe("https://www.example.nl/");
  });
});

describe("security headers", () => {
  it("allow nothing inline and add HSTS only over https", () => {
    const plain = securityHeaders({ https: false });
    expect(plain["Content-Security-Policy"]).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(plain["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ https: true })["Strict-Transport-Security"]).toMatch(
      /max-age=31536000/,
    );
  });
});

describe("an app's secrets", () => {
  const production = { TRUST_PROXY: "0", SITE_URL: "https://www.example.nl" };
  const results = {
    name: "RESULTS_PASSWORD",
    purpose: "the results login",
    minLength: 12,
    localDefault: "x",
  };
  const secrets = [results];
  it("refuse a long value made of a few repeated characters, naming the variable", () => {
    for (const weak of ["aaaaaaaaaaaa", "abababababab", "abcabcabcabc"]) {
      expect(() =>
        loadServerConfig({ ...production, RESULTS_PASSWORD: weak }, { port: 3001 }, secrets),
      ).toThrow("RESULTS_PASSWORD repeats a few characters: use at least 6 different ones");
    }
    expect(() =>
      loadServerConfig(
        { ...production, RESULTS_PASSWORD: "marketing-kijkt-mee" },
        { port: 3001 },
        secrets,
      ),
    ).not.toThrow();
  });

  it("refuse a guessable password, naming the variable, with a strength estimator", () => {
    const password = [{ ...results, kind: "password" as const, localDefault: "lokaal-resultaten" }];
    for (const weak of ["password1234", "wachtwoord1234", "Welkom123456", "qwertyuiop12"]) {
      expect(() =>
        loadServerConfig({ ...production, RESULTS_PASSWORD: weak }, { port: 3001 }, password),
      ).toThrow(/RESULTS_PASSWORD is too easy to guess \(strength [0-2] of 4, at least 3 needed/);
    }
    for (const strong of ["marketing-kijkt-mee", "kwartaal cijfers voor de koffie"]) {
      expect(
        loadServerConfig({ ...production, RESULTS_PASSWORD: strong }, { port: 3001 }, password)
          .secrets.RESULTS_PASSWORD,
      ).toBe(strong);
    }
    // The same rule holds the published local default, and one the environment gives locally.
    expect(
      loadServerConfig({ VAART_LOCAL_DEFAULTS: "1" }, { port: 3001 }, password).secrets,
    ).toEqual({ RESULTS_PASSWORD: "lokaal-resultaten" });
    expect(() =>
      loadServerConfig(
        { VAART_LOCAL_DEFAULTS: "1", RESULTS_PASSWORD: "password1234" },
        { port: 3001 },
        password,
      ),
    ).toThrow(/RESULTS_PASSWORD is too easy to guess/);
  });
});

describe("an app's own public address", () => {
  it("is required, https, outside local defaults when the app names its variable", () => {
    const production = { TRUST_PROXY: "0", SITE_URL: "https://www.example.nl" };
    const options = { port: 3001, publicUrlVariable: "LANDING_URL" };
    expect(() => loadServerConfig(production, options)).toThrow(
      "LANDING_URL must be set to this app's public https:// address",
    );
    expect(() =>
      loadServerConfig({ ...production, LANDING_URL: "http://acties.example.nl" }, options),
    ).toThrow("LANDING_URL must be an absolute https:// URL");
    expect(() =>
      loadServerConfig({ ...production, LANDING_URL: "https://acties.example.nl" }, options),
    ).not.toThrow();
    expect(() => loadServerConfig({ NODE_ENV: "test" }, options)).not.toThrow();
  });
});

describe("paths in the request log", () => {
  it("hide mail tokens but keep campaign slugs and ordinary paths", async () => {
    const { pathForLog } = await import("../src/request-log.js");
    expect(pathForLog("/nieuwsbrief/bevestigen/abc")).toBe("/nieuwsbrief/bevestigen/:token");
    expect(pathForLog("/nieuwsbrief/afmelden/Zm9vYmFy")).toBe("/nieuwsbrief/afmelden/:token");
    expect(pathForLog("/x/Zm9vYmFyYmF6cXV4cXV1eGZvb2JhcmJhenF1eA")).toBe("/x/:token");
    expect(pathForLog("/webinar-ketensamenwerking-in-de-zorgsector")).toBe(
      "/webinar-ketensamenwerking-in-de-zorgsector",
    );
    expect(pathForLog("/artikelen/is-gelijkwaardigheid-in-een-ketensamenwerking-mogelijk")).toBe(
      "/artikelen/is-gelijkwaardigheid-in-een-ketensamenwerking-mogelijk",
    );
  });
});

describe("fault log lines", () => {
  it("carry the path as the request log does: no mail token, no query string, JSON on one line", () => {
    const lines: string[] = [];
    const token = "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3A";
    const url = `/nieuwsbrief/afmelden/${token}/x?voorbeeld=geheim-token`;
    logServerError(
      "site",
      "POST",
      url,
      new Error(`No route matches URL "/nieuwsbrief/afmelden/${token}/x"`),
      (line) => lines.push(line),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith("\n")).toBe(true);
    const entry = JSON.parse(lines[0] ?? "{}");
    expect(entry).toMatchObject({ app: "site", level: "error", method: "POST" });
    expect(entry.path).toBe("/nieuwsbrief/afmelden/:token/x");
    expect(lines[0]).not.toContain(token);
    expect(lines[0]).not.toContain("geheim-token");
  });

  it("drop the query even when the error quotes it, and survive a target that is no URL", () => {
    const lines: string[] = [];
    logServerError(
      "landing",
      "GET",
      "/webinar?voorbeeld=GEHEIM-voorbeeld",
      new Error(
        'Loader failed for "/webinar?voorbeeld=GEHEIM-voorbeeld" (voorbeeld=GEHEIM-voorbeeld)',
      ),
      (line) => lines.push(line),
    );
    expect(lines[0]).not.toContain("GEHEIM");
    expect(JSON.parse(lines[0] ?? "{}").path).toBe("/webinar");
    expect(() =>
      logServerError("site", "GET", "//a:99999/", new Error("bad"), (line) => lines.push(line)),
    ).not.toThrow();
    expect(JSON.parse(lines[1] ?? "{}").path).toBe("//a:99999/");
  });
});
