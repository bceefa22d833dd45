import { readFileSync } from "node:fs";
import { envExample, variablesOf } from "@vaart/web";
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
});
