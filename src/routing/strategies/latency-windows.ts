// Latency samples per deployment slot for latency-based-routing: at most max_latency_list_size
// samples; the whole group's map expires `ttl` after its first write (from 1.71.2; before, after its
// last write) (LiteLLM caches "{group}_map" with that ttl).

/** Most largest samples a slot keeps instead of its sorted TTFT window (see LatencyWindows.topK). */
const MAX_TOP_K = 3;

export class LatencyWindows {
  private readonly lat: Float64Array;
  private readonly ttft: Float64Array;
  /** Per slot: running sums of the buffer (see write). */
  private readonly latPre: Float64Array;
  private readonly ttftPre: Float64Array;
  /**
   * Mean latency per slot (sum / count), kept up to date on write so picks do not divide; NaN
   * when a write left it stale (see write): read it through meanOf() when it is NaN.
   */
  readonly latMean: Float64Array;
  /** Per slot: the first latency buffer position whose running sum is stale (size: none). */
  private readonly latStale: Int32Array;
  /** How many slots have a stale latency mean (NaN in latMean; see write). */
  staleSlots = 0;
  /**
   * What a stream scores by when the slot has TTFT data: the TTFT mean, or with [2026]
   * ttft_percentile the percentile of the window (kept up to date on write).
   */
  readonly ttftScore: Float64Array;
  /**
   * What a stream scores by, kept up to date on every write: ttftScore when the slot has TTFT
   * samples, else latMean (so a stream pick reads one array per candidate).
   */
  readonly streamScore: Float64Array;
  /**
   * With ttft_percentile: each slot's TTFT window kept sorted (updated by one removal and one
   * insertion per sample, so writes neither sort nor allocate), and the 1-based nearest rank
   * ceil(p·n) for every window length n.
   */
  private readonly ttftSorted: Float64Array;
  private readonly rankFor: Int32Array;
  /**
   * When the percentile of a full window is among its few largest samples (p90, p95, p99 of the
   * default 10 samples: the 2nd or 1st largest), each slot keeps only its `topK` largest samples,
   * descending, instead of the sorted window (see write). 0: the sorted window serves.
   */
  private readonly topK: number;
  private readonly top: Float64Array;
  /** The samples being written: latency, TTFT (see write). */
  private readonly sample = new Float64Array(2);
  private readonly latCount: Int32Array;
  private readonly latHead: Int32Array;
  readonly ttftCount: Int32Array;
  private readonly ttftHead: Int32Array;
  /** A slot's samples are live iff its generation equals its group's and the group has not expired. */
  readonly slotGen: Int32Array;
  private readonly groupGen: Int32Array;
  private readonly groupWrite: Float64Array;

  constructor(
    slots: number,
    groups: number,
    private readonly size: number,
    private readonly ttlMs: number,
    /** latency-sliding-window (releases.ts): keep the newest samples, TTFT in seconds. */
    private readonly sliding: boolean,
    private readonly ttftPercentile: number | null = null,
    /** latency-map-ttl-first-write (releases.ts, 1.71.2): a live map's ttl is not extended. */
    private readonly ttlFromFirstWrite = true,
  ) {
    this.lat = new Float64Array(slots * size);
    this.ttft = new Float64Array(slots * size);
    this.latPre = new Float64Array(slots * size);
    this.latStale = new Int32Array(slots).fill(size);
    this.ttftPre = new Float64Array(ttftPercentile === null ? slots * size : 0);
    this.latMean = new Float64Array(slots);
    this.ttftScore = new Float64Array(slots);
    this.streamScore = new Float64Array(slots);
    this.ttftSorted = new Float64Array(ttftPercentile === null ? 0 : slots * size);
    this.rankFor = new Int32Array(size + 1);
    if (ttftPercentile !== null) {
      for (let n = 1; n <= size; n++) this.rankFor[n] = Math.min(n, Math.max(1, Math.ceil(ttftPercentile * n)));
    }
    const k = size - this.rankFor[size] + 1; // the full window's percentile is its k-th largest sample
    this.topK = ttftPercentile !== null && size > 0 && k <= MAX_TOP_K ? k : 0;
    this.top = new Float64Array(slots * this.topK);
    this.latCount = new Int32Array(slots);
    this.latHead = new Int32Array(slots);
    this.ttftCount = new Int32Array(slots);
    this.ttftHead = new Int32Array(slots);
    this.slotGen = new Int32Array(slots).fill(-1);
    this.groupGen = new Int32Array(groups);
    this.groupWrite = new Float64Array(groups).fill(-Infinity);
  }

