// What every routing strategy implements, and the shared state it reads.
import type { DeploymentView, RandomSource, RouteRequest } from '../types.js';
import type { RouterSettings } from '../config.js';
import type { MinuteUsage } from '../limits.js';
import type { LatencyWindows } from './latency-windows.js';

export interface StrategyContext {
  readonly deployments: readonly DeploymentView[];
  /** Deployment index → state slot (deployments sharing an id share a slot, as in LiteLLM). */
  readonly slotOf: Int32Array;
  /** Deployment index → its model group (model_name) index. */
  readonly groupOf: Int32Array;
  readonly random: RandomSource;
  readonly settings: RouterSettings;
  /** In-flight calls per slot (least-busy). */
  readonly inFlight: Int32Array;
  /** Per-minute usage per slot (usage-based, latency, cost). */
  readonly usage: MinuteUsage;
  readonly latency: LatencyWindows;
  /** Per deployment limits, Infinity when unset: v2 (`is None` chain) and v1/latency/cost (`or` chain). */
  readonly limits: DeploymentLimits;
  /** Number of routable groups (model groups plus internal ones), for per-group strategy state. */
  readonly groupCount: number;
}

export interface DeploymentLimits {
  readonly tpm: Float64Array;
  readonly rpm: Float64Array;
  readonly tpmTruthy: Float64Array;
  readonly rpmTruthy: Float64Array;
  /** Per group: the lowest of each limit over its members (Infinity when none has one). */
  readonly groupMin: {
    readonly tpm: Float64Array;
    readonly rpm: Float64Array;
    readonly tpmTruthy: Float64Array;
    readonly rpmTruthy: Float64Array;
  };
}

/**
 * `members[g]` are the deployments a pick in group g chooses among. The per-group minimums let a
 * pick skip the per-candidate limit tests when even the busiest slot is clear of the lowest limit.
 */
export function buildLimits(deployments: readonly DeploymentView[], members: readonly Int32Array[]): DeploymentLimits {
  const of = (f: (d: DeploymentView) => number | null) => Float64Array.from(deployments, (d) => f(d) ?? Infinity);
  const lowest = (perDeployment: Float64Array) =>
    Float64Array.from(members, (m) => {
      let min = Infinity;
      for (const d of m) {
        const v = perDeployment[d];
        if (Number.isNaN(v)) return NaN; // compares false: the shortcut never applies
        if (v < min) min = v;
      }
      return min;
    });
  const tpm = of((d) => d.tpmLimit);
  const rpm = of((d) => d.rpmLimit);
  const tpmTruthy = of((d) => d.tpmLimitTruthy);
  const rpmTruthy = of((d) => d.rpmLimitTruthy);
  return {
    tpm,
    rpm,
    tpmTruthy,
    rpmTruthy,
    groupMin: { tpm: lowest(tpm), rpm: lowest(rpm), tpmTruthy: lowest(tpmTruthy), rpmTruthy: lowest(rpmTruthy) },
  };
}

export interface Strategy {
  /**
   * Chooses one of `cands[0..n)` (deployment indices in config order, n ≥ 1) for a request
   * routed to `group`. Returns a deployment index, or -1 when the strategy's own limits
   * exclude every candidate. Must not allocate.
   */
  pick(cands: Int32Array, n: number, req: RouteRequest, nowMs: number, group: number): number;
  /**
   * Lower is better; Infinity = excluded by the strategy's limits. Used by the
   * `fallback_strategy` extension to find the candidates within tolerance of the best.
   * Strategies without a score (random / round robin ones) leave it undefined.
   */
  score?(deployment: number, req: RouteRequest, nowMs: number): number;
}

/** Picks the k-th (0-based) candidate whose flag in `mask` is 1; helper for random tie-breaks. */
export function nthMarked(cands: Int32Array, n: number, mask: Uint8Array, k: number): number {
  for (let i = 0; i < n; i++) {
    if (mask[i] === 1) {
      if (k === 0) return cands[i];
      k--;
    }
  }
  return -1;
}

/** Uniform integer in [0, count). */
export function randomIndex(random: RandomSource, count: number): number {
  const k = Math.floor(random() * count);
  return k >= count ? count - 1 : k;
}

/**
 * Whether a request would take a deployment over its rpm/tpm this minute, with limits read the
 * v1/latency/cost way (a 0 or missing limit is no limit). For score(); pick() loops inline it.
 */
export function overTruthyLimits(ctx: StrategyContext, d: number, req: RouteRequest, nowMs: number): boolean {
  const { usage, limits } = ctx;
  const slot = ctx.slotOf[d];
  const current = usage.minute[slot] === usage.minute_(nowMs);
  return (current ? usage.tpm[slot] : 0) + req.inputTokens > limits.tpmTruthy[d] || (current ? usage.rpm[slot] : 0) + 1 > limits.rpmTruthy[d];
}
