import { gzipSync } from "node:zlib";
import { etagMatches } from "./caching.js";

/** How a cached page is sent: its headers (the cache's extra headers first) for each answer. */
interface Variant {
  headers: [string, string][];
  /** The same, flat, as `response.writeHead` takes them: prepared once, not per request. */
  wire: string[];
}

/** One cached answer: the bytes as rendered and gzipped once, with the headers to send. */
export interface CachedPage {
  status: number;
  gzip: Variant;
  plain: Variant;
  notModified: Variant;
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

  private readonly limits: { maxEntries: number; maxBytes: number };
  /** Sent with every cached answer (the server's security headers). */
  private readonly extraHeaders: readonly [string, string][];

  constructor(
    options: {
      maxEntries?: number;
      maxBytes?: number;
      extraHeaders?: readonly [string, string][];
    } = {},
    private readonly now: () => number = Date.now,
  ) {
    this.limits = {
      maxEntries: options.maxEntries ?? 500,
      maxBytes: options.maxBytes ?? 64 * 1024 * 1024,
    };
    this.extraHeaders = options.extraHeaders ?? [];
  }

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
    const variant = (...added: [string, string][]): Variant => {
      const list: [string, string][] = [...this.extraHeaders, ...kept, ...added];
      return { headers: list, wire: list.flat() };
    };
    const entry: CachedPage = {
      status,
      gzip: variant(["content-encoding", "gzip"], ["content-length", String(gzipped.length)]),
      plain: variant(["content-length", String(body.length)]),
      notModified: variant(),
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

  /** Forget every page (published content changed). */
  clear(): void {
    this.entries.clear();
    this.bytes = 0;
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
): { status: number; headers: [string, string][]; wire: string[]; body: Buffer | null } {
  if (entry.etag && etagMatches(request.ifNoneMatch, entry.etag)) {
    return { status: 304, ...entry.notModified, body: null };
  }
  return request.acceptsGzip
    ? { status: entry.status, ...entry.gzip, body: entry.gzipped }
    : { status: entry.status, ...entry.plain, body: entry.body };
}
