// From simulation results to what the search ranks: per-seed metrics, their aggregate over the
// seeds a candidate ran on, SLO violations, the ranking and the Pareto front.
import type { SimResult } from '../sim/result.js';
import { round } from '../sim/result.js';
import type { Slo } from './slo.js';

export const OBJECTIVES = ['cost', 'p95', 'p99', 'success'] as const;
export type Objective = (typeof OBJECTIVES)[number];

/** What one candidate did on one seed, or on average over several (latencies ms, cost USD). */
export interface Metrics {
  requests: number;
  succeeded: number;
  /** Share of client requests that succeeded, 0..1. */
  success: number;
  p95_ms: number;
  p99_ms: number;
  cost_usd: number;
}

/** The SLO's view of one run: every request, or only `group`'s (cost: that group's deployments). */
export function metricsOf(result: SimResult, group: string | null): Metrics {
  if (group === null) {
    const t = result.totals;
    return { requests: t.requests, succeeded: t.succeeded, success: t.success_rate, p95_ms: t.latency_ms.p95, p99_ms: t.latency_ms.p99, cost_usd: t.cost_usd };
  }
  const g = result.groups.find((x) => x.model_name === group);
  const cost = result.deployments.filter((d) => d.model_name === group).reduce((s, d) => s + d.cost_usd, 0);
  if (!g) return { requests: 0, succeeded: 0, success: 1, p95_ms: 0, p99_ms: 0, cost_usd: round(cost, 6) };
  return { requests: g.requests, succeeded: g.succeeded, success: round(g.requests > 0 ? g.succeeded / g.requests : 1, 6), p95_ms: g.latency_ms.p95, p99_ms: g.latency_ms.p99, cost_usd: round(cost, 6) };
}

/** Over several seeds: success pooled over all requests; latency percentiles and cost averaged per seed. */
export function aggregate(runs: readonly Metrics[]): Metrics {
  const requests = runs.reduce((s, m) => s + m.requests, 0);
  const succeeded = runs.reduce((s, m) => s + m.succeeded, 0);
  const mean = (f: (m: Metrics) => number) => runs.reduce((s, m) => s + f(m), 0) / Math.max(1, runs.length);
  return {
    requests,
    succeeded,
    success: round(requests > 0 ? succeeded / requests : 1, 6),
    p95_ms: round(mean((m) => m.p95_ms)),
    p99_ms: round(mean((m) => m.p99_ms)),
    cost_usd: round(mean((m) => m.cost_usd), 6),
  };
}

export interface Violation {
  constraint: 'success' | 'p95' | 'p99';
  /** The SLO's bound and the value reached (success 0..1, latencies ms). */
  target: number;
  value: number;
  /**
   * How far off, normalised so constraints add up: the success shortfall in units of the error
   * budget (1 - target), a latency excess as a fraction of its bound.
   */
  excess: number;
}

export function violations(m: Metrics, slo: Slo): Violation[] {
  const out: Violation[] = [];
  if (slo.success !== null && m.success < slo.success) {
    out.push({ constraint: 'success', target: slo.success, value: m.success, excess: round((slo.success - m.success) / Math.max(1e-6, 1 - slo.success), 6) });
  }
  if (slo.p95Ms !== null && m.p95_ms > slo.p95Ms) out.push({ constraint: 'p95', target: slo.p95Ms, value: m.p95_ms, excess: round((m.p95_ms - slo.p95Ms) / slo.p95Ms, 6) });
  if (slo.p99Ms !== null && m.p99_ms > slo.p99Ms) out.push({ constraint: 'p99', target: slo.p99Ms, value: m.p99_ms, excess: round((m.p99_ms - slo.p99Ms) / slo.p99Ms, 6) });
  return out;
}

/**
 * One-sided 95 % quantiles of Student's t for 1..29 degrees of freedom (standard tables, e.g.
 * NIST/SEMATECH e-Handbook 1.3.6.7.2); from 30 on, the normal quantile 1.645 is within 3 %.
 */
const T95 = [6.314, 2.92, 2.353, 2.132, 2.015, 1.943, 1.895, 1.86, 1.833, 1.812, 1.796, 1.782, 1.771, 1.761, 1.753, 1.746, 1.74, 1.734, 1.729, 1.725, 1.721, 1.717, 1.714, 1.711, 1.708, 1.706, 1.703, 1.701, 1.699];