  /** The group's current generation when its samples are live at `nowMs`, else -1 (expired). */
  liveGeneration(group: number, nowMs: number): number {
    return nowMs < this.groupWrite[group] + this.ttlMs ? this.groupGen[group] : -1;
  }

  private live(slot: number, group: number, nowMs: number): boolean {
    return this.slotGen[slot] === this.groupGen[group] && nowMs < this.groupWrite[group] + this.ttlMs;
  }

  private resetSlot(slot: number, group: number): void {
    this.slotGen[slot] = this.groupGen[group];
    this.latCount[slot] = 0;
    this.latMean[slot] = 0;
    if (this.latStale[slot] !== this.size) {
      this.latStale[slot] = this.size;
      this.staleSlots--;
    }
    this.ttftScore[slot] = 0;
    this.streamScore[slot] = 0;
    this.latHead[slot] = 0;
    this.ttftCount[slot] = 0;
    this.ttftHead[slot] = 0;
  }

  // The sum of a window is the left-to-right sum of its buffer (buffer order, from 0.0), exactly
  // as it was computed before: each slot keeps the running sums of its buffer (latPre/ttftPre:
  // entry k is the sum of buffer entries 0..k). A write at buffer position h leaves the sums
  // before h as they are and redoes those from h on, so a filling window adds one sample, the
  // sliding window half of it on average, the older quirk (last entry replaced) one.
  // The samples to write are passed in `sample`, not as arguments: a computed double argument of
  // a call that is not inlined is boxed (an allocation per write).

  /**
   * Where a window's next sample goes (buffer position in the slot's row), counting it in: the
   * next free position while the window fills; when full, the oldest one (sliding window), or
   * with the older quirk the last one (the first N−1 samples are kept).
   */
  private writePosition(counts: Int32Array, heads: Int32Array, slot: number): number {
    const size = this.size;
    const n = counts[slot];
    if (n < size) {
      counts[slot] = n + 1;
      return n;
    }
    if (this.sliding !== true) return size - 1;
    const h = heads[slot];
    heads[slot] = h + 1 === size ? 0 : h + 1;
    return h;
  }

  /** Brings the latency means of these slots up to date (a pick's candidates, before reading latMean). */
  refresh(slots: Int32Array, n: number): void {
    for (let i = 0; i < n; i++) if (this.latStale[slots[i]] !== this.size) this.meanOf(slots[i]);
  }

  /** The slot's latency mean, bringing its running sums up to date first. */
  meanOf(slot: number): number {
    const from = this.latStale[slot];
    const n = this.latCount[slot];
    if (from >= this.size) return this.latMean[slot];
    const buf = this.lat;
    const pre = this.latPre;
    const base = slot * this.size;
    let total = from === 0 ? 0 : pre[base + from - 1];
    for (let i = base + from, end = base + n; i < end; i++) {
      total += buf[i];
      pre[i] = total;
    }
    this.latStale[slot] = this.size;
    this.staleSlots--;
    const mean = total / n;
    this.latMean[slot] = mean;
    return mean;
  }

  /** Records a success: seconds per output token (raw seconds when there are none). */
  addSuccess(slot: number, group: number, latencyMs: number, outputTokens: number, ttftMs: number | undefined, nowMs: number): void {
    const seconds = latencyMs / 1000;
    this.sample[0] = outputTokens > 0 ? seconds / outputTokens : seconds;
    if (ttftMs === undefined) {
      this.write(slot, group, false, nowMs);
      return;
    }
    const ttft = ttftMs / 1000;
    // [2026] TTFT in seconds; older versions stored it per output token.
    this.sample[1] = this.sliding === true || outputTokens <= 0 ? ttft : ttft / outputTokens;
    this.write(slot, group, true, nowMs);
  }

