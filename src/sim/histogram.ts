// Latency statistics without keeping samples: an HDR histogram (hdr-histogram-js) for percentiles,
// plus an exact count, sum and max. Values are recorded in microseconds; with 3 significant
// digits the percentile error is at most 0.1% (2 digits: 1%). Histograms merge by addition, so
// replications and worker threads can be combined exactly.
import { build, type Histogram } from 'hdr-histogram-js';

export interface LatencySummary {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

const US_PER_MS = 1000;
/** One hour in µs: the tracked range grows on demand (autoResize) past it. */
const INITIAL_HIGHEST_US = 3_600_000_000;

export class LatencyHistogram {
  private readonly hist: Histogram;
  count = 0;
  sum = 0;
  max = 0;

  constructor(readonly significantDigits: 2 | 3 = 3) {
    this.hist = build({
      numberOfSignificantValueDigits: significantDigits,
      lowestDiscernibleValue: 1,
      highestTrackableValue: INITIAL_HIGHEST_US,
      autoResize: true,
      bitBucketSize: 32,
    });
  }

  record(ms: number): void {
    this.count++;
    this.sum += ms;
    if (ms > this.max) this.max = ms;
    this.hist.recordValue(Math.max(0, Math.round(ms * US_PER_MS)));
  }

  /** Adds another histogram's samples to this one. */
  merge(other: LatencyHistogram): void {
    this.count += other.count;
    this.sum += other.sum;
    if (other.max > this.max) this.max = other.max;
    this.hist.add(other.hist);
  }

  /** Value (ms) at a percentile in [0, 100]; 0 when empty. */
  percentile(p: number): number {
    if (this.count === 0) return 0;
    // highestEquivalentValue would bias upwards; the histogram reports the bucket's representative value.
    return this.hist.getValueAtPercentile(p) / US_PER_MS;
  }

  get mean(): number {
    return this.count === 0 ? 0 : this.sum / this.count;
  }

  summary(): LatencySummary {
    return { mean: this.mean, p50: this.percentile(50), p95: this.percentile(95), p99: this.percentile(99), max: this.max };
  }

  destroy(): void {
    this.hist.destroy();
  }
}
