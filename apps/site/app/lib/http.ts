import type { HeadersFunction } from "@remix-run/node";
import { cacheControl } from "@vaart/web";

export const contentCache = { "Cache-Control": cacheControl.content };
export const noStore = { "Cache-Control": cacheControl.noStore };

/**
 * Document headers: an action's answer (never cached) wins over the loader's, and an error
 * page keeps the thrown response's headers (no-store by default).
 */
export const pageHeaders: HeadersFunction = ({ actionHeaders, loaderHeaders, errorHeaders }) => {
  if (errorHeaders) return errorHeaders;
  if (actionHeaders.has("Cache-Control")) return actionHeaders;
  return loaderHeaders;
};

export function notFound(): Response {
  return new Response("Niet gevonden", { status: 404, headers: noStore });
}

/**
 * Pages whose address holds a token from a mail: private, unindexed, and the address is
 * never sent to another site. (Not `no-referrer`: then the browser posts the page's own
 * button with `Origin: null`, which Remix rightly refuses as a possible CSRF.)
 */
export const tokenPageHeaders = {
  "Cache-Control": cacheControl.noStore,
  "X-Robots-Tag": "noindex",
  "Referrer-Policy": "same-origin",
};
