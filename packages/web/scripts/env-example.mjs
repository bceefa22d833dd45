// Writes apps/<app>/.env.example from the variable list (src/variables.ts, built to dist/).
// The apps' tests fail when a file differs from what this writes.
import { writeFileSync } from "node:fs";
import { envExample } from "../dist/variables.js";

for (const app of ["site", "landing", "studio"]) {
  const file = new URL(`../../../apps/${app}/.env.example`, import.meta.url);
  writeFileSync(file, envExample(app));
  console.log(`wrote apps/${app}/.env.example`);
}
