import { request } from "node:http";
import { connect, type Socket } from "node:net";
import { otherAddresses, reachable } from "@vaart/testing";
import { raw, request as rawRequest } from "@vaart/testing/network";
import { part, SmtpSink } from "@vaart/testing/smtp-sink";
import { afterEach, describe, expect, it } from "vitest";
import { productionEnv, type RunningSite, startSite, tempDataDir } from "./server-process";

let running: RunningSite[] = [];
afterEach(async () => {
  await Promise.all(running.map((site) => site.stop()));
  running = [];
});

async function site(env: Record<string, string>) {
  const started = await startSite(env);
  running.push(started);
  return started;
}

/** A connection that is open (TCP) and has said nothing yet. */
function openSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => resolve(socket));
    socket.once("error", reject);
  });
}

/**
 * A GET on a new connection that stays open afterwards (keep-alive): the status line, or null
 * when the server dropped the connection without an answer.
 */
function getKeepingOpen(port: number, sockets: Socket[]): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    sockets.push(socket);
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk;
      if (answer.includes("\r\n")) resolve(answer.split("\r\n")[0] ?? "");
    });
    socket.once("close", () => resolve(answer ? (answer.split("\r\n")[0] ?? "") : null));
    socket.once("error", () => resolve(null));
    socket.once("connect", () =>
      socket.write(`GET /robots.txt HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`),
    );
  });
}

/** A form POST with the given Origin (node:http, which sends headers exactly as given). */
function postWithOrigin(port: number, origin: string): Promise<{ status: number; body: string }> {
  const body = "email=lezer%40example.nl&consent=yes";
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/nieuwsbrief",
        headers: {
          Host: `127.0.0.1:${port}`,
          Origin: origin,
          "Content-Type": "application/x-www-form-urlencoded",
          "Content-Length": String(body.length),
        },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.once("error", reject);
    req.end(body);
  });
}

function localEnv(dataDir: string, extra: Record<string, string> = {}) {
  return {
    NODE_ENV: "production",
    VAART_LOCAL_DEFAULTS: "1",
    DATA_DIR: dataDir,
    HOST: "", // the helper's HOST=127.0.0.1 away: the server's own default counts
    ...extra,
  };
}

describe("paths with a backslash", () => {
  it("answer a plain 400: no redirect to another host, no 500, no stack trace", async () => {
    const server = await site(productionEnv(tempDataDir("backslash")));
    for (const target of [
      "/\\evil.example/..",
      "/\\evil.example/nieuwsbrief",
      "/\\a:99999/",
      "/%5Cevil.example/",
      "/%5cevil.example/nieuwsbrief",
      "/artikelen/%5C%5Cevil.example",
    ]) {
      const answer = await raw(
        server.port,
        rawRequest("GET", target, { Host: `127.0.0.1:${server.port}` }),
      );
      expect(answer.status, target).toBe(400);
      expect(answer.headers, target).not.toMatch(/^location:/im);
      expect(answer.body, target).toContain("Dit adres kan niet worden verwerkt.");
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.output()).not.toMatch(/\n\s+at |"status":500|Error:/);
  });
});

