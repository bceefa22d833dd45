import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { answerFromCache, PageCache, sharedMaxAge } from "../src/page-cache.js";

const page = Buffer.from("<!DOCTYPE html><p>hallo</p>");
const publicHeaders = () =>
  new Headers({
    "Cache-Control": "public, max-age=300, stale-while-revalidate=86400",
    "Content-Type": "text/html; charset=utf-8",
    ETag: 'W/"abc"',
    Vary: "Accept-Encoding",
  });

describe("PageCache", () => {
  it("keeps a public 200 page for its max-age, then forgets it", () => {
    let now = 0;
    const cache = new PageCache(undefined, () => now);
    expect(cache.store("/a", 200, publicHeaders(), page)).not.toBeNull();
    now = 299_000;
    expect(cache.get("/a")?.body).toEqual(page);
    now = 300_000;
    expect(cache.get("/a")).toBeUndefined();
  });

  it("forgets every page when published content changes (clear)", () => {
    const cache = new PageCache();
    cache.store("/a", 200, publicHeaders(), page);
    cache.store("/b", 200, publicHeaders(), page);
    expect(cache.size).toBe(2);
    cache.clear();
    expect(cache.size).toBe(0);
    expect(cache.get("/a")).toBeUndefined();
    // Still bounded by bytes after a clear: the count starts again from zero.
    expect(cache.store("/a", 200, publicHeaders(), page)).not.toBeNull();
    expect(cache.get("/a")?.body).toEqual(page);
  });

  it("never keeps what a shared cache may not keep", () => {
    const cache = new PageCache();
    const variants: [number, Record<string, string>][] = [
      [200, { "Cache-Control": "no-store" }],
      [200, { "Cache-Control": "private, max-age=60" }],
      [200, { "Cache-Control": "max-age=60" }],
      [200, { "Cache-Control": "public, max-age=60", "Set-Cookie": "session=1" }],
      [200, { "Cache-Control": "public, max-age=60", Vary: "Cookie" }],
      [404, { "Cache-Control": "public, max-age=60" }],
    ];
    for (const [status, headers] of variants) {
      expect(
        cache.store("/x", status, new Headers(headers), page),
        JSON.stringify(headers),
      ).toBeNull();
    }
    expect(cache.size).toBe(0);
  });

  it("drops the oldest pages beyond its entry limit (addresses come from visitors)", () => {
    const cache = new PageCache({ maxEntries: 2, maxBytes: 1e9 });
    for (const key of ["/1", "/2", "/3"]) cache.store(key, 200, publicHeaders(), page);
    expect(cache.size).toBe(2);
    expect(cache.get("/1")).toBeUndefined();
    expect(cache.get("/3")).toBeDefined();
  });

  it("answers 304 for a matching ETag, gzip when accepted, identity otherwise", () => {
    const entry = new PageCache().store("/a", 200, publicHeaders(), page);
    if (!entry) throw new Error("not stored");
    expect(answerFromCache(entry, { ifNoneMatch: 'W/"abc"', acceptsGzip: true })).toMatchObject({
      status: 304,
      body: null,
    });
    const gzipped = answerFromCache(entry, { ifNoneMatch: undefined, acceptsGzip: true });
    expect(gunzipSync(gzipped.body as Buffer)).toEqual(page);
    expect(gzipped.headers).toContainEqual(["content-encoding", "gzip"]);
    const plain = answerFromCache(entry, { ifNoneMatch: 'W/"other"', acceptsGzip: false });
    expect(plain.body).toEqual(page);
    expect(plain.headers.some(([name]) => name === "content-encoding")).toBe(false);
  });

  it("reads s-maxage before max-age", () => {
    expect(sharedMaxAge(new Headers({ "Cache-Control": "public, max-age=60, s-maxage=600" }))).toBe(
      600,
    );
    expect(sharedMaxAge(new Headers({ "Cache-Control": "public, max-age=60" }))).toBe(60);
    expect(sharedMaxAge(new Headers({ "Cache-Control": "public" }))).toBeNull();
  });
});