  /** A Timeout appends a 1000 s penalty sample. */
  addTimeoutPenalty(slot: number, group: number, nowMs: number): void {
    this.sample[0] = 1000;
    this.write(slot, group, false, nowMs);
  }

  /**
   * Writes `sample[0]` to the slot's latency window and, with `ttft`, `sample[1]` to its TTFT
   * window, and brings the slot's scores up to date. One function on purpose: V8 does not inline a
   * function this large, so the end of a call costs one call to it, with its steps compiled
   * together, whatever V8's warm-up saw. Split into one method per step, V8 inlined some steps
   * into the router's onCallEnd and called the others, depending on the warm-up (routing bench:
   * ±15 % between processes).
   */
  private write(slot: number, group: number, ttft: boolean, nowMs: number): void {
    // latency-map-ttl-first-write: the map's ttl starts at its first write (groupWrite is the
    // creation time) and later writes never extend it; an expired map starts over. Before 1.71.2
    // every write restarted the ttl.
    if (nowMs >= this.groupWrite[group] + this.ttlMs) {
      this.groupGen[group] += 1;
      this.groupWrite[group] = nowMs;
    } else if (this.ttlFromFirstWrite !== true) this.groupWrite[group] = nowMs;
    if (this.slotGen[slot] !== this.groupGen[group]) this.resetSlot(slot, group);

    const size = this.size;
    const base = slot * size;
    // The latency window.
    const n = this.latCount[slot];
    const h = this.writePosition(this.latCount, this.latHead, slot);
    this.lat[base + h] = this.sample[0];
    if (this.ttftCount[slot] !== 0) {
      // A slot with TTFT samples serves streams by those: its latency mean waits for a
      // non-stream read (meanOf; the sums are the same whenever they are made).
      const stale = this.latStale[slot];
      if (stale === size) this.staleSlots++;
      if (h < stale) this.latStale[slot] = h;
      this.latMean[slot] = NaN;
    } else {
      // Without TTFT samples the mean is never stale (only slots with some go stale, and a slot
      // loses its TTFT samples only when it starts over): the sums from h on, as before.
      const mean = windowMeanAfterWrite(this.lat, this.latPre, base, h, n < size ? n + 1 : size);
      this.latMean[slot] = mean;
      this.streamScore[slot] = mean;
    }
    if (!ttft) return;

    // The TTFT window: its mean, or with ttft_percentile its nearest-rank percentile.
    const sample = this.sample[1];
    const m = this.ttftCount[slot];
    if (this.ttftPercentile === null) {
      const at = this.writePosition(this.ttftCount, this.ttftHead, slot);
      this.ttft[base + at] = sample;
      this.setTtftScore(slot, windowMeanAfterWrite(this.ttft, this.ttftPre, base, at, m < size ? m + 1 : size));
      return;
    }
    if (m < size) {
      this.fillTtftSorted(slot, m, sample);
      return;
    }
    const at = base + this.writePosition(this.ttftCount, this.ttftHead, slot);
    const evicted = this.ttft[at];
    this.ttft[at] = sample;
    const topK = this.topK;
    if (topK > 0) {
      // The k largest samples (descending at `t`): the score is the k-th. An evicted sample below
      // it was not among them, so only the new one can enter; otherwise they are found again in
      // the window (which holds the new sample already). Same value as the sorted window's rank.
      const top = this.top;
      const t = slot * topK;
      const kth = top[t + topK - 1];
      if (evicted < kth) {
        if (sample > kth) {
          let j = t + topK - 1;
          while (j > t && top[j - 1] < sample) {
            top[j] = top[j - 1];
            j--;
          }
          top[j] = sample;
        }
      } else this.findTop(slot, base);
      this.setTtftScore(slot, top[t + topK - 1]);
      return;
    }
    // Otherwise the window is also kept sorted: the sample replaces the evicted one there and
    // moves to its rank (a scan and a shift, never a sort); the score is the ceil(p·n)-th smallest.
    const a = this.ttftSorted;
    const last = base + m - 1;
    let k = base;
    while (k < last && a[k] !== evicted) k++;
    while (k < last && a[k + 1] < sample) {
      a[k] = a[k + 1];
      k++;
    }
    while (k > base && a[k - 1] > sample) {
      a[k] = a[k - 1];
      k--;
    }
    a[k] = sample;
    this.setTtftScore(slot, a[base + this.rankFor[m] - 1]);
  }

