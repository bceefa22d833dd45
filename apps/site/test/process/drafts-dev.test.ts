import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { freePort } from "@vaart/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDataDir } from "./server-process";

const appDir = fileURLToPath(new URL("../../", import.meta.url));
const draft = {
  slug: "concept-vijf-frustraties-in-de-keten",
  title: "De vijf frustraties van Lencioni in de keten",
};

let dev: ChildProcess;
let origin = "";
let output = "";

/** `pnpm dev`'s site server: the only one that shows drafts. */
beforeAll(async () => {
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  dev = spawn(
    "node_modules/.bin/remix",
    ["vite:dev", "--port", String(port), "--strictPort", "--host", "127.0.0.1"],
    {
      cwd: appDir,
      env: { PATH: process.env.PATH ?? "", NODE_ENV: "development", DATA_DIR: tempDataDir("dev") },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  dev.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  dev.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (dev.exitCode !== null) throw new Error(`pnpm dev exited:\n${output}`);
    const ok = await fetch(`${origin}/robots.txt`).then(
      (answer) => answer.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`pnpm dev did not answer:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}, 90_000);

afterAll(() => {
  dev?.kill("SIGTERM");
});

/** The page's HTML without React's text separators (`<!-- -->`). */
const page = async (path: string) =>
  (await (await fetch(`${origin}${path}`)).text()).replaceAll("<!-- -->", "");

describe("drafts under pnpm dev are marked wherever they show", () => {
  it("on the home page's latest articles", async () => {
    const html = await page("/");
    const link = new RegExp(`<a[^>]*href="/artikelen/${draft.slug}"[^>]*>([^<]*)</a>`);
    expect(link.exec(html)?.[1]).toBe(`[Concept] ${draft.title}`);
  });

  it("on the draft itself: a notice and the page title", async () => {
    const html = await page(`/artikelen/${draft.slug}`);
    expect(/<title>([^<]*)<\/title>/.exec(html)?.[1]).toMatch(/^\[Concept\] De vijf frustraties/);
    const notice = /role="note"[^>]*>(.*?)<\/div>/s.exec(html)?.[1] ?? "";
    expect(notice.replace(/<[^>]+>/g, "")).toMatch(
      /^Concept: Dit artikel is nog niet gepubliceerd/,
    );
  });

  it("on /artikelen, as before", async () => {
    const html = await page("/artikelen");
    expect(html.includes("[Concept] ")).toBe(true);
  });
});
