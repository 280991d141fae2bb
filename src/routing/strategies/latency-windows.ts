// Latency samples per deployment slot for latency-based-routing: at most max_latency_list_size
// samples; the whole group's map expires `ttl` after its last write (LiteLLM caches
// "{group}_map" with that ttl).
import type { LitellmVersion } from '../config.js';

export class LatencyWindows {
  private readonly lat: Float64Array;
  private readonly ttft: Float64Array;
  private readonly latSum: Float64Array;
  private readonly ttftSum: Float64Array;
  /** Mean per slot (sum / count), kept up to date on every write so picks do not divide. */
  readonly latMean: Float64Array;
  readonly ttftMean: Float64Array;
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
    private readonly version: LitellmVersion,
  ) {
    this.lat = new Float64Array(slots * size);
    this.ttft = new Float64Array(slots * size);
    this.latSum = new Float64Array(slots);
    this.ttftSum = new Float64Array(slots);
    this.latMean = new Float64Array(slots);
    this.ttftMean = new Float64Array(slots);
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

  private prepareWrite(slot: number, group: number, nowMs: number): void {
    if (nowMs >= this.groupWrite[group] + this.ttlMs) this.groupGen[group] += 1;
    if (this.slotGen[slot] !== this.groupGen[group]) {
      this.slotGen[slot] = this.groupGen[group];
      this.latCount[slot] = 0;
      this.latMean[slot] = 0;
      this.ttftMean[slot] = 0;
      this.latHead[slot] = 0;
      this.ttftCount[slot] = 0;
      this.ttftHead[slot] = 0;
    }
    this.groupWrite[group] = nowMs;
  }

  private push(buf: Float64Array, sum: Float64Array, mean: Float64Array, count: Int32Array, head: Int32Array, slot: number, value: number): void {
    const base = slot * this.size;
    if (count[slot] < this.size) {
      buf[base + count[slot]] = value;
      count[slot] += 1;
    } else if (this.version === '2026') {
      buf[base + head[slot]] = value; // sliding window of the newest samples
      head[slot] = (head[slot] + 1) % this.size;
    } else {
      buf[base + this.size - 1] = value; // older quirk: keep the first N−1, replace the last
    }
    // Recomputed from the samples (≤ max_latency_list_size) so the mean never drifts.
    let total = 0;
    for (let i = 0, n = count[slot]; i < n; i++) total += buf[base + i];
    sum[slot] = total;
    mean[slot] = total / count[slot];
  }

  /** Records a success: seconds per output token (raw seconds when there are none). */
  addSuccess(slot: number, group: number, latencyMs: number, outputTokens: number, ttftMs: number | undefined, nowMs: number): void {
    this.prepareWrite(slot, group, nowMs);
    const seconds = latencyMs / 1000;
    this.push(this.lat, this.latSum, this.latMean, this.latCount, this.latHead, slot, outputTokens > 0 ? seconds / outputTokens : seconds);
    if (ttftMs !== undefined) {
      const ttft = ttftMs / 1000;
      // [2026] TTFT in seconds; older versions stored it per output token.
      const sample = this.version === '2026' || outputTokens <= 0 ? ttft : ttft / outputTokens;
      this.push(this.ttft, this.ttftSum, this.ttftMean, this.ttftCount, this.ttftHead, slot, sample);
    }
  }

  /** A Timeout appends a 1000 s penalty sample. */
  addTimeoutPenalty(slot: number, group: number, nowMs: number): void {
    this.prepareWrite(slot, group, nowMs);
    this.push(this.lat, this.latSum, this.latMean, this.latCount, this.latHead, slot, 1000);
  }

  /** Mean latency (or mean TTFT for streams when there is TTFT data); 0 with no data. */
  score(slot: number, group: number, stream: boolean, nowMs: number): number {
    if (!this.live(slot, group, nowMs)) return 0;
    if (stream && this.ttftCount[slot] > 0) return this.ttftMean[slot];
    return this.latCount[slot] > 0 ? this.latMean[slot] : 0;
  }

  sampleCount(slot: number, group: number, nowMs: number): number {
    return this.live(slot, group, nowMs) ? this.latCount[slot] : 0;
  }
}
