// cost-based-routing: input + output price per token as lowest_cost.py reads it (truthy
// litellm_params prices, else LiteLLM's model map by the exact litellm_params.model, else 5.0 USD
// per token each; see model-map/lookup.ts routingPrice); candidates over their tpm/rpm limits
// excluded; the first minimum wins (stable, no randomness). routing_strategy_args are ignored, as in LiteLLM.
import type { RouteRequest } from '../types.js';
import type { Strategy, StrategyContext } from './strategy.js';
import { overTruthyLimits } from './strategy.js';

export class CostBased implements Strategy {
  private readonly cost: Float64Array;

  constructor(private readonly ctx: StrategyContext) {
    this.cost = Float64Array.from(ctx.deployments, (dep) => dep.routingCostPerToken);
  }

  score(d: number, req: RouteRequest, nowMs: number): number {
    if (overTruthyLimits(this.ctx, d, req, nowMs)) return Infinity;
    return this.cost[d];
  }

  pick(cands: Int32Array, n: number, req: RouteRequest, nowMs: number): number {
    const { usage, limits, slotOf } = this.ctx;
    usage.sync(usage.minute_(nowMs));
    const { tpmNow, rpmNow } = usage;
    const { tpmTruthy, rpmTruthy } = limits;
    const cost = this.cost;
    const input = req.inputTokens;
    let best = -1;
    let min = Infinity;
    for (let i = 0; i < n; i++) {
      // score() inlined with hoisted state: this loop is the hot path.
      const d = cands[i];
      const slot = slotOf[d];
      if (tpmNow[slot] + input > tpmTruthy[d] || rpmNow[slot] + 1 > rpmTruthy[d]) continue;
      const s = cost[d];
      if (s < min) {
        min = s;
        best = d;
      }
    }
    return best;
  }
}
