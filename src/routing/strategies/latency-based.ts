// latency-based-routing: mean seconds per output token (mean TTFT for streams when known, or
// [2026] the routing_strategy_args.ttft_percentile of the TTFT window);
// deployments with no data score 0 so they get tried; candidates over their tpm/rpm limits
// (`or`-combined, 0 = unlimited) are excluded; a random pick among those within
// lowest × (1 + lowest_latency_buffer). [2024] first unmeasured wins, else the strict minimum,
// and when limits exclude everything a random candidate is returned anyway.
import type { RouteRequest } from '../types.js';
import { randomIndex, type Strategy, type StrategyContext, overTruthyLimits } from './strategy.js';

export class LatencyBased implements Strategy {
  private readonly scores: Float64Array;
  private readonly within: Int32Array;
  private readonly withinScore: Float64Array;
  /** 1 + lowest_latency_buffer: the limit is lowest × factor. */
  private readonly factor: number;
  /** lowest × factor never rises as lowest falls (a finite, non-negative factor). */
  private readonly monotone: boolean;
  private readonly oldest: boolean;

  constructor(
    private readonly ctx: StrategyContext,
    maxCandidates: number,
  ) {
    this.scores = new Float64Array(Math.max(1, maxCandidates));
    this.within = new Int32Array(Math.max(1, maxCandidates));
    this.withinScore = new Float64Array(Math.max(1, maxCandidates));
    this.factor = 1 + ctx.settings.latency.buffer;
    this.monotone = Number.isFinite(this.factor) && this.factor >= 0;
    this.oldest = !ctx.settings.behaviours['latency-buffer-random-pick'];
  }

  score(d: number, req: RouteRequest, nowMs: number): number {
    if (overTruthyLimits(this.ctx, d, req, nowMs)) return Infinity;
    return this.ctx.latency.score(this.ctx.slotOf[d], this.ctx.groupOf[d], req.stream === true, nowMs);
  }

  pick(cands: Int32Array, n: number, req: RouteRequest, nowMs: number, group: number): number {
    const { scores, within, withinScore, factor } = this;
    const { usage, limits, slotOf, groupOf, latency } = this.ctx;
    usage.sync(usage.minute_(nowMs));
    const { tpmNow, rpmNow } = usage;
    const { tpmTruthy, rpmTruthy } = limits;
    const input = req.inputTokens;
    const stream = req.stream === true;
    // No candidate can be over a limit when the busiest slot is clear of the group's lowest.
    const test = !(usage.maxTpmNow + input <= limits.groupMin.tpmTruthy[group] && usage.maxRpmNow + 1 <= limits.groupMin.rpmTruthy[group]);
    // LatencyWindows.score() inlined too: the group's liveness is read once per group, and the
    // means are kept up to date by the windows (a mean is 0 when the slot has no samples).
    const { slotGen, latMean, ttftScore, ttftCount } = latency;
    let lastGroup = -1;
    let generation = -1;
    let min = Infinity;
    // Candidates within the running lowest × factor, in order. The running limit only falls, so
    // this keeps every candidate within the final limit; `stale` = the limit fell after some
    // were kept, and they are filtered again at the end.
    let limit = min * factor;
    let count = 0;
    let stale = false;
    for (let i = 0; i < n; i++) {
      const d = cands[i];
      const slot = slotOf[d];
      let s: number;
      if (test && (tpmNow[slot] + input > tpmTruthy[d] || rpmNow[slot] + 1 > rpmTruthy[d])) s = Infinity;
      else {
        const g = groupOf[d];
        if (g !== lastGroup) {
          lastGroup = g;
          generation = latency.liveGeneration(g, nowMs);
        }
        if (generation < 0 || slotGen[slot] !== generation) s = 0;
        else s = stream && ttftCount[slot] > 0 ? ttftScore[slot] : latMean[slot];
      }
      scores[i] = s;
      if (s < min) {
        min = s;
        limit = min * factor;
        if (count > 0) stale = true;
      }
      if (s <= limit) {
        within[count] = d;
        withinScore[count++] = s;
      }
    }
    if (this.oldest) {
      if (min === Infinity) return cands[randomIndex(this.ctx.random, n)];
      for (let i = 0; i < n; i++) if (scores[i] === min) return cands[i];
    }
    if (min === Infinity) return -1;
    // Candidates within lowest × (1 + buffer), then one of them at random.
    if (!this.monotone) {
      count = 0;
      for (let i = 0; i < n; i++) if (scores[i] <= limit) within[count++] = cands[i];
    } else if (stale) {
      let kept = 0;
      for (let j = 0; j < count; j++) if (withinScore[j] <= limit) within[kept++] = within[j];
      count = kept;
    }
    return count === 1 ? within[0] : within[randomIndex(this.ctx.random, count)];
  }
}
