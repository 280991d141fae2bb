// simple-shuffle (LiteLLM's default): one weighted random draw per request, no state.
// Weights come from litellm_params.weight, else rpm, else tpm, else the pick is uniform.
// [2026] a weight set is used when any candidate has a positive value (missing = 0);
// [≤2025] only when the first candidate has a (truthy) value.
import type { RouteRequest } from '../types.js';
import { randomIndex, type Strategy, type StrategyContext } from './strategy.js';

// Indices into `values`, in LiteLLM's order of preference (rpm is 1).
const WEIGHT = 0;
const TPM = 2;

export class SimpleShuffle implements Strategy {
  /** weight, rpm and tpm per deployment (missing or non-positive = 0), one array per kind. */
  private readonly values: Float64Array[];
  private readonly newest: boolean;

  constructor(private readonly ctx: StrategyContext) {
    const positive = (v: number | null) => (v !== null && v > 0 ? v : 0);
    this.values = [
      Float64Array.from(ctx.deployments, (d) => positive(d.weight)),
      Float64Array.from(ctx.deployments, (d) => positive(d.rpm)),
      Float64Array.from(ctx.deployments, (d) => positive(d.tpm)),
    ];
    this.newest = ctx.settings.behaviours['shuffle-weights-any-candidate'];
  }

  private value(d: number, kind: number): number {
    return this.values[kind][d];
  }

  private usable(cands: Int32Array, n: number, kind: number): boolean {
    if (!this.newest) return this.value(cands[0], kind) > 0;
    for (let i = 0; i < n; i++) if (this.value(cands[i], kind) > 0) return true;
    return false;
  }

  pick(cands: Int32Array, n: number, _req: RouteRequest, _nowMs: number): number {
    if (n === 1) return cands[0];
    for (let kind = WEIGHT; kind <= TPM; kind++) {
      if (!this.usable(cands, n, kind)) continue;
      const values = this.values[kind];
      let total = 0;
      for (let i = 0; i < n; i++) total += values[cands[i]];
      let r = this.ctx.random() * total;
      let last = -1;
      for (let i = 0; i < n; i++) {
        const w = values[cands[i]];
        if (w <= 0) continue;
        last = cands[i];
        r -= w;
        if (r < 0) return cands[i];
      }
      return last; // floating-point remainder
    }
    return cands[randomIndex(this.ctx.random, n)];
  }
}
