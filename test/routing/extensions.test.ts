// gwcfg extensions (not in LiteLLM) and filters: weighted-round-robin, round-robin,
// fallback_strategy, circuit breaker, health checks, global rpm/tpm, tags, order, pre-call rpm.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { call, countPicks, dep, drive, err, ok, router } from './helpers.js';
import type { Router } from '../../src/routing/router.js';

const req = { model: 'g', inputTokens: 10 };
const seq = (r: Router, n: number, now = 0) =>
  Array.from({ length: n }, () => {
    const p = r.pick(req, now);
    return p.ok ? p.deployment : -1;
  });

test('weighted-round-robin is smooth (nginx order) and exact per cycle; reads the top-level weight', () => {
  const r = router({
    model_list: [dep('g', {}, { weight: 5 }), dep('g', {}, { weight: 1 }), dep('g', {}, { weight: 1 })],
    router_settings: { routing_strategy: 'weighted-round-robin' },
  });
  assert.deepEqual(seq(r, 7), [0, 0, 1, 0, 2, 0, 0]);
  const s = router({
    model_list: [dep('g', {}, { weight: 70 }), dep('g', {}, { weight: 30 })],
    router_settings: { routing_strategy: 'weighted-round-robin' },
  });
  assert.deepEqual(countPicks(s, req, 100), [70, 30]);
});

test('round-robin rotates strictly and skips deployments that are cooling down', () => {
  const r = router({ model_list: [dep('g', { api_base: 'a' }), dep('g', { api_base: 'b' }), dep('g', { api_base: 'c' })], router_settings: { routing_strategy: 'round-robin' } });
  assert.deepEqual(seq(r, 6), [0, 1, 2, 0, 1, 2]);
  r.onCallEnd(1, req, err(401), 0);
  assert.deepEqual(seq(r, 4, 1), [0, 2, 0, 2]);
});

test('fallback_strategy breaks ties among candidates within tolerance of the best primary score', () => {
  const r = router({
    model_list: [
      { model_name: 'g', litellm_params: { model: 'x/a', input_cost_per_token: 1e-6, output_cost_per_token: 1e-6 } },
      { model_name: 'g', litellm_params: { model: 'x/b', input_cost_per_token: 1.05e-6, output_cost_per_token: 1.05e-6 } },
      { model_name: 'g', litellm_params: { model: 'x/c', input_cost_per_token: 9e-6, output_cost_per_token: 9e-6 } },
    ],
    router_settings: { routing_strategy: 'cost-based-routing', fallback_strategy: 'latency-based-routing' },
  });
  call(r, 0, req, ok({ latencyMs: 3000, outputTokens: 1 }), 0);
  call(r, 1, req, ok({ latencyMs: 500, outputTokens: 1 }), 0);
  call(r, 2, req, ok({ latencyMs: 10, outputTokens: 1 }), 0);
  assert.deepEqual(countPicks(r, req, 20, 100), [0, 20, 0], 'b is within 10% of the cheapest and faster; c is too expensive');
  const strict = router({
    model_list: r.deployments.map((d) => ({ model_name: 'g', litellm_params: { model: d.model, input_cost_per_token: d.inputCostPerToken, output_cost_per_token: d.outputCostPerToken } })),
    router_settings: { routing_strategy: 'cost-based-routing', fallback_strategy: 'latency-based-routing', fallback_strategy_tolerance: 0 },
  });
  assert.deepEqual(countPicks(strict, req, 20), [20, 0, 0]);
});

test('circuit breaker: opens after failure_threshold, half-opens after the reset (cooldown_time), closes after success_threshold', () => {
  const r = router({
    model_list: [dep('g', { api_base: 'a' }), dep('g', { api_base: 'b' })],
    router_settings: { enable_circuit_breaker: true, failure_threshold: 3, success_threshold: 2, cooldown_time: 10, disable_cooldowns: true },
  });
  for (let i = 0; i < 2; i++) call(r, 0, req, err(500), i);
  assert.equal(r.health(0, 10), 'healthy');
  call(r, 0, req, err(500), 2);
  assert.equal(r.health(0, 100), 'open');
  assert.deepEqual(countPicks(r, req, 20, 100), [0, 20]);
  const t = 2 + 50 + 10_000;
  assert.equal(r.health(0, t), 'half-open');
  assert.ok(r.onCallStart(0, req, t).ok, 'one probe admitted');
  assert.deepEqual(countPicks(r, req, 10, t), [0, 10], 'no second probe while one is in flight');
  r.onCallEnd(0, req, ok(), t + 10);
  assert.equal(r.health(0, t + 20), 'half-open');
  call(r, 0, req, ok(), t + 20);
  assert.equal(r.health(0, t + 100), 'healthy');
  // a probe failure re-opens
  for (let i = 0; i < 3; i++) call(r, 1, req, err(503), t + 200 + i);
  const t2 = t + 300 + 10_000; // opened at t + 252 (the third failure ends 50 ms after it starts)
  call(r, 1, req, err(503), t2);
  assert.equal(r.health(1, t2 + 100), 'open');
  // every breaker open → typed reason
  for (let i = 0; i < 3; i++) call(r, 0, req, err(503), t2 + 200 + i);
  const p = r.pick(req, t2 + 300);
  assert.ok(!p.ok && p.reason === 'circuit-open' && (p.retryAfterMs ?? 0) > 0);
  // defaults: reset 60 s when cooldown_time is not written
  const d = router({ model_list: [dep('g', {})], router_settings: { enable_circuit_breaker: true } });
  assert.equal(d.config.settings.circuitBreaker?.resetMs, 60_000);
  assert.equal(d.config.settings.circuitBreaker?.failureThreshold, 5);
});

