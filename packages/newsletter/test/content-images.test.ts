import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ContentStoreError } from "../src/content-store/index.js";
import { DRIVERS, setup } from "./helpers.js";

// Bytes that are not a real image: the store keeps what the caller checked, it does not decode.
const bytes = (text: string) => Buffer.from(`RIFF....WEBPVP8 ${text}`, "latin1");
const ANNA = "anna@vaart.nl";
const BEN = "ben@vaart.nl";

describe.each(DRIVERS)("the content image store (%s)", (driver) => {
  it("keeps an image under the hash of its bytes and gives back the same bytes", async () => {
    const env = await setup(driver);
    const images = env.newsletter.contentImages();
    // Every byte value, so a driver that mangled binary (text encoding) would show.
    const data = Buffer.concat([
      bytes("logo"),
      Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
    ]);
    const hash = createHash("sha256").update(data).digest("hex").slice(0, 10);

    const saved = await images.save({
      data,
      contentType: "image/webp",
      width: 480,
      height: 120,
      author: ANNA,
    });
    expect(saved).toMatchObject({ hash, name: `${hash}.webp`, width: 480, height: 120 });

    const found = await images.find(`${hash}.webp`);
    expect(found?.data.equals(data)).toBe(true);
    expect(found).toMatchObject({ contentType: "image/webp", author: ANNA });
    expect((await images.find(hash))?.hash).toBe(hash);

    // The same bytes again (another author, another time): one image, the first row kept.
    const again = await images.save({
      data,
      contentType: "image/webp",
      width: 480,
      height: 120,
      author: BEN,
    });
    expect(again).toMatchObject({ hash, author: ANNA });

    // A name the store never gave, or something that is no name at all: nothing.
    expect(await images.find("0000000000.webp")).toBeNull();
    expect(await images.find("../../etc/passwd")).toBeNull();
    expect(await images.find(`${hash}.svg`)).toBeNull();
  });

  it("finds several at once and leaves unknown names out", async () => {
    const env = await setup(driver);
    const images = env.newsletter.contentImages();
    const a = await images.save({
      data: bytes("a"),
      contentType: "image/webp",
      width: 10,
      height: 10,
      author: ANNA,
    });
    const b = await images.save({
      data: bytes("b"),
      contentType: "image/png",
      width: 20,
      height: 5,
      author: BEN,
    });
    expect(b.name).toBe(`${b.hash}.png`);
    const found = await images.findMany([a.name, b.hash, "ffffffffff.webp", "nonsense", a.name]);
    expect(found.map((image) => image.hash).sort()).toEqual([a.hash, b.hash].sort());
    expect(await images.findMany([])).toEqual([]);
  });

  it("names what is wrong with bad input", async () => {
    const env = await setup(driver);
    const images = env.newsletter.contentImages();
    const good = { data: bytes("x"), contentType: "image/webp", width: 1, height: 1, author: ANNA };
    const refused = (input: object) =>
      // biome-ignore lint/suspicious/noExplicitAny: bad input on purpose
      images.save({ ...good, ...input } as any).then(
        () => "saved",
        (error: unknown) => {
          expect(error).toBeInstanceOf(ContentStoreError);
          return (error as Error).message;
        },
      );
    expect(await refused({ data: Buffer.alloc(0) })).toMatch(/data must be the image's bytes/);
    expect(await refused({ data: "text" })).toMatch(/data must be the image's bytes/);
    expect(await refused({ data: Buffer.alloc(2 * 1024 * 1024 + 1) })).toMatch(
      /at most 2097152 bytes/,
    );
    expect(await refused({ contentType: "image/svg+xml" })).toMatch(
      /contentType must be one of image\/webp, image\/png, image\/jpeg/,
    );
    expect(await refused({ width: 0 })).toMatch(/width must be a whole number/);
    expect(await refused({ height: 1.5 })).toMatch(/height must be a whole number/);
    expect(await refused({ author: " " })).toMatch(/author must be/);
    expect(await images.findMany(["ffffffffff"])).toEqual([]);
  });
});
