// Config normalisation and LiteLLM behaviour I.55 (invalid routing_strategy).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeConfig, litellmDeploymentId, RouterConfigError } from '../../src/routing/config.js';
import { dep, router } from './helpers.js';

const norm = (c: unknown) => normalizeConfig(c, { litellmVersion: '2026' });

// Router.routing_strategy_init validates the name from commit 3f4a9d8d0 (#18624, 2026-01-05), first in 1.80.12.
test('behaviour 55: an invalid routing_strategy fails at construction ([2024]: accepted, every pick fails)', () => {
  for (const s of ['simple', 'not-a-real-strategy']) {
    assert.throws(
      () => router({ model_list: [dep('gpt', {})], router_settings: { routing_strategy: s } }),
      (e: Error) =>
        /Invalid routing_strategy/.test(e.message) &&
        /simple-shuffle/.test(e.message) &&
        /router_settings\.routing_strategy/.test(e.message) &&
        !/config\.yaml/.test(e.message) && // the core knows no file name; the CLI adds file:line:col
        e instanceof RouterConfigError &&
        e.path.join('.') === 'router_settings.routing_strategy',
    );
  }
  // The suggestion is the nearest strategy, not always the default.
  assert.throws(() => router({ model_list: [dep('gpt', {})], router_settings: { routing_strategy: 'latency-based-routng' } }), /Did you mean 'latency-based-routing'\?/);
  assert.throws(() => router({ model_list: [dep('gpt', {})], router_settings: { routing_strategy: 'not-a-real-strategy' } }), /Did you mean 'simple-shuffle'\?/);
  for (const s of ['simple-shuffle', 'least-busy', 'latency-based-routing', 'cost-based-routing', 'usage-based-routing-v2', 'usage-based-routing', 'weighted-round-robin', 'round-robin']) {
    assert.doesNotThrow(() => router({ model_list: [dep('gpt', {})], router_settings: { routing_strategy: s } }));
  }
  for (const litellmVersion of ['2024', '1.80.11']) {
    const old = router({ model_list: [dep('gpt', {})], router_settings: { routing_strategy: 'simple' } }, { litellmVersion });
    const p = old.pick({ model: 'gpt', inputTokens: 1 }, 0);
    assert.ok(!p.ok && p.reason === 'no-deployment', litellmVersion);
  }
  assert.throws(() => router({ model_list: [dep('gpt', {})], router_settings: { routing_strategy: 'simple' } }, { litellmVersion: '1.80.12' }), /Invalid routing_strategy/);
});

test('deployment ids: model_info.id, else sha256 of model_name + litellm_params as LiteLLM computes it', () => {
  // Expected value computed with LiteLLM's Router._generate_model_id in Python.
  assert.equal(
    litellmDeploymentId('gpt', { model: 'openai/gpt-4o', rpm: 6, temperature: 0.5, x: 1e-5, stream: true, tags: ['a', 'b'], h: { a: 1, b: 'x' }, n: null }),
    'ebad747474bb476f2ce4b0364e42e33b6bcbab027dcc970cb0b56e272ef8cf22',
  );
  const c = norm({ model_list: [dep('gpt', {}, { model_info: { id: 42 } }), dep('gpt', {}), dep('gpt', {})] });
  assert.equal(c.deployments[0].id, '42');
  assert.equal(c.deployments[1].id, c.deployments[2].id, 'identical entries share an id');
});

test('identical deployments share cooldown and usage state', () => {
  const r = router({ model_list: [dep('gpt', {}), dep('gpt', {}), dep('gpt', { api_base: 'x' })] });
  r.onCallEnd(0, { model: 'gpt', inputTokens: 1 }, { status: 401, latencyMs: 1, inputTokens: 1, outputTokens: 0 }, 0);
  assert.equal(r.health(1, 1), 'cooldown');
  assert.equal(r.health(2, 1), 'healthy');
});

test('limits: top-level rpm/tpm copied into litellm_params; v2 null-chain vs v1 truthy chain; os.environ numbers unset', () => {
  const c = norm({
    model_list: [
      { model_name: 'a', litellm_params: { model: 'x/a' }, rpm: 10, tpm: 0 },
      { model_name: 'a', litellm_params: { model: 'x/b', rpm: 'os.environ/RPM' }, model_info: { rpm: 7 } },
      { model_name: 'a', litellm_params: { model: 'x/c', weight: 3, order: 2 }, weight: 9 },
    ],
  });
  const [a, b, w] = c.deployments;
  assert.equal(a.rpm, 10);
  assert.equal(a.tpmLimit, 0);
  assert.equal(a.tpmLimitTruthy, null);
  assert.equal(b.rpm, null, 'os.environ/ numeric values count as unset');
  assert.equal(b.rpmLimit, 7);
  assert.equal(w.weight, 3);
  assert.equal(w.entryWeight, 9);
  assert.equal(w.order, 2);
});

