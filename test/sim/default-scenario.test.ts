// Without --scenario, the derived traffic must be quick and sensible on large configs: each
// group is loaded at half of the capacity LiteLLM uses in normal operation (its lowest `order`
// tier), and the run stays within DEFAULT_MAX_REQUESTS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepareScenario } from '../../src/sim/prepare.js';
import { runJob } from '../../src/sim/job.js';
import { DEFAULT_MAX_REQUESTS } from '../../src/sim/default-scenario.js';
import type { Scenario } from '../../src/sim/scenario.js';

/**
 * 30 groups x 10 deployments = 300: per group one order-1 deployment with rpm 600 (10 requests/s)
 * and nine order-2 backups with no declared limit (the default provider, ~63 requests/s each).
 */
function tieredConfig(extraSettings: Record<string, unknown> = {}): unknown {
  const model_list = [];
  for (let g = 0; g < 30; g++) {
    model_list.push({ model_name: `group-${g}`, litellm_params: { model: `openai/primary-${g}`, rpm: 600, order: 1 } });
    for (let b = 0; b < 9; b++) model_list.push({ model_name: `group-${g}`, litellm_params: { model: `azure/backup-${g}-${b}`, api_base: `https://b${b}.example.com`, order: 2 } });
  }
  return { model_list, router_settings: { enable_pre_call_checks: true, ...extraSettings } };
}

function derived(config: unknown, litellmVersion?: '2024' | '2025' | '2026'): Scenario {
  const r = prepareScenario(config, null, { litellmVersion });
  assert.ok(r.ok);
  return r.scenario;
}

test('each group gets half the capacity of its lowest order tier, not of every deployment', () => {
  const s = derived(tieredConfig());
  assert.equal(s.traffic.length, 30);
  // The order-1 deployment takes 600 rpm = 10/s; the backups serve only on failover.
  for (const t of s.traffic) assert.equal(t.ratePerSec, 5);
  // [2025] without pre-call checks LiteLLM ignores `order`: then every deployment shares the load.
  const unordered = derived({ ...(tieredConfig() as object), router_settings: {} }, '2025');
  assert.ok(unordered.traffic[0].ratePerSec > 200, String(unordered.traffic[0].ratePerSec));
});

test('a 300-deployment config with order tiers simulates fast with a sensible success rate at the stated load', () => {
  const outcome = runJob({ config: tieredConfig(), scenario: null });
  assert.ok(outcome.ok);
  const r = outcome.result;
  assert.equal(r.deployments.length, 300);
  assert.equal(r.simulated_seconds, 300);
  // 30 groups x 5/s x 300 s.
  assert.ok(Math.abs(r.totals.requests - 45_000) < 1_500, `requests ${r.totals.requests}`);
  assert.ok(r.totals.success_rate > 0.99, `success rate ${r.totals.success_rate}`);
  const primaries = r.deployments.filter((d) => d.model.startsWith('openai/primary'));
  const calls = r.deployments.reduce((s, d) => s + d.requests, 0);
  assert.ok(primaries.reduce((s, d) => s + d.requests, 0) / calls > 0.95, 'the order-1 tier takes the traffic');
  assert.deepEqual(outcome.notices, []);
});

test('the default scenario never asks for more than DEFAULT_MAX_REQUESTS requests, and says when it shortens the run', () => {
  // 300 deployments in one tier with no limits: about 9,400 requests/s at half capacity.
  const config = { model_list: Array.from({ length: 300 }, (_, i) => ({ model_name: `g${i % 3}`, litellm_params: { model: `openai/m${i}` } })) };
  const s = derived(config);
  const perSec = s.traffic.reduce((sum, t) => sum + t.ratePerSec, 0);
  assert.ok(perSec > 9_000);
  assert.ok((perSec * s.durationMs!) / 1000 <= DEFAULT_MAX_REQUESTS, `${perSec}/s for ${s.durationMs} ms`);
  assert.ok(s.durationMs! >= 20_000, 'still tens of seconds of traffic');
  assert.match(s.notices![0], /^default scenario: 21 s of traffic instead of 5 minutes, so the run stays within 200,000 requests at 9,4\d\d requests\/s \(50 % of the config.s capacity\)/);
});

// A config with nothing the derived scenario can send to used to print "requests 0 succeeded 0
// (100.0%)" with no word of why.
for (const [what, config] of [
  ['no model_list', { router_settings: { routing_strategy: 'simple-shuffle' } }],
  ['only a wildcard deployment', { model_list: [{ model_name: '*', litellm_params: { model: 'openai/*' } }] }],
] as const) {
  test(`a config with ${what} runs no request and says why`, () => {
    const scenario = derived(config);
    assert.equal(scenario.traffic.length, 0);
    // also when --duration sets the length (the derived scenario's other notes are moot then)
    for (const durationMs of [undefined, 60_000]) {
      const r = runJob({ config, scenario: null, seed: 1, durationMs });
      assert.ok(r.ok);
      assert.equal(r.result.totals.requests, 0);
      assert.ok(r.notices.some((n) => /^default scenario: the config has no deployment to send requests to/.test(n)), r.notices.join('\n'));
    }
  });
}

test('a config with a servable deployment gets no such notice', () => {
  const config = { model_list: [{ model_name: 'm', litellm_params: { model: 'openai/gpt-4o-mini', rpm: 60 } }] };
  const r = runJob({ config, scenario: null, seed: 1 });
  assert.ok(r.ok);
  assert.ok(r.result.totals.requests > 0);
  assert.ok(!r.notices.some((n) => n.includes('no deployment to send requests to')));
});