describe("slow and many clients", () => {
  it("cuts a connection that sends one byte per second within 25 s", async () => {
    const server = await site(productionEnv(tempDataDir("slow")));
    const body = "email=lezer%40example.nl&consent=yes&firstName=Anne".padEnd(200, "x");
    const socket = await openSocket(server.port);
    const started = Date.now();
    const closed = new Promise<number>((resolve) => {
      socket.once("close", () => resolve(Date.now() - started));
      socket.on("error", () => {});
    });
    socket.write(
      `POST /nieuwsbrief HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    let sent = 0;
    const drip = setInterval(() => {
      if (!socket.destroyed && sent < body.length) socket.write(body[sent++] ?? "");
    }, 1000);
    const heldMs = await closed;
    clearInterval(drip);
    // Old behaviour: Node's default of 300 s per request.
    expect(heldMs).toBeLessThan(25_000);
    expect(sent).toBeLessThan(body.length); // cut, not finished
  }, 90_000);

  it("cuts a connection that sends its headers one byte per second within 15 s", async () => {
    const server = await site(productionEnv(tempDataDir("slow-headers")));
    const header = `X-Slow: ${"a".repeat(100)}\r\n`;
    const socket = await openSocket(server.port);
    const started = Date.now();
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk;
    });
    const closed = new Promise<number>((resolve) => {
      socket.once("close", () => resolve(Date.now() - started));
      socket.on("error", () => {});
    });
    socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n`);
    let sent = 0;
    const drip = setInterval(() => {
      if (!socket.destroyed && sent < header.length) socket.write(header[sent++] ?? "");
    }, 1000);
    const heldMs = await closed;
    clearInterval(drip);
    // The headers' own limit (10 s), well before the whole request's (20 s); Node's default
    // is 60 s.
    expect(heldMs).toBeLessThan(15_000);
    expect(sent).toBeLessThan(header.length);
    // Never answered as if the request were whole: at most a 408.
    expect(answer === "" || answer.startsWith("HTTP/1.1 408")).toBe(true);
  }, 90_000);

  it("keeps at most MAX_CONNECTIONS open and serves again once they close", async () => {
    const server = await site(productionEnv(tempDataDir("cap"), { MAX_CONNECTIONS: "3" }));
    const sockets: Socket[] = [];
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => getKeepingOpen(server.port, sockets)),
    );
    const served = answers.filter((line) => line?.startsWith("HTTP/1.1 200"));
    expect(served.length).toBeGreaterThan(0);
    expect(served.length).toBeLessThanOrEqual(3);
    expect(answers.filter((line) => line === null).length).toBeGreaterThanOrEqual(3);
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await fetch(`${server.origin}/robots.txt`)).status).toBe(200);
    expect(server.output()).toContain("MAX_CONNECTIONS (3) reached");
  });

  it("names a malformed MAX_CONNECTIONS", async () => {
    await expect(
      startSite(productionEnv(tempDataDir("cap-bad"), { MAX_CONNECTIONS: "lots" })),
    ).rejects.toThrow("MAX_CONNECTIONS must be a whole number");
  });
});

describe("the form-origin check", () => {
  it("compares scheme, host and port, not the host name alone", async () => {
    const server = await site(productionEnv(tempDataDir("origin")));
    const refused = /andere website verstuurd/;
    for (const origin of [
      `http://127.0.0.1:${server.port === 1 ? 2 : 1}`, // same host, other port
      `https://127.0.0.1:${server.port}`, // same host and port, other scheme
      "http://www.vaart.example", // the public host over http
      "https://www.vaart.example:8443",
    ]) {
      const answer = await postWithOrigin(server.port, origin);
      expect(answer.status, origin).toBe(403);
      expect(answer.body, origin).toMatch(refused);
    }
    // The address the form was loaded from, and the configured public address, pass on to the
    // form (which then asks for its token: "Nog één stap").
    for (const origin of [`http://127.0.0.1:${server.port}`, "https://www.vaart.example"]) {
      const answer = await postWithOrigin(server.port, origin);
      expect(answer.status, origin).toBe(400);
      expect(answer.body, origin).not.toMatch(refused);
    }
  });
});

describe("route data (.data)", () => {
  it("always carries Cache-Control, also for an address that does not exist", async () => {
    const server = await site(productionEnv(tempDataDir("data")));
    const missing = await fetch(`${server.origin}/doesnotexist.data`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("cache-control")).toBe("no-store");
    const home = await fetch(`${server.origin}/_root.data`);
    expect(home.headers.get("cache-control")).toMatch(/max-age/);
  });
});

