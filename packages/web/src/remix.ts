/**
 * What the routes of both Remix apps share: headers, the 404 and the request's details from
 * the server. Server side (loaders, actions, `headers`); the meta builder, which also runs
 * in the browser bundle, is `@vaart/web/page-meta`.
 */
import type { HeadersFunction } from "@remix-run/node";
import { cacheControl } from "./caching.js";
import type { VaartLoadContext } from "./server.js";

/** The value of the request's cookie `name`, or null: the apps' server-side session cookies. */
export function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("cookie") ?? "";
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return null;
}

/** What the production server passes to routes; `pnpm dev` passes nothing. */
export function requestInfo(context: Partial<VaartLoadContext>) {
  return { clientIp: context.clientIp ?? null, signupResult: context.signupResult };
}

/** A content page: kept by a CDN and browsers for 5 minutes (see `cacheControl.content`). */
export const contentCache = { "Cache-Control": cacheControl.content };
/** A page that lists what the database holds (the Updates archive): see `cacheControl.recent`. */
export const recentCache = { "Cache-Control": cacheControl.recent };
/** Never stored: answers to forms, pages for one visitor. */
export const noStore = { "Cache-Control": cacheControl.noStore };

/**
 * Pages whose address holds a secret (a token from a mail, a preview link): private,
 * unindexed, and the address is never sent to another site. `same-origin`, not
 * `no-referrer`: with no-referrer the browser posts the page's own form with
 * `Origin: null`, which Remix rightly refuses as a possible CSRF.
 */
export const privatePageHeaders = {
  "Cache-Control": cacheControl.noStore,
  "X-Robots-Tag": "noindex",
  "Referrer-Policy": "same-origin",
};

/**
 * Document headers: an action's answer (never cached) wins over the loader's, and an error
 * page keeps the thrown response's headers (no-store unless the thrower said otherwise).
 */
export const pageHeaders: HeadersFunction = ({ actionHeaders, loaderHeaders, errorHeaders }) => {
  if (errorHeaders) return errorHeaders;
  if (actionHeaders.has("Cache-Control")) return actionHeaders;
  return loaderHeaders;
};

/**
 * The 404 a loader throws; the root's error boundary draws the page. Not stored unless the
 * caller says how long a cache may keep it (`headers`).
 */
export function notFound(headers: Record<string, string> = noStore): Response {
  return new Response("Niet gevonden", { status: 404, headers });
}
