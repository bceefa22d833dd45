import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createComposeWorker } from "../src/mail/compose-worker.server.js";
import { createOutboxTransport } from "../src/mail/transport.server.js";

// Mails are composed on a worker thread (decision 15): each caller must get its own mail
// back, whatever order they finish in, and a closed composer must say so, not hang.

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const mail = (n: number) => ({
  from: "Vaart <hallo@vaart.test>",
  replyTo: "hallo@vaart.test",
  to: `lezer-${n}@example.nl`,
  subject: `Bevestig je aanmelding ${n}`,
  text: `Tekst ${n}`,
  html: `<p>Tekst ${n}</p>`,
  headers: { "List-Unsubscribe": `<https://vaart.test/afmelden/${n}>` },
});

describe("composing mails on a worker thread", () => {
  it("writes 200 mails sent at once to the outbox, each with its own recipient, subject and header", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "compose-worker-"));
    dirs.push(dir);
    const outbox = createOutboxTransport(dir, undefined, { logLinks: false });
    await Promise.all(Array.from({ length: 200 }, (_, n) => outbox.send(mail(n))));
    await outbox.close?.();
    const files = readdirSync(dir).filter((file) => file.endsWith(".eml"));
    expect(files).toHaveLength(200);
    const seen = new Set<number>();
    for (const file of files) {
      const text = readFileSync(path.join(dir, file), "utf8");
      const n = Number(text.match(/^To: lezer-(\d+)@example\.nl$/m)?.[1]);
      expect(text).toMatch(new RegExp(`^Subject: Bevestig je aanmelding ${n}$`, "m"));
      expect(text).toContain(`List-Unsubscribe: <https://vaart.test/afmelden/${n}>`);
      expect(text).toContain(`Tekst ${n}`);
      seen.add(n);
    }
    expect(seen.size).toBe(200);
  });

  it("gives the SMTP envelope of the mail it composed", async () => {
    const composer = createComposeWorker({});
    const composed = await composer.compose(mail(7));
    composer.close();
    expect(composed.envelope).toEqual({ from: "hallo@vaart.test", to: ["lezer-7@example.nl"] });
    // CRLF on the wire.
    expect(composed.message.toString("utf8")).toMatch(/^Subject: Bevestig je aanmelding 7\r$/m);
  });

  it("fails the mails in hand when it is closed, and a new composer works", async () => {
    const composer = createComposeWorker({});
    const pending = composer.compose(mail(1));
    composer.close();
    await expect(pending).rejects.toThrow(/closed/);
    const again = createComposeWorker({});
    await expect(again.compose(mail(2))).resolves.toMatchObject({
      envelope: { to: ["lezer-2@example.nl"] },
    });
    again.close();
  });
});

describe("a mail that cannot be composed", () => {
  it("fails as not sent (the Updates retry it), and the next mail on the same composer goes out", async () => {
    const { classifySmtpError } = await import("../src/updates/worker.server.js");
    const composer = createComposeWorker({});
    // A part nodemailer cannot read: composing fails inside the worker.
    const unreadable = { ...mail(3), attachments: [{ path: "/bestaat/niet.pdf" }] };
    const failure = await composer.compose(unreadable).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    expect(String(failure)).toMatch(/niet\.pdf/);
    expect(classifySmtpError(failure)).toBe("temporary");
    await expect(composer.compose(mail(4))).resolves.toMatchObject({
      envelope: { to: ["lezer-4@example.nl"] },
    });
    composer.close();
  });
});
