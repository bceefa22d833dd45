import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { type ServerProcess, startServerProcess } from "@vaart/testing";
import { productionEnv, testSettings } from "./server";

// Two instances of the app on one database, as behind a load balancer: a guesser who spreads
// the attempts over both still gets five, not five per instance. Own servers and database, so
// the lock-out does not touch the other tests' logins.
test("five wrong passwords lock the results login on every instance, even for the right one", async () => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), "landing-login-limit-"));
  const { PORT: _port, HOST: _host, ...env } = productionEnv(0, dataDir);
  const servers: ServerProcess[] = [];
  try {
    for (let index = 0; index < 2; index += 1) {
      servers.push(
        await startServerProcess({ appDir: process.cwd(), env: env as Record<string, string> }),
      );
    }
    const [first, second] = servers as [ServerProcess, ServerProcess];
    const login = (server: ServerProcess, password: string) =>
      fetch(`${server.origin}/resultaten`, {
        method: "POST",
        body: new URLSearchParams({ password }),
        redirect: "manual",
      });

    expect((await login(second, testSettings.resultsPassword)).status).toBe(303);
    for (const server of [first, second, first, second, first]) {
      expect((await login(server, "raden-maar")).status).toBe(401);
    }
    for (const server of [first, second]) {
      const locked = await login(server, testSettings.resultsPassword);
      expect(locked.status).toBe(429);
      expect(locked.headers.get("set-cookie")).toBeNull();
      const retryAfter = Number(locked.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      expect(await locked.text()).toContain("Te veel pogingen");
    }
  } finally {
    for (const server of servers) await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
