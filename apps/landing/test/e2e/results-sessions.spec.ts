import { execFileSync } from "node:child_process";
import { createHash, createHmac } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { type ServerProcess, startServerProcess } from "@vaart/testing";
import { productionEnv, testSettings } from "./server";

// The results login against production servers, on both databases: sessions live on the
// server (logout and a new password end them), cookies are random and carry nothing derived
// from the password, and a copied device cookie gives no more guesses than its own limit.

const pgBase = process.env.TEST_DATABASE_URL ?? "postgres://vaart:vaart@127.0.0.1:5432/vaart_test";
const psql = (sql: string) =>
  execFileSync("psql", [pgBase, "-v", "ON_ERROR_STOP=1", "-Atqc", sql], { encoding: "utf8" });

type Database = "sqlite" | "postgres";
const newsletterPackage = join(process.cwd(), "../../packages/newsletter/package.json");

/** A fresh data folder (and with PostgreSQL a fresh schema), and the environment for it. */
function freshStore(database: Database) {
  const dataDir = mkdtempSync(join(tmpdir(), `landing-sessions-${database}-`));
  const { PORT: _port, HOST: _host, ...env } = productionEnv(0, dataDir);
  let schema: string | undefined;
  if (database === "postgres") {
    schema = `landing_sessions_${Date.now().toString(36)}_${process.pid}`;
    psql(`create schema ${schema}`);
    env.DATABASE_URL = `${pgBase}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  }
  return {
    env: { ...(env as Record<string, string>), TRUST_PROXY: "1" },
    /** Every value stored in the sessions table, as text. */
    sessionRows(): string {
      if (schema) return psql(`select * from ${schema}.app_sessions`);
      return execFileSync(
        process.execPath,
        [
          "--input-type=module",
          "-e",
          // better-sqlite3 comes with @vaart/newsletter; read the table as JSON.
          `import { createRequire } from "node:module";
           const require = createRequire(${JSON.stringify(newsletterPackage)});
           const SQLite = require("better-sqlite3");
           const db = new SQLite(${JSON.stringify(join(dataDir, "vaart.sqlite"))}, { readonly: true });
           console.log(JSON.stringify(db.prepare("select * from app_sessions").all()));`,
        ],
        { encoding: "utf8" },
      );
    },
    remove() {
      if (schema) psql(`drop schema if exists ${schema} cascade`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function client(server: ServerProcess) {
  return {
    login: (password: string, from: string, cookie?: string) =>
      fetch(`${server.origin}/resultaten`, {
        method: "POST",
        body: new URLSearchParams({ password }),
        redirect: "manual",
        headers: { "X-Forwarded-For": from, ...(cookie ? { Cookie: cookie } : {}) },
      }),
    logout: (cookie: string) =>
      fetch(`${server.origin}/resultaten`, {
        method: "POST",
        body: new URLSearchParams({ intent: "afmelden" }),
        redirect: "manual",
        headers: { Cookie: cookie, "X-Forwarded-For": "198.51.100.1" },
      }),
    get: (path: string, cookie: string) =>
      fetch(`${server.origin}${path}`, { redirect: "manual", headers: { Cookie: cookie } }),
  };
}

/** `name=value` of a cookie the answer sets. */
function cookieFrom(answer: Response, name: string): string {
  const cookie = answer.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${name}=`))
    ?.split(";")[0];
  if (!cookie) throw new Error(`no ${name} cookie in ${answer.status} answer`);
  return cookie;
}

async function expectSignedIn(server: ServerProcess, cookie: string) {
  const page = await client(server).get("/resultaten", cookie);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain("Uitloggen");
  const csv = await client(server).get("/resultaten/export.csv", cookie);
  expect(csv.status).toBe(200);
  expect(csv.headers.get("content-type")).toContain("text/csv");
}

/** The login page, not the figures: for the page and for the CSV export (via a redirect). */
async function expectLoginPage(server: ServerProcess, cookie: string) {
  const page = await client(server).get("/resultaten", cookie);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('name="password"');
  expect(html).not.toContain("Uitloggen");
  const csv = await client(server).get("/resultaten/export.csv", cookie);
  expect(csv.status).toBe(303);
  expect(csv.headers.get("location")).toBe("/resultaten");
  expect(await csv.text()).not.toContain("@");
}

