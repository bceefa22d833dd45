import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { siteUrl } from "../lib/urls.server";

/** The app lists nothing: `/` sends visitors to the site. */
export async function loader({ context }: LoaderFunctionArgs) {
  return redirect(siteUrl(context, "/"), {
    status: 302,
    headers: { "Cache-Control": "public, max-age=3600" },
  });
}
