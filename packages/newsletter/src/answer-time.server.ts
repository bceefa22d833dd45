import { performance } from "node:perf_hooks";
import type { Core } from "./core.server.js";

/**
 * Answer-time floor for "check je mailbox": a new address does more work (a subscriber,
 * a consent record, a token, a mail) than a confirmed subscriber (nothing), and the
 * difference in answer time would tell who subscribed. Every such answer is held until the
 * running 90th percentile of recent answers' own work time, so both paths answer in the
 * same time, and a slow database raises the floor with it.
 */
const SAMPLES = 200;
const QUANTILE = 0.9;
/** A burst of slow answers (a database hiccup) never holds a visitor longer than this. */
const MAX_FLOOR_MS = 1_000;

class AnswerTime {
  private readonly samples: number[] = [];
  /** The same samples, kept sorted (one insertion per answer instead of a sort). */
  private readonly sorted: number[] = [];
  private next = 0;

  floorMs(): number {
    const { sorted } = this;
    if (sorted.length === 0) return 0;
    const at = Math.min(sorted.length - 1, Math.floor(QUANTILE * sorted.length));
    return Math.min(MAX_FLOOR_MS, sorted[at] ?? 0);
  }

  /** Record the work time (not the held time: holding must not feed the floor). */
  record(ms: number): void {
    if (this.samples.length < SAMPLES) {
      this.samples.push(ms);
    } else {
      const old = this.samples[this.next] as number;
      this.samples[this.next] = ms;
      this.sorted.splice(lowerBound(this.sorted, old), 1);
    }
    this.sorted.splice(lowerBound(this.sorted, ms), 0, ms);
    this.next = (this.next + 1) % SAMPLES;
  }
}

/** The first index whose value is not below `value`. */
function lowerBound(values: number[], value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const perCore = new WeakMap<Core, AnswerTime>();

/** A started clock for one answer; `hold()` records its work time and waits for the floor. */
export function startAnswer(core: Core): { hold(): Promise<void> } {
  const started = performance.now();
  return {
    async hold() {
      let answerTime = perCore.get(core);
      if (!answerTime) {
        answerTime = new AnswerTime();
        perCore.set(core, answerTime);
      }
      const worked = performance.now() - started;
      const floor = answerTime.floorMs();
      answerTime.record(worked);
      const wait = floor - (performance.now() - started);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    },
  };
}
