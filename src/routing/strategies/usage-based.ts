// usage-based-routing (v1) and usage-based-routing-v2: lowest tokens used this minute among the
// candidates still under their limits.
import type { RouteRequest } from '../types.js';
import { randomIndex, type Strategy, type StrategyContext } from './strategy.js';

/**
 * v2: limits resolved with `is None` checks (0 is a hard zero); exclude when
 * tpm_used + input > tpm or rpm_used + 1 >= rpm (so an rpm of N admits N−1 picks per minute
 * through selection; the pre-call check in Router.onCallStart enforces N). Lowest tpm_used wins,
 * random among ties. Before 1.56.3 the selection rpm test never fired (key mismatch).
 */
export class UsageBasedV2 implements Strategy {
  /** Deployments tied at the lowest usage so far (scratch, no allocation per pick). */
  private readonly ties: Int32Array;
  private readonly checkRpm: boolean;
  /** Per deployment: the rpm_used at which selection excludes it (Infinity when never). */
  private readonly rpmCap: Float64Array;
  private readonly groupRpmCap: Float64Array;

  /** Per group: its members (the candidates when nothing is filtered) and their state slots. */
  private readonly members: readonly Int32Array[];
  private readonly memberSlots: readonly Int32Array[];
  private readonly candSlots: Int32Array;

  constructor(
    private readonly ctx: StrategyContext,
    maxCandidates: number,
    members: readonly Int32Array[],
  ) {
    this.ties = new Int32Array(Math.max(1, maxCandidates));
    this.candSlots = new Int32Array(Math.max(1, maxCandidates));
    this.members = members;
    this.memberSlots = members.map((m) => Int32Array.from(m, (d) => ctx.slotOf[d]));
    this.checkRpm = ctx.settings.behaviours['usage-v2-precall-rpm-check'];
    this.rpmCap = this.checkRpm ? ctx.limits.rpm.map((rpm) => rpm - 1) : new Float64Array(ctx.limits.rpm.length).fill(Infinity);
    this.groupRpmCap = this.checkRpm ? ctx.limits.groupMin.rpm.map((rpm) => rpm - 1) : new Float64Array(ctx.groupCount).fill(Infinity);
  }

  score(d: number, req: RouteRequest, nowMs: number): number {
    const { usage, limits } = this.ctx;
    const slot = this.ctx.slotOf[d];
    const current = usage.minute[slot] === usage.minute_(nowMs);
    const tpmUsed = current ? usage.tpm[slot] : 0;
    if (tpmUsed + req.inputTokens > limits.tpm[d]) return Infinity;
    if (this.checkRpm && (current ? usage.rpm[slot] : 0) + 1 >= limits.rpm[d]) return Infinity;
    return tpmUsed;
  }

  pick(cands: Int32Array, n: number, req: RouteRequest, nowMs: number, group: number): number {
    // score() inlined with hoisted state: this loop is the hot path.
    const { usage, limits, slotOf } = this.ctx;
    usage.sync(usage.minute_(nowMs));
    const { tpmNow, rpmNow } = usage;
    const tpmLimit = limits.tpm;
    // rpm_used + 1 >= rpm as rpm_used >= rpm − 1 (exact: counts are small integers).
    const rpmCap = this.rpmCap;
    const input = req.inputTokens;
    // No candidate can be over a limit when the busiest slot is clear of the group's lowest.
    const test = !(usage.maxTpmNow + input <= limits.groupMin.tpm[group] && usage.maxRpmNow < this.groupRpmCap[group]);
    const ties = this.ties;
    let min = Infinity;
    let count = 0;
    if (!test) {
      // Nobody can be over a limit: the lowest usage wins, read through the candidates' state
      // slots (precomputed when the candidates are the whole group); ties are kept as positions.
      let slots: Int32Array;
      if (cands === this.members[group]) slots = this.memberSlots[group];
      else {
        slots = this.candSlots;
        for (let i = 0; i < n; i++) slots[i] = slotOf[cands[i]];
      }
      for (let i = 0; i < n; i++) {
        const tpmUsed = tpmNow[slots[i]];
        if (tpmUsed <= min) {
          if (tpmUsed < min) {
            min = tpmUsed;
            count = 0;
          }
          ties[count++] = i;
        }
      }
      if (count === 0) return -1; // NaN usage everywhere
      return cands[ties[count === 1 ? 0 : randomIndex(this.ctx.random, count)]];
    }
    for (let i = 0; i < n; i++) {
      const d = cands[i];
      const slot = slotOf[d];
      const tpmUsed = tpmNow[slot];
      if (test && (tpmUsed + input > tpmLimit[d] || rpmNow[slot] >= rpmCap[d])) continue;
      if (tpmUsed <= min) {
        if (tpmUsed < min) {
          min = tpmUsed;
          count = 0;
        }
        ties[count++] = d;
      }
    }
    if (count === 0) return -1;
    return count === 1 ? ties[0] : ties[randomIndex(this.ctx.random, count)];
  }
}

