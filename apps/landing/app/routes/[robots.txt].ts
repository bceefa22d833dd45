import { cacheControl } from "@vaart/web";

/** Campaign pages may be indexed; the results and preview pages say noindex themselves. */
export async function loader() {
  return new Response("User-agent: *\nDisallow: /resultaten\n", {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Cache-Control": cacheControl.shortLived,
    },
  });
}
