// latency-based-routing: mean seconds per output token (mean TTFT for streams when known, or
// [2026] the routing_strategy_args.ttft_percentile of the TTFT window);
// deployments with no data score 0 so they get tried; candidates over their tpm/rpm limits
// (`or`-combined, 0 = unlimited) are excluded; a random pick among those within
// lowest × (1 + lowest_latency_buffer). Before 1.35.34 (latency-buffer-random-pick) the first unmeasured wins, else the strict minimum,
// and when limits exclude everything a random candidate is returned anyway.
import type { RouteRequest } from '../types.js';
import { randomIndex, type Strategy, type StrategyContext, overTruthyLimits } from './strategy.js';

export class LatencyBased implements Strategy {
  private readonly scores: Float64Array;
  /** 1 + lowest_latency_buffer: the limit is lowest × factor. */
  private readonly factor: number;
  private readonly oldest: boolean;

  constructor(
    private readonly ctx: StrategyContext,
    maxCandidates: number,
  ) {
    this.scores = new Float64Array(Math.max(1, maxCandidates));
    this.factor = 1 + ctx.settings.latency.buffer;
    this.oldest = !ctx.settings.behaviours['latency-buffer-random-pick'];
  }

  score(d: number, req: RouteRequest, nowMs: number): number {
    if (overTruthyLimits(this.ctx, d, req, nowMs)) return Infinity;
    return this.ctx.latency.score(this.ctx.slotOf[d], this.ctx.groupOf[d], req.stream === true, nowMs);
  }

  pick(cands: Int32Array, n: number, req: RouteRequest, nowMs: number, group: number): number {
    const scores = this.scores;
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
    // The first candidate at the lowest score and how many share it.
    let first = 0;
    let ties = 0;
    const g0 = groupOf[cands[0]];
    const generation0 = latency.liveGeneration(g0, nowMs);
    if (!test && !stream && generation0 >= 0) {
      // The common case, one loop without the limit and stream tests: no candidate can be over a
      // limit, and the group's samples are live.
      for (let i = 0; i < n; i++) {
        const d = cands[i];
        const slot = slotOf[d];
        const s = groupOf[d] !== g0 ? this.score(d, req, nowMs) : slotGen[slot] !== generation0 ? 0 : latMean[slot];
        scores[i] = s;
        if (s < min) {
          min = s;
          first = i;
          ties = 1;
        } else if (s === min) ties++;
      }
    } else for (let i = 0; i < n; i++) {
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
        first = i;
        ties = 1;
      } else if (s === min) ties++;
    }
    if (this.oldest) {
      if (min === Infinity) return cands[randomIndex(this.ctx.random, n)];
      for (let i = 0; i < n; i++) if (scores[i] === min) return cands[i];
    }
    if (min === Infinity) return -1;
    // Candidates within lowest × (1 + buffer), in order, then one of them at random: counted,
    // then the k-th found again (no list is built). With no buffer (the default) they are the
    // ties at the lowest score, already counted, none before `first`.
    const limit = min * this.factor;
    if (limit === min) {
      let k = ties === 1 ? 0 : randomIndex(this.ctx.random, ties);
      for (let i = first; i < n; i++) if (scores[i] === min && k-- === 0) return cands[i];
    }
    let count = 0;
    for (let i = 0; i < n; i++) if (scores[i] <= limit) count++;
    if (count === 0) {
      // A buffer below 0 leaves nobody within (LiteLLM's random.choice of an empty list raises):
      // as before this change, one draw and no deployment.
      randomIndex(this.ctx.random, 0);
      return undefined as unknown as number;
    }
    let k = count === 1 ? 0 : randomIndex(this.ctx.random, count);
    for (let i = 0; i < n; i++) if (scores[i] <= limit && k-- === 0) return cands[i];
    return -1; // not reached
  }
}
