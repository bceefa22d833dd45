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
      // A sliding window of 15 minutes, estimated from two fixed ones: the attempts of this
      // window fade out during the next, so the wait is at most two windows.
      expect(retryAfter).toBeLessThanOrEqual(2 * 15 * 60);
      expect(await locked.text()).toContain("Te veel pogingen");
    }
  } finally {
    for (const server of servers) await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

// Behind a proxy (TRUST_PROXY=1), guesses from many addresses close the login for everyone;
// a browser that logged in before still gets in with the right password.
test("a flood of guesses from many addresses does not lock out a browser that logged in before", async () => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), "landing-login-flood-"));
  const { PORT: _port, HOST: _host, ...env } = productionEnv(0, dataDir);
  const server = await startServerProcess({
    appDir: process.cwd(),
    env: { ...(env as Record<string, string>), TRUST_PROXY: "1" },
  });
  try {
    const login = (password: string, from: string, cookie?: string) =>
      fetch(`${server.origin}/resultaten`, {
        method: "POST",
        body: new URLSearchParams({ password }),
        redirect: "manual",
        headers: { "X-Forwarded-For": from, ...(cookie ? { Cookie: cookie } : {}) },
      });
    const first = await login(testSettings.resultsPassword, "198.51.100.1");
    expect(first.status).toBe(303);
    const device = first.headers
      .getSetCookie()
      .find((cookie) => cookie.startsWith("vaart_apparaat="))
      ?.split(";")[0];
    expect(device).toBeTruthy();

    // A burst of parallel guesses from one address: five are looked at, the rest wait.
    const burst = await Promise.all(
      Array.from({ length: 12 }, () => login("raden-maar", "198.51.100.200")),
    );
    expect(burst.filter((answer) => answer.status === 401)).toHaveLength(5);
    expect(burst.filter((answer) => answer.status === 429)).toHaveLength(7);

    // Guesses from many addresses, up to the limit on everyone (50 attempts: the first
    // login and the five guesses above count too).
    for (let guess = 0; guess < 44; guess += 1) {
      expect((await login("raden-maar", `203.0.113.${guess + 1}`)).status).toBe(401);
    }
    // …and beyond it (refused, or looked at if the window moved on meanwhile), so the count
    // stays over the limit however long this test takes.
    for (let guess = 0; guess < 10; guess += 1) {
      const status = (await login("raden-maar", `203.0.113.${guess + 101}`)).status;
      expect([401, 429]).toContain(status);
    }
    // A new browser is held by the limit on everyone, even with the right password…
    expect((await login(testSettings.resultsPassword, "192.0.2.7")).status).toBe(429);
    // …the browser that logged in before is not, from any address.
    expect((await login(testSettings.resultsPassword, "192.0.2.8", device)).status).toBe(303);
    // The mark of a known browser does not help a wrong password.
    expect((await login("raden-maar", "192.0.2.9", device)).status).toBe(401);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
