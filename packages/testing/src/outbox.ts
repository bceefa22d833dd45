import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** A unique address per test, so tests can run in parallel against one database. */
export function uniqueAddress(label: string) {
  return `${label}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}@example.nl`;
}

/** Undo quoted-printable soft line breaks and escapes, enough to read links. */
function decodeQuotedPrintable(text: string) {
  return text
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/**
 * Every finished mail to `address` in `outboxDir`, decoded, now. A `.eml.tmp` is still
 * being written (and renamed at any moment); before the first mail there is no folder.
 */
export function mailsTo(outboxDir: string, address: string): string[] {
  let files: string[];
  try {
    files = readdirSync(outboxDir).filter((name) => name.endsWith(".eml"));
  } catch {
    return [];
  }
  return files
    .map((file) => decodeQuotedPrintable(readFileSync(path.join(outboxDir, file), "utf8")))
    .filter((mail) =>
      mail.split(/\r?\n/).some((line) => line.startsWith("To: ") && line.includes(address)),
    );
}

/** The mail sent to `address` in `outboxDir` (waits: the send may finish after the answer). */
export async function mailTo(outboxDir: string, address: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [mail] = mailsTo(outboxDir, address);
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no mail to ${address} in ${outboxDir}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The first link in a mail whose path starts with `pathPrefix/` followed by a token. */
export function linkIn(mail: string, pathPrefix: string): string {
  const match = mail.match(new RegExp(`https?://[^\\s"<>]*${pathPrefix}/[A-Za-z0-9_-]+`));
  if (!match) throw new Error(`no ${pathPrefix} link in the mail:\n${mail.slice(0, 2000)}`);
  return match[0];
}
