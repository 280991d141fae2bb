// Cooldown behaviours keyed to the LiteLLM release that introduced them (issue 13 part 3). Each
// release was read from LiteLLM's git history: the first version bump of pyproject.toml after the
// commit named in the comment (docs/fidelity.md, "Release keys from LiteLLM's history").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeConfig } from '../../src/routing/config.js';
import type { Router } from '../../src/routing/router.js';
import { dep, err, ok, router } from './helpers.js';

const req = { model: 'gpt', inputTokens: 10 };
const group = (n: number, routerSettings: Record<string, unknown> = {}) => ({
  model_list: Array.from({ length: n }, (_, i) => dep('gpt', { api_base: `https://h${i}` })),
  router_settings: routerSettings,
});
const fail = (r: Router, d: number, status: number, now: number) => {
  r.onCallStart(d, req, now);
  r.onCallEnd(d, req, err(status), now);
};
const succeed = (r: Router, d: number, now: number) => {
  r.onCallStart(d, req, now);
  r.onCallEnd(d, req, ok(), now);
};

// Router.__init__: `cooldown_time or 1`; `or 60` from commit 32bfb685f (2024-05-30, 1.39.5);
// `or DEFAULT_COOLDOWN_TIME_SECONDS` (5) from commit c8d15544c (#5698, 2024-09-14, 1.46.0).
test('cooldown_time unset or 0 is 5 s from 1.46.0, 60 s from 1.39.5, 1 s before', () => {
  const ms = (litellmVersion: string, cooldownTime?: number) =>
    normalizeConfig({ router_settings: cooldownTime === undefined ? {} : { cooldown_time: cooldownTime } }, { litellmVersion }).settings.cooldownTimeMs;
  for (const v of ['1.46.0', '1.55.8', '2024', '1.83.7']) {
    assert.equal(ms(v), 5000, v);
    assert.equal(ms(v, 0), 5000, `${v}: 0 is falsy`);
  }
  for (const v of ['1.39.5', '1.45.0', '1.45']) assert.equal(ms(v, 0), 60_000, v);
  for (const v of ['1.38.0', '1.39.4']) assert.equal(ms(v), 1000, v);
  assert.equal(ms('1.45.0', 7), 7000, 'a truthy value is used as written');
  // and the length of an actual cooldown (a 401 cools at once before 1.46.0)
  const r = router(group(2), { litellmVersion: '1.45.0' });
  fail(r, 0, 401, 0);
  assert.equal(r.cooldownUntil(0, 10), 60_000);
});

// c8d15544c (#5698, 1.46.0) added the failure-rate ("percentage") mode; before it,
// Router._set_cooldown_deployments counted failures per deployment against allowed_fails (3).
test('before 1.46.0 cooldowns count failures against allowed_fails; from 1.46.0 the failure rate decides', () => {
  const old = router(group(2), { litellmVersion: '1.45.0' });
  for (let i = 0; i < 3; i++) fail(old, 0, 500, i);
  assert.equal(old.health(0, 10), 'healthy', '3 failures are allowed');
  fail(old, 0, 500, 10);
  assert.equal(old.health(0, 11), 'cooldown', 'the 4th failure cools');
  const auth = router(group(2), { litellmVersion: '1.45.0' });
  fail(auth, 0, 401, 0);
  assert.equal(auth.health(0, 1), 'cooldown', 'a status that is not retried cools at once');
  const bad = router(group(2), { litellmVersion: '1.45.0' });
  for (let i = 0; i < 10; i++) fail(bad, 0, 400, i);
  assert.equal(bad.health(0, 20), 'healthy', '_is_cooldown_required: a 400 never cools');
  const rate = router(group(2), { litellmVersion: '1.46.0' });
  fail(rate, 0, 500, 0);
  assert.equal(rate.health(0, 1), 'healthy', 'the only request of the window (percent-first-request-exempt)');
  fail(rate, 0, 500, 1);
  assert.equal(rate.health(0, 2), 'cooldown', '2 of 2 failed (> 50%)');
  assert.equal(normalizeConfig(group(2), { litellmVersion: '1.45.0' }).settings.legacyCooldownMode, true);
  assert.equal(normalizeConfig(group(2), { litellmVersion: '1.46.0' }).settings.legacyCooldownMode, false);
});

