import { gzipSync } from "node:zlib";
import { etagMatches } from "./caching.js";

/** One cached answer: the bytes as rendered and gzipped once, with the headers to send. */
export interface CachedPage {
  status: number;
  headers: [string, string][];
  /** The full header lists to send, prepared once: gzip, identity and 304. */
  gzipHeaders: [string, string][];
  plainHeaders: [string, string][];
  body: Buffer;
  gzipped: Buffer;
  etag: string | null;
  expiresAt: number;
}

/**
 * A small in-process cache of public pages, so that the same bytes are not rendered and
 * compressed again for every visitor. It keeps only what a shared cache (a CDN) may keep:
 * 200 answers to GET with `Cache-Control: public, max-age=N` and no cookie, for N seconds.
 * Bounded in entries and bytes (oldest out first), because addresses come from visitors.
 */
export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private bytes = 0;

  constructor(
    private readonly limits: { maxEntries: number; maxBytes: number } = {
      maxEntries: 500,
      maxBytes: 64 * 1024 * 1024,
    },
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.delete(key);
      return undefined;
    }
    return entry;
  }

  /** Store a rendered response if a shared cache could; returns the entry, or null. */
  store(key: string, status: number, headers: Headers, body: Buffer): CachedPage | null {
    const maxAge = sharedMaxAge(headers);
    if (status !== 200 || maxAge === null || maxAge <= 0 || headers.has("set-cookie")) return null;
    const vary = headers.get("vary");
    if (vary?.split(",").some((name) => name.trim().toLowerCase() !== "accept-encoding")) {
      return null;
    }
    const kept = [...headers].filter(
      ([name]) => name !== "content-length" && name !== "content-encoding",
    );
    const gzipped = gzipSync(body, { level: 9 });
    const entry: CachedPage = {
      status,
      headers: kept,
      gzipHeaders: [
        ...kept,
        ["content-encoding", "gzip"],
        ["content-length", String(gzipped.length)],
      ],
      plainHeaders: [...kept, ["content-length", String(body.length)]],
      body,
      gzipped,
      etag: headers.get("etag"),
      expiresAt: this.now() + maxAge * 1000,
    };
    this.delete(key);
    this.entries.set(key, entry);
    this.bytes += entry.body.length + entry.gzipped.length;
    for (const [oldest] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) break;
      this.delete(oldest);
    }
    return entry;
  }

  private delete(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.body.length + entry.gzipped.length;
    this.entries.delete(key);
  }

  get size() {
    return this.entries.size;
  }
}

/** `s-maxage`, else `max-age`, of a public response; null when a shared cache may not keep it. */
export function sharedMaxAge(headers: Headers): number | null {
  const cacheControl = headers.get("cache-control")?.toLowerCase() ?? "";
  if (!/\bpublic\b/.test(cacheControl) || /no-store|no-cache|private/.test(cacheControl))
    return null;
  const shared = cacheControl.match(/s-maxage=(\d+)/) ?? cacheControl.match(/max-age=(\d+)/);
  return shared ? Number(shared[1]) : null;
}

/** How to answer a request from a cached page: 304, gzip or identity. */
export function answerFromCache(
  entry: CachedPage,
  request: { ifNoneMatch: string | undefined; acceptsGzip: boolean },
): { status: number; headers: [string, string][]; body: Buffer | null } {
  if (entry.etag && etagMatches(request.ifNoneMatch, entry.etag)) {
    return { status: 304, headers: entry.headers, body: null };
  }
  return request.acceptsGzip
    ? { status: entry.status, headers: entry.gzipHeaders, body: entry.gzipped }
    : { status: entry.status, headers: entry.plainHeaders, body: entry.body };
}
