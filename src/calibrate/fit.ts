// Distribution fits for calibration: log-normal by maximum likelihood on ln(x), with its
// Kolmogorov–Smirnov distance to the observations. Moments are kept online and the KS distance
// uses a fixed-size seeded reservoir, so a million observations cost the same memory as ten thousand.
import { normalQuantile, Z_99 } from '../sim/distributions.js';
import { seededUniform, type Uniform } from '../sim/rng.js';

/** Observations kept for the KS distance and the reported quantiles. */
export const RESERVOIR_SIZE = 10_000;

/** A log-normal fit: ln X ~ N(mu, sigma²), with the figures the scenario file and the report show. */
export interface LognormalFit {
  n: number;
  mu: number;
  sigma: number;
  /** Median and 99th percentile of the fitted distribution (the scenario's `p50`/`p99`). */
  p50: number;
  p99: number;
  /** Observed quantiles (from the reservoir) for the comment beside the fit. */
  observed: { p50: number; p90: number; p99: number; max: number };
  /** Kolmogorov–Smirnov distance between the observations and the fit, in [0, 1]. */
  ks: number;
}

/** Online accumulator of positive observations. */
export class Sample {
  private n = 0;
  private sumLog = 0;
  private sumLog2 = 0;
  private max = 0;
  private readonly reservoir: number[] = [];
  private readonly random: Uniform;

  constructor(seed = 1) {
    this.random = seededUniform(seed);
  }

  get count(): number {
    return this.n;
  }

  /** Adds x (> 0; other values are ignored). */
  add(x: number): void {
    if (!(x > 0) || !Number.isFinite(x)) return;
    this.n++;
    const l = Math.log(x);
    this.sumLog += l;
    this.sumLog2 += l * l;
    if (x > this.max) this.max = x;
    // Algorithm R (Vitter 1985): every observation ends up in the reservoir with equal probability.
    if (this.reservoir.length < RESERVOIR_SIZE) this.reservoir.push(x);
    else {
      const j = Math.floor(this.random() * this.n);
      if (j < RESERVOIR_SIZE) this.reservoir[j] = x;
    }
  }

  /** The maximum-likelihood log-normal, or null with fewer than 2 observations. */
  fitLognormal(): LognormalFit | null {
    if (this.n < 2) return null;
    const mu = this.sumLog / this.n;
    const variance = Math.max(0, this.sumLog2 / this.n - mu * mu);
    const sigma = Math.sqrt(variance);
    const sorted = [...this.reservoir].sort((a, b) => a - b);
    const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    return {
      n: this.n,
      mu,
      sigma,
      p50: Math.exp(mu),
      p99: Math.exp(mu + Z_99 * sigma),
      observed: { p50: q(0.5), p90: q(0.9), p99: q(0.99), max: this.max },
      ks: ksDistance(sorted, (x) => (sigma === 0 ? (x >= Math.exp(mu) ? 1 : 0) : normalCdf((Math.log(x) - mu) / sigma))),
    };
  }
}

/** sup |F_n(x) − F(x)| over the sorted observations. */
export function ksDistance(sorted: readonly number[], cdf: (x: number) => number): number {
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]);
    d = Math.max(d, Math.abs((i + 1) / n - f), Math.abs(f - i / n));
  }
  return d;
}

/**
 * Standard normal CDF Φ(z), by bisection on the project's inverse (Acklam, |rel. error| < 1.2e-9),
 * so the fit and the sampler agree on one normal. 60 halvings reach double precision.
 */
export function normalCdf(z: number): number {
  if (!Number.isFinite(z)) return z > 0 ? 1 : 0;
  if (z < -38) return 0;
  if (z > 9) return 1;
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (normalQuantile(mid) < z) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
