import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { otherAddresses, reachable, startServerProcess } from "@vaart/testing";
import { testSettings } from "./server";

const landing = process.env.LANDING_TEST_URL ?? "";

test("with local defaults: this machine only, said first; the live campaigns and where / goes are logged", async () => {
  test.setTimeout(90_000);
  const dataDir = mkdtempSync(join(tmpdir(), "landing-local-"));
  const server = await startServerProcess({
    appDir: process.cwd(),
    env: {
      HOME: process.env.HOME ?? "",
      NODE_ENV: "production",
      VAART_LOCAL_DEFAULTS: "1",
      DATA_DIR: dataDir,
      HOST: "", // the server's own default, not the helper's 127.0.0.1
    },
  });
  try {
    const lines = server.output().split("\n");
    expect(lines[0]).toMatch(/^\[landing\] Local defaults \(VAART_LOCAL_DEFAULTS=1/);
    expect(lines[0]).toContain("listening on 127.0.0.1 only");
    expect(lines[0]).toContain("RESULTS_PASSWORD=");
    for (const address of otherAddresses()) {
      expect(await reachable(address, server.port), address).toBe(false);
    }
    expect(await reachable("127.0.0.1", server.port)).toBe(true);

    const listed = lines.find((line) => line.startsWith("[landing] live campaigns: "));
    expect(listed, server.output()).toBeDefined();
    const addresses = (listed ?? "").replace("[landing] live campaigns: ", "").split(" ");
    expect(addresses.length).toBeGreaterThan(0);
    for (const address of addresses) {
      const path = new URL(address).pathname;
      expect((await fetch(`${server.origin}${path}`)).status, address).toBe(200);
    }
    expect(server.output()).toContain(
      `http://localhost:${server.port}/ has no page of its own: it redirects to the site (http://localhost:3000/)`,
    );
    const root = await fetch(`${server.origin}/`, { redirect: "manual" });
    expect(root.headers.get("location")).toBe("http://localhost:3000/");
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test("route data (.data) carries Cache-Control: a preview's share image is never stored", async () => {
  const preview = await fetch(
    `${landing}/webinar-ketensamenwerking/deelafbeelding.png.data?voorbeeld=${testSettings.previewToken}`,
  );
  expect(preview.status).toBe(200);
  expect(preview.headers.get("cache-control")).toBe("no-store");
  const missing = await fetch(`${landing}/doesnotexist.data`);
  expect(missing.status).toBe(404);
  expect(missing.headers.get("cache-control")).toMatch(/max-age|no-store/);
});
