// Arrival rate of a model group over time, as a base rate and phases where it changes.
// Counts are binned on a grid that coarsens (doubling its width) when it would exceed MAX_BINS,
// so any log length costs bounded memory; rows need not be in time order. Phases come from
// binary segmentation of the binned counts under a piecewise-constant Poisson model with a
// BIC-style penalty per change point.

/** Bins kept per group before the grid coarsens. */
export const MAX_BINS = 4096;
/** Smallest bin: one second. */
const BASE_BIN_MS = 1000;
/** Bins the segmentation works on (coarser bins are merged up to this count). */
const SEGMENT_BINS = 720;
/** At most this many phases are reported. */
const MAX_SEGMENTS = 12;

export interface RatePhase {
  /** Milliseconds from the log's origin. */
  fromMs: number;
  toMs: number;
  /** Requests per second during the phase. */
  ratePerSec: number;
}

export class ArrivalCounter {
  private binMs = BASE_BIN_MS;
  private readonly counts = new Map<number, number>();
  total = 0;

  /** `origin`: epoch ms of t = 0 (the first row of the whole log, so every group shares it). */
  constructor(private readonly origin: number) {}

  add(epochMs: number): void {
    this.total++;
    const k = Math.floor((epochMs - this.origin) / this.binMs);
    this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
    if (this.counts.size > MAX_BINS) this.coarsen();
  }

  private coarsen(): void {
    const merged = new Map<number, number>();
    for (const [k, c] of this.counts) {
      const j = Math.floor(k / 2);
      merged.set(j, (merged.get(j) ?? 0) + c);
    }
    this.binMs *= 2;
    this.counts.clear();
    for (const [k, c] of merged) this.counts.set(k, c);
  }

  /**
   * Piecewise-constant rate over [fromMs, toMs) (ms from the origin): consecutive segments whose
   * Poisson likelihood improves by more than the penalty are split; at most MAX_SEGMENTS.
   */
  phases(fromMs: number, toMs: number): RatePhase[] {
    const span = Math.max(this.binMs, toMs - fromMs);
    // Merge grid bins so the segmentation sees at most SEGMENT_BINS bins, each a whole number of grid bins.
    const per = Math.max(1, Math.ceil(span / this.binMs / SEGMENT_BINS));
    const width = per * this.binMs;
    const first = Math.floor(fromMs / this.binMs);
    const n = Math.max(1, Math.ceil(span / width));
    const bins = new Array<number>(n).fill(0);
    for (const [k, c] of this.counts) {
      const i = Math.floor((k - first) / per);
      if (i >= 0 && i < n) bins[i] += c;
    }
    const cuts = segment(bins);
    const out: RatePhase[] = [];
    for (let s = 0; s < cuts.length - 1; s++) {
      const a = cuts[s];
      const b = cuts[s + 1];
      let c = 0;
      for (let i = a; i < b; i++) c += bins[i];
      const start = fromMs + a * width;
      const end = Math.min(fromMs + span, fromMs + b * width);
      out.push({ fromMs: start, toMs: end, ratePerSec: end > start ? (c * 1000) / (end - start) : 0 });
    }
    return out;
  }
}

/** ln-likelihood of a constant-rate Poisson segment with `count` events over `length` bins (constants dropped). */
function logLik(count: number, length: number): number {
  return count > 0 ? count * Math.log(count / length) : 0;
}

/** Segment boundaries [0, ..., n] by binary segmentation. */
function segment(bins: readonly number[]): number[] {
  const n = bins.length;
  const prefix = [0];
  for (const c of bins) prefix.push(prefix[prefix.length - 1] + c);
  const sum = (a: number, b: number) => prefix[b] - prefix[a];
  // A change point costs 2 parameters (position, new rate): BIC penalty, times 2 for robustness
  // against overdispersion that real traffic has beyond Poisson.
  const penalty = 2 * Math.log(Math.max(n, 2)) * 2;
  const minLen = Math.max(2, Math.floor(n / 100));
  const cuts = new Set<number>([0, n]);
  const queue: Array<[number, number]> = [[0, n]];
  while (queue.length > 0 && cuts.size - 1 < MAX_SEGMENTS) {
    const [a, b] = queue.shift()!;
    const whole = logLik(sum(a, b), b - a);
    let best = -Infinity;
    let at = -1;
    for (let k = a + minLen; k <= b - minLen; k++) {
      const gain = logLik(sum(a, k), k - a) + logLik(sum(k, b), b - k) - whole;
      if (gain > best) {
        best = gain;
        at = k;
      }
    }
    if (at > 0 && best > penalty) {
      cuts.add(at);
      queue.push([a, at], [at, b]);
    }
  }
  return [...cuts].sort((x, y) => x - y);
}
