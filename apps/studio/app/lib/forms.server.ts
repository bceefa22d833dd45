import { data } from "@remix-run/node";
import { getNewsletter } from "@vaart/web";
import { privatePageHeaders } from "@vaart/web/remix";

/** The hidden field of every studio form: signed by us, so a form made elsewhere is refused. */
export function formToken(): string {
  return getNewsletter().issueFormToken();
}

/** What an action reads: the form, or null when the body is no form. */
export async function readForm(request: Request): Promise<FormData | null> {
  return request.formData().catch(() => null);
}

export const refusedFormMessage =
  "Dit formulier kwam niet van een studiopagina (of is te oud) en is daarom niet verwerkt. Open de pagina opnieuw en verstuur het nog eens.";

/**
 * The answer to a form without a valid form token (forged, or from a page older than two
 * days), or null when the token is good. The Origin check of the server comes first.
 */
export function formRefusal(form: FormData | null) {
  if (form && getNewsletter().formTokenValid(form.get("formToken"))) return null;
  return data(
    { refused: true as const, message: refusedFormMessage },
    { status: 403, headers: privatePageHeaders },
  );
}
