import type { HeadersFunction } from "@remix-run/node";
import { privatePageHeaders } from "@vaart/web/remix";

/**
 * Every studio page: never stored by a cache, never indexed, no Referer to other sites
 * (the link page's address holds a token). A rate limit's Retry-After is passed on.
 */
export const studioHeaders: HeadersFunction = ({ actionHeaders, errorHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After") ?? errorHeaders?.get("Retry-After");
  return retryAfter ? { ...privatePageHeaders, "Retry-After": retryAfter } : privatePageHeaders;
};
