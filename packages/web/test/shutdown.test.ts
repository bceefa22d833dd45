import { createServer, type Server } from "node:http";
import { describe, expect, it } from "vitest";
import { gracefulShutdown } from "../src/server/shutdown.js";
import { listen, ServerStartError } from "../src/server.js";

async function listening(server: Server) {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return typeof address === "object" && address ? address.port : 0;
}

describe("graceful shutdown", () => {
  it("lets a request in flight finish, then closes, and only then runs what follows", async () => {
    const events: string[] = [];
    let answerSlowly: () => void = () => {};
    const server = createServer((_req, res) => {
      answerSlowly = () => {
        events.push("answered");
        res.end("klaar");
      };
    });
    const port = await listening(server);
    const shutdown = gracefulShutdown(server, async () => {
      events.push("after server");
    });
    const inFlight = fetch(`http://127.0.0.1:${port}/`).then((r) => r.text());
    await new Promise((resolve) => setTimeout(resolve, 100)); // the request has arrived
    expect(shutdown.stopping).toBe(false);
    const closed = shutdown.close();
    expect(shutdown.stopping).toBe(true);
    expect(shutdown.close()).toBe(closed); // once
    // No new connections while stopping.
    await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
    expect(events).toEqual([]);
    answerSlowly();
    expect(await inFlight).toBe("klaar");
    await closed;
    expect(events).toEqual(["answered", "after server"]);
    expect(server.listening).toBe(false);
  });

  it("closes idle keep-alive connections instead of waiting for them", async () => {
    const server = createServer((_req, res) => res.end("ok"));
    const port = await listening(server);
    const response = await fetch(`http://127.0.0.1:${port}/`); // keep-alive by default
    await response.text();
    const started = Date.now();
    await gracefulShutdown(server, async () => {}).close();
    expect(Date.now() - started).toBeLessThan(2_000); // Node's keep-alive timeout is 5 s
  });
});

describe("listening", () => {
  it("turns a port in use into a start-up error naming the port and PORT", async () => {
    const taken = createServer();
    const port = await listening(taken);
    try {
      const error = await listen(createServer(), { host: "127.0.0.1", port }).catch((e) => e);
      expect(error).toBeInstanceOf(ServerStartError);
      expect(error.problems).toEqual([
        `port ${port} is already in use: stop the other server or set PORT`,
      ]);
      expect(error.exitCode).toBe(1);
    } finally {
      taken.close();
    }
  });

  it("names the address it cannot listen on", async () => {
    const error = await listen(createServer(), { host: "192.0.2.1", port: 1 }).catch((e) => e);
    expect(error).toBeInstanceOf(ServerStartError);
    expect(error.message).toMatch(/^cannot listen on 192\.0\.2\.1:1 \(E[A-Z]+\)$/);
  });
});
