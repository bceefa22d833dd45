import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { createNewsletter } from "../src/index.js";
import { MemoryTransport, SECRET } from "./helpers.js";

const options = {
  siteUrl: "https://www.vaart.example",
  mailFrom: "updates@vaart.example",
  secret: SECRET,
  transport: new MemoryTransport(),
};

it("ping answers on a working database (migrating a fresh one) and fails when it is down", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "vaart-ping-"));
  const up = createNewsletter({ ...options, databaseUrl: `sqlite:${path.join(dir, "db.sqlite")}` });
  await expect(up.ping()).resolves.toBeUndefined();
  await up.close();
  // Nothing listens on port 1.
  const down = createNewsletter({
    ...options,
    databaseUrl: "postgres://vaart:vaart@127.0.0.1:1/none",
  });
  await expect(down.ping()).rejects.toThrow();
  await down.close();
});
