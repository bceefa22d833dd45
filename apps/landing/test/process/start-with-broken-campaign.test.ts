// `pnpm start` with one broken campaign file, from a scratch copy of the repository: the landing
// build fails and says where, the site and Storybook are served all the same.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  freePort,
  type RunningCommand,
  runCommand,
  scratchRepo,
  turboCacheDir,
  waitFor,
} from "@vaart/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// ≈ 30 s on an idle machine with the other builds from turbo's cache (a cold build of
// everything takes minutes on two cores).
const startLimit = 300_000;

let repo: ReturnType<typeof scratchRepo>;
let start: RunningCommand;
const origins = { site: "", landing: "", storybook: "" };

describe("pnpm start with a broken campaign file", () => {
  beforeAll(async () => {
    repo = scratchRepo();
    const file = path.join(repo.dir, "apps/landing/campaigns/whitepaper-ketenregie.yaml");
    const source = readFileSync(file, "utf8");
    const broken = source.replace(
      '    heading: "Gratis whitepaper: regie in de onderhoudsketen"',
      '    heading: ""',
    );
    expect(broken).not.toBe(source);
    writeFileSync(file, broken);
    const ports = {
      site: await freePort(),
      landing: await freePort(),
      storybook: await freePort(),
      // The studio starts too: a port of its own, so it never meets another server on 3002.
      studio: await freePort(),
    };
    for (const name of ["site", "landing", "storybook"] as const) {
      origins[name] = `http://127.0.0.1:${ports[name]}`;
    }
    start = runCommand("pnpm", ["start", "--cache=local:r"], {
      cwd: repo.dir,
      env: {
        SITE_PORT: String(ports.site),
        LANDING_PORT: String(ports.landing),
        STORYBOOK_PORT: String(ports.storybook),
        STUDIO_PORT: String(ports.studio),
        TURBO_CACHE_DIR: turboCacheDir(),
      },
    });
    const started = Date.now();
    for (const url of [`${origins.site}/healthz`, `${origins.storybook}/`]) {
      await waitFor(
        () => `${url} under pnpm start\n${start.output().slice(-4000)}`,
        async () => (await fetch(url)).ok,
        startLimit,
        250,
      );
    }
    console.log(
      `pnpm start (broken campaign): site and Storybook up after ${Date.now() - started} ms`,
    );
  }, startLimit + 60_000);

  afterAll(async () => {
    await start?.stop();
    repo?.remove();
  }, 60_000);

  it("fails the landing build naming the file, the block, the field and the line", async () => {
    await waitFor(
      "the landing build's error",
      () => start.output().includes("campaigns/whitepaper-ketenregie.yaml has a problem"),
      60_000,
    );
    expect(start.output()).toContain("campaigns/whitepaper-ketenregie.yaml has a problem");
    expect(start.output()).toMatch(
      /block 1 \(hero\), field "heading" must not be empty \(line 13\)/,
    );
    await expect(fetch(`${origins.landing}/healthz`)).rejects.toThrow();
  }, 120_000);

  it("keeps serving the site and Storybook", async () => {
    // Still up a while after the failure: turbo did not stop them.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(start.child.exitCode).toBeNull();
    const home = await fetch(`${origins.site}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain("Vaart in samenwerken");
    expect((await fetch(`${origins.storybook}/`)).status).toBe(200);
  }, 60_000);
});
