import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { resultJson } from '../../src/sim/report/json.js';
import { runCompare } from '../../src/sim/compare.js';
import { SimulationRun } from '../../src/sim/run.js';
import { prepareScenario } from '../../src/sim/prepare.js';
import type { SimResult } from '../../src/sim/result.js';
import { simulate, fixture } from './helpers.js';

const TWO = {
  model_list: [
    { model_name: 'm', litellm_params: { model: 'openai/gpt-4o' } },
    { model_name: 'm', litellm_params: { model: 'azure/gpt-4o', api_base: 'https://x.example.com' } },
  ],
  router_settings: { num_retries: 2 },
};

function checkConservation(r: SimResult): void {
  const t = r.totals;
  assert.equal(t.requests, t.succeeded + t.failed, 'every request ends as success or failure');
  const reasons = Object.values(t.failure_reasons).reduce((s, n) => s + n, 0);
  assert.equal(reasons, t.failed, 'every failure has a reason');
  assert.equal(Object.values(t.failure_causes).reduce((s, n) => s + n, 0), t.failed, 'every failure has a cause');
  for (const d of r.deployments) assert.equal(d.requests, d.succeeded + d.failed, `deployment ${d.index} calls add up`);
  const calls = r.deployments.reduce((s, d) => s + d.requests, 0);
  assert.ok(calls >= t.requests - t.no_deployment, 'each request that reached a deployment made at least one call');
  assert.ok(t.rate_limited <= t.failed && t.no_deployment <= t.failed);
  const g = r.groups.reduce((s, x) => s + x.requests, 0);
  assert.equal(g, t.requests);
  if (t.succeeded > 0) assert.ok(t.latency_ms.p50 <= t.latency_ms.p95 && t.latency_ms.p95 <= t.latency_ms.p99 && t.latency_ms.p99 <= t.latency_ms.max * 1.01);
}

test('same config + scenario + seed gives byte-identical JSON; another seed does not', () => {
  const { config, text } = fixture('multi-region-failover.config.yaml');
  const scenario = fixture('multi-region-failover.scenario.yaml').text;
  const a = resultJson(simulate(config, scenario));
  const b = resultJson(simulate(config, scenario));
  assert.equal(a, b);
  assert.notEqual(a, resultJson(simulate(config, scenario, { seed: 8 })));
  assert.ok(text.length > 0);
  // Numbers carry at most 6 decimals (3 for times), so the output is stable across platforms.
  for (const m of a.matchAll(/-?\d+\.(\d+)/g)) assert.ok(m[1].length <= 6, m[0]);
});

test('invariants hold for random scenarios (errors, outages, limits, strategies)', () => {
  const strategies = ['simple-shuffle', 'least-busy', 'usage-based-routing-v2', 'latency-based-routing', 'cost-based-routing'] as const;
  fc.assert(
    fc.property(
      fc.record({
        rate: fc.integer({ min: 1, max: 40 }),
        errorRate: fc.double({ min: 0, max: 0.5, noNaN: true }),
        capacity: fc.integer({ min: 1, max: 8 }),
        queue: fc.oneof(fc.constant('unbounded'), fc.integer({ min: 0, max: 5 })),
        rpm: fc.option(fc.integer({ min: 30, max: 600 }), { nil: undefined }),
        outageFrom: fc.integer({ min: 0, max: 50 }),
        outageLen: fc.integer({ min: 1, max: 30 }),
        strategy: fc.constantFrom(...strategies),
        seed: fc.integer(),
      }),
      (p) => {
        const scenario = [
          'duration: 60s',
          'traffic:',
          `  - { model: m, rate: ${p.rate} }`,
          'deployments:',
          `  - match: { index: 0 }`,
          `    error_rate: ${p.errorRate}`,
          `    capacity: ${p.capacity}`,
          `    queue: ${p.queue}`,
          `    latency: { dist: exponential, mean: 300ms }`,
          ...(p.rpm ? [`    rate_limit: { rpm: ${p.rpm} }`] : []),
          `  - match: { index: 1 }`,
          `    latency: { dist: exponential, mean: 500ms }`,
          `    outages: [{ from: ${p.outageFrom}s, to: ${p.outageFrom + p.outageLen}s, status: 503 }]`,
        ].join('\n');
        const r = simulate(TWO, scenario, { seed: p.seed, strategy: p.strategy });
        checkConservation(r);
        assert.equal(r.strategy, p.strategy);
      },
    ),
    { numRuns: 25 },
  );
});

test('the run drains: nothing is left in flight and every request is accounted for', () => {
  const prepared = prepareScenario(TWO, { file: 's', text: 'duration: 30s\ntraffic:\n  - { model: m, rate: 50 }\ndeployments:\n  - { match: { index: 0 }, capacity: 2 }\n' });
  assert.ok(prepared.ok);
  const run = new SimulationRun({ config: TWO, scenario: prepared.scenario, seed: 1 });
  run.advance(Infinity);
  assert.equal(run.sim.queue.size, 0);
  const t = run.metrics.totals;
  const issued = run.metrics.buckets.reduce((s, b) => s + b.requests, 0);
  assert.equal(issued, t.requests);
  assert.equal(t.succeeded + t.failed, t.requests);
});

