import type { LoaderFunctionArgs } from "@remix-run/node";
import { campaignRequest } from "../lib/campaign-request.server";
import { shareImagePng, shareImageVersion } from "../lib/share-image.server";

/** The generated share image (1200 × 630 PNG) of a campaign that names none. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { campaign, preview, headers } = await campaignRequest(
    request,
    context,
    params.slug,
    new Date(),
    {
      plainGone: true,
    },
  );
  const versioned = new URL(request.url).searchParams.get("v") === shareImageVersion(campaign);
  const png = shareImagePng(campaign);
  return new Response(new Uint8Array(png), {
    headers: {
      ...headers,
      "Content-Type": "image/png",
      "Content-Length": String(png.byteLength),
      // A versioned address never changes content: caches may keep it for a day.
      ...(versioned && !preview ? { "Cache-Control": "public, max-age=86400" } : {}),
    },
  });
}
