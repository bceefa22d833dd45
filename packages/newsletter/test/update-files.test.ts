import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  checkUpdateFiles,
  freezeUpdate,
  freezeUpdateFile,
  listUpdateFiles,
  UpdateFileError,
  updatesFolder,
} from "../src/updates/index.js";

const site = { siteUrl: "https://www.example.nl", siteName: "Vaart in samenwerken" };
const FILE = "apps/site/content/updates/2027-02-updates.md";
const dir = mkdtempSync(path.join(tmpdir(), "vaart-updates-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function update(front: string, body = "Een alinea tekst.\n", file = FILE) {
  return { file, text: `---\n${front}\n---\n\n${body}` };
}

/** The error message freezeUpdate throws for this source. */
function problem(source: { file: string; text: string }): string {
  try {
    freezeUpdate(source, site);
  } catch (error) {
    if (error instanceof UpdateFileError) return error.message;
    throw error;
  }
  throw new Error("the Update was accepted");
}

describe("an Update file", () => {
  it("is read from its front matter, with the slug from the file name", () => {
    const frozen = freezeUpdate(
      update(
        'subject: "Updates februari: samen aan tafel"\npreheader: Kort vooruit\ndate: 2027-02-01',
      ),
      site,
    );
    expect(frozen).toMatchObject({
      slug: "2027-02-updates",
      subject: "Updates februari: samen aan tafel",
      preheader: "Kort vooruit",
      date: "2027-02-01",
    });
    // Without a preheader the field stays empty (the mail still gets a hidden one).
    expect(freezeUpdate(update("subject: Zonder\ndate: 2027-02-01"), site).preheader).toBeNull();
  });

  it("names the file, line and field of each problem in Dutch, all at once", () => {
    const message = problem(
      update(
        "subject:\ndate: 2027-02-30\nauteur: Anna",
        "## Kop\n\nTekst\n\n![foto](https://x.example/a.png)\n",
      ),
    );
    expect(message).toContain(`${FILE} heeft 4 problemen:`);
    expect(message).toContain('regel 2, veld "subject": is leeg');
    expect(message).toContain('regel 3, veld "date": 2027-02-30 bestaat niet als datum');
    expect(message).toContain(
      'regel 4, veld "auteur": een Update kent dit veld niet (wel: subject, preheader, date)',
    );
    // Line 11: `---`, three fields, `---`, a blank line, the heading, a blank line, text, a blank line.
    expect(message).toContain("regel 11: afbeeldingen kunnen niet in een Update");
  });

  it("says which field is missing and how a date is written", () => {
    expect(problem(update("date: 2027-02-01"))).toBe(
      `${FILE}: veld "subject" ontbreekt: zet het in de front matter`,
    );
    expect(problem(update("subject: Hallo"))).toContain('veld "date" ontbreekt');
    expect(problem(update("subject: Hallo\ndate: 1-2-2027"))).toContain(
      'regel 3, veld "date": moet een datum zijn in de vorm JJJJ-MM-DD, bijvoorbeeld 2026-12-01',
    );
  });

  it("refuses a subject that would inject a mail header, or is too long", () => {
    expect(
      problem(update('subject: "Hallo\\r\\nBcc: iedereen@example.nl"\ndate: 2027-02-01')),
    ).toContain(
      'regel 2, veld "subject": bevat een regeleinde (bij teken 6); schrijf het op één regel',
    );
    expect(problem(update('subject: "Hallo\\u0007"\ndate: 2027-02-01'))).toContain(
      'veld "subject": bevat een stuurteken (U+0007, bij teken 6)',
    );
    expect(problem(update('subject: "Omgekeerd \\u202E"\ndate: 2027-02-01'))).toContain(
      "stuurteken (U+202E",
    );
    expect(problem(update(`subject: ${"a".repeat(151)}\ndate: 2027-02-01`))).toContain(
      'veld "subject": is 151 tekens lang; het mag er hoogstens 150 zijn',
    );
    expect(problem(update('subject: ok\npreheader: "twee\\nregels"\ndate: 2027-02-01'))).toContain(
      'veld "preheader": bevat een regeleinde',
    );
  });

  it("explains YAML mistakes with the line, e.g. an unquoted colon", () => {
    expect(problem(update("subject: Updates: februari\ndate: 2027-02-01"))).toMatch(
      /^apps\/site\/content\/updates\/2027-02-updates\.md: regel 2: dit is geen geldige YAML .*Zet tekst met een dubbele punt/,
    );
    expect(problem(update("subject: a\nsubject: b\ndate: 2027-02-01"))).toContain(
      "regel 3: een veld staat er twee keer in",
    );
  });

  it("needs front matter, text below it, and a file name that can be an address", () => {
    expect(problem({ file: FILE, text: "Gewoon tekst\n" })).toContain(
      'regel 1: het bestand moet beginnen met de front matter: een regel "---"',
    );
    expect(problem({ file: FILE, text: "---\nsubject: a\ndate: 2027-02-01\n" })).toContain(
      "de front matter is niet afgesloten",
    );
    expect(problem(update("subject: a\ndate: 2027-02-01", "\n  \n"))).toContain(
      "de Update heeft geen tekst onder de front matter",
    );
    expect(
      problem(update("subject: a\ndate: 2027-02-01", "Tekst", "updates/Feb 2027.md")),
    ).toContain(
      'de bestandsnaam "Feb 2027.md" wordt het adres in het archief: gebruik kleine letters, cijfers en streepjes',
    );
  });

  it("allows only web, mail and site links, naming the line of a bad one", () => {
    const body = "Eerst.\n\nZie [dit](javascript:alert(1)) en\n[dat](ftp://x.example/f).\n";
    const message = problem(update("subject: a\ndate: 2027-02-01", body));
    expect(message).toContain('regel 8: de link "javascript:alert(1)" kan niet in een Update');
    expect(message).toContain('regel 9: de link "ftp://x.example/f" kan niet in een Update');
    expect(problem(update("subject: a\ndate: 2027-02-01", "[x](data:text/html,hoi)"))).toContain(
      "gebruik een adres dat begint met https://, http:// of mailto:",
    );
    // The title is the subject; a body heading with one # is refused, with what to write.
    expect(problem(update("subject: a\ndate: 2027-02-01", "# Titel\n"))).toContain(
      "regel 6: een kop met één # is de titel",
    );
    expect(
      problem(update("subject: a\ndate: 2027-02-01", "| a | b |\n|---|---|\n| 1 | 2 |\n")),
    ).toContain("regel 6: tabellen kunnen niet in een Update");
  });

  it("is frozen from its file with the SHA-256 of its bytes", async () => {
    const file = path.join(dir, "2027-04-updates.md");
    const text = "---\nsubject: April\ndate: 2027-04-01\n---\n\nTekst.\n";
    writeFileSync(file, text);
    const frozen = await freezeUpdateFile(file, site);
    expect(frozen.slug).toBe("2027-04-updates");
    expect(frozen.sourceHash).toBe(createHash("sha256").update(text).digest("hex"));
    await expect(freezeUpdateFile(path.join(dir, "bestaat-niet.md"), site)).rejects.toThrow(
      "dit bestand bestaat niet",
    );
    const latin1 = path.join(dir, "latin1.md");
    writeFileSync(latin1, Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0x0a]));
    await expect(freezeUpdateFile(latin1, site)).rejects.toThrow("het bestand is geen UTF-8-tekst");
  });

  it("checks every file of a folder and reports each broken one", async () => {
    const folder = mkdtempSync(path.join(dir, "folder-"));
    writeFileSync(
      path.join(folder, "goed.md"),
      "---\nsubject: Goed\ndate: 2027-01-01\n---\n\nTekst.\n",
    );
    writeFileSync(path.join(folder, "fout.md"), "---\nsubject: Fout\n---\n\nTekst.\n");
    writeFileSync(path.join(folder, "notities.txt"), "geen Update");
    const report = await checkUpdateFiles(await listUpdateFiles(folder));
    expect(report.checked.map((c) => c.slug)).toEqual(["goed"]);
    expect(report.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/fout\.md: veld "date" ontbreekt/),
    ]);
  });

  it("the Updates in the repository pass the check", async () => {
    const files = await listUpdateFiles(updatesFolder());
    expect(files.length).toBeGreaterThan(0);
    const report = await checkUpdateFiles(files);
    expect(report.problems.map((p) => p.message)).toEqual([]);
    const first = readFileSync(path.join(updatesFolder(), "2026-12-updates.md"), "utf8");
    expect(first).toMatch(/^---\nsubject: /);
  });
});
