// The newest ([2026]) LiteLLM behaviours: order fallback across `order` tiers, ttft_percentile,
// deployment-level cooldown policy in model_info, and the proxy's first-failure-only cooldown
// accounting. Each test also pins what the older versions (or the option turned off) do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { call, countPicks, dep, drive, err, ok, router } from './helpers.js';

const req = { model: 'g', inputTokens: 10 };

test('2026: order tier 2 serves when every tier-1 deployment is cooled or over its limits', () => {
  // cooled: tier 1 (order 1) cools on a 401; tier 2 takes the picks
  const tiers = { model_list: [dep('g', { order: 1, api_base: 'a' }), dep('g', { order: 2, api_base: 'b' })] };
  const r = router(tiers);
  assert.deepEqual(countPicks(r, req, 10), [10, 0]);
  r.onCallEnd(0, req, err(401), 0);
  assert.deepEqual(countPicks(r, req, 10, 1), [0, 10]);

  // over its limits: usage-based-routing-v2 excludes tier 1 (tpm used up); the pick moves to
  // tier 2 instead of failing as rate-limited
  const limited = {
    model_list: [dep('g', { order: 1, tpm: 100, api_base: 'a' }), dep('g', { order: 2, tpm: 100_000, api_base: 'b' })],
    router_settings: { routing_strategy: 'usage-based-routing-v2', enable_pre_call_checks: true },
  };
  const v26 = router(limited);
  assert.ok(call(v26, 0, req, ok({ inputTokens: 60, outputTokens: 40 }), 1000));
  const p = v26.pick(req, 2000);
  assert.ok(p.ok && p.deployment === 1, 'tier 2 serves');
  // the next minute tier 1 is under its limit again and takes the picks back
  const q = v26.pick(req, 61_000);
  assert.ok(q.ok && q.deployment === 0);
  // [2025] only the lowest tier is considered: the request is rate-limited
  const v25 = router(limited, { litellmVersion: '2025' });
  assert.ok(call(v25, 0, req, ok({ inputTokens: 60, outputTokens: 40 }), 1000));
  const old = v25.pick(req, 2000);
  assert.ok(!old.ok && old.reason === 'rate-limited');

  // tags: tier 1 has no deployment for the request's tag, tier 2 has
  const tagged = router({
    model_list: [dep('g', { order: 1, tags: ['free'], api_base: 'a' }), dep('g', { order: 2, tags: ['paid'], api_base: 'b' })],
    router_settings: { enable_tag_filtering: true },
  });
  const t = tagged.pick({ ...req, tags: ['paid'] }, 0);
  assert.ok(t.ok && t.deployment === 1);
});

test('2026: a request whose tier-1 deployment failed tries order tier 2 before falling back to other groups', () => {
  const cfg = {
    model_list: [dep('g', { order: 1, api_base: 'a' }), dep('g', { order: 2, api_base: 'b' }), dep('other', {})],
    router_settings: { fallbacks: [{ g: ['other'] }] },
  };
  const outcome = (d: number) => (d === 0 ? err(500) : ok());
  // tier 1 is not cooled by one 500 (the >50% rule needs 5 requests), so the group's retries
  // go to it again; then the order fallback moves to tier 2, before `fallbacks`
  const r = router(cfg);
  const run = drive(r, req, outcome);
  assert.deepEqual(run.calls.map((c) => c.deployment), [0, 0, 0, 1]);
  assert.equal(run.step.kind, 'success');
  assert.equal(run.fallbacks, 0);

  // a tier-1 failure that cools it: the retry itself lands on tier 2
  const cooled = router(cfg);
  const c = drive(cooled, req, (d) => (d === 0 ? err(429) : ok()));
  assert.deepEqual(c.calls.map((x) => x.deployment), [0, 1]);
  assert.equal(c.retries, 1);

  // no retries at all: still tier 2 before the fallback group
  const none = drive(router({ ...cfg, router_settings: { ...cfg.router_settings, num_retries: 0 } }), req, outcome);
  assert.deepEqual(none.calls.map((x) => x.deployment), [0, 1]);
  assert.equal(none.fallbacks, 0);

  // [2025] (pre-call checks on, so tiers apply): a failure that does not cool tier 1 (a 400)
  // keeps the retries on tier 1, then the fallback group; tier 2 is never tried
  const v25 = router({ ...cfg, router_settings: { ...cfg.router_settings, enable_pre_call_checks: true } }, { litellmVersion: '2025' });
  const old = drive(v25, req, (d) => (d === 0 ? err(400) : ok()));
  assert.deepEqual(old.calls.map((x) => x.deployment), [0, 0, 0, 2]);
  assert.equal(old.fallbacks, 1);
  // [2026] the same 400 is not retried, but the order fallback still reaches tier 2
  const v26 = drive(router(cfg), req, (d) => (d === 0 ? err(400) : ok()));
  assert.deepEqual(v26.calls.map((x) => x.deployment), [0, 1]);
});

