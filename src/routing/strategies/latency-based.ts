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
  private readonly tied: Int32Array;
  /** Per group: its members (the candidates when nothing is filtered) and their state slots. */
  private readonly members: readonly Int32Array[];
  private readonly memberSlots: readonly Int32Array[];
  private readonly candSlots: Int32Array;
  /** Per group: 1 when every member has that group as its model group (see pick). */
  private readonly uniform: Uint8Array;
  /** 1 + lowest_latency_buffer: the limit is lowest × factor. */
  private readonly factor: number;
  private readonly oldest: boolean;
  /** Newest release rules and no buffer: the pick is a random one of the ties at the lowest score. */
  private readonly plain: boolean;
  /** How many candidates the last scoring left tied at the lowest score (positions: `tied`). */
  private tieCount = 0;

  constructor(
    private readonly ctx: StrategyContext,
    maxCandidates: number,
    members: readonly Int32Array[],
  ) {
    this.scores = new Float64Array(Math.max(1, maxCandidates));
    this.tied = new Int32Array(Math.max(1, maxCandidates));
    this.candSlots = new Int32Array(Math.max(1, maxCandidates));
    this.members = members;
    this.memberSlots = members.map((m) => Int32Array.from(m, (d) => ctx.slotOf[d]));
    this.uniform = Uint8Array.from(members, (m) => (m.length > 0 && m.every((d) => ctx.groupOf[d] === ctx.groupOf[m[0]]) ? 1 : 0));
    this.factor = 1 + ctx.settings.latency.buffer;
    this.oldest = !ctx.settings.behaviours['latency-buffer-random-pick'];
    this.plain = !this.oldest && this.factor === 1;
  }

  score(d: number, req: RouteRequest, nowMs: number): number {
    if (overTruthyLimits(this.ctx, d, req, nowMs)) return Infinity;
    return this.ctx.latency.score(this.ctx.slotOf[d], this.ctx.groupOf[d], req.stream === true, nowMs);
  }

  /**
   * The common case, kept small so it inlines: no candidate can be over a limit (the busiest slot
   * is clear of the group's lowest limits), every candidate is in group g0 (the pick's group has
   * no other members) and the group's samples are live. LatencyWindows.score() is inlined: the
   * means are kept up to date by the windows (a mean is 0 when the slot has no samples); streams
   * score by TTFT where a slot has some. Anything else: scoreAll.
   */
  pick(cands: Int32Array, n: number, req: RouteRequest, nowMs: number, group: number): number {
    const { usage, limits, slotOf, latency } = this.ctx;
    usage.sync(usage.minute_(nowMs));
    const input = req.inputTokens;
    const generation0 = latency.liveGeneration(this.ctx.groupOf[cands[0]], nowMs);
    if (
      generation0 < 0 ||
      this.uniform[group] !== 1 ||
      !(usage.maxTpmNow + input <= limits.groupMin.tpmTruthy[group] && usage.maxRpmNow + 1 <= limits.groupMin.rpmTruthy[group])
    ) {
      return this.choose(cands, n, this.scoreAll(cands, n, req, nowMs, group));
    }
    const { slotGen, latMean, streamScore } = latency;
    const scores = this.scores;
    // The candidates' state slots: precomputed when the candidates are the whole group.
    let slots: Int32Array;
    if (cands === this.members[group]) slots = this.memberSlots[group];
    else {
      slots = this.candSlots;
      for (let i = 0; i < n; i++) slots[i] = slotOf[cands[i]];
    }
    // The candidates tied at the lowest score, in order (positions in cands), and their number.
    const tied = this.tied;
    let ties = 0;
    let min = Infinity;
    // Streams read the precomputed stream score; others the latency mean, once brought up to date
    // (means left stale by writes to slots with TTFT samples, see LatencyWindows.write).
    let source = streamScore;
    if (req.stream !== true) {
      if (latency.staleSlots > 0) latency.refresh(slots, n);
      source = latMean;
    }
    for (let i = 0; i < n; i++) {
      const slot = slots[i];
      const s = slotGen[slot] !== generation0 ? 0 : source[slot];
      scores[i] = s;
      if (s < min) {
        min = s;
        tied[0] = i;
        ties = 1;
      } else if (s === min) tied[ties++] = i;
    }
    // The default (no buffer, newest releases): one of the ties at random (see choose).
    if (this.plain === true && min !== Infinity) return cands[tied[ties === 1 ? 0 : randomIndex(this.ctx.random, ties)]];
    this.tieCount = ties;
    return this.choose(cands, n, min);
  }

  /** Scores every candidate into `scores` (Infinity = over a limit), lists the ties; returns the lowest score. */
  private scoreAll(cands: Int32Array, n: number, req: RouteRequest, nowMs: number, group: number): number {
    const scores = this.scores;
    const { usage, limits, slotOf, groupOf, latency } = this.ctx;
    const { tpmNow, rpmNow } = usage;
    const { tpmTruthy, rpmTruthy } = limits;
    const input = req.inputTokens;
    const stream = req.stream === true;
    // No candidate can be over a limit when the busiest slot is clear of the group's lowest.
    const test = !(usage.maxTpmNow + input <= limits.groupMin.tpmTruthy[group] && usage.maxRpmNow + 1 <= limits.groupMin.rpmTruthy[group]);
    const { slotGen, latMean, ttftScore, ttftCount } = latency;
    const tied = this.tied;
    let ties = 0;
    let lastGroup = -1;
    let generation = -1;
    let min = Infinity;
    for (let i = 0; i < n; i++) {
      const d = cands[i];
      const slot = slotOf[d];
      let s: number;
      if (test && (tpmNow[slot] + input > tpmTruthy[d] || rpmNow[slot] + 1 > rpmTruthy[d])) s = Infinity;
      else {
        // the group's liveness is read once per group
        const g = groupOf[d];
        if (g !== lastGroup) {
          lastGroup = g;
          generation = latency.liveGeneration(g, nowMs);
        }
        if (generation < 0 || slotGen[slot] !== generation) s = 0;
        else if (stream && ttftCount[slot] > 0) s = ttftScore[slot];
        else s = latency.meanOf(slot);
      }
      scores[i] = s;
      if (s < min) {
        min = s;
        tied[0] = i;
        ties = 1;
      } else if (s === min) tied[ties++] = i;
    }
    this.tieCount = ties;
    return min;
  }

  /** The choice among scored candidates (`scores`, `tied`, `tieCount` set), lowest score `min`. */
  private choose(cands: Int32Array, n: number, min: number): number {
    const scores = this.scores;
    const ties = this.tieCount;
    if (this.oldest) {
      if (min === Infinity) return cands[randomIndex(this.ctx.random, n)];
      for (let i = 0; i < n; i++) if (scores[i] === min) return cands[i];
    }
    if (min === Infinity) return -1;
    // Candidates within lowest × (1 + buffer), in order, then one of them at random: counted,
    // then the k-th found again (no list is built). With no buffer (the default) they are the
    // ties at the lowest score, already listed in order.
    const limit = min * this.factor;
    if (limit === min) return cands[this.tied[ties === 1 ? 0 : randomIndex(this.ctx.random, ties)]];
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