/**
 * v1 (deterministic). From 1.35.33 (usage-v1-is-none-limits) limits resolve `is None`; before, an
 * `or` chain (0 means unlimited). See pick(). LiteLLM walks used ids in first-use order; gwcfg
 * walks config order.
 */
export class UsageBasedV1 implements Strategy {
  /** usage-v1-is-none-limits (releases.ts): the newer selection rules. */
  private readonly isNone: boolean;

  constructor(private readonly ctx: StrategyContext) {
    this.isNone = ctx.settings.behaviours['usage-v1-is-none-limits'];
  }

  score(d: number, req: RouteRequest, nowMs: number): number {
    const slot = this.ctx.slotOf[d];
    const dep = this.ctx.deployments[d];
    const tpmUsed = this.ctx.usage.tpmUsed(slot, nowMs);
    if (this.isNone) {
      const rpmUsed = this.ctx.usage.rpmUsed(slot, nowMs);
      if (tpmUsed + req.inputTokens > this.ctx.limits.tpm[d]) return Infinity;
      if (rpmUsed > 0 && rpmUsed + 1 >= this.ctx.limits.rpm[d]) return Infinity;
      return tpmUsed;
    }
    if (tpmUsed === 0) return 0;
    if (tpmUsed + req.inputTokens > (dep.tpmLimitTruthy ?? Infinity)) return Infinity;
    if (this.ctx.usage.rpmUsed(slot, nowMs) + 1 > (dep.rpmLimitTruthy ?? Infinity)) return Infinity;
    return tpmUsed;
  }

  /**
   * From 1.35.33 (lowest_tpm_rpm.py): every candidate (used ones first in LiteLLM, config order here)
   * must pass `tpm_used + input <= tpm` and, once it has served this minute, `rpm_used + 1 < rpm`;
   * the lowest tpm_used wins (first minimum), so an unused deployment within limits beats a used one.
   * Before: the first fitting deployment when the group is idle, else an unused one at once.
   */
  pick(cands: Int32Array, n: number, req: RouteRequest, nowMs: number): number {
    const { deployments, usage, groupOf, slotOf, limits } = this.ctx;
    const isNone = this.isNone;
    if (!isNone && !usage.groupActive(groupOf[cands[0]], nowMs)) {
      for (let i = 0; i < n; i++) {
        if ((deployments[cands[i]].tpmLimitTruthy ?? Infinity) >= req.inputTokens) return cands[i];
      }
      return -1;
    }
    usage.sync(usage.minute_(nowMs));
    const { tpmNow, rpmNow } = usage;
    const input = req.inputTokens;
    let best = -1;
    let min = Infinity;
    for (let i = 0; i < n; i++) {
      // score() inlined with hoisted state: this loop is the hot path.
      const d = cands[i];
      const slot = slotOf[d];
      const tpmUsed = tpmNow[slot];
      const rpmUsed = rpmNow[slot];
      if (isNone) {
        if (tpmUsed + input > limits.tpm[d] || (rpmUsed > 0 && rpmUsed + 1 >= limits.rpm[d])) continue;
      } else {
        if (tpmUsed === 0) return d;
        if (tpmUsed + input > limits.tpmTruthy[d] || rpmUsed + 1 > limits.rpmTruthy[d]) continue;
      }
      if (tpmUsed < min) {
        min = tpmUsed;
        best = d;
      }
    }
    return best;
  }
}
