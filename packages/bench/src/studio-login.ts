// `pnpm -F @vaart/bench bench:studio-login`: does the studio's answer to a link request take
// as long for an address that is no author's as for an author's? Against the production
// build on SQLite and PostgreSQL: one request at a time, known and unknown addresses
// alternating (each a fresh address from a fresh client address, so no limit is reached),
// medians and 90th percentiles from the same run. Printed, not written.
import { performance } from "node:perf_hooks";
import { freshPostgresSchema, startApp } from "./apps.js";

const rounds = Number(process.env.BENCH_ROUNDS ?? 200);
const warmup = 20;
const authors = Array.from({ length: rounds + warmup }, (_, i) => `auteur-${i}@bench.example`);

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

async function formToken(origin: string): Promise<string> {
  const html = await (await fetch(`${origin}/inloggen`)).text();
  const token = /name="formToken" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error("no form token on the login page");
  return token;
}

async function timeRequest(origin: string, email: string, token: string, i: number) {
  const body = new URLSearchParams({ email, formToken: token });
  const started = performance.now();
  const answer = await fetch(`${origin}/inloggen`, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { "X-Forwarded-For": `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
  });
  await answer.arrayBuffer();
  const ms = performance.now() - started;
  if (answer.status !== 303) throw new Error(`${email}: ${answer.status}, expected 303`);
  return ms;
}

async function measure(label: string, env: Record<string, string>) {
  const app = await startApp("studio", {
    ...env,
    TRUST_PROXY: "1",
    AUTHOR_EMAILS: authors.join(","),
  });
  try {
    const token = await formToken(app.origin);
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < rounds + warmup; i += 1) {
      const a = await timeRequest(app.origin, authors[i] ?? "", token, 2 * i);
      const b = await timeRequest(app.origin, `iemand-${i}@bench.example`, token, 2 * i + 1);
      if (i >= warmup) {
        known.push(a);
        unknown.push(b);
      }
    }
    const row = (name: string, values: number[]) =>
      `| ${label} | ${name} | ${quantile(values, 0.5).toFixed(2)} | ${quantile(values, 0.9).toFixed(2)} |`;
    return [
      row("author", known),
      row("unknown", unknown),
      `| ${label} | ratio of medians (unknown / author) | ${(quantile(unknown, 0.5) / quantile(known, 0.5)).toFixed(2)} | |`,
    ];
  } finally {
    await app.stop();
  }
}

const postgres = freshPostgresSchema("studio_login");
try {
  const lines = [
    `Link requests, ${rounds} of each, one at a time (ms):`,
    "",
    "| database | address | median | p90 |",
    "| --- | --- | --- | --- |",
    ...(await measure("SQLite", {})),
    ...(await measure("PostgreSQL", { DATABASE_URL: postgres.url })),
  ];
  console.log(lines.join("\n"));
} finally {
  postgres.drop();
}
