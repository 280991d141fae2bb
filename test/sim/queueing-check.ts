// Assertions shared by the two queueing test files (split so node --test runs them in parallel).
import assert from 'node:assert/strict';
import { plan, replicate, type Estimate, type QueuePoint } from './queueing-helpers.js';

/**
 * Method: R = 8 independent replications (seeds 1..8), first 5% of simulated time discarded.
 * Pass when (a) theory lies inside the 99% Student-t confidence interval of the replication
 * means, and (b) the 95% half-width is at most `precision` of the theoretical value, so (a) is
 * not passed merely by a wide interval. (b) is 4% for means and blocking, 1% for utilisation;
 * high-load points get 150k requests per replication, the others 40k (README: mixing is slow
 * near ρ = 1).
 */
export function checkPoint(point: QueuePoint): void {
  const { replications, requests } = plan(point);
  const r = replicate(point, replications, requests);
  const check = (what: string, e: Estimate, theory: number, precision: number) => {
    const detail = `${point.id} ${what}: simulated ${e.mean.toFixed(5)} ± ${e.h95.toFixed(5)} (95%), theory ${theory}`;
    assert.ok(Math.abs(e.mean - theory) <= e.h99, `${detail}: theory outside the 99% interval`);
    assert.ok(e.h95 <= precision * theory, `${detail}: interval wider than ${precision * 100}% of theory`);
  };
  check('W (s)', r.w, point.expected.w_s, 0.04);
  check('utilisation', r.utilization, point.expected.utilization, 0.01);
  if (point.expected.p_block !== null) check('P(block)', r.block, point.expected.p_block, 0.04);
  else assert.equal(r.block.mean, 0, `${point.id}: an unbounded queue never rejects`);
}
