// `pnpm -F @vaart/bench profile:summary <file.cpuprofile> [signups]`: where a site process's
// time went, from `node --cpu-prof` (e.g. `node --cpu-prof server.js` under the subscribe
// load). Each sample's time goes to the first of these areas its stack runs in, from the
// outermost frame in; idle time is left out. With the number of answered signups it prints
// milliseconds per signup (docs/decisions/0015-signup-form-post-before-remix.md).
import { readFileSync } from "node:fs";

const [file, signups] = process.argv.slice(2);
if (!file) {
  console.error("usage: profile:summary <file.cpuprofile> [answered signups]");
  process.exit(1);
}
const profile = JSON.parse(readFileSync(file, "utf8"));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map();
for (const node of profile.nodes)
  for (const child of node.children ?? []) parents.set(child, node.id);

const areas = [
  ["start-up (modules, configuration)", /node:internal\/modules|loadServerConfig|startAppServer/],
  ["Remix (Fetch request, routing, action, Response)", /@remix-run|react-dom|undici|fetch-adapter/],
  [
    "Express (middleware)",
    /express@|compression@|serve-static|send@|finalhandler|request-log\.js|guards\.js/,
  ],
  [
    "confirmation mail (slot, compose, write, record)",
    /after-commit|send\.server|transport\.server|nodemailer|site-cap/,
  ],
  [
    "signup statements and commits",
    /subscribe\.server|rate-limit\.server|mailbox-limit|confirmation-token|transaction\.server|kysely|better-sqlite3|pg@|pg-/,
  ],
  ["signup form fast path (read, 303)", /signup-post/],
  ["HTTP parsing and sockets", /node:_http|node:net|stream_base|node:internal\/streams/],
];

const totals = new Map();
let busy = 0;
profile.samples.forEach((id, i) => {
  const micros = profile.timeDeltas[i] ?? 0;
  const leaf = nodes.get(id).callFrame.functionName;
  if (leaf === "(idle)") return;
  busy += micros;
  let area = leaf === "(garbage collector)" ? "garbage collection" : "other";
  if (area === "other") {
    const frames = [];
    for (let at = id; at !== undefined; at = parents.get(at)) {
      const { functionName, url } = nodes.get(at).callFrame;
      frames.unshift(`${functionName} ${url}`);
    }
    area = areas.find(([, test]) => frames.some((frame) => test.test(frame)))?.[0] ?? "other";
  }
  totals.set(area, (totals.get(area) ?? 0) + micros);
});

console.log(`busy ${(busy / 1e6).toFixed(1)} s${signups ? `, ${signups} signups` : ""}`);
for (const [area, micros] of [...totals].sort((a, b) => b[1] - a[1])) {
  const share = `${((100 * micros) / busy).toFixed(1)} %`.padStart(7);
  const each = signups ? `  ${(micros / 1000 / Number(signups)).toFixed(2)} ms per signup` : "";
  console.log(`${share}${each}  ${area}`);
}