test('health checks (extension): allowed_fails failed probes mark unhealthy, success_threshold good probes restore', () => {
  const r = router({
    model_list: [dep('g', { api_base: 'a' }), dep('g', { api_base: 'b' })],
    router_settings: { health_check_interval: 30, health_check_timeout: 5, allowed_fails: 2, success_threshold: 2, cooldown_time: 60 },
  });
  assert.equal(r.healthCheckIntervalMs(), 30_000);
  assert.equal(r.healthCheckTimeoutMs(0), 5000);
  r.onHealthCheck(0, false, 0);
  assert.equal(r.health(0, 1), 'healthy');
  r.onHealthCheck(0, false, 30_000);
  assert.equal(r.health(0, 30_001), 'unhealthy');
  assert.deepEqual(countPicks(r, req, 10, 30_001), [0, 10]);
  r.onHealthCheck(0, true, 60_000);
  r.onHealthCheck(0, true, 70_000);
  assert.equal(r.health(0, 70_001), 'unhealthy', 'stays down for cooldown_time');
  r.onHealthCheck(0, true, 90_000);
  assert.equal(r.health(0, 90_001), 'healthy');
  r.onHealthCheck(1, false, 100_000);
  r.onHealthCheck(1, false, 100_001);
  r.onHealthCheck(0, false, 100_000);
  r.onHealthCheck(0, false, 100_001);
  const p = r.pick(req, 100_002);
  assert.ok(!p.ok && p.reason === 'unhealthy');
});

test('[2026] enable_health_check_routing: the latest failed probe filters, stale results and all-fail bypass', () => {
  const r = router({
    model_list: [dep('g', { api_base: 'a' }), dep('g', { api_base: 'b' })],
    general_settings: { background_health_checks: true, health_check_interval: 60, enable_health_check_routing: true },
  });
  assert.equal(r.healthCheckIntervalMs(), 60_000);
  r.onHealthCheck(0, false, 0);
  assert.deepEqual(countPicks(r, req, 10, 1000), [0, 10]);
  assert.ok(countPicks(r, req, 200, 601_000)[0] > 0, 'older than 600 s counts as healthy');
  r.onHealthCheck(1, false, 700_000);
  r.onHealthCheck(0, false, 700_000);
  assert.equal(countPicks(r, req, 10, 700_001).reduce((a, b) => a + b), 10, 'filtering everything is bypassed');
  const off = router({ model_list: [dep('g', {}), dep('g', { api_base: 'b' })], general_settings: { background_health_checks: true } });
  off.onHealthCheck(0, false, 0);
  assert.ok(countPicks(off, req, 100, 1)[0] > 0, 'without health-check routing probes do not affect routing');
});

test('global rpm/tpm in router_settings limit client requests per minute (extension)', () => {
  const r = router({ model_list: [dep('g', {})], router_settings: { rpm: 2, tpm: 1000 } });
  assert.equal(drive(r, req, () => ok(), 0).step.kind, 'success');
  assert.equal(drive(r, req, () => ok(), 1).step.kind, 'success');
  const third = drive(r, req, () => ok(), 2);
  assert.ok(third.step.kind === 'fail' && third.step.reason === 'rate-limited' && third.step.status === 429);
  assert.equal(drive(r, req, () => ok(), 60_000).step.kind, 'success');
  const t = router({ model_list: [dep('g', {})], router_settings: { tpm: 100 } });
  drive(t, req, () => ok({ inputTokens: 60, outputTokens: 30 }), 0);
  const over = drive(t, { model: 'g', inputTokens: 20 }, () => ok(), 1);
  assert.equal(over.step.kind, 'fail');
});

