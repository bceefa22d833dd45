import { createHash } from "node:crypto";
import sharp, { type Metadata } from "sharp";

/**
 * Uploaded client logos: what an author's file must be, and the image the apps serve in its
 * place. An upload is never served as sent: its bytes decide what it is (not its name or
 * its Content-Type), it is decoded and encoded again (which drops metadata and anything
 * hidden after the image data), and resized to what the carousel can use.
 */

/** The largest upload accepted, in bytes. */
export const LOGO_MAX_BYTES = 2 * 1024 * 1024;

/**
 * The most pixels an upload may declare. A small file can declare a huge image (a
 * "decompression bomb": a 50 kB PNG of 50,000 × 50,000 pixels needs 10 GB to decode), so the
 * declared size is checked before anything is decoded. 25 megapixels is a 5,000 × 5,000
 * photo; a logo needs far less.
 */
export const LOGO_MAX_PIXELS = 25_000_000;

/**
 * The box the stored logo fits in: three times the carousel's 160 × 64 slot, sharp on
 * screens with three device pixels per CSS pixel. Smaller uploads are not enlarged.
 */
export const LOGO_BOX = { width: 480, height: 192 } as const;

export type SniffedType = "png" | "jpeg" | "webp" | "gif" | "svg";

export type LogoImageProblem =
  | "empty"
  | "too-large"
  | "svg"
  | "not-an-accepted-image"
  | "too-many-pixels"
  | "unreadable";

/** Why an upload cannot become a logo, in words for the author (Dutch, like the studio). */
export class LogoImageError extends Error {
  override name = "LogoImageError";
  constructor(
    readonly problem: LogoImageProblem,
    message: string,
  ) {
    super(message);
  }
}

export interface PreparedLogo {
  /** The re-encoded image (WebP, with transparency kept). */
  data: Buffer;
  contentType: "image/webp";
  width: number;
  height: number;
  /** What the upload turned out to be, from its bytes. */
  uploadedAs: "png" | "jpeg" | "webp";
  /** First 10 hex digits of the SHA-256 of `data`, for content-hashed file names. */
  hash: string;
}

const ACCEPTED = "PNG, JPEG of WebP";

/** The image type the first bytes show, or undefined when they show none we know. */
export function sniffImageType(bytes: Uint8Array): SniffedType | undefined {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "png";
  if (starts(0xff, 0xd8, 0xff)) return "jpeg";
  const ascii = (from: number, to: number) =>
    Buffer.from(bytes.subarray(from, to)).toString("latin1");
  if (ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "webp";
  if (ascii(0, 6) === "GIF87a" || ascii(0, 6) === "GIF89a") return "gif";
  // SVG is text: look for its root element near the start (after a BOM, an XML
  // declaration, comments or a doctype).
  const head = Buffer.from(bytes.subarray(0, 1024))
    .toString("utf8")
    .replace(/^\uFEFF/, "");
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i.test(head)) {
    return "svg";
  }
  return undefined;
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toLocaleString("nl-NL", { maximumFractionDigits: 1 })} MB`;
}

/**
 * Checks an uploaded logo and returns the image to store and serve. Throws LogoImageError
 * with a message that says what is wrong with the file.
 */
export async function prepareLogo(upload: Uint8Array): Promise<PreparedLogo> {
  if (upload.byteLength === 0) {
    throw new LogoImageError(
      "empty",
      "Het bestand is leeg. Kies een PNG-, JPEG- of WebP-afbeelding.",
    );
  }
  if (upload.byteLength > LOGO_MAX_BYTES) {
    throw new LogoImageError(
      "too-large",
      `Het bestand is ${formatMegabytes(upload.byteLength)}; een logo mag hoogstens ${formatMegabytes(LOGO_MAX_BYTES)} zijn.`,
    );
  }
  const type = sniffImageType(upload);
  if (type === "svg") {
    // An SVG can carry scripts and outside references; without a sanitiser we trust, the
    // author exports a PNG instead.
    throw new LogoImageError(
      "svg",
      `SVG-bestanden worden niet aangenomen, omdat ze scripts kunnen bevatten. Sla het logo op als ${ACCEPTED}.`,
    );
  }
  if (type !== "png" && type !== "jpeg" && type !== "webp") {
    const what = type === "gif" ? "een GIF-afbeelding" : "geen afbeelding die we kennen";
    throw new LogoImageError(
      "not-an-accepted-image",
      `Dit bestand is ${what} (gekeken naar de inhoud, niet naar de naam). Een logo moet een ${ACCEPTED}-afbeelding zijn.`,
    );
  }

  const input = Buffer.from(upload.buffer, upload.byteOffset, upload.byteLength);
  const options = { limitInputPixels: LOGO_MAX_PIXELS, failOn: "error", animated: false } as const;
  let declared: Metadata;
  try {
    // Reads the header only; the limit is lifted here so that the size can be named below
    // (sharp's own limit still guards the decoding).
    declared = await sharp(input, { ...options, limitInputPixels: false }).metadata();
  } catch (error) {
    throw unreadable(type, error);
  }
  const width = declared.width ?? 0;
  const height = declared.height ?? 0;
  if (width * height > LOGO_MAX_PIXELS) {
    throw new LogoImageError(
      "too-many-pixels",
      `De afbeelding is ${width} × ${height} pixels; dat is meer dan ${LOGO_MAX_PIXELS / 1_000_000} megapixel. Verklein het logo (${LOGO_BOX.width} × ${LOGO_BOX.height} pixels is genoeg).`,
    );
  }

  try {
    const { data, info } = await sharp(input, options)
      .rotate() // the camera's orientation tag, before metadata is dropped
      .resize({ ...LOGO_BOX, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 90, alphaQuality: 100 })
      .timeout({ seconds: 10 })
      .toBuffer({ resolveWithObject: true });
    return {
      data,
      contentType: "image/webp",
      width: info.width,
      height: info.height,
      uploadedAs: type,
      hash: createHash("sha256").update(data).digest("hex").slice(0, 10),
    };
  } catch (error) {
    throw unreadable(type, error);
  }
}

function unreadable(type: "png" | "jpeg" | "webp", cause: unknown): LogoImageError {
  const error = new LogoImageError(
    "unreadable",
    `Het bestand begint als ${type.toUpperCase()}, maar de afbeelding is niet te lezen (beschadigd of onvolledig). Sla het logo opnieuw op en probeer het nog eens.`,
  );
  error.cause = cause;
  return error;
}
