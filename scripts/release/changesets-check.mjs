// Every pending changeset names only packages we publish: a note for a private package
// (the apps, @vaart/newsletter, @vaart/web, …) is never read by anyone and tends to drift
// from the code. Prints each offending file and package; exit code 1 if there is one.
// Usage: node scripts/release/changesets-check.mjs [repository root]
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(process.argv[2] ?? ".");
const workspaceDirs = ["apps", "packages"].flatMap((group) =>
  readdirSync(path.join(root, group), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(root, group, entry.name)),
);
const manifests = new Map();
for (const dir of workspaceDirs) {
  try {
    const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
    manifests.set(manifest.name, manifest);
  } catch {
    // A folder without a package.json is no package.
  }
}

const problems = [];
const changesetDir = path.join(root, ".changeset");
for (const file of readdirSync(changesetDir).filter((name) => name.endsWith(".md"))) {
  if (file === "README.md") continue;
  const text = readFileSync(path.join(changesetDir, file), "utf8");
  const frontMatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1];
  if (frontMatter === undefined) {
    problems.push(`.changeset/${file}: no front matter naming a package and a bump`);
    continue;
  }
  for (const line of frontMatter.split("\n").filter((entry) => entry.trim())) {
    const name = /^\s*["']?([^"':]+)["']?\s*:/.exec(line)?.[1];
    const manifest = name ? manifests.get(name) : undefined;
    if (!manifest) problems.push(`.changeset/${file}: "${name ?? line}" is no package here`);
    else if (manifest.private) {
      problems.push(`.changeset/${file}: ${name} is private (never published); remove the note`);
    }
  }
}
if (problems.length > 0) {
  console.error(`Changesets that no consumer will read:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log("Every pending changeset names a published package.");