for (const database of ["sqlite", "postgres"] as const) {
  test.describe(`results sessions on ${database}`, () => {
    test("parallel guesses with one copied device cookie get no more than the device's limit", async () => {
      test.setTimeout(180_000);
      const store = freshStore(database);
      const server = await startServerProcess({ appDir: process.cwd(), env: store.env });
      try {
        const { login } = client(server);
        const first = await login(testSettings.resultsPassword, "198.51.100.1");
        expect(first.status).toBe(303);
        const device = cookieFrom(first, "vaart_apparaat");

        // The copied cookie, 40 guesses at once, each from another address.
        const guesses = 40;
        const answers = await Promise.all(
          Array.from({ length: guesses }, (_, i) =>
            login("raden-maar", `203.0.113.${i + 1}`, device),
          ),
        );
        const statuses = answers.map((answer) => answer.status);
        const judged = statuses.filter((status) => status === 401).length;
        console.log(`[results-sessions] ${database}: ${judged}/${guesses} guesses judged`);
        expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
        expect(judged).toBeLessThanOrEqual(5);

        // The marketer, in a fresh browser, still gets in.
        expect((await login(testSettings.resultsPassword, "192.0.2.10")).status).toBe(303);
      } finally {
        await server.stop();
        store.remove();
      }
    });

    test("logging out ends the session on the server, and a new password ends every session", async () => {
      test.setTimeout(180_000);
      const store = freshStore(database);
      // Two instances on one database, as behind a load balancer.
      const servers = [
        await startServerProcess({ appDir: process.cwd(), env: store.env }),
        await startServerProcess({ appDir: process.cwd(), env: store.env }),
      ] as [ServerProcess, ServerProcess];
      let changed: ServerProcess | undefined;
      try {
        const [a, b] = servers;
        const loggedIn = await client(a).login(testSettings.resultsPassword, "198.51.100.1");
        expect(loggedIn.status).toBe(303);
        const session = cookieFrom(loggedIn, "vaart_resultaten");
        await expectSignedIn(b, session);

        // Logging out on one instance ends the session on both.
        const out = await client(b).logout(session);
        expect(out.status).toBe(303);
        for (const server of servers) await expectLoginPage(server, session);

        // A new session: its cookies are random, then a new password ends them.
        const again = await client(a).login(testSettings.resultsPassword, "198.51.100.1");
        const second = cookieFrom(again, "vaart_resultaten");
        await expectSignedIn(a, second);

        // A copied cookie is 256 random bits: no expiry, no signature, nothing to test a
        // password guess against — not even the old HMAC keyed on the password.
        for (const name of ["vaart_resultaten", "vaart_apparaat"]) {
          const value = cookieFrom(again, name).slice(name.length + 1);
          expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
          for (const purpose of ["vaart-results-session", "vaart-results-device"]) {
            const key = createHmac("sha256", testSettings.resultsPassword)
              .update(purpose)
              .digest("base64url");
            for (let cut = 1; cut < value.length; cut += 1) {
              const signature = createHmac("sha256", key)
                .update(value.slice(0, cut))
                .digest("base64url");
              expect(value.slice(cut + 1)).not.toBe(signature);
            }
          }
          // The database keeps only its SHA-256.
          const rows = store.sessionRows();
          expect(rows).not.toContain(value);
          expect(rows).toContain(createHash("sha256").update(value).digest("hex"));
        }

        for (const server of servers) await server.stop();
        changed = await startServerProcess({
          appDir: process.cwd(),
          env: { ...store.env, RESULTS_PASSWORD: "nieuw-Wachtwoord-voor-de-kwartaalcijfers" },
        });
        await expectLoginPage(changed, second);
        const fresh = await client(changed).login(
          "nieuw-Wachtwoord-voor-de-kwartaalcijfers",
          "198.51.100.2",
        );
        expect(fresh.status).toBe(303);
        await expectSignedIn(changed, cookieFrom(fresh, "vaart_resultaten"));
      } finally {
        for (const server of servers) await server.stop();
        await changed?.stop();
        store.remove();
      }
    });
  });
}

test("guessable secrets are refused at start-up, naming the variable", async () => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), "landing-weak-secrets-"));
  const { PORT: _port, HOST: _host, ...env } = productionEnv(0, dataDir);
  try {
    const start = (overrides: Record<string, string>) =>
      startServerProcess({
        appDir: process.cwd(),
        env: { ...(env as Record<string, string>), ...overrides },
      });
    await expect(start({ RESULTS_PASSWORD: "password1234" })).rejects.toThrow(
      /RESULTS_PASSWORD is too easy to guess/,
    );
    await expect(start({ NEWSLETTER_SECRET: "a".repeat(32) })).rejects.toThrow(
      /NEWSLETTER_SECRET repeats a few characters/,
    );
    // The published local default still starts where local defaults were chosen.
    const {
      RESULTS_PASSWORD: _r,
      NEWSLETTER_SECRET: _n,
      SITE_URL: _s,
      LANDING_URL: _l,
      ...local
    } = env as Record<string, string>;
    const server = await startServerProcess({
      appDir: process.cwd(),
      env: { ...local, VAART_LOCAL_DEFAULTS: "1" },
    });
    await server.stop();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
