import { pngFile } from "@vaart/testing/png";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import {
  LOGO_BOX,
  LOGO_MAX_BYTES,
  LogoImageError,
  prepareLogo,
  sniffImageType,
} from "../src/logo-image.server.js";

/** A real image of the given size and format, drawn by sharp (teal, half transparent). */
function image(width: number, height: number, format: "png" | "jpeg" | "webp" | "gif") {
  return sharp({
    create: { width, height, channels: 4, background: { r: 11, g: 74, b: 111, alpha: 0.5 } },
  })
    .toFormat(format)
    .toBuffer();
}

/**
 * A valid PNG header declaring `width` × `height` grey pixels, followed by a few rows of
 * zeros: a small file that would need width × height bytes to decode.
 */
function decompressionBomb(width: number, height: number): Buffer {
  return pngFile({ width, height, colour: "grey", rows: Buffer.alloc((width + 1) * 4) });
}

async function problemOf(upload: Uint8Array): Promise<LogoImageError> {
  const error = await prepareLogo(upload).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(LogoImageError);
  return error as LogoImageError;
}

describe("an uploaded logo", () => {
  it("is re-encoded as WebP, shrunk into the carousel's box, transparency kept", async () => {
    const logo = await prepareLogo(await image(1200, 400, "png"));
    expect(logo).toMatchObject({
      contentType: "image/webp",
      uploadedAs: "png",
      width: 480,
      height: 160,
    });
    const stored = await sharp(logo.data).metadata();
    expect(stored).toMatchObject({ format: "webp", width: 480, height: 160, hasAlpha: true });
    expect(logo.hash).toMatch(/^[0-9a-f]{10}$/);
  });

  it("accepts JPEG and WebP, and does not enlarge a small logo", async () => {
    const fromJpeg = await prepareLogo(await image(300, 100, "jpeg"));
    expect(fromJpeg).toMatchObject({ uploadedAs: "jpeg", width: 300, height: 100 });
    const fromWebp = await prepareLogo(await image(LOGO_BOX.width, LOGO_BOX.height, "webp"));
    expect(fromWebp).toMatchObject({ uploadedAs: "webp", width: 480, height: 192 });
  });

  it("loses the metadata the author's camera or editor wrote into it", async () => {
    const withExif = await sharp(await image(200, 100, "jpeg"))
      .withExif({ IFD0: { Artist: "Anna de Vries", Copyright: "privé" } })
      .jpeg()
      .toBuffer();
    expect((await sharp(withExif).metadata()).exif).toBeDefined();
    const logo = await prepareLogo(withExif);
    const stored = await sharp(logo.data).metadata();
    expect(stored.exif).toBeUndefined();
    expect(logo.data.includes(Buffer.from("Anna de Vries"))).toBe(false);
  });

  it("drops bytes hidden after the image data (a PNG with a script appended)", async () => {
    const png = await image(200, 100, "png");
    const tampered = Buffer.concat([png, Buffer.from("<?php system($_GET['c']); ?>")]);
    const logo = await prepareLogo(tampered);
    expect(logo.data.includes(Buffer.from("<?php"))).toBe(false);
  });

  it("is judged by its bytes: a PHP file named logo.png is refused", async () => {
    const error = await problemOf(Buffer.from("<?php echo 'hallo'; ?>\n"));
    expect(error.problem).toBe("not-an-accepted-image");
    expect(error.message).toContain("PNG, JPEG of WebP");
    expect(error.message).toContain("inhoud, niet naar de naam");
  });

  it("refuses SVG, also behind an XML declaration and a comment, and says why", async () => {
    const svg = `\uFEFF<?xml version="1.0"?>\n<!-- export -->\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`;
    const error = await problemOf(Buffer.from(svg));
    expect(error.problem).toBe("svg");
    expect(error.message).toMatch(/SVG.*scripts/);
  });

  it("refuses GIF by name", async () => {
    const error = await problemOf(await image(20, 20, "gif"));
    expect(error.problem).toBe("not-an-accepted-image");
    expect(error.message).toContain("GIF");
  });

  it("refuses an empty file and a file over 2 MB, naming the size", async () => {
    expect((await problemOf(new Uint8Array())).problem).toBe("empty");
    const big = Buffer.concat([await image(10, 10, "png"), Buffer.alloc(LOGO_MAX_BYTES)]);
    const error = await problemOf(big);
    expect(error.problem).toBe("too-large");
    expect(error.message).toContain("2 MB");
  });

  it("refuses a decompression bomb from its header, before decoding it", async () => {
    const bomb = decompressionBomb(50_000, 50_000); // 2.5 gigapixels
    expect(bomb.byteLength).toBeLessThan(1_000);
    const started = performance.now();
    const error = await problemOf(bomb);
    expect(error.problem).toBe("too-many-pixels");
    expect(error.message).toContain("50000 × 50000");
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("refuses a truncated image with a message, not a crash", async () => {
    const png = await image(400, 200, "png");
    const error = await problemOf(png.subarray(0, 60));
    expect(error.problem).toBe("unreadable");
    expect(error.message).toContain("PNG");
  });
});

describe("sniffImageType", () => {
  it("knows the formats by their first bytes", async () => {
    expect(sniffImageType(await image(4, 4, "png"))).toBe("png");
    expect(sniffImageType(await image(4, 4, "jpeg"))).toBe("jpeg");
    expect(sniffImageType(await image(4, 4, "webp"))).toBe("webp");
    expect(sniffImageType(Buffer.from("<svg viewBox='0 0 1 1'/>"))).toBe("svg");
    expect(sniffImageType(Buffer.from("RIFF\0\0\0\0WAVEfmt "))).toBeUndefined();
    expect(sniffImageType(Buffer.from("<html><svg></svg></html>"))).toBeUndefined();
  });
});
