// Router behaviours an audit found gwcfg getting wrong (issue 13 part 2), each pinned against the
// LiteLLM source named in src/routing/releases.ts and docs/fidelity.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dep, drive, err, ok, router } from './helpers.js';
import type { Router } from '../../src/routing/router.js';

const req = { model: 'g', inputTokens: 1 };
const pair = (extra: Record<string, unknown> = {}) => ({ model_list: [dep('g', {}), dep('g', { api_base: 'b' })], ...extra });

test('percentage cooldown: successes and failures are two counters with separate 60 s windows from their first write', () => {
  const r = router(pair());
  for (let i = 0; i < 5; i++) r.onCallEnd(0, req, ok(), 0); // {id}:successes lives until 60 s
  for (let i = 0; i < 4; i++) r.onCallEnd(0, req, err(500), 30_000); // {id}:fails lives until 90 s
  assert.equal(r.health(0, 30_001), 'healthy', '4 of 9 failed');
  // At 61 s the successes key has expired while the fails key (from 30 s) still counts 4:
  // 5 of 5 failed. One shared window would have restarted both counters at 60 s (1 of 1).
  r.onCallEnd(0, req, err(500), 61_000);
  assert.equal(r.health(0, 61_001), 'cooldown');
});

test('allowed_fails_policy 0 cools on the first failure from 1.81; before, 0 fell back to allowed_fails', () => {
  const cfg = pair({ router_settings: { allowed_fails_policy: { RateLimitErrorAllowedFails: 0 } } });
  const now = router(cfg, { litellmVersion: '1.81.0' });
  now.onCallEnd(0, req, err(429), 0);
  assert.equal(now.health(0, 1), 'cooldown');
  const old = router(cfg, { litellmVersion: '1.80' });
  for (let i = 0; i < 3; i++) old.onCallEnd(0, req, err(429), i);
  assert.equal(old.health(0, 5), 'healthy', '`0 or allowed_fails` allows 3');
  old.onCallEnd(0, req, err(429), 5);
  assert.equal(old.health(0, 6), 'cooldown');
});

test('a 502 is BadGatewayError: BadGatewayErrorAllowedFails applies, InternalServerErrorAllowedFails does not', () => {
  const r = router(pair({ router_settings: { allowed_fails_policy: { BadGatewayErrorAllowedFails: 1, InternalServerErrorAllowedFails: 5 } } }));
  r.onCallEnd(0, req, err(502), 0);
  assert.equal(r.health(0, 1), 'healthy');
  r.onCallEnd(0, req, err(502), 1);
  assert.equal(r.health(0, 2), 'cooldown');
});

// Router.get_allowed_fails_from_policy (litellm/router.py) reads five keys in every release of
// LiteLLM's history through 1.80.15; _EXCEPTION_POLICY_FIELDS (cooldown_handlers.py) of a 2026
// version reads nine (keyed at 1.81.0, approximate).
test('allowed_fails_policy reads the 5xx and 404 keys from 1.81; through 1.80.15 only five error classes have a key', () => {
  const cfg = pair({ router_settings: { allowed_fails_policy: { InternalServerErrorAllowedFails: 1, RateLimitErrorAllowedFails: 1 } } });
  const failuresToCool = (litellmVersion: string, status: number) => {
    const r = router(cfg, { litellmVersion });
    for (let i = 0; i < 10; i++) {
      r.onCallEnd(0, req, err(status), i);
      if (r.health(0, i + 0.5) === 'cooldown') return i + 1;
    }
    return null;
  };
  assert.equal(failuresToCool('1.81.0', 500), 2, 'InternalServerErrorAllowedFails: 1');
  assert.equal(failuresToCool('1.80.15', 500), 4, 'the key is not read: allowed_fails (3) applies');
  assert.equal(failuresToCool('1.80.15', 429), 2, 'RateLimitErrorAllowedFails was always read');
  assert.equal(failuresToCool('1.55.8', 429), 2);
});

