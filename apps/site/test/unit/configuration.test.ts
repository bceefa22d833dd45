import { readFileSync } from "node:fs";
import { envExample, loadServerConfig, type SecretSetting, variablesOf } from "@vaart/web";
import { describe, expect, it } from "vitest";
import { productionEnv } from "../process/server-process";

describe("the site's configuration", () => {
  it(".env.example documents every variable of the site and no other (pnpm --filter @vaart/web env-example)", () => {
    const file = readFileSync(new URL("../../.env.example", import.meta.url), "utf8");
    expect(file).toBe(envExample("site"));
  });

  it("the tests' production settings use only variables the site reads, and every required one", () => {
    const env = productionEnv("/tmp/data");
    const names = variablesOf("site").map((variable) => variable.name);
    const ignoredBySite = [
      ...["LANDING_URL", "RESULTS_PASSWORD"], // the landing app's
      ...["STUDIO_URL", "AUTHOR_EMAILS"], // the studio's
    ];
    for (const name of Object.keys(env)) {
      expect(names.includes(name) || ignoredBySite.includes(name), name).toBe(true);
    }
    for (const variable of variablesOf("site").filter((v) => v.required === "yes")) {
      expect(Object.keys(env), variable.name).toContain(variable.name);
    }
  });

  it("refuses to start without PREVIEW_TOKEN (settings.json), or with a guessable one, naming it", () => {
    const settings: SecretSetting[] = JSON.parse(
      readFileSync(new URL("../../settings.json", import.meta.url), "utf8"),
    );
    const serverJs = readFileSync(new URL("../../server.js", import.meta.url), "utf8");
    expect(serverJs).toContain('new URL("./settings.json", import.meta.url)');
    const startError = (env: Record<string, string | undefined>) => {
      try {
        loadServerConfig(env, { port: 3000 }, settings);
        return "";
      } catch (error) {
        return (error as Error).message;
      }
    };
    const { PREVIEW_TOKEN: _token, ...env } = productionEnv("/tmp/data");
    expect(startError(env)).toMatch(/PREVIEW_TOKEN must be set/);
    expect(startError({ ...env, PREVIEW_TOKEN: "abababababababab" })).toMatch(
      /PREVIEW_TOKEN repeats a few characters/,
    );
    expect(startError({ ...env, PREVIEW_TOKEN: "test-voorbeeld-token-0123456789" })).toBe("");
  });
});
