import { execFileSync } from "node:child_process";
import path from "node:path";
import { mailsTo } from "@vaart/testing";
import { raw, request as rawRequest } from "@vaart/testing/network";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { productionEnv, type RunningSite, startSite, tempDataDir } from "./server-process";

// The newsletter page's form POST is answered before Remix when the signup is stored
// (packages/web/src/server/signup-post.server.ts). A browser's form (urlencoded) takes that
// path; the same fields posted as multipart take Remix's route action, as every post did
// before. Both must give a visitor the same answers, on both databases.

const baseUrl = process.env.TEST_DATABASE_URL ?? "postgres://vaart:vaart@127.0.0.1:5432/vaart_test";
const schema = `site_signup_post_${Date.now().toString(36)}_${process.pid}`;
const psql = (sql: string) =>
  execFileSync("psql", [baseUrl, "-v", "ON_ERROR_STOP=1", "-Atqc", sql], { encoding: "utf8" });

/** Headers a visitor's browser acts on; the rest (Date, keep-alive) say nothing about the answer. */
const compared = [
  "location",
  "cache-control",
  "retry-after",
  "content-type",
  "content-security-policy",
  "x-content-type-options",
  "referrer-policy",
  "permissions-policy",
  "cross-origin-opener-policy",
  "x-frame-options",
];

let ipCounter = 0;
/** A client address in a /24 of its own: no limit is reached unless a test means to. */
function nextIp() {
  ipCounter += 1;
  return `100.${64 + (ipCounter >> 8)}.${ipCounter & 255}.7`;
}

type Fields = Record<string, string>;

