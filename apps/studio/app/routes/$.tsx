import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound } from "@vaart/web/remix";
import { requireAuthor } from "../lib/session.server";

/** Any other address: the login first (the studio says nothing to strangers), then 404. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAuthor(request, context);
  throw notFound();
}

export default function NotFound() {
  return null;
}