test('model_info.allowed_fails on a single-deployment group keeps the single-deployment exemption', () => {
  const cfg = { model_list: [dep('g', {}, { model_info: { allowed_fails: 1 } })] };
  const r = router(cfg);
  for (let i = 0; i < 5; i++) r.onCallEnd(0, req, err(500), i);
  assert.equal(r.health(0, 10), 'healthy');
  // a model_info.allowed_fails_policy entry for the error is explicit enough to cool it
  const policy = router({ model_list: [dep('g', {}, { model_info: { allowed_fails_policy: { InternalServerErrorAllowedFails: 1 } } })] });
  for (let i = 0; i < 2; i++) policy.onCallEnd(0, req, err(500), i);
  assert.equal(policy.health(0, 10), 'cooldown');
});

// InMemoryCache.allow_ttl_override: commit a78d121ef (#11137, 2025-05-24), first in 1.71.2.
test('latency map TTL runs from its first write and is never extended', () => {
  const cfg = pair({ router_settings: { routing_strategy: 'latency-based-routing', routing_strategy_args: { ttl: 10 } } });
  const picks = (r: Router, at: number) => {
    const counts = [0, 0];
    for (let i = 0; i < 200; i++) {
      const p = r.pick(req, at);
      if (p.ok) counts[p.deployment]++;
    }
    return counts;
  };
  const r = router(cfg);
  r.onCallEnd(0, req, ok({ latencyMs: 5000 }), 0); // the map is created at 0 s: expires at 10 s
  r.onCallEnd(1, req, ok({ latencyMs: 100 }), 5_000); // a later write does not extend it
  assert.deepEqual(picks(r, 9_000), [0, 200], 'while the map lives the fast deployment wins');
  const after = picks(r, 10_500);
  assert.ok(after[0] > 50, `the map expired 10 s after its first write: no data, both serve (${after})`);
  // 1.71.1: the write at 5 s restarted the ttl, so the map lives until 15 s
  const old = router(cfg, { litellmVersion: '1.71.1' });
  old.onCallEnd(0, req, ok({ latencyMs: 5000 }), 0);
  old.onCallEnd(1, req, ok({ latencyMs: 100 }), 5_000);
  assert.deepEqual(picks(old, 10_500), [0, 200], '1.71.1: still live at 10.5 s');
  assert.ok(picks(old, 15_500)[0] > 50, '1.71.1: expired 10 s after the latest write');
});

test('usage-based-routing-v2 no-deployments 429 carries Retry-After 60 s', () => {
  const r = router({ model_list: [dep('g', { rpm: 1 })], router_settings: { routing_strategy: 'usage-based-routing-v2' } });
  const p = r.pick(req, 10_000); // rpm_used + 1 >= 1: selection finds nothing
  assert.ok(!p.ok && p.retryAfterMs === 60_000, JSON.stringify(p));
  // and so does the pre-call rpm check's 429 at call start
  assert.ok(r.onCallStart(0, req, 10_000).ok);
  const second = r.onCallStart(0, req, 10_001);
  assert.ok(!second.ok && second.retryAfterMs === 60_000);
});

// run_async_fallback raises fallback_depth per entry tried from commit 6b3bfa2b4 (#8558,
// 2025-02-15), first in 1.61.5; before, each entry got `fallback_depth + 1`.
test('fallback depth grows per entry tried from 1.61.5; before, every entry was entered at depth + 1', () => {
  const model_list = ['primary', 'fb-a', 'fb-b', 'deep'].map((n) => dep(n, {}));
  const cfg = { model_list, router_settings: { num_retries: 0, max_fallbacks: 2, fallbacks: [{ primary: ['fb-a', 'fb-b'] }, { 'fb-b': ['deep'] }] } };
  const groups = (litellmVersion: string) => {
    const r = router(cfg, { litellmVersion });
    return drive(r, { model: 'primary', inputTokens: 1 }, () => err(503)).calls.map((c) => c.group);
  };
  assert.deepEqual(groups('1.61.5'), ['primary', 'fb-a', 'fb-b'], 'fb-b is entered at depth 2 = max_fallbacks');
  assert.deepEqual(groups('1.83.7'), ['primary', 'fb-a', 'fb-b']);
  assert.deepEqual(groups('1.61.4'), ['primary', 'fb-a', 'fb-b', 'deep'], 'fb-b is entered at depth 1 and falls back');
});