test('2026: ttft_percentile scores streams by that percentile of the TTFT window instead of its mean', () => {
  const cfg = (args: Record<string, unknown>) => ({
    model_list: [dep('g', { api_base: 'a' }), dep('g', { api_base: 'b' })],
    router_settings: { routing_strategy: 'latency-based-routing', routing_strategy_args: args },
  });
  const stream = { ...req, stream: true };
  const feed = (r: ReturnType<typeof router>) => {
    // a: mostly fast first tokens with two 5 s outliers (mean 1.08 s, median 0.1 s); b: steady 0.5 s
    for (let i = 0; i < 10; i++) {
      call(r, 0, stream, ok({ latencyMs: 1000, ttftMs: i < 8 ? 100 : 5000 }), i);
      call(r, 1, stream, ok({ latencyMs: 1000, ttftMs: 500 }), i);
    }
  };
  const median = router(cfg({ ttft_percentile: 0.5 }));
  feed(median);
  assert.deepEqual(countPicks(median, stream, 20, 100), [20, 0], 'p50: a (0.1 s) beats b (0.5 s)');
  assert.equal(median.core.latency.score(median.core.slotOf[0], median.core.groupOf[0], true, 100), 0.1);
  const worst = router(cfg({ ttft_percentile: 1 }));
  feed(worst);
  assert.deepEqual(countPicks(worst, stream, 20, 100), [0, 20], 'p100: a (5 s) loses');
  const mean = router(cfg({}));
  feed(mean);
  assert.deepEqual(countPicks(mean, stream, 20, 100), [0, 20], 'no percentile: mean 1.08 s loses to 0.5 s');
  // [2025] has no ttft_percentile: the mean decides
  const old = router(cfg({ ttft_percentile: 0.5 }), { litellmVersion: '2025' });
  feed(old);
  assert.deepEqual(countPicks(old, stream, 20, 100), [0, 20]);
  // out of range values are ignored; non-streaming requests still use latency per token
  const bad = router(cfg({ ttft_percentile: 1.5 }));
  feed(bad);
  assert.deepEqual(countPicks(bad, stream, 20, 100), [0, 20]);
  assert.equal(countPicks(median, req, 20, 100).reduce((a, b) => a + b, 0), 20);
});