describe.each(["sqlite", "postgres"] as const)("the signup form's POST (%s)", (driver) => {
  let site: RunningSite;
  let outbox: string;
  let formToken: string;

  beforeAll(async () => {
    const dataDir = tempDataDir(`signup-post-${driver}`);
    outbox = path.join(dataDir, "outbox");
    const extra: Record<string, string> = { TRUST_PROXY: "1" };
    if (driver === "postgres") {
      psql(`create schema if not exists ${schema}_${driver}`);
      extra.DATABASE_URL = `${baseUrl}?options=${encodeURIComponent(`-c search_path=${schema}_${driver}`)}`;
    }
    site = await startSite(productionEnv(dataDir, extra));
    const page = await (await fetch(`${site.origin}/nieuwsbrief`)).text();
    formToken = page.match(/name="formToken" value="([^"]+)"/)?.[1] ?? "";
    expect(formToken).not.toBe("");
  });

  afterAll(async () => {
    await site?.stop();
    if (driver === "postgres") psql(`drop schema if exists ${schema}_${driver} cascade`);
  });

  /** As a browser posts the form (the fast path), or as multipart (Remix's action). */
  const post = (fields: Fields, how: "form" | "multipart", ip = nextIp()) => {
    const body =
      how === "form"
        ? new URLSearchParams(fields)
        : Object.entries(fields).reduce((form, [name, value]) => {
            form.append(name, value);
            return form;
          }, new FormData());
    return fetch(`${site.origin}/nieuwsbrief`, {
      method: "POST",
      redirect: "manual",
      headers: { "X-Forwarded-For": ip },
      body,
    });
  };

  /** The page without what differs per answer by design: the form token, the address typed. */
  const page = (html: string) =>
    html.replace(/name="formToken" value="[^"]*"/g, "").replace(/value="[^"]*@example\.nl"/g, "");

  async function sameAnswer(fields: (n: string) => Fields, expected: { status: number }) {
    const fast = await post(fields("snel"), "form");
    const remix = await post(fields("remix"), "multipart");
    expect(fast.status).toBe(expected.status);
    expect(remix.status).toBe(expected.status);
    for (const name of compared) {
      expect(fast.headers.get(name), name).toBe(remix.headers.get(name));
    }
    const [fastPage, remixPage] = [await fast.text(), await remix.text()];
    expect(page(fastPage)).toBe(page(remixPage));
    return { fast, fastPage };
  }

  it("stores a new address and redirects to the thanks page, and its mail goes out", async () => {
    const address = (n: string) => `nieuw.${n}.${driver}.${schema}@example.nl`;
    const { fast } = await sameAnswer(
      (n) => ({ email: address(n), firstName: "Lezer", consent: "yes", formToken }),
      { status: 303 },
    );
    expect(fast.headers.get("location")).toBe("/nieuwsbrief/bijna-klaar");
    expect(fast.headers.get("cache-control")).toBe("no-store");
    await waitFor(() => mailsTo(outbox, address("snel")).length === 1);
    expect(mailsTo(outbox, address("snel"))[0]).toMatch(/\/nieuwsbrief\/bevestigen\//);
  });

  it("names what is wrong with the fields, keeping the values", async () => {
    const { fastPage } = await sameAnswer(
      () => ({ email: "geen-adres", firstName: "Lezer", formToken }),
      { status: 400 },
    );
    expect(fastPage).toContain("bijvoorbeeld naam@voorbeeld.nl");
    expect(fastPage).toMatch(/toestemming|Vink/i);
  });

  it("asks for one more press when the form token is missing or forged, storing nothing", async () => {
    const address = `token.${driver}.${schema}@example.nl`;
    for (const token of ["", "1796425200000.vervalst", `${formToken}x`]) {
      const { fastPage } = await sameAnswer(
        () => ({ email: address, consent: "yes", formToken: token }),
        { status: 400 },
      );
      expect(fastPage).toContain("Nog één stap");
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mailsTo(outbox, address)).toHaveLength(0);
  });

  it("answers the per-IP limit the same way, with Retry-After", async () => {
    const answers: Record<string, Response> = {};
    const started = Date.now();
    for (const how of ["form", "multipart"] as const) {
      const ip = nextIp();
      let last: Response | undefined;
      for (let i = 0; i < 21; i++) {
        last = await post(
          { email: `ip${i}.${how}.${driver}.${schema}@example.nl`, consent: "yes", formToken },
          how,
          ip,
        );
        if (i < 20) expect(last.status, `signup ${i + 1}`).toBe(303);
      }
      answers[how] = last as Response;
    }
    const { form, multipart } = answers as { form: Response; multipart: Response };
    expect(form.status).toBe(429);
    expect(multipart.status).toBe(429);
    for (const name of compared.filter((name) => name !== "retry-after")) {
      expect(form.headers.get(name), name).toBe(multipart.headers.get(name));
    }
    // The window's end, in seconds from now: the two can differ by no more than the time the
    // 42 posts took (a few seconds here, more on a loaded machine) and a second of rounding.
    const tookSeconds = Math.ceil((Date.now() - started) / 1000);
    const [formWait, multipartWait] = [form, multipart].map((r) =>
      Number(r.headers.get("retry-after")),
    );
    expect(formWait).toBeGreaterThan(0);
    expect(Math.abs((formWait ?? 0) - (multipartWait ?? 0))).toBeLessThanOrEqual(tookSeconds + 1);
    expect(page(await form.text())).toBe(page(await multipart.text()));
  });

  it("sends one mail for a replayed form, answering both the same", async () => {
    const address = `herhaald.${driver}.${schema}@example.nl`;
    const fields = { email: address, consent: "yes", formToken };
    const ip = nextIp();
    const first = await post(fields, "form", ip);
    const replay = await post(fields, "form", ip);
    expect([first.status, replay.status]).toEqual([303, 303]);
    expect(replay.headers.get("location")).toBe(first.headers.get("location"));
    await waitFor(() => mailsTo(outbox, address).length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mailsTo(outbox, address)).toHaveLength(1);
  });

  it("refuses a form posted from another site, storing nothing", async () => {
    const address = `vervalst.${driver}.${schema}@example.nl`;
    const body = new URLSearchParams({ email: address, consent: "yes", formToken }).toString();
    const answer = await raw(
      site.port,
      rawRequest("POST", "/nieuwsbrief", {
        Host: `127.0.0.1:${site.port}`,
        Origin: "https://evil.example",
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": String(Buffer.byteLength(body)),
        "X-Forwarded-For": nextIp(),
      }) + body,
    );
    expect(answer.status).toBe(403);
    expect(answer.body).toMatch(/andere website verstuurd/);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mailsTo(outbox, address)).toHaveLength(0);
  });

  it("refuses a body over the limit and one of unknown length, before reading it", async () => {
    const huge = await raw(
      site.port,
      rawRequest("POST", "/nieuwsbrief", {
        Host: `127.0.0.1:${site.port}`,
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": String(50 * 1024 * 1024),
      }),
    );
    expect(huge.status).toBe(413);
    expect(huge.body).toContain("Het verzoek is te groot.");
    const head = rawRequest("POST", "/nieuwsbrief", {
      Host: `127.0.0.1:${site.port}`,
      "Content-Type": "application/x-www-form-urlencoded",
      "Transfer-Encoding": "chunked",
    });
    const chunked = await raw(site.port, `${head}5\r\nemail\r\n0\r\n\r\n`);
    expect(chunked.status).toBe(411);
  });
});

async function waitFor(done: () => boolean, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