test('max_parallel_requests makes calls wait for a gateway slot (they are not rejected)', () => {
  const config = { model_list: [{ model_name: 'm', litellm_params: { model: 'openai/gpt-4o', max_parallel_requests: 1 } }], router_settings: { num_retries: 0 } };
  const scenario = 'duration: 20s\ntraffic:\n  - { model: m, rate: 0.8, arrival: constant }\ndeployments:\n  - { match: { index: 0 }, capacity: 10, error_rate: 0, latency: { dist: constant, value: 1s } }\n';
  const r = simulate(config, scenario);
  assert.equal(r.totals.failed, 0);
  // 0.8 requests/s of 1 s each through one slot: never more than 1 busy of 10 provider slots.
  assert.ok(r.deployments[0].utilization <= 0.1 + 1e-9, `utilisation ${r.deployments[0].utilization}`);
  const burst = 'duration: 10s\ntraffic:\n  - { model: m, rate: 4, arrival: constant }\ndeployments:\n  - { match: { index: 0 }, capacity: 10, error_rate: 0, latency: { dist: constant, value: 1s } }\n';
  const queued = simulate(config, burst);
  assert.equal(queued.totals.failed, 0);
  assert.ok(queued.totals.latency_ms.max > 20_000, 'requests waited for the single slot');
});

test('provider rate limits answer 429 and the result says so', () => {
  const config = { model_list: [{ model_name: 'm', litellm_params: { model: 'openai/gpt-4o' } }], router_settings: { num_retries: 0 } };
  const r = simulate(config, 'duration: 60s\ntraffic:\n  - { model: m, rate: 5 }\ndeployments:\n  - { match: { index: 0 }, error_rate: 0, rate_limit: { rpm: 60 } }\n');
  assert.ok(r.deployments[0].rate_limited > 100);
  assert.equal(r.totals.rate_limited, r.totals.failed);
  assert.equal(r.totals.failure_causes['rate-limit'], r.totals.failed);
  // Token bucket: one minute of burst (60) plus 1/s refill.
  assert.ok(r.totals.succeeded >= 100 && r.totals.succeeded <= 125, `succeeded ${r.totals.succeeded}`);
});

test('timeouts: calls slower than the deployment timeout fail with 408', () => {
  const config = { model_list: [{ model_name: 'm', litellm_params: { model: 'openai/gpt-4o', timeout: 1 } }], router_settings: { num_retries: 0 } };
  const r = simulate(config, 'duration: 20s\ntraffic:\n  - { model: m, rate: 2 }\ndeployments:\n  - { match: { index: 0 }, error_rate: 0, latency: { dist: constant, value: 2s } }\n');
  assert.equal(r.totals.succeeded, 0);
  assert.equal(r.deployments[0].timeouts, r.deployments[0].requests);
  assert.deepEqual(Object.keys(r.deployments[0].failed_by_status), ['408']);
});

test('streaming requests report time to first token below total latency', () => {
  const config = { model_list: [{ model_name: 'm', litellm_params: { model: 'openai/gpt-4o' } }] };
  const r = simulate(config, 'duration: 30s\ntraffic:\n  - { model: m, rate: 5, stream: true, output_tokens: { dist: constant, value: 100 } }\ndeployments:\n  - match: { index: 0 }\n    error_rate: 0\n    ttft: { dist: constant, value: 300ms }\n    per_token: { dist: constant, value: 20ms }\n');
  assert.ok(r.totals.ttft_ms);
  assert.ok(Math.abs(r.totals.ttft_ms.p50 - 300) < 5);
  assert.ok(Math.abs(r.totals.latency_ms.p50 - 2300) < 25);
});

test('without a scenario, traffic is derived from declared capacity and the run just works', () => {
  const config = { model_list: [{ model_name: 'm', litellm_params: { model: 'openai/gpt-4o', rpm: 600 } }, { model_name: 'm', litellm_params: { model: 'azure/gpt-4o', rpm: 600 } }] };
  const r = simulate(config, null);
  assert.equal(r.simulated_seconds, 300);
  // Half of 2 x 10 requests/s for 300 s.
  assert.ok(Math.abs(r.totals.requests - 3000) < 200, `requests ${r.totals.requests}`);
  assert.ok(r.totals.success_rate > 0.99);
});

test('--compare runs strategies in worker threads with the same results as in-process', async () => {
  const { config } = fixture('ab-split.config.yaml');
  const job = { config, scenario: { file: 's', text: fixture('ab-split.scenario.yaml').text } };
  const list = ['simple-shuffle', 'least-busy', 'latency-based-routing'] as const;
  const threaded = await runCompare(job, list, 2);
  const inProcess = await runCompare(job, list, 1);
  assert.deepEqual(threaded, inProcess);
  assert.deepEqual(threaded.map((o) => o.ok && o.result.strategy), [...list]);
  // Identical traffic: the same client requests arrive in every run.
  const counts = threaded.map((o) => o.ok && o.result.totals.requests);
  assert.ok(counts.every((c) => c === counts[0]));
});

test('simulated_seconds ends at the last arrival when the request count runs out before the duration', () => {
  const scenario = 'seed: 3\nduration: 10m\nrequests: 500\ntraffic:\n  - model: m\n    arrival: constant\n    rate: 10/s\n';
  const r = simulate(TWO, scenario);
  assert.equal(r.totals.requests, 500);
  // 500 requests at 10/s arrive within 50 s, not over the 600 s window.
  assert.ok(r.simulated_seconds >= 49 && r.simulated_seconds <= 50.1, String(r.simulated_seconds));
  const byWindow = simulate(TWO, 'seed: 3\nduration: 30s\nrequests: 100000\ntraffic:\n  - model: m\n    arrival: constant\n    rate: 10/s\n');
  assert.equal(byWindow.simulated_seconds, 30);
});
