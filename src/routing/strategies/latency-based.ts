// latency-based-routing: mean seconds per output token (mean TTFT for streams when known);
// deployments with no data score 0 so they get tried; candidates over their tpm/rpm limits
// (`or`-combined, 0 = unlimited) are excluded; a random pick among those within
// lowest × (1 + lowest_latency_buffer). [2024] first unmeasured wins, else the strict minimum,
// and when limits exclude everything a random candidate is returned anyway.
import type { RouteRequest } from '../types.js';
import { randomIndex, type Strategy, type StrategyContext } from './strategy.js';

export class LatencyBased implements Strategy {
  private readonly scores: Float64Array;
  private readonly within: Int32Array;
  private readonly buffer: number;

  constructor(
    private readonly ctx: StrategyContext,
    maxCandidates: number,
  ) {
    this.scores = new Float64Array(Math.max(1, maxCandidates));
    this.within = new Int32Array(Math.max(1, maxCandidates));
    this.buffer = ctx.settings.latency.buffer;
  }

  score(d: number, req: RouteRequest, nowMs: number): number {
    const { usage, limits } = this.ctx;
    const slot = this.ctx.slotOf[d];
    const current = usage.minute[slot] === usage.minute_(nowMs);
    if ((current ? usage.tpm[slot] : 0) + req.inputTokens > limits.tpmTruthy[d]) return Infinity;
    if ((current ? usage.rpm[slot] : 0) + 1 > limits.rpmTruthy[d]) return Infinity;
    return this.ctx.latency.score(slot, this.ctx.groupOf[d], req.stream === true, nowMs);
  }

  pick(cands: Int32Array, n: number, req: RouteRequest, nowMs: number): number {
    const scores = this.scores;
    const { usage, limits, slotOf, groupOf, latency } = this.ctx;
    const minuteNow = usage.minute_(nowMs);
    const { minute, tpm, rpm } = usage;
    const { tpmTruthy, rpmTruthy } = limits;
    const input = req.inputTokens;
    const stream = req.stream === true;
    // LatencyWindows.score() inlined too: the group's liveness is read once per group, and the
    // means are kept up to date by the windows (a mean is 0 when the slot has no samples).
    const { slotGen, latMean, ttftMean, ttftCount } = latency;
    let lastGroup = -1;
    let generation = -1;
    let min = Infinity;
    for (let i = 0; i < n; i++) {
      const d = cands[i];
      const slot = slotOf[d];
      const current = minute[slot] === minuteNow;
      let s: number;
      if ((current ? tpm[slot] : 0) + input > tpmTruthy[d] || (current ? rpm[slot] : 0) + 1 > rpmTruthy[d]) s = Infinity;
      else {
        const g = groupOf[d];
        if (g !== lastGroup) {
          lastGroup = g;
          generation = latency.liveGeneration(g, nowMs);
        }
        if (generation < 0 || slotGen[slot] !== generation) s = 0;
        else s = stream && ttftCount[slot] > 0 ? ttftMean[slot] : latMean[slot];
      }
      scores[i] = s;
      if (s < min) min = s;
    }
    if (this.ctx.settings.litellmVersion === '2024') {
      if (min === Infinity) return cands[randomIndex(this.ctx.random, n)];
      for (let i = 0; i < n; i++) if (scores[i] === min) return cands[i];
    }
    if (min === Infinity) return -1;
    // Candidates within lowest × (1 + buffer), then one of them at random.
    const limit = min * (1 + this.buffer);
    const within = this.within;
    let count = 0;
    for (let i = 0; i < n; i++) if (scores[i] <= limit) within[count++] = cands[i];
    return count === 1 ? within[0] : within[randomIndex(this.ctx.random, count)];
  }
}
