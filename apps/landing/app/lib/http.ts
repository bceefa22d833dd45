import type { HeadersFunction } from "@remix-run/node";
import { cacheControl } from "@vaart/web";

export const noStore = { "Cache-Control": cacheControl.noStore };

/**
 * Document headers: an action's answer (never cached) wins over the loader's, and an error
 * page keeps the thrown response's headers.
 */
export const pageHeaders: HeadersFunction = ({ actionHeaders, loaderHeaders, errorHeaders }) => {
  if (errorHeaders) return errorHeaders;
  if (actionHeaders.has("Cache-Control")) return actionHeaders;
  return loaderHeaders;
};

/** Preview pages: never stored or indexed, and the token in the address is not sent on. */
export const previewHeaders = {
  "Cache-Control": cacheControl.noStore,
  "X-Robots-Tag": "noindex",
  "Referrer-Policy": "no-referrer",
};