  /** The percentile's write while the window fills (the sample takes a new last place, then moves to its rank). */
  private fillTtftSorted(slot: number, n: number, sample: number): void {
    const base = slot * this.size;
    this.ttft[base + n] = sample;
    this.ttftCount[slot] = n + 1;
    const a = this.ttftSorted;
    let k = base + n;
    while (k > base && a[k - 1] > sample) {
      a[k] = a[k - 1];
      k--;
    }
    a[k] = sample;
    this.setTtftScore(slot, a[base + this.rankFor[n + 1] - 1]);
    // The window is full: from now on its largest samples serve (see topK).
    if (n + 1 === this.size && this.topK > 0) {
      const t = slot * this.topK;
      for (let j = 0; j < this.topK; j++) this.top[t + j] = a[base + this.size - 1 - j];
    }
  }

  /**
   * The slot's `topK` largest samples, descending, found in its full TTFT window. Kept in locals
   * while scanning (one loop per k): a random window sends this scan on a fifth of p90 writes.
   */
  private findTop(slot: number, base: number): void {
    const w = this.ttft;
    const end = base + this.size;
    const t = slot * this.topK;
    let a = -Infinity;
    let b = -Infinity;
    if (this.topK === 1) {
      for (let i = base; i < end; i++) if (w[i] > a) a = w[i];
      this.top[t] = a;
      return;
    }
    if (this.topK === 2) {
      for (let i = base; i < end; i++) {
        const v = w[i];
        if (v > b) {
          if (v > a) {
            b = a;
            a = v;
          } else b = v;
        }
      }
      this.top[t] = a;
      this.top[t + 1] = b;
      return;
    }
    let c = -Infinity;
    for (let i = base; i < end; i++) {
      const v = w[i];
      if (v > c) {
        if (v > b) {
          c = b;
          if (v > a) {
            b = a;
            a = v;
          } else b = v;
        } else c = v;
      }
    }
    this.top[t] = a;
    this.top[t + 1] = b;
    this.top[t + 2] = c;
  }

  private setTtftScore(slot: number, score: number): void {
    this.ttftScore[slot] = score;
    this.streamScore[slot] = score;
  }

  /** Mean latency (or the TTFT mean / percentile for streams when there is TTFT data); 0 with no data. */
  score(slot: number, group: number, stream: boolean, nowMs: number): number {
    if (!this.live(slot, group, nowMs)) return 0;
    if (stream && this.ttftCount[slot] > 0) return this.ttftScore[slot];
    return this.latCount[slot] > 0 ? this.meanOf(slot) : 0;
  }

  sampleCount(slot: number, group: number, nowMs: number): number {
    return this.live(slot, group, nowMs) ? this.latCount[slot] : 0;
  }
}

/**
 * Mean of the window buf[base .. base+count) after a write at position h, keeping the running
 * prefix sums pre[] (left to right, so the mean is bit-for-bit the plain left-to-right sum):
 * sums before h are still valid, so only h onwards is summed again.
 */
function windowMeanAfterWrite(buf: Float64Array, pre: Float64Array, base: number, h: number, count: number): number {
  const end = base + count;
  let total = h === 0 ? 0 : pre[base + h - 1];
  for (let i = base + h; i < end; i++) {
    total += buf[i];
    pre[i] = total;
  }
  return total / count;
}
