import { readFileSync } from "node:fs";
import { envExample, loadServerConfig, type SecretSetting, variablesOf } from "@vaart/web";
import { describe, expect, it } from "vitest";
import { productionEnv } from "../e2e/server";

const names = variablesOf("studio").map((variable) => variable.name);
const settings: SecretSetting[] = JSON.parse(
  readFileSync(new URL("../../settings.json", import.meta.url), "utf8"),
);

function startError(env: Record<string, string | undefined>): string {
  try {
    loadServerConfig(env, { port: 3002, publicUrlVariable: "STUDIO_URL" }, settings);
    return "";
  } catch (error) {
    return (error as Error).message;
  }
}

describe("the studio's configuration", () => {
  it(".env.example documents every variable of the studio and no other (pnpm --filter @vaart/web env-example)", () => {
    const file = readFileSync(new URL("../../.env.example", import.meta.url), "utf8");
    expect(file).toBe(envExample("studio"));
  });

  it("lists AUTHOR_EMAILS, PREVIEW_TOKEN and LANDING_URL (settings.json) and STUDIO_URL (server.js) as required", () => {
    const required = variablesOf("studio").filter((variable) => variable.required === "yes");
    for (const setting of settings) {
      // LANDING_URL is the landing app's own address (checked by its server), a setting here.
      expect(required.find((v) => v.name === setting.name)?.checkedBy, setting.name).toBe(
        setting.name === "LANDING_URL" ? "server" : "app secret",
      );
    }
    const serverJs = readFileSync(new URL("../../server.js", import.meta.url), "utf8");
    expect(serverJs).toContain('publicUrlVariable: "STUDIO_URL"');
    expect(required.map((v) => v.name)).toContain("STUDIO_URL");
  });

  it("the tests' production settings use only variables the studio reads, and every required one", () => {
    const env = productionEnv(3002, "/tmp/data");
    const ignoredByStudio = ["RESULTS_PASSWORD"]; // the landing app's
    for (const name of Object.keys(env)) {
      expect(
        names.includes(name) || ["PATH", "HOME"].includes(name) || ignoredByStudio.includes(name),
        name,
      ).toBe(true);
    }
    for (const variable of variablesOf("studio").filter((v) => v.required === "yes")) {
      expect(Object.keys(env), variable.name).toContain(variable.name);
    }
  });

  it("refuses to start without PREVIEW_TOKEN or LANDING_URL (the preview links), naming them", () => {
    const {
      PREVIEW_TOKEN: _token,
      LANDING_URL: _landing,
      ...env
    } = productionEnv(3002, "/tmp/data");
    expect(startError(env)).toMatch(/PREVIEW_TOKEN must be set \(the secret behind preview links/);
    expect(startError(env)).toMatch(
      /LANDING_URL must be set \(the landing app's public https:\/\/ address/,
    );
    const base = productionEnv(3002, "/tmp/data");
    expect(startError({ ...base, LANDING_URL: "acties.vaart.test" })).toMatch(
      /LANDING_URL must be an absolute https:\/\/ address/,
    );
    expect(startError({ ...base, PREVIEW_TOKEN: "kort" })).toMatch(
      /PREVIEW_TOKEN must be at least 16 characters long/,
    );
    expect(startError(base)).toBe("");
  });

  it("refuses to start without AUTHOR_EMAILS, or with a list that is not addresses, naming it", () => {
    const { AUTHOR_EMAILS: _authors, ...env } = productionEnv(3002, "/tmp/data");
    expect(startError(env)).toMatch(/AUTHOR_EMAILS must be set \(the authors who may log in/);
    expect(startError({ ...env, AUTHOR_EMAILS: "redactie@example.nl; marketing" })).toMatch(
      /AUTHOR_EMAILS lists "redactie@example.nl; marketing", which is not an e-mail address/,
    );
    expect(startError({ ...env, AUTHOR_EMAILS: " , " })).toMatch(
      /AUTHOR_EMAILS must list at least one author's e-mail address/,
    );
    expect(startError({ ...env, AUTHOR_EMAILS: "Redactie@Example.nl, auteur@localhost" })).toBe("");
    // With local defaults the local author may log in without any setting.
    expect(
      loadServerConfig({ VAART_LOCAL_DEFAULTS: "1" }, { port: 3002 }, settings).secrets
        .AUTHOR_EMAILS,
    ).toBe("auteur@localhost");
  });
});
