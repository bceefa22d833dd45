import { readFileSync } from "node:fs";
import { envExample, type SecretSetting, variablesOf } from "@vaart/web";
import { describe, expect, it } from "vitest";
import { productionEnv } from "../e2e/server";

const names = variablesOf("landing").map((variable) => variable.name);

describe("the landing app's configuration", () => {
  it(".env.example documents every variable of the app and no other (pnpm --filter @vaart/web env-example)", () => {
    const file = readFileSync(new URL("../../.env.example", import.meta.url), "utf8");
    expect(file).toBe(envExample("landing"));
  });

  it("lists its secrets (secrets.json) and its public URL variable (server.js) as required", () => {
    const secrets: SecretSetting[] = JSON.parse(
      readFileSync(new URL("../../secrets.json", import.meta.url), "utf8"),
    );
    const required = variablesOf("landing").filter((variable) => variable.required === "yes");
    for (const secret of secrets) {
      expect(required.find((v) => v.name === secret.name)?.checkedBy, secret.name).toBe(
        "app secret",
      );
    }
    const serverJs = readFileSync(new URL("../../server.js", import.meta.url), "utf8");
    expect(serverJs).toContain('publicUrlVariable: "LANDING_URL"');
    expect(required.map((v) => v.name)).toContain("LANDING_URL");
  });

  it("the tests' production settings use only variables the app reads, and every required one", () => {
    const env = productionEnv(3001, "/tmp/data");
    const ignoredByLanding = ["STUDIO_URL", "AUTHOR_EMAILS"]; // the studio's
    for (const name of Object.keys(env)) {
      expect(
        names.includes(name) ||
          name === "PATH" ||
          name === "HOME" ||
          ignoredByLanding.includes(name),
        name,
      ).toBe(true);
    }
    for (const variable of variablesOf("landing").filter((v) => v.required === "yes")) {
      expect(Object.keys(env), variable.name).toContain(variable.name);
    }
  });
});