// Router._is_cooldown_required returned False for a group of one from commit 98c34a7e2
// (2024-09-11, 1.44.26) until commit 80f7af510 (#7823, 2025-01-17, 1.59.1) replaced that base case
// with the traffic rules of _should_cooldown_deployment.
test('a single-deployment group is never cooled from 1.44.26 to 1.59.0; 1.59.1 cools it on a 401 or 100% failures of 1000 requests', () => {
  for (const litellmVersion of ['1.44.26', '1.55.8', '2024', '1.59.0']) {
    const r = router(group(1), { litellmVersion });
    fail(r, 0, 401, 0);
    fail(r, 0, 404, 1);
    for (let i = 0; i < 1000; i++) fail(r, 0, 500, 10 + i);
    assert.equal(r.health(0, 2000), 'healthy', `${litellmVersion}: never cooled`);
    const counted = router(group(1, { allowed_fails: 1 }), { litellmVersion });
    for (let i = 0; i < 5; i++) fail(counted, 0, 500, i);
    assert.equal(counted.health(0, 10), 'healthy', `${litellmVersion}: not in count mode either`);
  }
  // before the base case, a group of one counted like any other (count mode, 3 allowed)
  const before = router(group(1), { litellmVersion: '1.44.25' });
  for (let i = 0; i < 4; i++) fail(before, 0, 500, i);
  assert.equal(before.health(0, 10), 'cooldown', '1.44.25: the 4th failure cools');
  for (const litellmVersion of ['1.59.1', '1.83.7']) {
    const auth = router(group(1), { litellmVersion });
    fail(auth, 0, 401, 0);
    assert.equal(auth.health(0, 1), 'cooldown', `${litellmVersion}: a 401 cools even a group of one`);
    const busy = router(group(1), { litellmVersion });
    for (let i = 0; i < 999; i++) fail(busy, 0, 500, i * 10);
    assert.equal(busy.health(0, 10_000), 'healthy');
    fail(busy, 0, 500, 10_000);
    assert.equal(busy.health(0, 10_001), 'cooldown', `${litellmVersion}: 1000 of 1000 failed`);
  }
});

// _should_cooldown_deployment returned False when `total_requests_this_minute == 1` (after the 429
// check) from c8d15544c (1.46.0) until 80f7af510 (1.59.1) removed it.
test('percentage mode before 1.59.1: the only request of the window never cools, unless a 429', () => {
  for (const litellmVersion of ['1.46.0', '1.55.8', '1.59.0']) {
    for (const status of [500, 401, 404]) {
      const r = router(group(2), { litellmVersion });
      fail(r, 0, status, 0);
      assert.equal(r.health(0, 1), 'healthy', `${litellmVersion}: the first request failing with ${status}`);
    }
    const limited = router(group(2), { litellmVersion });
    fail(limited, 0, 429, 0);
    assert.equal(limited.health(0, 1), 'cooldown', `${litellmVersion}: a 429 cools at once`);
    // a success first: the failure is the second request, 1 of 2 (not > 50%), but a 401 is not retryable
    const second = router(group(2), { litellmVersion });
    succeed(second, 0, 0);
    fail(second, 0, 401, 1);
    assert.equal(second.health(0, 2), 'cooldown', `${litellmVersion}: the second request failing with 401 cools`);
  }
  const newer = router(group(2), { litellmVersion: '1.59.1' });
  fail(newer, 0, 500, 0);
  assert.equal(newer.health(0, 1), 'cooldown', '1.59.1: 1 of 1 failed (> 50%) cools');
});

// 80f7af510 (1.59.1) routed count mode through `elif not is_single_deployment_model_group`;
// f6fa2399c (#8668, 2025-02-25, 1.61.18) made it `else`, so count mode cools a group of one again.
test('count mode cools a single-deployment group except from 1.59.1 to 1.61.17', () => {
  const cooled = (litellmVersion: string) => {
    const r = router(group(1, { allowed_fails: 1 }), { litellmVersion });
    fail(r, 0, 500, 0);
    fail(r, 0, 500, 1);
    return r.health(0, 2) === 'cooldown';
  };
  assert.equal(cooled('1.59.1'), false);
  assert.equal(cooled('1.61.17'), false);
  assert.equal(cooled('1.61.18'), true);
  assert.equal(cooled('1.83.7'), true);
  assert.equal(cooled('1.44.25'), true, 'before the 1.44.26 base case as well');
});

// InMemoryCache.set_cache restarted a key's ttl on every write until commit a78d121ef (#11137,
// 2025-05-24, 1.71.2) added allow_ttl_override: a live key keeps the ttl of its first write.
test('cooldown counters expire after their first write from 1.71.2, after their latest write before', () => {
  // percentage mode: successes at 0 s and 59 s, a failure at 61 s
  const rate = (litellmVersion: string) => {
    const r = router(group(2), { litellmVersion });
    succeed(r, 0, 0);
    succeed(r, 0, 59_000);
    fail(r, 0, 500, 61_000);
    return r.health(0, 61_001);
  };
  assert.equal(rate('1.71.2'), 'cooldown', '1.71.2: the successes key expired at 60 s, so 1 of 1 failed');
  assert.equal(rate('1.71.1'), 'healthy', '1.71.1: the write at 59 s kept both successes, 1 of 3 failed');
  // count mode (allowed_fails 2, cooldown_time 10 s): failures at 0, 8 and 16 s
  const counted = (litellmVersion: string) => {
    const r = router(group(2, { allowed_fails: 2, cooldown_time: 10 }), { litellmVersion });
    for (const t of [0, 8_000, 16_000]) fail(r, 0, 500, t);
    return r.health(0, 16_001);
  };
  assert.equal(counted('1.71.2'), 'healthy', '1.71.2: the count expired 10 s after the first failure');
  assert.equal(counted('1.71.1'), 'cooldown', '1.71.1: the count lived 10 s after each failure: 3 > 2');
});
