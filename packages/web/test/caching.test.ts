import { describe, expect, it } from "vitest";
import { cacheControlUntil } from "../src/caching.js";
import { loadServerConfig } from "../src/config.js";
import { secretMatches } from "../src/secrets.js";

const now = new Date("2027-03-01T12:00:00Z");
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

describe("cacheControlUntil", () => {
  it("caches as usual when the change is far away", () => {
    expect(cacheControlUntil(later(10 * 86400), now)).toBe(
      "public, max-age=300, stale-while-revalidate=86400",
    );
  });
  it("never lets a cache serve past the change, fresh or stale", () => {
    expect(cacheControlUntil(later(1000), now)).toBe(
      "public, max-age=300, stale-while-revalidate=700",
    );
    expect(cacheControlUntil(later(120), now)).toBe("public, max-age=120");
  });
  it("stores nothing once the moment has come", () => {
    expect(cacheControlUntil(now, now)).toBe("no-store");
    expect(cacheControlUntil(later(-5), now)).toBe("no-store");
  });
});

describe("secretMatches", () => {
  it("accepts only the exact secret", () => {
    expect(secretMatches("geheim-wachtwoord", "geheim-wachtwoord")).toBe(true);
    expect(secretMatches("geheim-wachtwoor", "geheim-wachtwoord")).toBe(false);
    expect(secretMatches(undefined, "geheim-wachtwoord")).toBe(false);
    expect(secretMatches("", "")).toBe(false);
  });
});

describe("app secrets in the configuration", () => {
  const setting = {
    name: "RESULTS_PASSWORD",
    purpose: "the password of /resultaten",
    minLength: 12,
    localDefault: "lokaal-wachtwoord",
  };
  const production = { TRUST_PROXY: "0", SITE_URL: "https://www.example.nl" };

  it("is required in production, naming the variable", () => {
    expect(() => loadServerConfig(production, { port: 3001 }, [setting])).toThrow(
      /RESULTS_PASSWORD must be set \(the password of \/resultaten\)/,
    );
    expect(() =>
      loadServerConfig({ ...production, RESULTS_PASSWORD: "kort" }, { port: 3001 }, [setting]),
    ).toThrow(/RESULTS_PASSWORD must be at least 12 characters/);
  });
  it("takes the local default only where local defaults were chosen", () => {
    expect(
      loadServerConfig({ VAART_LOCAL_DEFAULTS: "1" }, { port: 3001 }, [setting]).secrets,
    ).toEqual({ RESULTS_PASSWORD: "lokaal-wachtwoord" });
    expect(
      loadServerConfig({ ...production, RESULTS_PASSWORD: "een-lang-wachtwoord" }, { port: 3001 }, [
        setting,
      ]).secrets,
    ).toEqual({ RESULTS_PASSWORD: "een-lang-wachtwoord" });
  });
});