describe("a production server without a data folder", () => {
  it("refuses to start, naming DATA_DIR and DATABASE_URL", async () => {
    const { DATA_DIR: _d, DATABASE_URL: _u, ...env } = productionEnv(tempDataDir("no-data"));
    await expect(
      startSite({ ...env, NEWSLETTER_MAIL_TRANSPORT: "smtp", SMTP_URL: "smtp://127.0.0.1:1" }),
    ).rejects.toThrow(/DATA_DIR or DATABASE_URL must be set/);
    // The outbox needs a folder even with a database elsewhere.
    const { DATA_DIR: _e, ...withDatabase } = productionEnv(tempDataDir("no-data-outbox"));
    await expect(startSite(withDatabase)).rejects.toThrow(
      /DATA_DIR must be set with NEWSLETTER_MAIL_TRANSPORT=outbox/,
    );
  });
});

describe("local defaults", () => {
  it("listen on this machine only, said in the first log line", async () => {
    const server = await site(localEnv(tempDataDir("local")));
    const lines = server.output().split("\n");
    expect(lines[0]).toMatch(/^\[site\] Local defaults \(VAART_LOCAL_DEFAULTS=1/);
    expect(lines[0]).toContain("listening on 127.0.0.1 only");
    expect(lines[0]).toContain("mail written to the outbox");
    expect(server.output()).toMatch(
      /\[site\] listening on http:\/\/localhost:\d+ \(127\.0\.0\.1: this machine only\)/,
    );
    for (const address of otherAddresses()) {
      expect(await reachable(address, server.port), address).toBe(false);
    }
    expect(await reachable("127.0.0.1", server.port)).toBe(true);
  });

  it("listen where HOST says", async () => {
    const server = await site(localEnv(tempDataDir("local-host"), { HOST: "0.0.0.0" }));
    expect(server.output().split("\n")[0]).toContain("listening on HOST=0.0.0.0");
    for (const address of otherAddresses().filter((a) => !a.includes(":"))) {
      expect(await reachable(address, server.port), address).toBe(true);
    }
  });

  it("say that mail goes through SMTP when SMTP_URL is set", async () => {
    const server = await site(
      localEnv(tempDataDir("local-smtp"), { SMTP_URL: "smtp://127.0.0.1:2525" }),
    );
    const first = server.output().split("\n")[0] ?? "";
    expect(first).toMatch(/^\[site\] Local defaults/);
    expect(first).toContain("mail sent through SMTP_URL (not the outbox)");
    expect(first).not.toContain("outbox/");
  });

  it("send a confirmation through SMTP whose link opens on this machine over http", async () => {
    const sink = new SmtpSink();
    const smtpUrl = await sink.listen();
    try {
      const server = await site(localEnv(tempDataDir("local-smtp-link"), { SMTP_URL: smtpUrl }));
      const html = await (await fetch(`${server.origin}/nieuwsbrief`)).text();
      const formToken = html.match(/name="formToken" value="([^"]+)"/)?.[1] ?? "";
      const email = `lokaal.${Date.now().toString(36)}@example.nl`;
      const answer = await fetch(`${server.origin}/nieuwsbrief`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email, consent: "yes", formToken }),
      });
      expect(answer.status).toBe(303);
      const deadline = Date.now() + 20_000;
      while (!sink.messages.some((m) => m.to === email) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      const mail = sink.messages.find((m) => m.to === email);
      expect(mail, "the confirmation mail reached the SMTP server").toBeDefined();
      const text = part(mail?.data ?? "", "text/plain") ?? "";
      // Before: production-only settings made the link https://localhost, which leads nowhere.
      const link = text.match(/https?:\/\/\S+\/nieuwsbrief\/bevestig\S*/)?.[0] ?? "";
      // The local address the README names (this test's server has a port of its own).
      expect(new URL(link).origin, text).toBe("http://localhost:3000");
      const opened = await fetch(`${server.origin}${new URL(link).pathname}`);
      expect(opened.status).toBe(200);
      expect(await opened.text()).toContain("Aanmelding bevestigen");
    } finally {
      await sink.close();
    }
  }, 90_000);
});
