import type { LoaderFunctionArgs } from "@remix-run/node";
import { getNewsletter } from "@vaart/web";
import { notFound, privatePageHeaders } from "@vaart/web/remix";
import { requireAuthor } from "../lib/session.server";
import { askedRevision, renderedUpdate } from "../lib/update-mail.server";

/**
 * The mail's HTML part as its own page. A sandbox without scripts, forms or our origin: the
 * mail's inline styles may apply (mail HTML needs them), nothing in it can act as the studio.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireAuthor(request, context);
  const { frozen } = await renderedUpdate(params.slug ?? "", askedRevision(request));
  if (!frozen) throw notFound(privatePageHeaders);
  const mail = getNewsletter().updates.previewMail(frozen);
  return new Response(mail.html, {
    headers: {
      ...privatePageHeaders,
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy":
        "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
  });
}
