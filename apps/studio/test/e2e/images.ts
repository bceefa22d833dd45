import { pngFile } from "@vaart/testing/png";

/** Test files for the logo upload, made here so that each is exactly what its test says. */

/** A real RGBA PNG: a coloured bar on a transparent background. */
export function pngLogo(width: number, height: number): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 4); // filter byte 0, then pixels
    for (let x = 0; x < width; x += 1) {
      const inside = y > height / 4 && y < (3 * height) / 4 && x > width / 10;
      row.set(inside ? [0x8a, 0x15, 0x38, 0xff] : [0, 0, 0, 0], 1 + x * 4);
    }
    rows.push(row);
  }
  return pngFile({ width, height, colour: "rgba", rows: Buffer.concat(rows) });
}

/**
 * A decompression bomb: a PNG of a few hundred bytes that declares 20,000 × 20,000 pixels
 * (1.6 GB to decode as RGBA). Its data is the start of that image; the header is what counts.
 */
export function pngBomb(): Buffer {
  return pngFile({ width: 20_000, height: 20_000, colour: "rgba", rows: Buffer.alloc(80_001 * 4) });
}

export const phpScript = Buffer.from("<?php system($_GET['c']); ?>\n", "latin1");

export const svgWithScript = Buffer.from(
  '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="160" height="64"><script>alert(document.cookie)</script><rect width="160" height="64"/></svg>\n',
);

/** Width and height from a WebP file's header (lossy VP8, lossless VP8L or extended VP8X). */
export function webpSize(file: Buffer): { width: number; height: number } {
  if (file.toString("latin1", 0, 4) !== "RIFF" || file.toString("latin1", 8, 12) !== "WEBP") {
    throw new Error("not a WebP file");
  }
  const format = file.toString("latin1", 12, 16);
  if (format === "VP8X") {
    return { width: 1 + file.readUIntLE(24, 3), height: 1 + file.readUIntLE(27, 3) };
  }
  if (format === "VP8L") {
    const bits = file.readUInt32LE(21);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
  }
  if (format === "VP8 ") {
    return { width: file.readUInt16LE(26) & 0x3fff, height: file.readUInt16LE(28) & 0x3fff };
  }
  throw new Error(`unknown WebP format ${format}`);
}
