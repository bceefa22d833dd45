import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { logoFiles, organisations } from "../src/index.js";

describe("organisations", () => {
  it("lists Alwel (the client on the current site) first and marks every other entry as fictional", () => {
    expect(organisations[0]?.name).toBe("Alwel");
    expect(organisations[0]?.placeholder).toBe(false);
    for (const organisation of organisations.slice(1)) {
      expect(organisation.placeholder).toBe(true);
      expect(organisation.name).toMatch(/\(fictief\)$/);
    }
  });

  it("serves every logo under a content-hashed name that maps to an SVG file", () => {
    for (const organisation of organisations) {
      const hashed = organisation.logo.replace("/logos/", "");
      expect(hashed).toMatch(/^[a-z0-9-]+\.[0-9a-f]{10}\.svg$/);
      const file = logoFiles.get(hashed);
      expect(file && existsSync(file)).toBe(true);
      expect(readFileSync(file as string, "utf8")).toContain("<svg");
    }
  });
});