test('tag filtering: any matching tag; "default" deployments serve untagged and unmatched requests', () => {
  const r = router({
    model_list: [dep('g', { tags: ['free'] }), dep('g', { tags: ['paid'] }), dep('g', { tags: ['default'] })],
    router_settings: { enable_tag_filtering: true },
  });
  assert.deepEqual(countPicks(r, { ...req, tags: ['paid', 'x'] }, 10), [0, 10, 0]);
  assert.deepEqual(countPicks(r, req, 10), [0, 0, 10]);
  assert.deepEqual(countPicks(r, { ...req, tags: ['nope'] }, 10), [0, 0, 10]);
  const strict = router({ model_list: [dep('g', { tags: ['free'] })], router_settings: { enable_tag_filtering: true } });
  const p = strict.pick({ ...req, tags: ['paid'] }, 0);
  assert.ok(!p.ok && p.reason === 'no-tag-match');
});

test('order tiers: lowest order wins ([2026] always, [2025] only with pre-call checks); cooled tier falls through', () => {
  const cfg = { model_list: [dep('g', { order: 2, api_base: 'a' }), dep('g', { order: 1, api_base: 'b' }), dep('g', { api_base: 'c' })] };
  const r = router(cfg);
  assert.deepEqual(countPicks(r, req, 10), [0, 10, 0]);
  r.onCallEnd(1, req, err(401), 0);
  assert.deepEqual(countPicks(r, req, 10, 1), [10, 0, 0]);
  const old = router(cfg, { litellmVersion: '2025' });
  assert.ok(countPicks(old, req, 300)[2] > 0);
});

test('pre-call rpm check: a deployment whose 60 s window count reached its rpm is excluded', () => {
  const r = router({ model_list: [dep('g', { rpm: 2 })], router_settings: { enable_pre_call_checks: true } });
  assert.ok(call(r, 0, req, ok(), 1000));
  assert.ok(call(r, 0, req, ok(), 2000));
  const p = r.pick(req, 3000);
  assert.ok(!p.ok && p.reason === 'rate-limited');
  assert.ok(r.pick(req, 61_000).ok, 'the window starts at the first request');
});

// Router._common_checks_available_deployment answers a model id with the deployment itself, which
// the caller returns before the cooldown filter: the id path arrived with commit 16889b847
// (2024-06-19), first in 1.40.20 (the early return of a single deployment is older, 1.37.4).
test('a deployment id request bypasses the strategy and, from 1.40.20, the cooldown filter', () => {
  const r = router({ model_list: [dep('g', {}, { model_info: { id: 'one' } }), dep('g', { api_base: 'b' }, { model_info: { id: 'two' } })] });
  const p = r.pick({ model: 'two', inputTokens: 1 }, 0);
  assert.ok(p.ok && p.deployment === 1 && p.group === 'g');
  r.onCallEnd(1, req, err(401), 0);
  assert.ok(r.pick({ model: 'two', inputTokens: 1 }, 1).ok);
  for (const litellmVersion of ['2024', '2025', '1.40.20']) {
    const pair = router({ model_list: [dep('g', {}, { model_info: { id: 'one' } }), dep('g', { api_base: 'b' }, { model_info: { id: 'two' } })] }, { litellmVersion });
    pair.onCallEnd(1, req, ok(), 0); // 1.46.0 to 1.59.0 never cool the only request of the window
    pair.onCallEnd(1, req, err(401), 0);
    assert.equal(pair.health(1, 1), 'cooldown', litellmVersion);
    assert.ok(pair.pick({ model: 'two', inputTokens: 1 }, 1).ok, `${litellmVersion}: the id is served while it cools`);
  }
  const old = router({ model_list: [dep('g', {}, { model_info: { id: 'two' } })] }, { litellmVersion: '1.40.19' });
  old.onCallEnd(0, req, err(401), 0);
  assert.equal(old.pick({ model: 'two', inputTokens: 1 }, 1).ok, false);
});

test('wildcard groups: the most specific pattern wins; litellm_params.model names resolve too', () => {
  const r = router({ model_list: [dep('*', { model: '*' }), dep('openai/*', { model: 'openai/*' }), dep('alias', { model: 'azure/real' })] });
  const a = r.pick({ model: 'openai/gpt-4o', inputTokens: 1 }, 0);
  assert.ok(a.ok && a.deployment === 1);
  const b = r.pick({ model: 'anthropic/claude', inputTokens: 1 }, 0);
  assert.ok(b.ok && b.deployment === 0);
  const c = router({ model_list: [dep('alias', { model: 'azure/real' })] }).pick({ model: 'azure/real', inputTokens: 1 }, 0);
  assert.ok(c.ok && c.deployment === 0);
});