test('max_fallbacks bounds the fallback depth on entry; every entry of a flat list is tried', () => {
  const model_list = ['primary', 'fb-a', 'fb-b', 'fb-c', 'deep'].map((n) => dep(n, {}));
  const flat = router({ model_list, router_settings: { num_retries: 0, max_fallbacks: 2, fallbacks: [{ primary: ['fb-a', 'fb-b', 'fb-c'] }] } });
  const down = (r: Router, up: string) => (d: number) => (r.deployments[d].modelName === up ? ok() : err(503));
  const d = drive(flat, { model: 'primary', inputTokens: 1 }, down(flat, 'fb-c'));
  assert.deepEqual(d.calls.map((c) => c.group), ['primary', 'fb-a', 'fb-b', 'fb-c']);
  assert.equal(d.step.kind, 'success');
  // a group entered at depth max_fallbacks does not fall back further
  const nested = router({
    model_list,
    router_settings: { num_retries: 0, max_fallbacks: 1, fallbacks: [{ primary: ['fb-a'] }, { 'fb-a': ['deep'] }] },
  });
  const n = drive(nested, { model: 'primary', inputTokens: 1 }, down(nested, 'deep'));
  assert.deepEqual(n.calls.map((c) => c.group), ['primary', 'fb-a']);
});


test('tags are filtered before order tiers', () => {
  const r = router({
    model_list: [
      dep('chat', { model: 'openai/gpt-4o-mini', order: 1, tags: ['default'] }),
      dep('chat', { model: 'openai/gpt-4o', order: 2, tags: ['premium'] }),
    ],
    router_settings: { enable_tag_filtering: true },
  });
  for (let i = 0; i < 20; i++) {
    const p = r.pick({ model: 'chat', inputTokens: 1, tags: ['premium'] }, 0);
    assert.ok(p.ok && p.deployment === 1, JSON.stringify(p));
  }
  const untagged = r.pick({ model: 'chat', inputTokens: 1 }, 0);
  assert.ok(untagged.ok && untagged.deployment === 0, 'untagged requests go to the default-tagged deployment');
  // Through 1.80.15 async_get_healthy_deployments ran _pre_call_checks (and its order filter) before
  // get_deployments_for_tag: with pre-call checks tier 1 is kept, then its default-tagged deployment serves.
  const cfg = (pre: boolean) => ({
    model_list: [
      dep('chat', { model: 'openai/gpt-4o-mini', order: 1, tags: ['default'] }),
      dep('chat', { model: 'openai/gpt-4o', order: 2, tags: ['premium'] }),
    ],
    router_settings: { enable_tag_filtering: true, enable_pre_call_checks: pre },
  });
  const premium = { model: 'chat', inputTokens: 1, tags: ['premium'] };
  const old = router(cfg(true), { litellmVersion: '1.80.15' }).pick(premium, 0);
  assert.ok(old.ok && old.deployment === 0, `1.80.15 with pre-call checks: order first (${JSON.stringify(old)})`);
  const noChecks = router(cfg(false), { litellmVersion: '1.80.15' }).pick(premium, 0);
  assert.ok(noChecks.ok && noChecks.deployment === 1, '1.80.15 without pre-call checks: no order filter, the tag decides');
  const now = router(cfg(true), { litellmVersion: '1.81.0' }).pick(premium, 0);
  assert.ok(now.ok && now.deployment === 1, '1.81.0: tags first');
});

