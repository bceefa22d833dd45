// `pnpm -F @vaart/bench bench:content`: only the published-content section (reports/bench.md
// §7), printed, not written. BENCH_CONTENT_RUNS publishes (default 15), BENCH_CONTENT_ROUNDS
// alternating runs per throughput cell (default 3).
import { publicThroughput, publishToVisible } from "./content.js";

console.log(await publishToVisible(Number(process.env.BENCH_CONTENT_RUNS ?? 15)));
console.log();
console.log(
  await publicThroughput(
    Number(process.env.BENCH_SECONDS ?? 10),
    Number(process.env.BENCH_CONNECTIONS ?? 10),
    Number(process.env.BENCH_CONTENT_ROUNDS ?? 3),
  ),
);
