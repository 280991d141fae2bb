// Client arrival processes: Poisson (exponential gaps) or constant spacing, with piecewise-
// constant rate multipliers (phases). A Poisson gap that crosses a rate change is redrawn from the
// change point, which is exact because the exponential distribution is memoryless.
import type { Uniform } from './rng.js';
import type { TrafficSource } from './scenario.js';

export class ArrivalProcess {
  /** Times where the rate changes, ascending. */
  private readonly changes: number[];

  constructor(readonly source: TrafficSource) {
    const points = new Set<number>();
    for (const p of source.phases) {
      points.add(p.fromMs);
      points.add(p.toMs);
    }
    this.changes = [...points].sort((a, b) => a - b);
  }

  /** Requests per millisecond at time t (overlapping phases multiply). */
  rateAt(t: number): number {
    let multiplier = 1;
    for (const p of this.source.phases) if (t >= p.fromMs && t < p.toMs) multiplier *= p.multiplier;
    return (this.source.ratePerSec * multiplier) / 1000;
  }

  private nextChange(t: number): number {
    for (const c of this.changes) if (c > t) return c;
    return Infinity;
  }

  /**
   * Time of the next arrival after `now`, or Infinity if the rate stays 0. Consumes one uniform
   * per Poisson gap drawn.
   */
  next(now: number, u: Uniform): number {
    let t = now;
    for (let guard = 0; guard < 10_000; guard++) {
      const rate = this.rateAt(t);
      const change = this.nextChange(t);
      if (rate <= 0) {
        if (change === Infinity) return Infinity;
        t = change;
        continue;
      }
      const gap = this.source.arrival === 'constant' ? 1 / rate : -Math.log(1 - u()) / rate;
      if (t + gap <= change) return t + gap;
      t = change;
    }
    return Infinity;
  }
}
