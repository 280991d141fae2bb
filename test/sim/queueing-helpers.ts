// Shared by the queueing validation tests and the docs table: runs one reference queue through
// the whole simulator (config → router → simulated deployment) with independent replications.
import { readFileSync } from 'node:fs';
import { SimulationRun } from '../../src/sim/run.js';
import { constant, exponential } from '../../src/sim/distributions.js';

export interface QueuePoint {
  id: string;
  model: string;
  lambda_per_s: number;
  service: 'exponential' | 'constant';
  service_mean_s: number;
  servers: number;
  queue_capacity: number | null;
  expected: { utilization: number; p_wait: number | null; wq_s: number; w_s: number; p_block: number | null };
}

export const POINTS: QueuePoint[] = JSON.parse(readFileSync(new URL('./queueing-points.json', import.meta.url), 'utf8'));

/** One group, one deployment, no retries, no cooldowns: the simulator reduces to the queue. */
const CONFIG = {
  model_list: [{ model_name: 'q', litellm_params: { model: 'openai/q' } }],
  router_settings: { num_retries: 0, disable_cooldowns: true },
};

export interface Estimate {
  mean: number;
  /** Half-widths of the 95% and 99% confidence intervals (Student t over replications). */
  h95: number;
  h99: number;
}

export interface Replicated {
  w: Estimate;
  block: Estimate;
  utilization: Estimate;
  requests: number;
}

// Student t quantiles for R - 1 degrees of freedom.
const T975: Record<number, number> = { 4: 2.776, 5: 2.571, 7: 2.365, 9: 2.262, 11: 2.201, 15: 2.131 };
const T995: Record<number, number> = { 4: 4.604, 5: 4.032, 7: 3.499, 9: 3.25, 11: 3.106, 15: 2.947 };

function estimate(values: number[]): Estimate {
  const r = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / r;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (r - 1);
  const se = Math.sqrt(variance / r);
  return { mean, h95: T975[r - 1] * se, h99: T995[r - 1] * se };
}

/**
 * `replications` independent runs (seeds 1..R) of `requests` client requests each; the first
 * `warmupShare` of each run's simulated time is discarded (initial-transient deletion).
 */
export function replicate(point: QueuePoint, replications: number, requests: number, warmupShare = 0.05): Replicated {
  const serviceMs = point.service_mean_s * 1000;
  const expectedMs = (requests / point.lambda_per_s) * 1000;
  const w: number[] = [];
  const block: number[] = [];
  const utilization: number[] = [];
  let total = 0;
  for (let seed = 1; seed <= replications; seed++) {
    const run = new SimulationRun({
      config: CONFIG,
      seed,
      requests,
      scenario: {
        warmupMs: expectedMs * warmupShare,
        traffic: [{ model: 'q', arrival: 'poisson', ratePerSec: point.lambda_per_s, phases: [], inputTokens: constant(1), outputTokens: constant(1), stream: false }],
        deployments: [
          {
            match: { index: 0 },
            segments: [],
            behaviour: {
              latency: point.service === 'constant' ? constant(serviceMs) : exponential(serviceMs),
              errorRate: 0,
              capacity: point.servers,
              queue: point.queue_capacity ?? Infinity,
            },
          },
        ],
      },
    });
    run.advance(Infinity);
    const t = run.metrics.totals;
    w.push(run.metrics.totalLatency().mean / 1000);
    block.push(t.failed / t.requests);
    utilization.push(run.utilisation(0));
    total += t.requests;
  }
  return { w: estimate(w), block: estimate(block), utilization: estimate(utilization), requests: total };
}

/** Run plan per point: high-load points (slow mixing) get longer runs. */
export function plan(point: QueuePoint): { replications: number; requests: number } {
  const rho = point.expected.utilization;
  if (point.queue_capacity === null && rho >= 0.8) return { replications: 8, requests: 150_000 };
  return { replications: 8, requests: 40_000 };
}