// lowest_tpm_rpm.py get_available_deployments: is-None limits and the lowest-usage scan from commit
// 47ca223d0 (1.34.11), rpm_used + 1 >= rpm from commit 89e655c79 (2024-04-30, 1.35.33).
test('usage-based-routing v1 from 1.35.33: is-None limits (tpm 0 = never) and rpm_used + 1 >= rpm', () => {
  const v1 = { routing_strategy: 'usage-based-routing' };
  const zero = router({ model_list: [dep('gpt', { tpm: 0 }), dep('gpt', { api_base: 'b', tpm: 1000 })], router_settings: v1 });
  for (let i = 0; i < 10; i++) {
    const p = zero.pick({ model: 'gpt', inputTokens: 1 }, i);
    assert.ok(p.ok && p.deployment === 1, 'tpm: 0 is never routable');
  }
  // rpm 2: after one success this minute, 1 + 1 >= 2 excludes it
  const r = router({ model_list: [dep('gpt', { rpm: 2 })], router_settings: v1 });
  const q = { model: 'gpt', inputTokens: 1 };
  assert.ok(r.pick(q, 0).ok);
  r.onCallStart(0, q, 0);
  r.onCallEnd(0, q, ok(), 100);
  assert.equal(r.pick(q, 200).ok, false);
  const r155 = router({ model_list: [dep('gpt', { rpm: 2 })], router_settings: v1 }, { litellmVersion: '1.55.8' });
  r155.onCallStart(0, q, 0);
  r155.onCallEnd(0, q, ok(), 100);
  assert.equal(r155.pick(q, 200).ok, false, '1.55.8 has the new rule');
  const old = router({ model_list: [dep('gpt', { rpm: 2 })], router_settings: v1 }, { litellmVersion: '1.34.10' });
  old.onCallStart(0, q, 0);
  old.onCallEnd(0, q, ok(), 100);
  assert.ok(old.pick(q, 200).ok, 'the old rule was rpm_used + 1 > rpm');
});

test('enable_weighted_failover re-picks another deployment of the group before cross-group fallbacks (1.81+)', () => {
  const cfg = pair({ router_settings: { num_retries: 0, disable_cooldowns: true, enable_weighted_failover: true } });
  const down0 = (d: number) => (d === 0 ? err(503) : ok());
  let failovers = 0;
  const r = router(cfg, { litellmVersion: '1.81.0' });
  for (let i = 0; i < 50; i++) {
    const d = drive(r, req, down0);
    assert.equal(d.step.kind, 'success');
    if (d.calls.length === 2) failovers++;
  }
  assert.ok(failovers > 0, 'requests that hit the failing deployment first were served by the other');
  let failed = 0;
  const old = router(cfg, { litellmVersion: '1.80' });
  for (let i = 0; i < 50; i++) if (drive(old, req, down0).step.kind === 'fail') failed++;
  assert.ok(failed > 0, 'before 1.81 the key is not read: num_retries 0 and no fallbacks fail');
});

test('a retry skips the deployment that answered 401/403 (1.81+)', () => {
  const cfg = pair({ router_settings: { num_retries: 2 } });
  let again = 0;
  let first0 = 0;
  const r = router(cfg, { litellmVersion: '1.81.0' });
  for (let i = 0; i < 100; i++) {
    const d = drive(r, req, (dd) => (dd === 0 ? err(403) : ok()));
    if (d.calls[0].deployment === 0) first0++;
    assert.equal(d.step.kind, 'success');
    if (d.calls.length > 1 && d.calls[0].deployment === 0 && d.calls[1].deployment === 0) again++;
  }
  assert.equal(again, 0);
  assert.ok(first0 > 10, `the 403 deployment was picked first in ${first0} requests`);
});

test('litellm_settings.cooldown_time is not read by the Router', () => {
  const r = router(pair({ litellm_settings: { cooldown_time: 300 } }));
  assert.equal(r.config.settings.cooldownTimeMs, 5_000, 'the default 5 s');
  r.onCallEnd(0, req, err(429), 0);
  assert.equal(r.cooldownUntil(0, 1), 5_000);
});
