import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { productionEnv, type RunningSite, startSite, tempDataDir } from "./server-process";

let site: RunningSite | undefined;
afterEach(() => {
  site?.child.kill("SIGKILL");
  site = undefined;
});

describe("production server process", () => {
  it("finishes a request in flight on SIGTERM, refuses new ones, closes the database and exits 0", async () => {
    site = await startSite(productionEnv(tempDataDir("shutdown")));
    const running = site;
    const body = "email=lezer%40example.nl&consent=yes&firstName=Anne";
    // A visitor's POST whose body is still on its way when the stop signal comes.
    const socket = connect(running.port, "127.0.0.1");
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk;
    });
    const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
    socket.write(
      `POST /nieuwsbrief HTTP/1.1\r\nHost: 127.0.0.1:${running.port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    running.child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 500));

    // No new connections once stopping.
    await expect(fetch(`${running.origin}/healthz`)).rejects.toThrow();

    socket.write(body.slice(10));
    const answeredAt = Date.now();
    await closed;
    // The connection closes once answered, not after the 5 s keep-alive.
    expect(Date.now() - answeredAt).toBeLessThan(3000);
    // The request was answered in full: the form came without its token, so "Nog één stap".
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain("Nog één stap");
    expect(await running.exited).toBe(0);
    expect(running.output()).toContain("SIGTERM: finishing requests, then stopping");
    expect(running.output()).toContain("stopped: requests finished, database closed");
  });

  it("writes one JSON log line per request, without address, user agent, query or token", async () => {
    site = await startSite(productionEnv(tempDataDir("log")));
    const token = "Zm9vYmFyYmF6cXV4cXV1eGZvb2JhcmJhenF1eA";
    await fetch(`${site.origin}/artikelen?utm_source=nieuwsbrief&email=lezer@example.nl`, {
      headers: { "User-Agent": "Secret-Agent/1.0", "X-Forwarded-For": "198.51.100.23" },
    });
    await fetch(`${site.origin}/nieuwsbrief/bevestigen/${token}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const lines = site
      .output()
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line));
    const index = lines.find((line) => line.path === "/artikelen");
    expect(index).toMatchObject({ app: "site", method: "GET", status: 200 });
    expect(typeof index.ms).toBe("number");
    expect(lines.find((line) => line.path === "/nieuwsbrief/bevestigen/:token")).toBeDefined();
    const everything = site.output();
    for (const secret of [
      "lezer@example.nl",
      "utm_source",
      "Secret-Agent",
      "198.51.100.23",
      token,
    ]) {
      expect(everything).not.toContain(secret);
    }
  });

  it("refuses to start without production settings, naming the variables", async () => {
    const dataDir = tempDataDir("config");
    const { SITE_URL: _site, TRUST_PROXY: _proxy, ...withoutThem } = productionEnv(dataDir);
    await expect(startSite(withoutThem)).rejects.toThrow(
      /TRUST_PROXY must be set.*SITE_URL must be set/s,
    );
    const { NEWSLETTER_SECRET: _secret, ...withoutSecret } = productionEnv(dataDir);
    await expect(startSite(withoutSecret)).rejects.toThrow(/NEWSLETTER_SECRET/);
    // All at once: the app's variables and the newsletter's in one message.
    const { SITE_URL: _s, NEWSLETTER_SECRET: _n, ...withoutBoth } = productionEnv(dataDir);
    await expect(startSite(withoutBoth)).rejects.toThrow(
      /SITE_URL must be set.*NEWSLETTER_SECRET/s,
    );
    // Three starts of the server: about 15 s each on a loaded CI machine.
  }, 180_000);

  it("names each variable once and explains local defaults once when the settings are missing", async () => {
    const dataDir = tempDataDir("config-once");
    const { SITE_URL: _s, NEWSLETTER_SECRET: _n, ...withoutBoth } = productionEnv(dataDir);
    const output = await startSite(withoutBoth).then(
      () => "started",
      (error: Error) => error.message,
    );
    // SITE_URL is the server's variable and the newsletter's: one of them says so.
    expect(output.match(/\bSITE_URL\b/g)).toHaveLength(1);
    expect(output.match(/\bNEWSLETTER_SECRET\b/g)).toHaveLength(1);
    expect(output.match(/local defaults/g)).toHaveLength(1);
  });

  it("refuses to start when the database does not answer, naming where it looked", async () => {
    const dataDir = tempDataDir("database");
    await expect(
      startSite(
        productionEnv(dataDir, { DATABASE_URL: "postgres://vaart:vaart@127.0.0.1:1/vaart" }),
      ),
    ).rejects.toThrow(/The database does not answer \(DATABASE_URL.*ECONNREFUSED/);
  });
});

describe("a port that is taken", () => {
  it("stops with a message naming the port instead of a stack trace", async () => {
    const first = await startSite(productionEnv(tempDataDir("port-a")));
    try {
      const { spawnSync } = await import("node:child_process");
      const second = spawnSync("node", ["server.js"], {
        cwd: new URL("../../", import.meta.url),
        env: {
          ...productionEnv(tempDataDir("port-b")),
          PATH: process.env.PATH ?? "",
          PORT: String(first.port),
          HOST: "127.0.0.1",
        },
        encoding: "utf8",
        timeout: 30_000,
      });
      expect(second.status).toBe(1);
      expect(second.stderr).toContain(`port ${first.port} is already in use`);
      expect(second.stderr).not.toContain("Unhandled 'error' event");
    } finally {
      first.child.kill("SIGTERM");
      await first.exited;
    }
  });
});
