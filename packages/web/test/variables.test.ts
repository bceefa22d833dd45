import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadServerConfig, serverVariableNames } from "../src/config.js";
import { envExample, envVariables, variablesOf } from "../src/variables.js";

const names = envVariables.map((variable) => variable.name);

describe("the list of environment variables", () => {
  it("names each variable once", () => {
    expect(new Set(names).size).toBe(names.length);
  });

  it("holds every variable the server's schema checks, as checked by the server", () => {
    for (const name of serverVariableNames) {
      expect(envVariables.find((variable) => variable.name === name)?.checkedBy, name).toBe(
        "server",
      );
    }
  });

  it("marks as required what a production server refuses to start without", () => {
    const required = (name: string) =>
      envVariables.find((variable) => variable.name === name)?.required;
    // The server's own required variables: missing, each is named (each app with its own
    // public address variable).
    for (const [app, publicUrlVariable] of [
      ["landing", "LANDING_URL"],
      ["studio", "STUDIO_URL"],
    ] as const) {
      let message = "";
      try {
        loadServerConfig({ NODE_ENV: "production" }, { port: 3000, publicUrlVariable });
      } catch (error) {
        message = (error as Error).message;
      }
      // The studio checks LANDING_URL as one of its settings (settings.json, kind "url"):
      // its own configuration test refuses a start without it.
      const ownSettings = app === "studio" ? ["LANDING_URL"] : [];
      for (const variable of variablesOf(app).filter(
        (v) => v.checkedBy === "server" && !ownSettings.includes(v.name),
      )) {
        expect(message.includes(`${variable.name} must be set`), variable.name).toBe(
          required(variable.name) === "yes",
        );
      }
    }
  });

  it("is what turbo.json passes to `pnpm start` (plus Storybook's port)", () => {
    const turbo = JSON.parse(readFileSync(new URL("../../../turbo.json", import.meta.url), "utf8"));
    expect([...turbo.tasks.start.passThroughEnv].sort()).toEqual(
      [...names, "SITE_PORT", "LANDING_PORT", "STUDIO_PORT", "STORYBOOK_PORT"].sort(),
    );
  });
});

describe(".env.example", () => {
  it("documents each of an app's variables once, required ones set and optional ones commented", () => {
    const text = envExample("landing");
    for (const variable of variablesOf("landing")) {
      const lines = text
        .split("\n")
        .filter((line) => line.replace(/^# /, "").startsWith(`${variable.name}=`));
      expect(lines, variable.name).toHaveLength(1);
      expect(lines[0]?.startsWith("# "), variable.name).toBe(variable.required === "no");
    }
    expect(envExample("site")).not.toContain("RESULTS_PASSWORD");
  });
});
