import type { StoredImage } from "@vaart/newsletter/content-store";
import express from "express";
import { afterAll, describe, expect, it } from "vitest";
import {
  keepUploadedLogos,
  serveUploadedLogo,
  uploadedLogoUrl,
} from "../src/uploaded-logos.server.js";
import { closeServer, serve } from "./http-helpers.js";

const image = (hash: string, data: string): StoredImage => ({
  hash,
  name: `${hash}.webp`,
  contentType: "image/webp",
  data: Buffer.from(data),
  width: 10,
  height: 4,
  author: "anna@vaart.nl",
  createdAt: "2026-12-05T02:00:00.000Z",
});

const app = express();
app.get("/logos/:file", serveUploadedLogo);
app.use((_req, res) => {
  res.status(404).send("niet gevonden");
});
const served = serve(app);
afterAll(async () => closeServer((await served).server));

describe("uploaded logos on a public instance", () => {
  it("reads only the names it does not hold, and serves them from memory for a year", async () => {
    const asked: string[][] = [];
    const find = async (names: readonly string[]) => {
      asked.push([...names]);
      return names.includes("aaaaaaaaaa.webp") ? [image("aaaaaaaaaa", "RIFF-a")] : [];
    };
    expect(uploadedLogoUrl("aaaaaaaaaa.webp")).toBeNull();
    await keepUploadedLogos(["aaaaaaaaaa.webp", "bbbbbbbbbb.webp"], find);
    await keepUploadedLogos(["aaaaaaaaaa.webp"], find);
    // The second call had nothing to read; a name the database lacks is asked again later.
    expect(asked).toEqual([["aaaaaaaaaa.webp", "bbbbbbbbbb.webp"]]);
    expect(uploadedLogoUrl("aaaaaaaaaa.webp")).toBe("/logos/aaaaaaaaaa.webp");
    expect(uploadedLogoUrl("bbbbbbbbbb.webp")).toBeNull();

    const { port } = await served;
    const answer = await fetch(`http://127.0.0.1:${port}/logos/aaaaaaaaaa.webp`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("image/webp");
    expect(answer.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await answer.text()).toBe("RIFF-a");
    const unknown = await fetch(`http://127.0.0.1:${port}/logos/bbbbbbbbbb.webp`);
    expect(unknown.status).toBe(404);
  });
});
