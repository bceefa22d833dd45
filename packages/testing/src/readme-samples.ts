import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** A fenced code block in the repository's documentation. */
export interface DocSample {
  /** The Markdown file, relative to the repository root. */
  file: string;
  /** The line of the opening fence. */
  line: number;
  /** The fence's language, e.g. "yaml". */
  language: string;
  code: string;
}

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** The READMEs and docs a newcomer follows: the root's, each app's and package's, docs/. */
function documentationFiles(): string[] {
  const files = ["README.md"];
  for (const folder of ["apps", "packages"]) {
    for (const name of readdirSync(path.join(repoRoot, folder))) {
      if (existsSync(path.join(repoRoot, folder, name, "README.md"))) {
        files.push(`${folder}/${name}/README.md`);
      }
    }
  }
  const walk = (folder: string) => {
    for (const entry of readdirSync(path.join(repoRoot, folder), { withFileTypes: true })) {
      const relative = `${folder}/${entry.name}`;
      if (entry.isDirectory()) walk(relative);
      else if (entry.name.endsWith(".md")) files.push(relative);
    }
  };
  if (existsSync(path.join(repoRoot, "docs"))) walk("docs");
  return files;
}

/** Every fenced code block in one of `languages`, as written (so a test checks what people copy). */
export function docSamples(languages: readonly string[]): DocSample[] {
  const samples: DocSample[] = [];
  for (const file of documentationFiles()) {
    const lines = readFileSync(path.join(repoRoot, file), "utf8").split("\n");
    for (let index = 0; index < lines.length; index++) {
      const open = /^(\s*)(`{3,})(\w+)/.exec(lines[index] ?? "");
      if (!open) continue;
      const [, indent = "", fence = "", language = ""] = open;
      const body: string[] = [];
      let end = index + 1;
      while (end < lines.length && !(lines[end] ?? "").trimStart().startsWith(fence)) {
        body.push((lines[end] ?? "").slice(indent.length));
        end++;
      }
      if (languages.includes(language)) {
        samples.push({ file, line: index + 1, language, code: `${body.join("\n")}\n` });
      }
      index = end;
    }
  }
  return samples;
}
