import type { LoaderFunctionArgs } from "@remix-run/node";
import { cacheControl } from "@vaart/web";
import { campaignSignupsCsv } from "../lib/results.server";
import { hasResultsSession } from "../lib/results-auth.server";

/** The campaigns' signups as CSV, for a spreadsheet. Same server-side session as the results page. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const headers = {
    "Cache-Control": cacheControl.noStore,
    "X-Robots-Tag": "noindex",
  };
  if (!(await hasResultsSession(request, context))) {
    // Without a session (never logged in, logged out, expired): the login page.
    return new Response(null, { status: 303, headers: { ...headers, Location: "/resultaten" } });
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
