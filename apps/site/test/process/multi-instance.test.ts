import { execFileSync } from "node:child_process";
import path from "node:path";
import { mailsTo } from "@vaart/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { productionEnv, type RunningSite, startSite, tempDataDir } from "./server-process";

// Two instances of the site behind one (simulated) proxy, on one PostgreSQL database: the
// path for growth. A fresh schema per run keeps the test independent of other suites.
const baseUrl = process.env.TEST_DATABASE_URL ?? "postgres://vaart:vaart@127.0.0.1:5432/vaart_test";
const schema = `site_multi_${Date.now().toString(36)}_${process.pid}`;
const databaseUrl = `${baseUrl}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
const psql = (sql: string) =>
  execFileSync("psql", [baseUrl, "-v", "ON_ERROR_STOP=1", "-Atqc", sql], {
    encoding: "utf8",
  }).trim();

const dataDir = tempDataDir("multi");
const outbox = path.join(dataDir, "outbox");
let a: RunningSite;
let b: RunningSite;

beforeAll(async () => {
  psql(`create schema ${schema}`);
  const env = productionEnv(dataDir, { DATABASE_URL: databaseUrl, TRUST_PROXY: "1" });
  // Started one after the other would hide a migration race: start both at once.
  [a, b] = await Promise.all([startSite(env), startSite(env)]);
});

afterAll(async () => {
  for (const site of [a, b]) site?.child.kill("SIGTERM");
  await Promise.all([a?.exited, b?.exited]);
  psql(`drop schema if exists ${schema} cascade`);
});

async function formToken(site: RunningSite) {
  const html = await (await fetch(`${site.origin}/nieuwsbrief`)).text();
  const token = html.match(/name="formToken" value="([^"]+)"/)?.[1];
  if (!token) throw new Error("no form token on /nieuwsbrief");
  return token;
}

function signup(site: RunningSite, email: string, clientIp: string, token: string) {
  return fetch(`${site.origin}/nieuwsbrief`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": clientIp },
    body: new URLSearchParams({ email, consent: "yes", formToken: token }),
  });
}

async function waitForMails(emails: string[]) {
  const deadline = Date.now() + 20_000;
  while (emails.some((email) => mailsTo(outbox, email).length === 0)) {
    if (Date.now() > deadline) throw new Error("mails did not all arrive");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("two site instances on one PostgreSQL", () => {
  const emails = Array.from({ length: 10 }, (_, i) => `lezer${i}.${schema}@example.nl`);

  it("stores every signup once and sends one mail each, whichever instance answers", async () => {
    // A form rendered by one instance is accepted by the other (shared secret).
    const tokens = [await formToken(a), await formToken(b)];
    const answers = await Promise.all(
      emails.map((email, i) =>
        signup(i % 2 ? b : a, email, `203.0.113.${i + 1}`, tokens[(i + 1) % 2] as string),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(emails.map(() => 303));
    // The same visitor's double click lands on both instances at once.
    const twice = `dubbel.${schema}@example.nl`;
    const both = await Promise.all([
      signup(a, twice, "203.0.113.50", tokens[0] as string),
      signup(b, twice, "203.0.113.50", tokens[1] as string),
    ]);
    expect(both.map((answer) => answer.status)).toEqual([303, 303]);
    await waitForMails([...emails, twice]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const email of [...emails, twice]) expect(mailsTo(outbox, email), email).toHaveLength(1);
    expect(psql(`select count(*) from ${schema}.newsletter_subscribers`)).toBe("11");
  });

  it("confirms on the other instance than the one that took the signup", async () => {
    for (const [i, email] of emails.entries()) {
      const link = mailsTo(outbox, email)[0]?.match(
        /https:\/\/[^\s"<>]*\/nieuwsbrief\/bevestigen\/([A-Za-z0-9_-]+)/,
      );
      expect(link, email).toBeTruthy();
      const site = i % 2 ? a : b;
      const answer = await fetch(`${site.origin}/nieuwsbrief/bevestigen/${link?.[1]}`, {
        method: "POST",
        headers: { "X-Forwarded-For": `203.0.113.${i + 1}` },
      });
      expect(answer.status).toBe(200);
      expect(await answer.text()).toContain("Je aanmelding is bevestigd");
    }
    expect(
      psql(`select count(*) from ${schema}.newsletter_subscribers where status = 'confirmed'`),
    ).toBe("10");
  });

  it("shares rate limits: the 21st signup in an hour from one IP is refused, whichever instance gets it", async () => {
    const tokens = [await formToken(a), await formToken(b)];
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const answer = await signup(
        i % 2 ? b : a,
        `burst${i}.${schema}@example.nl`,
        "198.51.100.9",
        tokens[i % 2] as string,
      );
      statuses.push(answer.status);
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(303));
    expect(statuses[20]).toBe(429);
  });
});
