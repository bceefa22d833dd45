import type { Server } from "node:http";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import {
  limitBody,
  refuseForeignOrigin,
  refuseInvalidHost,
  refuseOddTargets,
  refuseOtherMethods,
  requestGuards,
  validHost,
} from "../src/server/guards.js";
import { closeServer, raw, request, serve } from "./http-helpers.js";

let open: Server[] = [];
afterEach(async () => {
  await Promise.all(open.map(closeServer));
  open = [];
});

/** An Express app with the given guards in front of a handler that answers "passed". */
async function guarded(...guards: express.RequestHandler[]) {
  const app = express();
  app.use(guards);
  app.all("*", (_req, res) => {
    res.type("text/plain").send("passed");
  });
  const { server, port } = await serve(app);
  open.push(server);
  return port;
}

const config = {
  siteUrl: new URL("https://www.vaart.example"),
  publicUrl: new URL("https://acties.vaart.example"),
  trustProxyHops: 0,
};

describe("the method guard", () => {
  it("lets GET, HEAD and POST through and refuses the rest with 405 and Allow", async () => {
    const port = await guarded(refuseOtherMethods());
    for (const method of ["GET", "POST"]) {
      expect((await raw(port, request(method, "/"))).body).toBe("passed");
    }
    expect((await raw(port, request("HEAD", "/"))).status).toBe(200);
    for (const method of ["PUT", "PATCH", "DELETE", "OPTIONS"]) {
      const answer = await raw(port, request(method, "/nieuwsbrief"));
      expect(answer.status, method).toBe(405);
      expect(answer.headers).toMatch(/^Allow: GET, HEAD, POST$/m);
      expect(answer.headers).toMatch(/^Cache-Control: no-store$/m);
      expect(answer.body).toBe("Deze methode wordt hier niet ondersteund.");
    }
  });
});

describe("the Host guard", () => {
  it("refuses a Host header that is no host, and lets hosts with a port through", async () => {
    const port = await guarded(refuseInvalidHost());
    for (const host of ["a b", "evil.example/x", "user@evil.example", "a\\b", "[::1"]) {
      const answer = await raw(port, request("GET", "/", { Host: host }));
      expect(answer.status, host).toBe(400);
      expect(answer.body).toBe("Het verzoek heeft een ongeldige Host-header.");
    }
    expect((await raw(port, request("GET", "/", { Host: "www.vaart.example:8443" }))).body).toBe(
      "passed",
    );
    expect(validHost("[::1]:3000")).toBe(true);
    expect(validHost("localhost#x")).toBe(false);
  });
});

describe("the target guard", () => {
  it("refuses a backslash (raw or %5C) in the path and a target starting with //", async () => {
    const port = await guarded(refuseOddTargets());
    for (const target of ["/\\evil.example/..", "/a%5cb", "/a%5Cb", "//evil.example/"]) {
      const answer = await raw(port, request("GET", target));
      expect(answer.status, target).toBe(400);
      expect(answer.body).toBe("Dit adres kan niet worden verwerkt.");
    }
  });

  it("lets a backslash in the query string through", async () => {
    const port = await guarded(refuseOddTargets());
    expect((await raw(port, request("GET", "/zoeken?q=a%5Cb"))).body).toBe("passed");
  });
});

