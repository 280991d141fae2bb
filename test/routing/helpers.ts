// Shared helpers for the routing tests: a seeded random source, router construction and a
// driver that runs one client request through RequestRun like the simulator does.
import { Router, type RouterOptions } from '../../src/routing/router.js';
import type { CallOutcome, NextStep, RouteRequest } from '../../src/routing/types.js';
import { seededUniform } from '../../src/sim/rng.js';

/** A seeded uniform source (xoroshiro128+ from pure-rand, as the simulator uses). */
export const seeded = seededUniform;

export function router(config: unknown, options: Partial<RouterOptions> = {}): Router {
  return Router.fromConfig(config, { random: seeded(42), ...options });
}

export function dep(modelName: string, litellmParams: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { model_name: modelName, litellm_params: { model: `openai/${modelName}`, ...litellmParams }, ...extra };
}

export const ok = (over: Partial<CallOutcome> = {}): CallOutcome => ({
  status: 200,
  latencyMs: 100,
  inputTokens: 10,
  outputTokens: 10,
  ...over,
});

export const err = (status: number, over: Partial<CallOutcome> = {}): CallOutcome => ({
  status,
  latencyMs: 50,
  inputTokens: 10,
  outputTokens: 0,
  ...over,
});

/** Picks `n` times at `nowMs` and counts picks per deployment index. */
export function countPicks(r: Router, req: RouteRequest, n: number, nowMs = 0): number[] {
  const counts = new Array<number>(r.deployments.length).fill(0);
  for (let i = 0; i < n; i++) {
    const p = r.pick(req, nowMs);
    if (p.ok) counts[p.deployment]++;
  }
  return counts;
}

/** Runs one call through the router's lifecycle (start + end) and returns whether it started. */
export function call(r: Router, d: number, req: RouteRequest, outcome: CallOutcome, nowMs: number): boolean {
  const s = r.onCallStart(d, req, nowMs);
  if (!s.ok) return false;
  r.onCallEnd(d, req, outcome, nowMs + outcome.latencyMs);
  return true;
}

export interface Driven {
  step: NextStep;
  calls: Array<{ deployment: number; group: string; delayMs: number }>;
  retries: number;
  fallbacks: number;
  endMs: number;
}

/** Drives one client request to success or failure; `outcome` decides each call's result. */
export function drive(
  r: Router,
  req: RouteRequest,
  outcome: (deployment: number, group: string, attempt: number) => CallOutcome,
  startMs = 0,
): Driven {
  const run = r.beginRequest(req, startMs);
  let t = startMs;
  let step = run.next(t);
  const calls: Driven['calls'] = [];
  while (step.kind === 'call') {
    t += step.delayMs;
    calls.push({ deployment: step.deployment, group: step.group, delayMs: step.delayMs });
    const o = outcome(step.deployment, step.group, calls.length - 1);
    const started = r.onCallStart(step.deployment, req, t);
    if (!started.ok) {
      step = run.report(err(429, { errorClass: 'RateLimitError', latencyMs: 0 }), t);
      continue;
    }
    t += o.latencyMs;
    r.onCallEnd(step.deployment, req, o, t);
    step = run.report(o, t);
    if (calls.length > 1000) throw new Error('runaway request');
  }
  return { step, calls, retries: run.retries, fallbacks: run.fallbacks, endMs: t };
}
