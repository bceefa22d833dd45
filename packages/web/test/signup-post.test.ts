import type { Server } from "node:http";
import type { SubscribeResult } from "@vaart/newsletter";
import { afterEach, describe, expect, it } from "vitest";
import { originAllowed } from "../src/server/guards.js";
import {
  preparedBody,
  preparedSignup,
  signupPostHandler,
} from "../src/server/signup-post.server.js";
import { closeServer, raw, request, serve } from "./http-helpers.js";

// Which requests the signup form's fast path takes, and what it hands on. That its answers
// equal the route action's is apps/site/test/process/signup-post.test.ts (real server,
// both databases).

const route = { path: "/nieuwsbrief", source: "/nieuwsbrief", thanksPath: "/bedankt" };
const config = {
  siteUrl: new URL("https://www.vaart.example"),
  publicUrl: undefined,
  trustProxyHops: 0,
};

let servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.map(closeServer));
  servers = [];
});

/** A server with the fast path in front of a stand-in for Express that says what it got. */
async function fastPath(result: SubscribeResult) {
  const calls: string[] = [];
  const logged: number[] = [];
  const handler = signupPostHandler({
    routes: [route],
    maxBodyBytes: 1000,
    originAllowed: originAllowed(config),
    subscribe: async (form) => {
      calls.push(form.toString());
      return result;
    },
    headers: [["X-Frame-Options", "DENY"]],
    log: (_method, _url, status) => logged.push(status),
  });
  const { server, port } = await serve((req, res) => {
    const rest = async () => {
      const outcome = await preparedSignup(req);
      res.end(`express: ${preparedBody(req)?.toString() ?? "unread"} ${outcome?.status ?? "-"}`);
    };
    if (!handler(req, res, () => void rest())) void rest();
  });
  servers.push(server);
  return { port, calls, logged };
}

const form = "email=lezer%40example.nl&consent=yes";
const post = (target: string, headers: Record<string, string>, body = form) =>
  `${request("POST", target, {
    "Content-Type": "application/x-www-form-urlencoded",
    "Content-Length": String(Buffer.byteLength(body)),
    ...headers,
  })}${body}`;

describe("the signup form's fast path", () => {
  it("answers a stored signup with the 303 itself, running it once", async () => {
    const { port, calls, logged } = await fastPath({ status: "ok", message: "" });
    const answer = await raw(port, post("/nieuwsbrief", {}));
    expect(answer.status).toBe(303);
    expect(answer.headers).toMatch(/\r\nLocation: \/bedankt\r\n/);
    expect(answer.headers).toMatch(/\r\nCache-Control: no-store\r\n/);
    expect(answer.headers).toMatch(/\r\nX-Frame-Options: DENY\r\n/);
    expect(answer.body).toBe("");
    expect(calls).toEqual([form]);
    expect(logged).toEqual([303]);
  });

  it("hands any other outcome on with the body it read, without running it again", async () => {
    const { port, calls } = await fastPath({
      status: "rate-limited",
      message: "Even geduld",
      retryAfterSeconds: 60,
    });
    const answer = await raw(port, post("/nieuwsbrief", {}));
    expect(answer.body).toBe(`express: ${form} rate-limited`);
    expect(calls).toHaveLength(1);
  });

  it("leaves everything the guards or the route's own reading should see to Express", async () => {
    const { port, calls } = await fastPath({ status: "ok", message: "" });
    const untouched = [
      post("/nieuwsbrief", { Origin: "https://evil.example" }),
      post("/nieuwsbrief", { "Content-Type": "multipart/form-data; boundary=x" }),
      post("/nieuwsbrief", { "Content-Length": "2000" }, "x".repeat(2000)),
      post("/nieuwsbrief?index", {}),
      post("/nieuwsbrief.data", {}),
      post("/nieuwsbrief/", {}),
      post("/artikelen/iets", {}),
      // Two Content-Types, the form's first: Node keeps it, the route's reading sees both.
      post("/nieuwsbrief", {}).replace("\r\n\r\n", "\r\nContent-Type: text/plain\r\n\r\n"),
      `${request("POST", "/nieuwsbrief", {
        "Content-Type": "application/x-www-form-urlencoded",
        "Transfer-Encoding": "chunked",
      })}0\r\n\r\n`,
    ];
    for (const text of untouched) {
      const answer = await raw(port, text);
      expect(answer.body, text.split("\r\n")[0]).toBe("express: unread -");
    }
    expect(calls).toEqual([]);
  });

  it("takes a form from our own origin, as the Origin guard does", async () => {
    const { port, calls } = await fastPath({ status: "ok", message: "" });
    const answer = await raw(port, post("/nieuwsbrief", { Origin: "https://www.vaart.example" }));
    expect(answer.status).toBe(303);
    expect(calls).toHaveLength(1);
  });
});
