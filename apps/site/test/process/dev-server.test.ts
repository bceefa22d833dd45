// `pnpm dev` as a developer uses it: both apps and Storybook from a scratch copy of the
// repository, each app open in Chromium, then edits to the design system and a campaign file.
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from "node:fs";
import path from "node:path";
import { type Browser, chromium, type Page } from "@playwright/test";
import {
  chromiumArgs,
  chromiumPath,
  freePort,
  type RunningCommand,
  runCommand,
  scratchRepo,
  turboCacheDir,
  waitFor,
} from "@vaart/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Measured on a loaded 2-core machine (load average ≈ 20): start ≈ 35–40 s with the packages
// from turbo's cache; an edit shows in 0.8–2.7 s, the first one after start up to ≈ 4 s. The
// promise to developers is 3 s; the limit leaves room for a busy CI machine (a loaded run once
// needed more than 10 s for one edit); the median of all edits must keep the promise, and
// every measured time is printed.
const startLimit = 240_000;
const editLimit = 20_000;

let repo: ReturnType<typeof scratchRepo>;
let dev: RunningCommand;
let browser: Browser;
let site: string;
let landing: string;
const timings: string[] = [];
/** How long each edit took to show, in ms. */
const editTimes: number[] = [];
/** What the open pages said in their consoles (hot updates, errors), for a failure's message. */
const browserLog: string[] = [];

type Replacement = [from: RegExp | string, to: string];

function edited(full: string, replacements: Replacement[]): string {
  let text = readFileSync(full, "utf8");
  for (const [from, to] of replacements) {
    const replaced = text.replace(from, to);
    expect(replaced, `${full} must contain ${from}`).not.toBe(text);
    text = replaced;
  }
  return text;
}

/** Saves `file` once with every replacement made, as an editor's save does. */
function edit(file: string, ...replacements: Replacement[]) {
  const full = path.join(repo.dir, file);
  writeFileSync(full, edited(full, replacements));
}

/**
 * Saves `file` as an editor that empties the file and then writes it does, with the writing
 * process held up in between, as a busy machine does now and then. The dev servers once
 * compiled the empty file and kept it: the page broke until they were restarted.
 */
function editWithAPause(file: string, ...replacements: Replacement[]) {
  const full = path.join(repo.dir, file);
  const text = edited(full, replacements);
  const handle = openSync(full, "w");
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  writeSync(handle, text);
  closeSync(handle);
}

/** Opens a page and waits until the dev server's hot-reload client is connected. */
async function openConnected(url: string): Promise<Page> {
  const page = await browser.newPage();
  page.on("console", (message) => browserLog.push(`${url}: ${message.text()}`));
  const connected = page.waitForEvent("console", {
    predicate: (message) => message.text().includes("[vite] connected"),
    timeout: 120_000,
  });
  await page.goto(url);
  await connected;
  return page;
}

/** How long until `read(page)` gives `expected` (fails after editLimit). */
async function timeUntil(
  label: string,
  page: Page,
  read: (page: Page) => Promise<string>,
  expected: string,
) {
  const started = Date.now();
  await waitFor(
    // The dev servers' own output says why an edit did not arrive.
    () =>
      `${label} to become ${expected}\n${dev.output().slice(-6000)}\nIn the browser:\n${browserLog.slice(-40).join("\n")}`,
    async () => (await read(page).catch(() => "")) === expected,
    editLimit,
    50,
  );
  editTimes.push(Date.now() - started);
  timings.push(`${label}: ${Date.now() - started} ms`);
}

const bodyBackground = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const headingDecoration = (page: Page) =>
  page.evaluate(() => getComputedStyle(document.querySelector("h1") as Element).textDecorationLine);

