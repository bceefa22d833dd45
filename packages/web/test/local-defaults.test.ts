import { describe, expect, it } from "vitest";
import { localDefaultsLine } from "../src/server/local-defaults.js";
import { ServerStartError } from "../src/server/start-error.js";

const secrets = [
  {
    name: "RESULTS_PASSWORD",
    purpose: "results",
    minLength: 12,
    localDefault: "lokaal-wachtwoord",
  },
];

describe("the local-defaults line", () => {
  it("says who chose them and what they mean: database, outbox, secret, address, passwords", () => {
    expect(
      localDefaultsLine("landing", { VAART_LOCAL_DEFAULTS: "1" }, { host: "127.0.0.1" }, secrets),
    ).toBe(
      "[landing] Local defaults (VAART_LOCAL_DEFAULTS=1, set by the root pnpm start): production build, SQLite under .data/, mail written to the outbox .data/outbox/, a generated secret, listening on 127.0.0.1 only (HOST=0.0.0.0 opens it to the network). Not for a public server. RESULTS_PASSWORD=lokaal-wachtwoord.",
    );
  });

  it("reflects what was set instead: NODE_ENV, PostgreSQL, SMTP, the secret, HOST", () => {
    const line = localDefaultsLine(
      "site",
      {
        NODE_ENV: "development",
        DATABASE_URL: "postgres://db/vaart",
        SMTP_URL: "smtp://mail",
        NEWSLETTER_SECRET: "x".repeat(40),
        HOST: "0.0.0.0",
        RESULTS_PASSWORD: "given",
      },
      { host: "0.0.0.0" },
      secrets,
    );
    expect(line).toBe(
      "[site] Local defaults (NODE_ENV=development): production build, PostgreSQL (DATABASE_URL), mail sent through SMTP_URL (not the outbox), NEWSLETTER_SECRET as set, listening on HOST=0.0.0.0. Not for a public server.",
    );
  });

  it("names the outbox under DATA_DIR, also when SMTP_URL is set but the outbox chosen", () => {
    const line = localDefaultsLine(
      "site",
      {
        NODE_ENV: "test",
        DATA_DIR: "/tmp/data",
        SMTP_URL: "smtp://x",
        NEWSLETTER_MAIL_TRANSPORT: "outbox",
      },
      { host: "127.0.0.1" },
      [],
    );
    expect(line).toContain("SQLite under /tmp/data, mail written to the outbox /tmp/data/outbox/");
  });
});

describe("a start-up error", () => {
  it("carries each problem as the line main() prints, and exit code 1", () => {
    const error = new ServerStartError(["Invalid configuration: SITE_URL must be set", "second"]);
    expect(error.problems).toEqual(["Invalid configuration: SITE_URL must be set", "second"]);
    expect(error.message).toBe("Invalid configuration: SITE_URL must be set\nsecond");
    expect(error.exitCode).toBe(1);
    expect(error.name).toBe("ServerStartError");
  });
});