describe("the Origin guard", () => {
  const post = (port: number, target: string, headers: Record<string, string>) =>
    raw(port, request("POST", target, { "Content-Length": "0", ...headers }));

  it("refuses a form posted from another site, with a Dutch sentence saying what to do", async () => {
    const port = await guarded(refuseForeignOrigin(config));
    for (const origin of [
      "https://evil.example",
      "http://www.vaart.example", // the site's host, another scheme
      `http://127.0.0.1:${port + 1}`, // this host, another port
      "null",
    ]) {
      const answer = await post(port, "/nieuwsbrief", {
        Host: `127.0.0.1:${port}`,
        Origin: origin,
      });
      expect(answer.status, origin).toBe(403);
      expect(answer.body).toMatch(/andere website verstuurd/);
    }
  });

  it("lets through the configured addresses, the request's own origin, and no Origin", async () => {
    const port = await guarded(refuseForeignOrigin(config));
    const host = `127.0.0.1:${port}`;
    for (const origin of [
      "https://www.vaart.example",
      "https://acties.vaart.example",
      `http://${host}`,
    ]) {
      expect((await post(port, "/nieuwsbrief", { Host: host, Origin: origin })).body, origin).toBe(
        "passed",
      );
    }
    expect((await post(port, "/nieuwsbrief", { Host: host })).body).toBe("passed");
  });

  it("exempts one-click unsubscribe (RFC 8058), also when written with ..", async () => {
    const port = await guarded(refuseForeignOrigin(config));
    const headers = { Host: `127.0.0.1:${port}`, Origin: "https://mail.provider.example" };
    expect((await post(port, "/nieuwsbrief/afmelden/token", headers)).body).toBe("passed");
    expect((await post(port, "/x/../nieuwsbrief/afmelden/token", headers)).body).toBe("passed");
    expect((await post(port, "/nieuwsbrief/afmelden/../bevestigen/t", headers)).status).toBe(403);
  });

  it("trusts X-Forwarded-Proto only behind a trusted proxy", async () => {
    const direct = await guarded(refuseForeignOrigin(config));
    const proxied = await guarded(refuseForeignOrigin({ ...config, trustProxyHops: 1 }));
    const headers = (port: number) => ({
      Host: `127.0.0.1:${port}`,
      Origin: `https://127.0.0.1:${port}`,
      "X-Forwarded-Proto": "https",
    });
    expect((await post(direct, "/nieuwsbrief", headers(direct))).status).toBe(403);
    expect((await post(proxied, "/nieuwsbrief", headers(proxied))).body).toBe("passed");
  });
});

describe("the guards together", () => {
  it("answer in order: method, Host, target, Origin", async () => {
    const port = await guarded(...requestGuards(config));
    expect((await raw(port, request("PUT", "//x", { Host: "a b" }))).status).toBe(405);
    expect((await raw(port, request("GET", "//x", { Host: "a b" }))).status).toBe(400);
    expect((await raw(port, request("GET", "/", { Host: "www.vaart.example" }))).body).toBe(
      "passed",
    );
  });
});

describe("the body limit", () => {
  it("refuses a stated length over the limit with 413, before any body arrives", async () => {
    const port = await guarded(limitBody(1024));
    const answer = await raw(
      port,
      request("POST", "/", { "Content-Length": String(2 * 1024 * 1024) }),
    );
    expect(answer.status).toBe(413);
    expect(answer.headers).toMatch(/^Connection: close$/m);
    expect(answer.body).toBe("Het verzoek is te groot.");
    expect((await raw(port, request("POST", "/", { "Content-Length": "1025" }))).status).toBe(413);
  });

  it("accepts a body within the limit, and GET without a length", async () => {
    const port = await guarded(limitBody(1024));
    expect((await raw(port, `${request("POST", "/", { "Content-Length": "3" })}a=b`)).body).toBe(
      "passed",
    );
    expect((await raw(port, request("GET", "/"))).body).toBe("passed");
  });

  it("gives an upload route its own limit and message, and keeps the rest at the default", async () => {
    const upload = { path: /^\/upload$/, maxBytes: 4096, message: "Het bestand is te groot." };
    const port = await guarded(limitBody(1024, [upload]));
    const body = "x".repeat(2048);
    const post = (path: string, length: number) =>
      raw(
        port,
        `${request("POST", path, { "Content-Length": String(length) })}${body.slice(0, length)}`,
      );
    expect((await post("/upload", 2048)).body).toBe("passed");
    expect((await post("/elders", 2048)).body).toBe("Het verzoek is te groot.");
    const tooBig = await raw(port, request("POST", "/upload?x=1", { "Content-Length": "4097" }));
    expect(tooBig.status).toBe(413);
    expect(tooBig.body).toBe("Het bestand is te groot.");
    // The path is matched whole: a longer one gets the default.
    expect((await post("/upload/meer", 2048)).status).toBe(413);
  });

  it("refuses a chunked body of unknown size with 411", async () => {
    const port = await guarded(limitBody(1024));
    const answer = await raw(
      port,
      `${request("POST", "/", { "Transfer-Encoding": "chunked" })}3\r\na=b\r\n0\r\n\r\n`,
    );
    expect(answer.status).toBe(411);
    expect(answer.body).toBe("Content-Length is vereist.");
  });
});
