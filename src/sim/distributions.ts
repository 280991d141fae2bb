// Sampling distributions for latencies and token counts. Every sampler takes exactly one uniform
// draw per sample (inverse-CDF), so a stream's consumption does not depend on the values drawn.
import type { Uniform } from './rng.js';

export interface Distribution {
  readonly kind: 'constant' | 'exponential' | 'uniform' | 'lognormal' | 'empirical';
  readonly mean: number;
  sample(u: Uniform): number;
  /** Quantile function: value at probability p in [0, 1). */
  quantile(p: number): number;
}

/** z such that Φ(z) = 0.99. */
export const Z_99 = 2.3263478740408408;

export function constant(value: number): Distribution {
  return { kind: 'constant', mean: value, sample: () => value, quantile: () => value };
}

export function exponential(mean: number): Distribution {
  const quantile = (p: number) => -Math.log(1 - p) * mean;
  return { kind: 'exponential', mean, sample: (u) => quantile(u()), quantile };
}

export function uniform(min: number, max: number): Distribution {
  const width = max - min;
  const quantile = (p: number) => min + p * width;
  return { kind: 'uniform', mean: (min + max) / 2, sample: (u) => quantile(u()), quantile };
}

/** Log-normal with ln X ~ N(mu, sigma²). */
export function lognormal(mu: number, sigma: number): Distribution {
  const quantile = (p: number) => Math.exp(mu + sigma * normalQuantile(p));
  return { kind: 'lognormal', mean: Math.exp(mu + (sigma * sigma) / 2), sample: (u) => quantile(u()), quantile };
}

/** Log-normal fitted to a median and a 99th percentile (p99 ≥ p50 > 0). */
export function lognormalFromPercentiles(p50: number, p99: number): Distribution {
  if (!(p50 > 0) || !(p99 >= p50)) throw new RangeError(`lognormal needs 0 < p50 <= p99 (got p50=${p50}, p99=${p99})`);
  return lognormal(Math.log(p50), Math.log(p99 / p50) / Z_99);
}

/** Resampling of observed values: each draw picks one of them with equal probability. */
export function empirical(values: readonly number[]): Distribution {
  if (values.length === 0) throw new RangeError('empirical distribution needs at least one value');
  const sorted = [...values].sort((a, b) => a - b);
  const quantile = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  const mean = sorted.reduce((s, v) => s + v, 0) / sorted.length;
  return { kind: 'empirical', mean, sample: (u) => quantile(u()), quantile };
}

/** Scales a distribution (e.g. converting seconds to milliseconds). */
export function scaled(dist: Distribution, factor: number): Distribution {
  return {
    kind: dist.kind,
    mean: dist.mean * factor,
    sample: (u) => dist.sample(u) * factor,
    quantile: (p) => dist.quantile(p) * factor,
  };
}

// Inverse standard normal CDF: Acklam's rational approximation (|relative error| < 1.2e-9),
// with the central and tail regions split at p = 0.02425.
const A = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const C = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  if (p > 1 - P_LOW) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
    (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
}

/** Scenario-file distribution spec (values already converted to the caller's unit). */
export type DistributionSpec =
  | { dist: 'constant'; value: number }
  | { dist: 'exponential'; mean: number }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'lognormal'; p50: number; p99: number }
  | { dist: 'lognormal'; mu: number; sigma: number }
  | { dist: 'empirical'; values: number[] };

export function fromSpec(spec: DistributionSpec): Distribution {
  switch (spec.dist) {
    case 'constant':
      return constant(spec.value);
    case 'exponential':
      return exponential(spec.mean);
    case 'uniform':
      return uniform(spec.min, spec.max);
    case 'lognormal':
      return 'p50' in spec ? lognormalFromPercentiles(spec.p50, spec.p99) : lognormal(spec.mu, spec.sigma);
    case 'empirical':
      return empirical(spec.values);
  }
}
