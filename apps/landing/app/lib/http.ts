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

/**
 * Preview pages: never stored or indexed, and the token in the address is not sent to
 * other sites. `same-origin`, not `no-referrer`: with no-referrer browsers post forms with
 * `Origin: null`, which Remix refuses as a possible CSRF attack.
 */
export const previewHeaders = {
  "Cache-Control": cacheControl.noStore,
  "X-Robots-Tag": "noindex",
  "Referrer-Policy": "same-origin",
};
