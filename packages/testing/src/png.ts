import { crc32, deflateSync } from "node:zlib";

/**
 * PNG files made byte by byte for upload tests: each is exactly what its test says (a real
 * image, or a header that declares more than the file holds).
 */

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A PNG whose header declares `width` × `height` pixels of `colour` (8 bits per channel), with
 * `rows` (filter byte + pixels per row, as many rows as given) as its image data.
 */
export function pngFile(options: {
  width: number;
  height: number;
  colour: "grey" | "rgba";
  rows: Buffer;
}): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(options.width, 0);
  header.writeUInt32BE(options.height, 4);
  header[8] = 8;
  header[9] = options.colour === "grey" ? 0 : 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(options.rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
