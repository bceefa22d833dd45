import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, otherAddresses, reachable } from "@vaart/testing/network";
import { expect, it } from "vitest";

// `pnpm start` of this package: the static Storybook build, started by the root `pnpm start`
// with VAART_LOCAL_DEFAULTS=1.
const script = fileURLToPath(new URL("./serve-storybook.mjs", import.meta.url));
const packageJson = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

it("with local defaults listens on this machine only and says so in its first log line", async () => {
  expect(packageJson.scripts.start).toBe("node scripts/serve-storybook.mjs");
  // A stand-in for storybook-static/: what is served does not matter here, where it listens does.
  const dir = mkdtempSync(join(tmpdir(), "storybook-serve-"));
  mkdirSync(join(dir, "storybook-static"));
  writeFileSync(
    join(dir, "storybook-static", "index.html"),
    "<!doctype html><title>Storybook</title>",
  );
  const port = await freePort();
  const child = spawn(process.execPath, [script], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? "", VAART_LOCAL_DEFAULTS: "1", PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr.on("data", (chunk) => {
    output += chunk;
  });
  try {
    const deadline = Date.now() + 20_000;
    while (
      !output.includes("] listening on http") &&
      Date.now() < deadline &&
      child.exitCode === null
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const lines = output.split("\n");
    expect(lines[0]).toMatch(/^\[storybook\] Local defaults \(VAART_LOCAL_DEFAULTS=1/);
    expect(lines[0]).toContain("listening on 127.0.0.1 only");
    expect(output).toContain(
      `[storybook] listening on http://localhost:${port} (127.0.0.1: this machine only)`,
    );
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(await page.text()).toContain("<title>Storybook</title>");
    for (const address of otherAddresses()) {
      expect(await reachable(address, port), address).toBe(false);
    }
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}, 40_000);
