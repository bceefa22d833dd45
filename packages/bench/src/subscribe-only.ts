// `pnpm -F @vaart/bench bench:subscribe`: only the subscribe section (reports/bench.md §4),
// printed, not written: e.g. against a baseline checkout with BENCH_SUBSCRIBE_BASELINE.
import { subscribeThroughput } from "./sections.js";

console.log(
  await subscribeThroughput({
    seconds: Number(process.env.BENCH_SECONDS ?? 10),
    connections: (process.env.BENCH_SUBSCRIBE_CONNECTIONS ?? "10,50").split(",").map(Number),
    runs: Number(process.env.BENCH_SUBSCRIBE_RUNS ?? 3),
    baselineRoot: process.env.BENCH_SUBSCRIBE_BASELINE,
  }),
);
