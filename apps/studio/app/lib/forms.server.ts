import {
  data,
  type UploadHandler,
  unstable_composeUploadHandlers,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
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

/**
 * A form that may carry a file (multipart), or a plain one. The server has already refused a
 * body over the route's limit by its stated length; a file over `maxFileBytes` is read to its
 * end but not kept (`tooLarge`), so the fields around it still reach the author's page again.
 */
export async function readUpload(
  request: Request,
  maxFileBytes: number,
): Promise<{ form: FormData | null; tooLarge: boolean }> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    return { form: await readForm(request), tooLarge: false };
  }
  let tooLarge = false;
  const keepSmallFiles: UploadHandler = async (part) => {
    if (typeof part.filename !== "string") return undefined;
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of part.data) {
      size += chunk.byteLength;
      if (size <= maxFileBytes) chunks.push(chunk);
    }
    if (size > maxFileBytes) {
      tooLarge = true;
      return undefined;
    }
    return new File(chunks as BlobPart[], part.filename, { type: part.contentType });
  };
  try {
    const form = await unstable_parseMultipartFormData(
      request,
      // Text fields: a few hundred bytes each; a "field" of megabytes is no form of ours.
      unstable_composeUploadHandlers(
        keepSmallFiles,
        unstable_createMemoryUploadHandler({ maxPartSize: 64 * 1024 }),
      ),
    );
    return { form, tooLarge };
  } catch {
    return { form: null, tooLarge };
  }
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
