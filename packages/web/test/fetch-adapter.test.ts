import type { Server } from "node:http";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import {
  acceptsGzip,
  asked,
  sendAnswer,
  sendResponse,
  toFetchRequest,
} from "../src/server/fetch-adapter.js";
import { closeServer, raw, request, serve } from "./http-helpers.js";

let open: Server[] = [];
afterEach(async () => {
  await Promise.all(open.map(closeServer));
  open = [];
});

async function app(setup: (app: express.Express) => void) {
  const application = express();
  setup(application);
  const { server, port } = await serve(application);
  open.push(server);
  return port;
}

describe("the Fetch request Remix gets", () => {
  it("has the URL, method, headers and streamed body, without Origin and X-Forwarded-Host", async () => {
    const port = await app((a) =>
      a.all("*", async (req, res) => {
        const fetchRequest = toFetchRequest(req, res);
        res.json({
          url: fetchRequest.url,
          method: fetchRequest.method,
          type: fetchRequest.headers.get("content-type"),
          origin: fetchRequest.headers.get("origin"),
          forwardedHost: fetchRequest.headers.get("x-forwarded-host"),
          body: req.method === "POST" ? await fetchRequest.text() : null,
        });
      }),
    );
    const answer = await raw(
      port,
      `${request("POST", "/nieuwsbrief?bron=mail", {
        Host: "www.vaart.example",
        Origin: "https://www.vaart.example",
        "X-Forwarded-Host": "evil.example",
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": "7",
      })}email=x`,
    );
    expect(JSON.parse(answer.body)).toEqual({
      url: "http://www.vaart.example/nieuwsbrief?bron=mail",
      method: "POST",
      type: "application/x-www-form-urlencoded",
      origin: null,
      forwardedHost: null,
      body: "email=x",
    });
  });

  it("is aborted when the visitor leaves", async () => {
    let aborted: (value: boolean) => void = () => {};
    const wasAborted = new Promise<boolean>((resolve) => {
      aborted = resolve;
    });
    const port = await app((a) =>
      a.get("*", (req, res) => {
        const fetchRequest = toFetchRequest(req, res);
        fetchRequest.signal.addEventListener("abort", () => aborted(true));
        req.socket.destroy(); // the visitor closes the connection before any answer
      }),
    );
    await raw(port, request("GET", "/")).catch(() => null);
    expect(await wasAborted).toBe(true);
  });
});

describe("the Fetch response sent back", () => {
  it("replaces a default header of the same name and keeps every Set-Cookie", async () => {
    const port = await app((a) =>
      a.get("*", async (_req, res) => {
        res.setHeader("Referrer-Policy", "no-referrer");
        const headers = new Headers({ "Referrer-Policy": "same-origin", "X-Route": "yes" });
        headers.append("Set-Cookie", "a=1; Path=/");
        headers.append("Set-Cookie", "b=2; Path=/");
        await sendResponse(res, new Response("hallo", { status: 201, headers }));
      }),
    );
    const answer = await raw(port, request("GET", "/"));
    expect(answer.status).toBe(201);
    const lines = answer.headers.toLowerCase();
    expect(lines.match(/^referrer-policy: .*$/gm)).toEqual(["referrer-policy: same-origin"]);
    expect(lines.match(/^set-cookie: .*$/gm)).toEqual([
      "set-cookie: a=1; path=/",
      "set-cookie: b=2; path=/",
    ]);
    expect(answer.body).toContain("hallo");
  });

  it("sends no body with a 304", async () => {
    const port = await app((a) =>
      a.get("*", async (_req, res) => {
        await sendResponse(res, new Response(null, { status: 304, headers: { ETag: 'W/"1"' } }));
      }),
    );
    const answer = await raw(port, request("GET", "/"));
    expect(answer.status).toBe(304);
    expect(answer.body).toBe("");
  });
});

describe("a prepared answer", () => {
  it("sends its bytes, but none for HEAD or 304", async () => {
    const body = Buffer.from("<!doctype html>");
    const port = await app((a) =>
      a.all("*", (req, res) => {
        const status = req.path === "/same" ? 304 : 200;
        sendAnswer(res, req.method, { status, wire: ["Content-Type", "text/html"], body });
      }),
    );
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe("<!doctype html>");
    const head = await raw(port, request("HEAD", "/"));
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
    const same = await raw(port, request("GET", "/same"));
    expect(same.status).toBe(304);
    expect(same.body).toBe("");
  });
});

describe("what a request asks of a cached page", () => {
  it("reads gzip from Accept-Encoding, refused with q=0", () => {
    expect(acceptsGzip("gzip, deflate, br")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("br;q=1, GZIP;q=0.5")).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("gzip;q=0.000, br")).toBe(false);
    expect(acceptsGzip("identity")).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });

  it("carries If-None-Match", () => {
    const headers = { "if-none-match": 'W/"abc"', "accept-encoding": "gzip" };
    expect(asked({ headers } as never)).toEqual({ ifNoneMatch: 'W/"abc"', acceptsGzip: true });
  });
});
