// least-busy: the candidate with the fewest in-flight calls; ties broken at random.
// In-flight counts are per deployment id (+1 when a call starts, −1 when it ends).
import type { RouteRequest } from '../types.js';
import { randomIndex, type Strategy, type StrategyContext } from './strategy.js';

export class LeastBusy implements Strategy {
  /** Deployments tied at the fewest in-flight calls so far (scratch). */
  private readonly ties: Int32Array;

  constructor(
    private readonly ctx: StrategyContext,
    maxCandidates: number,
  ) {
    this.ties = new Int32Array(Math.max(1, maxCandidates));
  }

  score(d: number): number {
    return this.ctx.inFlight[this.ctx.slotOf[d]];
  }

  pick(cands: Int32Array, n: number, _req: RouteRequest, _nowMs: number): number {
    const { inFlight, slotOf } = this.ctx;
    const ties = this.ties;
    let min = Infinity;
    let count = 0;
    for (let i = 0; i < n; i++) {
      const d = cands[i];
      const v = inFlight[slotOf[d]];
      if (v < min) {
        min = v;
        count = 0;
      }
      if (v === min) ties[count++] = d;
    }
    return count === 1 ? ties[0] : ties[randomIndex(this.ctx.random, count)];
  }
}
