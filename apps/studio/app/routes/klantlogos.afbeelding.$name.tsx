import type { LoaderFunctionArgs } from "@remix-run/node";
import { getNewsletter } from "@vaart/web";
import { notFound, privatePageHeaders } from "@vaart/web/remix";
import { requireAuthor } from "../lib/session.server";

/**
 * An uploaded logo as the studio shows it (the public apps serve published ones under
 * /logos/): only to a logged-in author, with the type it was stored as.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireAuthor(request, context);
  const image = await getNewsletter()
    .contentImages()
    .find(params.name ?? "");
  if (!image || image.name !== params.name) throw notFound(privatePageHeaders);
  return new Response(new Uint8Array(image.data), {
    headers: {
      ...privatePageHeaders,
      "Content-Type": image.contentType,
      "Content-Length": String(image.data.length),
      "X-Content-Type-Options": "nosniff",
    },
  });
}
