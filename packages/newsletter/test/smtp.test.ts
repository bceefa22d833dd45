import { once } from "node:events";
import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNewsletter, createSmtpTransport, NewsletterConfigError } from "../src/index.js";
import { ctx, DRIVERS, form, SECRET, setup } from "./helpers.js";

/** A minimal SMTP server on loopback that records what it receives (no TLS, no auth). */
class RecordingSmtpServer {
  server: Server;
  messages: { from: string; to: string[]; data: string }[] = [];
  constructor() {
    this.server = createServer((socket) => {
      socket.setEncoding("utf8");
      let buffer = "";
      let inData = false;
      let current = { from: "", to: [] as string[], data: "" };
      socket.write("220 localhost test SMTP\r\n");
      socket.on("data", (chunk: string) => {
        buffer += chunk;
        for (;;) {
          if (inData) {
            const end = buffer.indexOf("\r\n.\r\n");
            if (end === -1) return;
            current.data = buffer.slice(0, end);
            buffer = buffer.slice(end + 5);
            inData = false;
            this.messages.push(current);
            current = { from: "", to: [], data: "" };
            socket.write("250 OK queued\r\n");
            continue;
          }
          const nl = buffer.indexOf("\r\n");
          if (nl === -1) return;
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 2);
          const verb = line.slice(0, 4).toUpperCase();
          if (verb === "EHLO" || verb === "HELO") socket.write("250-localhost\r\n250 8BITMIME\r\n");
          else if (verb === "MAIL") {
            current.from = line;
            socket.write("250 OK\r\n");
          } else if (verb === "RCPT") {
            current.to.push(line);
            socket.write("250 OK\r\n");
          } else if (verb === "DATA") {
            inData = true;
            socket.write("354 go ahead\r\n");
          } else if (verb === "QUIT") {
            socket.end("221 bye\r\n");
          } else socket.write("250 OK\r\n");
        }
      });
    });
  }
  async listen(): Promise<number> {
    this.server.listen(0, "127.0.0.1");
    await once(this.server, "listening");
    const address = this.server.address();
    return typeof address === "object" && address ? address.port : 0;
  }
}

const smtp = new RecordingSmtpServer();
let port = 0;
beforeAll(async () => {
  port = await smtp.listen();
});
afterAll(() => {
  smtp.server.close();
});

describe.each(DRIVERS)("SMTP_URL transport (%s)", (driver) => {
  it("delivers the confirmation mail over SMTP with one-click unsubscribe headers", async () => {
    const env = await setup(driver, { transport: undefined, smtpUrl: `smtp://127.0.0.1:${port}` });
    const before = smtp.messages.length;
    const email = `smtp-${driver}@example.nl`;
    const result = await env.newsletter.subscribe(
      form(env, { email, firstName: "Anna\r\nBcc: x" }),
      ctx,
    );
    expect(result).toMatchObject({ status: "ok" });
    expect(smtp.messages.length).toBe(before + 1);
    const message = smtp.messages.at(-1);
    expect(message?.to).toEqual([`RCPT TO:<${email}>`]);
    // Unfold folded header lines (RFC 5322) before matching.
    const head = (message?.data.split("\r\n\r\n")[0] ?? "").replace(/\r\n[ \t]+/g, " ");
    expect(head).toMatch(
      /^List-Unsubscribe: <https:\/\/www\.example\.nl\/nieuwsbrief\/afmelden\//m,
    );
    expect(head).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    expect(head).toMatch(/^Reply-To: info@example\.nl$/m);
    expect(head).not.toMatch(/^Bcc:/im);
    expect((await env.newsletter.stats()).mailFailures).toBe(0);
  });

  it("keeps the signup when the SMTP server is down, and records why", async () => {
    const env = await setup(driver, { transport: undefined, smtpUrl: "smtp://127.0.0.1:9" });
    const result = await env.newsletter.subscribe(form(env, { email: "down@example.nl" }), ctx);
    expect(result).toMatchObject({ status: "ok" });
    const stats = await env.newsletter.stats();
    expect(stats.totals.pending).toBe(1);
    expect(stats.mailFailures).toBe(1);
  });
});

describe("SMTP timeouts stay below the mail lease", () => {
  const LEASE = 5 * 60_000;
  it("the SMTP transport is created with connection, greeting and socket timeouts of 30 s", async () => {
    const transport = createSmtpTransport("smtp://127.0.0.1:9");
    expect(transport.timeouts).toEqual({
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 30_000,
    });
    const { connectionTimeout, greetingTimeout, socketTimeout } = transport.timeouts;
    expect(connectionTimeout + greetingTimeout + socketTimeout).toBeLessThan(LEASE);
    await transport.close?.();
  });

  it("refuses a mail timeout that is not well below the lease, naming the option", () => {
    const make = () =>
      createNewsletter({
        siteUrl: "https://www.example.nl",
        mailFrom: "updates@example.nl",
        secret: SECRET,
        smtpUrl: "smtp://127.0.0.1:9",
        mailTimeoutMs: 120_000,
      });
    expect(make).toThrow(NewsletterConfigError);
    expect(make).toThrow(/mailTimeoutMs/);
  });
});

describe.each(DRIVERS)("SMTP server that never answers (%s)", (driver) => {
  it("gives up after the timeout, keeps the signup and schedules a retry", async () => {
    // Accepts the connection but never sends a greeting.
    const silent = createServer(() => {});
    silent.listen(0, "127.0.0.1");
    await once(silent, "listening");
    const address = silent.address();
    const silentPort = typeof address === "object" && address ? address.port : 0;
    try {
      const env = await setup(driver, {
        transport: undefined,
        smtpUrl: `smtp://127.0.0.1:${silentPort}`,
        mailTimeoutMs: 500,
      });
      const started = Date.now();
      const result = await env.newsletter.subscribe(form(env, { email: "stil@example.nl" }), ctx);
      expect(result).toMatchObject({ status: "ok" });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect((await env.newsletter.stats()).mailFailures).toBe(1);
    } finally {
      silent.close();
    }
  });
});
