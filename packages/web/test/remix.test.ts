import { describe, expect, it } from "vitest";
import { cacheControl } from "../src/caching.js";
import {
  contentCache,
  noStore,
  notFound,
  pageHeaders,
  privatePageHeaders,
  requestInfo,
} from "../src/remix.js";

type HeadersArgs = Parameters<typeof pageHeaders>[0];

function headersOf(args: {
  loader?: HeadersInit;
  action?: HeadersInit;
  error?: HeadersInit;
}): Headers {
  const result = pageHeaders({
    loaderHeaders: new Headers(args.loader),
    actionHeaders: new Headers(args.action),
    errorHeaders: args.error ? new Headers(args.error) : undefined,
    parentHeaders: new Headers(),
  } as HeadersArgs);
  return new Headers(result);
}

describe("requestInfo", () => {
  it("passes on the client IP the production server found", () => {
    expect(requestInfo({ clientIp: "203.0.113.9" })).toEqual({ clientIp: "203.0.113.9" });
  });

  it("says null under `pnpm dev`, which passes no context", () => {
    expect(requestInfo({})).toEqual({ clientIp: null });
  });
});

describe("pageHeaders", () => {
  it("sends the loader's caching for a page", () => {
    expect(headersOf({ loader: contentCache }).get("Cache-Control")).toBe(cacheControl.content);
  });

  it("lets an action's answer (never cached) win over the loader's caching", () => {
    expect(headersOf({ loader: contentCache, action: noStore }).get("Cache-Control")).toBe(
      "no-store",
    );
  });

  it("keeps the loader's caching when the action said nothing about it", () => {
    expect(
      headersOf({ loader: contentCache, action: { "X-Other": "1" } }).get("Cache-Control"),
    ).toBe(cacheControl.content);
  });

  it("keeps a thrown response's headers on the error page", () => {
    const headers = headersOf({
      loader: contentCache,
      error: { "Cache-Control": "public, max-age=60", "X-Robots-Tag": "noindex" },
    });
    expect(headers.get("Cache-Control")).toBe("public, max-age=60");
    expect(headers.get("X-Robots-Tag")).toBe("noindex");
  });
});

describe("notFound", () => {
  it("is a 404 that no cache keeps, by default (the site)", async () => {
    const response = notFound();
    expect(response.status).toBe(404);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(await response.text()).toBe("Niet gevonden");
  });

  it("takes the caller's headers (the landing app lets caches keep its 404 a minute)", () => {
    const response = notFound({ "Cache-Control": "public, max-age=60", "X-Robots-Tag": "noindex" });
    expect(response.status).toBe(404);
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=60");
    expect(response.headers.get("X-Robots-Tag")).toBe("noindex");
  });
});

describe("privatePageHeaders", () => {
  it("keeps a page with a secret in its address out of caches, indexes and other sites", () => {
    expect(privatePageHeaders).toEqual({
      "Cache-Control": "no-store",
      "X-Robots-Tag": "noindex",
      // Not no-referrer: the browser would post the page's form with Origin: null.
      "Referrer-Policy": "same-origin",
    });
  });
});
