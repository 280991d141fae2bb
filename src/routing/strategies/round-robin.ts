// gwcfg extensions (LiteLLM rejects these strategy names).
//  - round-robin: strict rotation over the group's available deployments in config order.
//  - weighted-round-robin: nginx's smooth weighted round robin; with a stable candidate set,
//    every cycle of Σweights picks gives each deployment exactly its weight. Weight =
//    litellm_params.weight, else the entry's top-level weight (LiteLLM ignores that one; the
//    source document uses it), else rpm, else tpm, else 1. Non-positive weights are skipped
//    unless all are non-positive (then all count as 1).
import type { RouteRequest } from '../types.js';
import type { Strategy, StrategyContext } from './strategy.js';

export class RoundRobin implements Strategy {
  private readonly last: Int32Array;

  constructor(ctx: StrategyContext) {
    this.last = new Int32Array(ctx.groupCount).fill(-1);
  }

  pick(cands: Int32Array, n: number, _req: RouteRequest, _nowMs: number, group: number): number {
    const prev = this.last[group];
    let chosen = cands[0];
    for (let i = 0; i < n; i++) {
      if (cands[i] > prev) {
        chosen = cands[i];
        break;
      }
    }
    this.last[group] = chosen;
    return chosen;
  }
}

export class WeightedRoundRobin implements Strategy {
  private readonly current: Float64Array;
  private readonly weights: Float64Array;

  constructor(ctx: StrategyContext) {
    const n = ctx.deployments.length;
    this.current = new Float64Array(n);
    this.weights = new Float64Array(n);
    for (let d = 0; d < n; d++) {
      const dep = ctx.deployments[d];
      const w = dep.weight ?? dep.entryWeight ?? dep.rpm ?? dep.tpm ?? 1;
      this.weights[d] = w > 0 ? w : 0;
    }
  }

  /** The weight the rotation uses for a deployment. */
  weightOf(d: number): number {
    return this.weights[d];
  }

  pick(cands: Int32Array, n: number): number {
    const { current, weights } = this;
    let anyPositive = false;
    for (let i = 0; i < n; i++) if (weights[cands[i]] > 0) anyPositive = true;
    let total = 0;
    let best = -1;
    for (let i = 0; i < n; i++) {
      const d = cands[i];
      const w = anyPositive ? weights[d] : 1;
      if (w <= 0) continue;
      current[d] += w;
      total += w;
      if (best < 0 || current[d] > current[best]) best = d;
    }
    current[best] -= total;
    return best;
  }
}