describe("pnpm dev", () => {
  beforeAll(async () => {
    repo = scratchRepo();
    const [sitePort, landingPort, storybookPort, studioPort] = [
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    site = `http://localhost:${sitePort}`;
    landing = `http://localhost:${landingPort}`;
    const started = Date.now();
    dev = runCommand("pnpm", ["dev", "--cache=local:r"], {
      cwd: repo.dir,
      env: {
        SITE_PORT: String(sitePort),
        LANDING_PORT: String(landingPort),
        STORYBOOK_PORT: String(storybookPort),
        // The studio starts too: a port of its own, so it never meets another server on 3002.
        STUDIO_PORT: String(studioPort),
        TURBO_CACHE_DIR: turboCacheDir(),
      },
    });
    for (const url of [`${site}/`, `${landing}/webinar-ketensamenwerking`]) {
      await waitFor(
        () => `${url} under pnpm dev\n${dev.output().slice(-3000)}`,
        async () => (await fetch(url)).ok,
        startLimit,
        250,
      );
    }
    timings.push(`start: ${Date.now() - started} ms`);
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  }, startLimit + 60_000);

  afterAll(async () => {
    console.log(`pnpm dev timings:\n  ${timings.join("\n  ")}`);
    await browser?.close();
    await dev?.stop();
    repo?.remove();
  }, 180_000);

  it("serves the client logos on both apps", async () => {
    for (const url of [`${site}/`, `${landing}/webinar-ketensamenwerking`]) {
      const page = await browser.newPage();
      await page.goto(url);
      // The carousel's images load lazily: ask for each one as the browser will.
      const sources = await page
        .locator('img[src^="/logos/"]')
        .evaluateAll((all) => all.map((image) => (image as HTMLImageElement).src));
      expect(sources.length).toBeGreaterThan(0);
      for (const source of sources) {
        const answer = await page.request.get(source);
        expect(answer.status(), source).toBe(200);
        expect(answer.headers()["content-type"]).toBe("image/svg+xml");
      }
      await page.close();
    }
  }, 120_000);

  it("shows every edit of a token and a component style in the open pages, no manual reload", async () => {
    const sitePage = await openConnected(`${site}/`);
    const landingPage = await openConnected(`${landing}/webinar-ketensamenwerking`);
    const tokens = "packages/ui/src/theme/tokens.ts";
    const background = (theme: string) =>
      new RegExp(`(export const ${theme}Colors: ColorTokens = \\{\\n  background: ")[^"]+"`);

    // The same token file twice: the second edit must arrive as well as the first.
    for (const [round, siteColour, landingColour] of [
      [1, ["#ff0000", "rgb(255, 0, 0)"], ["#00ff00", "rgb(0, 255, 0)"]],
      [2, ["#0000ff", "rgb(0, 0, 255)"], ["#ff00ff", "rgb(255, 0, 255)"]],
    ] as const) {
      // One save with both colours: two writes a few milliseconds apart are two saves no
      // developer makes, and under load the watcher may report them as one or as two.
      edit(
        tokens,
        [background("brand"), `$1${siteColour[0]}"`],
        [background("campaign"), `$1${landingColour[0]}"`],
      );
      await Promise.all([
        timeUntil(`token edit ${round}, site`, sitePage, bodyBackground, siteColour[1]),
        timeUntil(`token edit ${round}, landing`, landingPage, bodyBackground, landingColour[1]),
      ]);
    }

    expect(await headingDecoration(sitePage)).toBe("none");
    // Saved four times, each time with a pause: the first save after start arrived even so.
    const heading = "packages/ui/src/components/Heading/Heading.css.ts";
    let previous = "none";
    for (const [round, decoration] of [
      "underline",
      "line-through",
      "overline",
      "underline",
    ].entries()) {
      editWithAPause(heading, [
        previous === "none"
          ? /hyphens: "auto",/
          : /hyphens: "auto",\n {2}textDecorationLine: "[a-z-]+",/,
        `hyphens: "auto",\n  textDecorationLine: "${decoration}",`,
      ]);
      await Promise.all([
        timeUntil(
          `component style edit ${round + 1}, site`,
          sitePage,
          headingDecoration,
          decoration,
        ),
        timeUntil(
          `component style edit ${round + 1}, landing`,
          landingPage,
          headingDecoration,
          decoration,
        ),
      ]);
      previous = decoration;
    }

    // The promise is 3 s. One edit may take longer on a busy machine (the limit above), but
    // most must arrive within it: on a quiet machine all do, in 0.1–2.5 s.
    const sorted = [...editTimes].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? Number.POSITIVE_INFINITY;
    expect(median, `median of ${sorted.join(", ")} ms`).toBeLessThanOrEqual(3000);
  }, 180_000);

  it("shows a broken campaign file's mistakes on its own page only", async () => {
    edit("apps/landing/campaigns/whitepaper-ketenregie.yaml", [
      '    heading: "Gratis whitepaper: regie in de onderhoudsketen"',
      '    heading: ""',
    ]);
    const page = await browser.newPage();
    await waitFor(
      "the broken campaign's page to show its mistake",
      async () => {
        await page.goto(`${landing}/whitepaper-ketenregie`);
        return (await page.locator("main").textContent())?.includes("must not be empty");
      },
      30_000,
      250,
    );
    const text = await page.locator("main").textContent();
    expect(text).toContain("campaigns/whitepaper-ketenregie.yaml");
    expect(text).toMatch(/block 1 \(hero\), field "heading" must not be empty \(line 13\)/);

    const other = await page.goto(`${landing}/webinar-ketensamenwerking`);
    expect(other?.status()).toBe(200);
    await expect
      .poll(() => page.locator("h1").textContent())
      .toBe("Webinar: gelijkwaardig samenwerken in de keten");
  }, 120_000);
});
