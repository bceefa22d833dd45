import { createHash } from "node:crypto";
import type { DatabaseHandle } from "../db/connect.server.js";
import { ContentStoreError } from "./errors.js";

/**
 * Images uploaded in the studio (client logos), stored in the app database beside the
 * content versions that name them. The caller has checked and re-encoded the image
 * (`prepareLogo` in @vaart/content); the store only keeps the bytes, keyed by their hash, so
 * a name like `3f9a0c41d2.webp` always means the same image and can be cached for a year.
 */

/** The types an image may be stored as, with the file extension its name gets. */
export const imageTypes = {
  "image/webp": "webp",
  "image/png": "png",
  "image/jpeg": "jpg",
} as const;

export type ImageContentType = keyof typeof imageTypes;

/** A stored image is at most this big (a re-encoded logo is a few tens of KB). */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;

export interface NewImage {
  data: Uint8Array;
  contentType: ImageContentType;
  width: number;
  height: number;
  author: string;
}

export interface StoredImage {
  /** First 10 hex digits of the SHA-256 of `data`. */
  hash: string;
  /** `<hash>.<extension>`: the name a content version uses and the public URL's file name. */
  name: string;
  contentType: ImageContentType;
  data: Buffer;
  width: number;
  height: number;
  author: string;
  createdAt: string;
}

export interface ContentImageStore {
  /** Keeps the image (once: the same bytes again return the stored row) and returns it. */
  save(image: NewImage): Promise<StoredImage>;
  /** The image with this name (`<hash>.<extension>`) or hash, or null. */
  find(nameOrHash: string): Promise<StoredImage | null>;
  /** The images among these names or hashes that exist (unknown ones are left out). */
  findMany(namesOrHashes: readonly string[]): Promise<StoredImage[]>;
}

/** The hash in an image name or a bare hash, or null when it is neither. */
export function imageHashOf(nameOrHash: string): string | null {
  const match = /^([0-9a-f]{10})(?:\.(webp|png|jpg))?$/.exec(nameOrHash);
  return match?.[1] ?? null;
}

export function imageHash(data: Uint8Array): string {
  return createHash("sha256").update(data).digest("hex").slice(0, 10);
}

interface ImageRow {
  hash: string;
  content_type: string;
  data: Buffer | Uint8Array;
  width: number | string;
  height: number | string;
  author: string;
  created_at: string;
}

function toImage(row: ImageRow): StoredImage {
  const contentType = row.content_type as ImageContentType;
  return {
    hash: row.hash,
    name: `${row.hash}.${imageTypes[contentType] ?? "bin"}`,
    contentType,
    data: Buffer.isBuffer(row.data) ? row.data : Buffer.from(row.data),
    width: Number(row.width),
    height: Number(row.height),
    author: row.author,
    createdAt: row.created_at,
  };
}

export function createContentImageStore(
  handle: DatabaseHandle,
  options: { now: () => Date; ready: () => Promise<void> },
): ContentImageStore {
  const { now, ready } = options;
  const select = () => handle.db.selectFrom("content_images").selectAll();

  return {
    async save(image) {
      if (!(image?.data instanceof Uint8Array) || image.data.byteLength === 0) {
        throw new ContentStoreError("input", "data must be the image's bytes");
      }
      if (image.data.byteLength > MAX_IMAGE_BYTES) {
        throw new ContentStoreError("input", `data must be at most ${MAX_IMAGE_BYTES} bytes`);
      }
      if (!Object.hasOwn(imageTypes, image.contentType)) {
        throw new ContentStoreError(
          "input",
          `contentType must be one of ${Object.keys(imageTypes).join(", ")} (got ${JSON.stringify(image.contentType)})`,
        );
      }
      for (const side of ["width", "height"] as const) {
        const value = image[side];
        if (!Number.isSafeInteger(value) || value < 1 || value > 100_000) {
          throw new ContentStoreError("input", `${side} must be a whole number of pixels`);
        }
      }
      if (typeof image.author !== "string" || !image.author.trim() || image.author.length > 320) {
        throw new ContentStoreError(
          "input",
          "author must be the author's address (1–320 characters)",
        );
      }
      await ready();
      const data = Buffer.from(image.data);
      const hash = imageHash(data);
      await handle.db
        .insertInto("content_images")
        .values({
          hash,
          content_type: image.contentType,
          data,
          width: image.width,
          height: image.height,
          author: image.author.trim(),
          created_at: now().toISOString(),
        })
        // The same bytes uploaded again (or by two authors at once) are one image.
        .onConflict((oc) => oc.column("hash").doNothing())
        .execute();
      const stored = await select().where("hash", "=", hash).executeTakeFirstOrThrow();
      if (!data.equals(Buffer.from(stored.data))) {
        // Two images with the same 40-bit hash prefix: never serve one as the other.
        throw new ContentStoreError("conflict", `another image is stored under hash ${hash}`);
      }
      return toImage(stored);
    },

    async find(nameOrHash) {
      const hash = typeof nameOrHash === "string" ? imageHashOf(nameOrHash) : null;
      if (!hash) return null;
      await ready();
      const row = await select().where("hash", "=", hash).executeTakeFirst();
      return row ? toImage(row) : null;
    },

    async findMany(namesOrHashes) {
      const hashes = [
        ...new Set(namesOrHashes.map((name) => imageHashOf(name)).filter((h) => h !== null)),
      ];
      if (hashes.length === 0) return [];
      await ready();
      const rows = await select().where("hash", "in", hashes).execute();
      return rows.map(toImage);
    },
  };
}
