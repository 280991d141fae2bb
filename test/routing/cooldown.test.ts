// LiteLLM router-test behaviours F.29–F.39 (cooldowns).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dep, drive, err, ok, router } from './helpers.js';
import type { Router } from '../../src/routing/router.js';

const req = { model: 'gpt', inputTokens: 10 };
const group = (n: number, extra: Record<string, unknown> = {}) => ({
  model_list: Array.from({ length: n }, (_, i) => dep('gpt', { api_base: `https://h${i}` })),
  ...extra,
});
const fail = (r: Router, d: number, status: number, now: number, over = {}) => {
  r.onCallStart(d, req, now);
  r.onCallEnd(d, req, err(status, over), now);
};
const succeed = (r: Router, d: number, now: number) => {
  r.onCallStart(d, req, now);
  r.onCallEnd(d, req, ok(), now);
};

test('behaviour 29: cooldown logic is skipped with disable_cooldowns and for wildcard deployments', () => {
  const off = router(group(2, { router_settings: { disable_cooldowns: true } }));
  fail(off, 0, 401, 0);
  fail(off, 0, 429, 0);
  assert.equal(off.health(0, 1), 'healthy');
  const wild = router({ model_list: [dep('openai/*', { model: 'openai/*' }), dep('openai/*', { model: 'openai/*', api_base: 'b' })] });
  fail(wild, 0, 401, 0);
  assert.equal(wild.health(0, 1), 'healthy', 'wildcard provider-default deployments never cool');
});

test('behaviour 30: a 429 cools a deployment only when its group has more than one deployment', () => {
  const multi = router(group(2));
  fail(multi, 0, 429, 0);
  assert.equal(multi.health(0, 1), 'cooldown');
  assert.equal(multi.health(1, 1), 'healthy');
  const single = router(group(1));
  for (let i = 0; i < 20; i++) fail(single, 0, 429, i);
  assert.equal(single.health(0, 21), 'healthy');
});

test('behaviour 31: a 401 cools immediately, even a single deployment (404 too)', () => {
  for (const status of [401, 404]) {
    const r = router(group(1));
    fail(r, 0, status, 0);
    assert.equal(r.health(0, 1), 'cooldown', `status ${status}`);
  }
});

test('behaviour 32: a 400 never cools (allowed_fails 0, cooldown_time 300)', () => {
  const r = router(group(1, { router_settings: { allowed_fails: 0, cooldown_time: 300 } }));
  fail(r, 0, 400, 0);
  assert.equal(r.health(0, 1), 'healthy');
  assert.ok(r.pick(req, 1).ok);
  for (const status of [403, 413, 422]) {
    fail(r, 0, status, 2);
    assert.equal(r.health(0, 3), 'healthy', `status ${status}`);
  }
  fail(r, 0, 408, 4);
  assert.equal(r.health(0, 5), 'cooldown', 'count mode with 0 allowed fails: a 408 cools');
});

test('behaviour 33: more than 50% failures cool a deployment of a multi-deployment group', () => {
  const r = router(group(2));
  for (let i = 0; i < 40; i++) succeed(r, 0, i);
  for (let i = 0; i < 40; i++) fail(r, 0, 500, 100 + i);
  assert.equal(r.health(0, 200), 'healthy', '40/80 is not > 50%');
  fail(r, 0, 500, 200);
  assert.equal(r.health(0, 201), 'cooldown', '41/81 > 50%');
  const single = router(group(1));
  for (let i = 0; i < 7; i++) succeed(single, 0, i);
  for (let i = 0; i < 3; i++) fail(single, 0, 500, 10 + i);
  assert.equal(single.health(0, 20), 'healthy');
});

// DEFAULT_FAILURE_THRESHOLD_MINIMUM_REQUESTS: commit f25344484 (#17464, 2025-12-12), first in 1.80.11.
test('behaviour 34: the >50% rule needs 5 requests in the window from 1.80.11; 1.80.10 cooled on the first failure', () => {
  for (const litellmVersion of ['1.80.11', '1.80.15', '1.83.7']) {
    const r = router(group(2), { litellmVersion });
    fail(r, 0, 500, 0);
    assert.equal(r.health(0, 1), 'healthy', `${litellmVersion}: 1 failure (100%) is below the minimum`);
    for (let i = 1; i < 4; i++) fail(r, 0, 500, i);
    assert.equal(r.health(0, 5), 'healthy');
    fail(r, 0, 500, 5);
    assert.equal(r.health(0, 6), 'cooldown', '5 failures → cooldown');
  }
  for (const litellmVersion of ['1.59.1', '1.80.10']) {
    const old = router(group(2), { litellmVersion });
    fail(old, 0, 500, 0);
    assert.equal(old.health(0, 1), 'cooldown', litellmVersion);
  }
});

test('behaviour 35: a single deployment cools only when ≥1000 requests in the window all failed', () => {
  const r = router(group(1));
  for (let i = 0; i < 999; i++) fail(r, 0, 500, i * 10);
  assert.equal(r.health(0, 10_000), 'healthy');
  fail(r, 0, 500, 10_000);
  assert.equal(r.health(0, 10_001), 'cooldown');
  const low = router(group(1));
  for (let i = 0; i < 3; i++) fail(low, 0, 500, i);
  assert.equal(low.health(0, 5), 'healthy');
});

