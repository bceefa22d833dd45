import { type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { notFound } from "@vaart/web/remix";
import { findArticle } from "../content/articles.server";

/** The old WordPress addresses (`/<slug>/`) move permanently to `/artikelen/<slug>`. */
export async function loader({ params }: LoaderFunctionArgs) {
  const article = findArticle(params.slug ?? "");
  if (!article) throw notFound();
  return redirect(`/artikelen/${article.slug}`, {
    status: 301,
    headers: { "Cache-Control": "public, max-age=86400" },
  });
}

// A component is needed so that the 404 renders as a page inside the site's layout.
export default function OldAddress() {
  return null;
}
