// Latency statistics without keeping samples: an HDR histogram for percentiles, plus an exact
// count, sum and max. Values are recorded in microseconds; with 3 significant digits the
// percentile error is at most 0.1% (2 digits: 1%). Histograms merge by addition, so replications
// and worker threads can be combined exactly.
//
// The bucket layout and the percentile rule are those of hdr-histogram-js (lowestDiscernibleValue
// 1, 32-bit counts), so results are identical to it; recording is a few integer operations (no
// allocation, no Math.log2 per value), because the simulator records three latencies per request.
//
// Memory: the counts live in pages of 128, allocated when a value first lands in them. A dense
// array covering 1 µs .. a few seconds takes ~64 KB whatever the sample count, which made a
// 40,000-deployment run need GBs; latencies of one deployment fill a few pages.

export interface LatencySummary {
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

const US_PER_MS = 1000;
const TWO_POW_32 = 2 ** 32;
const PAGE_BITS = 7;
const PAGE_SIZE = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_SIZE - 1;

export class LatencyHistogram {
  /** log2 of half the sub-bucket count: 10 for 3 digits (2048 sub-buckets), 7 for 2 digits (256). */
  private readonly halfMagnitude: number;
  private readonly subBucketCount: number;
  /** Count pages: counts of indexes [p * PAGE_SIZE, (p + 1) * PAGE_SIZE) in pages[p], or undefined when all 0. */
  private pages: (Int32Array | undefined)[] = [];
  count = 0;
  sum = 0;
  max = 0;
  /** Smallest value recorded (ms); Infinity when empty. */
  min = Infinity;

  constructor(readonly significantDigits: 2 | 3 = 3) {
    const largestWithUnitResolution = 2 * Math.floor(Math.pow(10, significantDigits));
    const subBucketCountMagnitude = Math.ceil(Math.log2(largestWithUnitResolution));
    this.halfMagnitude = (subBucketCountMagnitude > 1 ? subBucketCountMagnitude : 1) - 1;
    this.subBucketCount = 2 ** (this.halfMagnitude + 1);
  }

  record(ms: number): void {
    this.count++;
    this.sum += ms;
    if (ms > this.max) this.max = ms;
    if (ms < this.min) this.min = ms;
    const us = Math.max(0, Math.round(ms * US_PER_MS));
    let index: number;
    if (us < this.subBucketCount) index = us;
    else if (us < TWO_POW_32) {
      // floor(log2(us)) = 31 - clz32(us) for 32-bit integers.
      const bucket = 31 - Math.clz32(us) - this.halfMagnitude;
      index = (bucket << this.halfMagnitude) + (us >>> bucket);
    } else index = this.indexOf(us);
    const page = this.pages[index >>> PAGE_BITS] ?? this.addPage(index >>> PAGE_BITS);
    page[index & PAGE_MASK]++;
  }

  private addPage(p: number): Int32Array {
    while (this.pages.length <= p) this.pages.push(undefined);
    const page = new Int32Array(PAGE_SIZE);
    this.pages[p] = page;
    return page;
  }

  private bucketOf(value: number): number {
    return Math.max(Math.floor(Math.log2(value)) - this.halfMagnitude, 0);
  }

  /** Counts-array index of a value (µs), for any value (the general, slower form). */
  private indexOf(value: number): number {
    const bucket = this.bucketOf(value);
    const sub = Math.floor(value / Math.pow(2, bucket));
    return bucket * 2 ** this.halfMagnitude + sub;
  }

  /** Lowest value (µs) counted at an index. */
  private valueFromIndex(index: number): number {
    const half = 2 ** this.halfMagnitude;
    let bucket = Math.floor(index / half) - 1;
    let sub = (index % half) + half;
    if (bucket < 0) {
      sub -= half;
      bucket = 0;
    }
    return sub * Math.pow(2, bucket);
  }

  /** Highest value (µs) equivalent to `value` at this resolution. */
  private highestEquivalentValue(value: number): number {
    const bucket = this.bucketOf(value);
    const sub = Math.floor(value / Math.pow(2, bucket));
    const lowest = sub * Math.pow(2, bucket);
    const size = Math.pow(2, sub >= this.subBucketCount ? bucket + 1 : bucket);
    return lowest + size - 1;
  }

  /** Adds another histogram's samples to this one. */
  merge(other: LatencyHistogram): void {
    this.count += other.count;
    this.sum += other.sum;
    if (other.max > this.max) this.max = other.max;
    if (other.min < this.min) this.min = other.min;
    const same = other.halfMagnitude === this.halfMagnitude;
    for (let p = 0; p < other.pages.length; p++) {
      const theirs = other.pages[p];
      if (theirs === undefined) continue;
      if (same) {
        const mine = this.pages[p] ?? this.addPage(p);
        for (let i = 0; i < PAGE_SIZE; i++) mine[i] += theirs[i];
        continue;
      }
      // Different resolutions: re-bin each counted value, as hdr-histogram-js does.
      for (let i = 0; i < PAGE_SIZE; i++) {
        if (theirs[i] === 0) continue;
        const index = this.indexOf(other.valueFromIndex(p * PAGE_SIZE + i));
        const page = this.pages[index >>> PAGE_BITS] ?? this.addPage(index >>> PAGE_BITS);
        page[index & PAGE_MASK] += theirs[i];
      }
    }
  }

  /**
   * Value (ms) at a percentile in [0, 100]; 0 when empty. hdr-histogram-js's value, clamped to
   * the exact [min, max] recorded: a bucket's bounds can lie outside what was seen (a p99 above
   * the maximum reads as nonsense).
   */
  percentile(p: number): number {
    const v = this.bucketPercentile(p);
    return this.count === 0 ? 0 : Math.min(this.max, Math.max(this.min, v));
  }

  /** hdr-histogram-js's percentile (ms), unclamped. */
  private bucketPercentile(p: number): number {
    if (this.count === 0) return 0;
    // hdr-histogram-js's rule: the first index whose running count reaches the rank, reported as
    // the highest value equivalent to that bucket (the lowest for p = 0).
    const fpCount = (Math.min(p, 100) / 100) * this.count;
    const ulp = Math.pow(2, Math.floor(Math.log2(fpCount)) - 52);
    const rank = Math.max(Math.ceil(fpCount - ulp), 1);
    let running = 0;
    for (let page = 0; page < this.pages.length; page++) {
      const counts = this.pages[page];
      if (counts === undefined) continue;
      for (let i = 0; i < PAGE_SIZE; i++) {
        running += counts[i];
        if (running >= rank) {
          const value = this.valueFromIndex(page * PAGE_SIZE + i);
          return (p === 0 ? value : this.highestEquivalentValue(value)) / US_PER_MS;
        }
      }
    }
    return 0;
  }

  get mean(): number {
    return this.count === 0 ? 0 : this.sum / this.count;
  }

  summary(): LatencySummary {
    return { mean: this.mean, p50: this.percentile(50), p95: this.percentile(95), p99: this.percentile(99), max: this.max };
  }

  /** Releases the counts (kept for API compatibility; the histogram is plain memory). */
  destroy(): void {
    this.pages = [];
  }
}
