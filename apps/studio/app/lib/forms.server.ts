import { data } from "@remix-run/node";
import { getNewsletter, type VaartLoadContext } from "@vaart/web";
import { privatePageHeaders } from "@vaart/web/remix";
import { requireAuthor } from "./session.server";

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
  return formTokenValid(form) ? null : refusedForm();
}

function formTokenValid(form: FormData | null): form is FormData {
  return form !== null && getNewsletter().formTokenValid(form.get("formToken"));
}

function refusedForm() {
  return data(
    { refused: true as const, message: refusedFormMessage },
    { status: 403, headers: privatePageHeaders },
  );
}

/**
 * The start of every studio action: the author first (no session: to the login), then the
 * form token. Returns the refusal to answer with, or the form.
 */
export async function authorsForm(request: Request, context: Partial<VaartLoadContext>) {
  const author = await requireAuthor(request, context);
  const form = await readForm(request);
  return formTokenValid(form)
    ? { author, form, refusal: null }
    : { author, form: null, refusal: refusedForm() };
}
