import {
  type UploadHandler,
  unstable_composeUploadHandlers,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { readForm } from "./forms.server";

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