test('behaviour 36: legacy allowed_fails mode cools on the (allowed+1)-th failure', () => {
  const r = router(group(1, { router_settings: { allowed_fails: 100 } }));
  for (let i = 0; i < 100; i++) fail(r, 0, 500, i);
  assert.equal(r.health(0, 100), 'healthy');
  fail(r, 0, 500, 100);
  assert.equal(r.health(0, 101), 'cooldown');
  // allowed_fails_policy picks the count per error class; 0 falls back to allowed_fails (`or`)
  const p = router(group(2, { router_settings: { allowed_fails_policy: { RateLimitErrorAllowedFails: 2, InternalServerErrorAllowedFails: 0 } } }));
  fail(p, 0, 429, 0);
  fail(p, 0, 429, 1);
  assert.equal(p.health(0, 2), 'healthy');
  fail(p, 0, 429, 2);
  assert.equal(p.health(0, 3), 'cooldown');
});

test('behaviour 37: a cooldown expires after cooldown_time', () => {
  const r = router(group(1, { router_settings: { cooldown_time: 0.1 } }));
  fail(r, 0, 401, 1000);
  assert.equal(r.health(0, 1000), 'cooldown');
  assert.equal(r.health(0, 1050), 'cooldown');
  assert.equal(r.health(0, 1100), 'healthy');
  assert.equal(r.cooldownUntil(0, 1000), 1100);
});

test('behaviour 38: request / deployment cooldown_time 0 disables cooldown; router-level 0 means 5 s; Retry-After sets the length', () => {
  const r = router(group(2));
  r.onCallStart(0, { ...req, cooldownTimeMs: 0 }, 0);
  r.onCallEnd(0, { ...req, cooldownTimeMs: 0 }, err(401), 0);
  assert.equal(r.health(0, 1), 'healthy', 'request cooldown_time 0');
  const d = router({ model_list: [dep('gpt', { cooldown_time: 0 }), dep('gpt', { cooldown_time: 2 })] });
  fail(d, 0, 401, 0);
  fail(d, 1, 401, 0);
  assert.equal(d.health(0, 1), 'healthy', 'deployment cooldown_time 0');
  assert.equal(d.cooldownUntil(1, 1), 2000);
  const z = router(group(2, { router_settings: { cooldown_time: 0 } }));
  fail(z, 0, 401, 0);
  assert.equal(z.cooldownUntil(0, 1), 5000);
  const ra = router(group(2));
  fail(ra, 0, 429, 0, { retryAfterMs: 90_000 });
  assert.equal(ra.cooldownUntil(0, 1), 90_000, 'Retry-After is used uncapped for the cooldown');
});

test('behaviour 39: healthy-ish traffic does not cool; one bad deployment (≈60% failures) does', () => {
  const run = (failEvery: number[]) => {
    const r = router(group(3));
    const calls = [0, 0, 0];
    for (let i = 0; i < 100; i++) {
      drive(
        r,
        req,
        (d) => {
          calls[d]++;
          const pattern = failEvery[d];
          // pattern p: fail p out of every 5 calls
          return calls[d] % 5 < pattern ? err(500) : ok();
        },
        i * 100,
      );
    }
    return r.deployments.map((_, d) => r.core.cooldown.entered[r.core.slotOf[d]]);
  };
  assert.deepEqual(run([1, 1, 1]), [0, 0, 0], '20% failures: no cooldowns');
  const bad = run([3, 0, 0]);
  assert.deepEqual(bad.map((n) => n > 0), [true, false, false]);
});

test('allowed_fails in litellm_settings alone keeps percentage cooldowns; count mode only when Router.allowed_fails differs from it', () => {
  // One deployment, allowed_fails 5 only in litellm_settings: Router.allowed_fails is that same
  // global, so the failure-rate logic with its single-deployment exemption stays (12 × 500: no cooldown).
  const single = router(group(1, { litellm_settings: { allowed_fails: 5 } }));
  for (let i = 0; i < 12; i++) fail(single, 0, 500, i);
  assert.equal(single.health(0, 20), 'healthy');
  // Two deployments, litellm_settings.allowed_fails 2: a 429 cools at once (percentage mode), no count.
  const pair = router(group(2, { litellm_settings: { allowed_fails: 2 } }));
  fail(pair, 0, 429, 0);
  assert.equal(pair.health(0, 1), 'cooldown');
  // The same value in both sections: still equal, still percentage mode.
  const both = router(group(1, { litellm_settings: { allowed_fails: 5 }, router_settings: { allowed_fails: 5 } }));
  for (let i = 0; i < 12; i++) fail(both, 0, 500, i);
  assert.equal(both.health(0, 20), 'healthy');
  // router_settings.allowed_fails 3 (LiteLLM's default) differs from the global 5: count mode with 3.
  const differs = router(group(1, { litellm_settings: { allowed_fails: 5 }, router_settings: { allowed_fails: 3 } }));
  for (let i = 0; i < 3; i++) fail(differs, 0, 500, i);
  assert.equal(differs.health(0, 5), 'healthy', '3 failures are allowed');
  fail(differs, 0, 500, 6);
  assert.equal(differs.health(0, 7), 'cooldown', 'the 4th failure cools');
  // _is_allowed_fails_set_on_router arrived with commit 891e9001b (#6258, 2024-10-16), first in
  // 1.49.6; 1.46.0 to 1.49.5 ignored router allowed_fails and stayed in percentage mode.
  const tenAllowed = (litellmVersion: string) => {
    const r = router(group(2, { router_settings: { allowed_fails: 10 } }), { litellmVersion });
    fail(r, 0, 500, 0);
    fail(r, 0, 500, 1);
    return r.health(0, 2);
  };
  assert.equal(tenAllowed('1.49.6'), 'healthy', 'count mode: 2 of 10 allowed failures');
  assert.equal(tenAllowed('1.49.5'), 'cooldown', 'percentage mode: 2 of 2 failed');
});