test('settings: router_settings beat litellm_settings beat defaults; cooldown_time 0 → 5 s', () => {
  const s = norm({
    litellm_settings: { num_retries: 4, allowed_fails: 7, fallbacks: [{ a: ['b'] }], request_timeout: 30 },
    router_settings: { num_retries: 1, fallbacks: [], cooldown_time: 0 },
  }).settings;
  assert.equal(s.numRetries, 1);
  assert.equal(s.allowedFails, 7);
  assert.equal(s.legacyCooldownMode, false, 'Router.allowed_fails falls back to litellm.allowed_fails (7): equal, so no count mode');
  assert.deepEqual(s.fallbacks, [['a', ['b']]], 'an explicit empty router list counts as unset');
  assert.equal(s.timeoutMs, 30_000);
  assert.equal(s.cooldownTimeMs, 5000);
  const d = norm({}).settings;
  assert.equal(d.numRetries, 2);
  assert.equal(d.maxFallbacks, 5);
  assert.equal(d.legacyCooldownMode, false);
  assert.equal(d.timeoutMs, 6_000_000);
  assert.equal(normalizeConfig({ router_settings: { cooldown_time: 0 } }, { litellmVersion: '2024' }).settings.cooldownTimeMs, 5000, '2024 is 1.55.8');
  const three = norm({ router_settings: { allowed_fails: 3 } }).settings;
  assert.equal(three.legacyCooldownMode, false, 'allowed_fails: 3 equals the default → percentage mode');
});

test('default_fallbacks become the "*" entry of fallbacks; malformed fallback items are dropped', () => {
  const s = norm({ router_settings: { fallbacks: [{ a: ['b'] }, { x: ['y'], z: ['w'] }], default_fallbacks: ['d'] } }).settings;
  assert.deepEqual(s.fallbacks, [['a', ['b']], ['*', ['d']]]);
});

test('concurrencyLimit derives max_parallel_requests as LiteLLM does', () => {
  const r = router({
    model_list: [dep('g', { max_parallel_requests: 3, rpm: 9 }), dep('g', { rpm: 9 }), dep('g', { tpm: 100_000 }), dep('g', { tpm: 10 }), dep('g', {})],
    router_settings: { default_max_parallel_requests: 4 },
  });
  assert.deepEqual([0, 1, 2, 3, 4].map((d) => r.concurrencyLimit(d)), [3, 9, 600, 1, 4]);
  // int(tpm/1000/6) in every release of LiteLLM's history through 1.80.15; int(tpm/1000*6) in a
  // 2026 utils.py of the source index (keyed at 1.81.0, approximate).
  for (const litellmVersion of ['2024', '1.80.15']) {
    const old = router({ model_list: [dep('g', { tpm: 100_000 })] }, { litellmVersion });
    assert.equal(old.concurrencyLimit(0), 16, `${litellmVersion}: int(tpm/1000/6)`);
  }
  assert.equal(router({ model_list: [dep('g', { tpm: 100_000 })] }, { litellmVersion: '1.81.0' }).concurrencyLimit(0), 600);
});

// Issue 13 row 14: before, a cap of 0 made every call to the deployment wait forever.
test('rpm 0 or max_parallel_requests 0 installs no concurrency cap (every release)', () => {
  for (const litellmVersion of ['1.55.8', '1.83.7']) {
    const r = router({ model_list: [dep('g', { rpm: 0 }), dep('g', { max_parallel_requests: 0, rpm: 5 }), dep('g', { tpm: 0 })] }, { litellmVersion });
    assert.deepEqual([0, 1, 2].map((d) => r.concurrencyLimit(d)), [null, null, 1], 'tpm 0 still derives at least 1');
  }
});

// Adapted (issue 13, row 01): every LiteLLM release in the source index guards max_parallel_requests
// with a waiting limiter (asyncio.Semaphore, later MaxParallelRequestsLimiter with a waiter
// queue; litellm/router_utils/client_initalization_utils.py); none answers 429 at once.
test('max_parallel_requests: a full deployment makes the caller wait in every release, never a 429', () => {
  const q = { model: 'g', inputTokens: 1 };
  for (const litellmVersion of ['1.55.8', '1.80', '1.83.7']) {
    const r = router({ model_list: [dep('g', { max_parallel_requests: 2 })] }, { litellmVersion });
    assert.equal(r.concurrencyLimit(0), 2, 'the caller queues on this cap');
    for (let i = 0; i < 3; i++) assert.ok(r.onCallStart(0, q, 0).ok, `${litellmVersion}: call ${i + 1} is not rejected`);
  }
});

test('provider-budget-routing is a LiteLLM strategy gwcfg does not simulate: said so, not "the Router refuses to start"', () => {
  // LiteLLM's RoutingStrategy enum has PROVIDER_BUDGET_LIMITING and routing_strategy_init accepts it.
  assert.throws(
    () => router({ model_list: [dep('gpt', {})], router_settings: { routing_strategy: 'provider-budget-routing' } }),
    (e: Error) => e instanceof RouterConfigError && /is valid in LiteLLM .* but gwcfg does not simulate it/.test(e.message) && !/refuses to start/.test(e.message),
  );
});