test('2026: deployment-level model_info allowed_fails, allowed_fails_policy and cooldown_time beat the router; blocked is never routed', () => {
  // a deployment's own allowed_fails: 1 switches it to count mode, so its second failure cools
  // it (adapted, issue 13 row 08: on a single-deployment group that keeps the single-deployment
  // exemption, cooldown_handlers._should_cooldown_based_on_deployment_policy; so two deployments)
  const single = { model_list: [dep('g', {}, { model_info: { allowed_fails: 1 } }), dep('g', { api_base: 'b' })] };
  const r = router(single);
  for (let i = 0; i < 3; i++) r.onCallEnd(0, req, ok(), 0); // 2 of 5 failed: under the 50% rule
  r.onCallEnd(0, req, err(500), 0);
  assert.equal(r.health(0, 1), 'healthy');
  r.onCallEnd(0, req, err(500), 1);
  assert.equal(r.health(0, 2), 'cooldown');
  const old = router(single, { litellmVersion: '2025' });
  for (let i = 0; i < 3; i++) old.onCallEnd(0, req, ok(), 0);
  old.onCallEnd(0, req, err(500), 0);
  old.onCallEnd(0, req, err(500), 1);
  assert.equal(old.health(0, 2), 'healthy', '[2025] ignores model_info.allowed_fails');

  // router allowed_fails 0 cools on the first failure; a deployment's own policy allows 2
  const policy = router({
    model_list: [
      dep('g', { api_base: 'a' }),
      dep('g', { api_base: 'b' }, { model_info: { allowed_fails_policy: { InternalServerErrorAllowedFails: 2 } } }),
    ],
    router_settings: { allowed_fails: 0, cooldown_time: 60 },
  });
  policy.onCallEnd(0, req, err(500), 0);
  assert.equal(policy.health(0, 1), 'cooldown');
  for (let i = 0; i < 2; i++) policy.onCallEnd(1, req, err(500), i);
  assert.equal(policy.health(1, 3), 'healthy');
  policy.onCallEnd(1, req, err(500), 3);
  assert.equal(policy.health(1, 4), 'cooldown');

  // model_info.cooldown_time beats litellm_params.cooldown_time ([2026] only)
  const lengths = { model_list: [dep('g', { cooldown_time: 2 }, { model_info: { cooldown_time: 30 } })] };
  const v26 = router(lengths);
  v26.onCallEnd(0, req, err(401), 0);
  assert.equal(v26.cooldownUntil(0, 1), 30_000);
  const v25 = router(lengths, { litellmVersion: '2025' });
  v25.onCallEnd(0, req, err(401), 0);
  assert.equal(v25.cooldownUntil(0, 1), 2_000);

  // blocked: removed from routing in 2026; older versions do not know the flag
  const blocked = { model_list: [dep('g', { api_base: 'a' }, { model_info: { blocked: true } }), dep('g', { api_base: 'b' })] };
  assert.deepEqual(countPicks(router(blocked), req, 50), [0, 50]);
  assert.ok(countPicks(router(blocked, { litellmVersion: '2025' }), req, 200)[0] > 0);
});

test('2026 proxy: only the first failure of a request (per group entered) runs the cooldown callback; fallback hops count', () => {
  // count mode with 1 allowed failure: the second counted failure cools
  const cfg = {
    model_list: [dep('g', {}), dep('f', {})],
    router_settings: { allowed_fails: 1, cooldown_time: 60, fallbacks: [{ g: ['f'] }] },
  };
  const fail = () => err(500);
  const r = router(cfg);
  const first = drive(r, req, fail);
  assert.deepEqual(first.calls.map((c) => c.group), ['g', 'g', 'g', 'f', 'f', 'f'], 'retries are not cut short by a cooldown');
  assert.equal(r.health(0, first.endMs), 'healthy', "g's retries did not count");
  assert.equal(r.health(1, first.endMs), 'healthy', "f's retries did not count");
  // the next request's first failure in each group is the second counted one: both cool
  const second = drive(r, req, fail, first.endMs);
  assert.equal(second.calls.length, 2);
  assert.equal(r.health(0, second.endMs), 'cooldown');
  assert.equal(r.health(1, second.endMs), 'cooldown');

  // the Router SDK (option off) counts every failure: g cools on its second attempt
  const sdk = router(cfg, { proxyFailureAccounting: false });
  const s = drive(sdk, req, fail);
  assert.deepEqual(s.calls.map((c) => c.group), ['g', 'g', 'f', 'f']);
  // [2025] had no such quirk either
  const old = drive(router(cfg, { litellmVersion: '2025' }), req, fail);
  assert.deepEqual(old.calls.map((c) => c.group), ['g', 'g', 'f', 'f']);
});

test('model_info.order is an order tier from 1.81; 1.80 reads order only from litellm_params', () => {
  // 'a' has its order in model_info, 'b' in litellm_params; pre-call checks on for 1.80.
  const config = {
    model_list: [dep('g', { api_base: 'a' }, { model_info: { order: 1 } }), dep('g', { order: 2, api_base: 'b' })],
    router_settings: { enable_pre_call_checks: true },
  };
  // 1.81+: _get_deployment_order falls back to model_info.order, so 'a' is tier 1 and serves.
  assert.deepEqual(countPicks(router(config), req, 10), [10, 0]);
  // 1.80: only litellm_params.order exists; 'a' has none and is dropped while 'b' (order 2) serves.
  assert.deepEqual(countPicks(router(config, { litellmVersion: '1.80' }), req, 10), [0, 10]);
  // litellm_params.order wins over model_info.order when both are set.
  const both = { model_list: [dep('g', { order: 3, api_base: 'a' }, { model_info: { order: 1 } }), dep('g', { order: 2, api_base: 'b' })] };
  assert.deepEqual(countPicks(router(both), req, 10), [0, 10]);
});
