import type { LoaderFunctionArgs } from "@remix-run/node";
import { cacheControl } from "@vaart/web";
import { campaignSignupsCsv } from "../lib/results.server";
import { hasResultsSession } from "../lib/results-auth.server";

/** The campaigns' signups as CSV, for a spreadsheet. Same session as the results page. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const headers = {
    "Cache-Control": cacheControl.noStore,
    "X-Robots-Tag": "noindex",
  };
  if (!hasResultsSession(request, context)) {
    return new Response("Log eerst in op /resultaten.", {
      status: 401,
      headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const day = new Date().toISOString().slice(0, 10);
  return new Response(await campaignSignupsCsv(), {
    headers: {
      ...headers,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="campagne-aanmeldingen-${day}.csv"`,
    },
  });
}