/** t quantile for `n` samples (n - 1 degrees of freedom). */
export function t95(n: number): number {
  return n < 2 ? Infinity : (T95[n - 2] ?? 1.645);
}

/**
 * A conservative reading of per-seed runs: the one-sided 95 % confidence bound of the mean over
 * the seeds, on the side that hurts: success at its lower bound, p95 and p99 at their upper
 * bounds (cost: the mean). Each seed is one run of the scenario, so a config that fails badly on
 * a few seeds (an all-cooled-down episode, say) has a wide spread and a bound far from its mean,
 * although its pooled success may still pass. Fewer than 2 runs: the runs' aggregate.
 */
export function conservative(runs: readonly Metrics[]): Metrics {
  const pooled = aggregate(runs);
  if (runs.length < 2) return pooled;
  const t = t95(runs.length);
  const spread = (f: (m: Metrics) => number) => {
    const mean = runs.reduce((s, m) => s + f(m), 0) / runs.length;
    const variance = runs.reduce((s, m) => s + (f(m) - mean) ** 2, 0) / (runs.length - 1);
    return { mean, half: (t * Math.sqrt(variance)) / Math.sqrt(runs.length) };
  };
  const success = spread((m) => m.success);
  const p95 = spread((m) => m.p95_ms);
  const p99 = spread((m) => m.p99_ms);
  return {
    ...pooled,
    // The pooled share and the per-seed mean differ a little when seeds have different request counts: take the worse.
    success: round(Math.max(0, Math.min(pooled.success, success.mean - success.half)), 6),
    p95_ms: round(Math.max(pooled.p95_ms, p95.mean + p95.half)),
    p99_ms: round(Math.max(pooled.p99_ms, p99.mean + p99.half)),
  };
}

const totalExcess = (m: Metrics, slo: Slo) => violations(m, slo).reduce((s, v) => s + v.excess, 0);

/** Objective value, lower is better. */
function objectiveValue(m: Metrics, objective: Objective): number {
  return objective === 'cost' ? m.cost_usd : objective === 'p95' ? m.p95_ms : objective === 'p99' ? m.p99_ms : -m.success;
}

/**
 * Orders candidates best first: those meeting the SLO by the objective (then cost, success,
 * p95, p99 to break ties), then the rest by total normalised violation; on equal metrics fewer
 * changes first, then `id`, so the order never depends on evaluation order.
 */
export function compareCandidates(a: Ranked, b: Ranked, slo: Slo, objective: Objective): number {
  const va = totalExcess(a.metrics, slo);
  const vb = totalExcess(b.metrics, slo);
  const fa = va === 0;
  const fb = vb === 0;
  if (fa !== fb) return fa ? -1 : 1;
  if (!fa && va !== vb) return va - vb;
  const keys: Objective[] = [objective, 'cost', 'success', 'p95', 'p99'];
  for (const k of keys) {
    const d = objectiveValue(a.metrics, k) - objectiveValue(b.metrics, k);
    if (d !== 0) return d;
  }
  return (a.changes?.length ?? 0) - (b.changes?.length ?? 0) || a.id - b.id;
}

interface Ranked {
  id: number;
  metrics: Metrics;
  changes?: readonly unknown[];
}

/**
 * Candidates no other beats on every one of cost, p95, p99 and success, in input order; of
 * several with identical metrics (changes that made no difference) only the first is kept.
 */
export function paretoFront<T extends { metrics: Metrics }>(items: readonly T[]): T[] {
  const same = (a: Metrics, b: Metrics) => a.cost_usd === b.cost_usd && a.p95_ms === b.p95_ms && a.p99_ms === b.p99_ms && a.success === b.success;
  const dominates = (a: Metrics, b: Metrics) =>
    a.cost_usd <= b.cost_usd && a.p95_ms <= b.p95_ms && a.p99_ms <= b.p99_ms && a.success >= b.success &&
    (a.cost_usd < b.cost_usd || a.p95_ms < b.p95_ms || a.p99_ms < b.p99_ms || a.success > b.success);
  return items.filter((x, i) => !items.some((y, j) => (j < i && same(y.metrics, x.metrics)) || dominates(y.metrics, x.metrics)));
}
