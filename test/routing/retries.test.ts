// LiteLLM router-test behaviours G.40–G.44 (retries) and the retry sleep rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dep, drive, err, ok, router, seeded } from './helpers.js';

const req = { model: 'gpt', inputTokens: 10 };
const pair = (settings: Record<string, unknown> = {}) => ({
  model_list: [dep('gpt', { api_base: 'a' }), dep('gpt', { api_base: 'b' })],
  router_settings: settings,
});

test('behaviour 40: default num_retries is 2 for retryable errors; identical bad-key deployments get 0 for a 401', () => {
  const r = router(pair());
  const d = drive(r, req, () => err(500));
  assert.equal(d.calls.length, 3, '1 initial + 2 retries');
  assert.equal(d.retries, 2);
  assert.ok(d.step.kind === 'fail' && d.step.reason === 'retries-exhausted' && d.step.status === 500);
  // two identical entries share one id: the 401 cools both, no healthy deployment is left
  const same = router({ model_list: [dep('gpt', { api_key: 'bad' }), dep('gpt', { api_key: 'bad' })] });
  const a = drive(same, req, () => err(401));
  assert.equal(a.retries, 0);
  assert.ok(a.step.kind === 'fail' && a.step.status === 401);
});

test('behaviour 41: retry_policy sets retries per exception type', () => {
  const r = router(pair({ retry_policy: { ContentPolicyViolationErrorRetries: 3, AuthenticationErrorRetries: 0 } }));
  const d = drive(r, req, () => err(400, { errorClass: 'ContentPolicyViolationError' }));
  assert.equal(d.retries, 3);
  const a = drive(router(pair({ retry_policy: { AuthenticationErrorRetries: 0 } })), req, () => err(401));
  assert.equal(a.retries, 0);
});

test('behaviour 42: model_group_retry_policy overrides per group', () => {
  const r = router({
    model_list: [dep('gpt-3.5-turbo', { api_base: 'a' }), dep('gpt-3.5-turbo', { api_base: 'b' }), dep('gpt-3.5-turbo', { api_base: 'c' }), dep('bad-model', {}), dep('bad-model', { api_base: 'x' })],
    router_settings: {
      retry_policy: { ContentPolicyViolationErrorRetries: 5 },
      model_group_retry_policy: {
        'gpt-3.5-turbo': { ContentPolicyViolationErrorRetries: 2 },
        'bad-model': { AuthenticationErrorRetries: 0 },
      },
    },
  });
  const a = drive(r, { model: 'gpt-3.5-turbo', inputTokens: 1 }, () => err(400, { errorClass: 'ContentPolicyViolationError' }));
  assert.equal(a.retries, 2);
  const b = drive(r, { model: 'bad-model', inputTokens: 1 }, () => err(401));
  assert.equal(b.retries, 0);
});

test('behaviour 43: a 429 is retried while a healthy deployment remains, not once none is', () => {
  // LiteLLM's Router SDK test: every failure runs the cooldown callback (no proxy first-failure quirk).
  const r = router(pair(), { proxyFailureAccounting: false });
  const d = drive(r, req, () => err(429));
  // first 429 cools deployment A (multi-deployment group) → retry on B → B cools → 0 healthy → stop
  assert.equal(d.calls.length, 2);
  assert.notEqual(d.calls[0].deployment, d.calls[1].deployment);
  assert.equal(d.calls[1].delayMs, 0, 'sleep 0 when another deployment is healthy');
  assert.ok(d.step.kind === 'fail' && d.step.status === 429);
});

test('behaviour 44: a context-window error with context_window_fallbacks set skips retries and falls back', () => {
  const r = router({
    model_list: [dep('gpt', { api_base: 'a' }), dep('gpt', { api_base: 'b' }), dep('gpt-16k', {})],
    router_settings: { context_window_fallbacks: [{ gpt: ['gpt-16k'] }] },
  });
  const d = drive(r, req, (dd) => (r.deployments[dd].modelName === 'gpt' ? err(400, { errorClass: 'ContextWindowExceededError' }) : ok()));
  assert.equal(d.retries, 0);
  assert.deepEqual(d.calls.map((c) => c.group), ['gpt', 'gpt-16k']);
  assert.equal(d.step.kind, 'success');
  // the pre-call context check ends the same way without calling the small model
  const pre = router({
    model_list: [dep('small', {}, { model_info: { max_input_tokens: 100 } }), dep('big', {}, { model_info: { max_input_tokens: 100_000 } })],
    router_settings: { enable_pre_call_checks: true, context_window_fallbacks: [{ small: ['big'] }] },
  });
  const p = drive(pre, { model: 'small', inputTokens: 5000 }, () => ok());
  assert.deepEqual(p.calls.map((c) => c.group), ['big']);
});

test('retry sleep: 0 with healthy peers; backoff on a single deployment; Retry-After ≤ 60 s honoured', () => {
  const single = router({ model_list: [dep('gpt', {})] });
  const d = drive(single, req, () => err(500));
  assert.equal(d.calls.length, 3);
  // [2026] 0.5·2^n s capped at 8 s plus up to 0.75 s additive jitter
  assert.ok(d.calls[1].delayMs >= 500 && d.calls[1].delayMs < 1250, `${d.calls[1].delayMs}`);
  assert.ok(d.calls[2].delayMs >= 1000 && d.calls[2].delayMs < 1750, `${d.calls[2].delayMs}`);
  const old = drive(router({ model_list: [dep('gpt', {})] }, { litellmVersion: '2024' }), req, () => err(500));
  // [2024] (1.55.8) min(0.5·2^n, 8)·(1 − 0.25·U)
  assert.ok(old.calls[1].delayMs > 375 && old.calls[1].delayMs <= 500);
  const ra = drive(router({ model_list: [dep('gpt', {})] }), req, () => err(503, { retryAfterMs: 3000 }));
  assert.ok(ra.calls[1].delayMs >= 3000 && ra.calls[1].delayMs < 3750, `Retry-After plus the jitter: ${ra.calls[1].delayMs}`);
  const raOld = drive(router({ model_list: [dep('gpt', {})] }, { litellmVersion: '1.74.10' }), req, () => err(503, { retryAfterMs: 3000 }));
  assert.equal(raOld.calls[1].delayMs, 3000, 'before 1.74.11 the Retry-After exactly');
  const long = drive(router({ model_list: [dep('gpt', {})] }), req, () => err(503, { retryAfterMs: 120_000 }));
  assert.ok(long.calls[1].delayMs < 2000, 'a Retry-After over 60 s is ignored for the sleep');
  const floor = drive(router({ model_list: [dep('gpt', {})], router_settings: { retry_after: 4 } }), req, () => err(500));
  assert.ok(floor.calls[1].delayMs >= 4000, 'retry_after is a minimum');
});

// _calculate_retry_after (litellm/utils.py): `jitter = 1 - 0.25 * random.random()` multiplied until
// commit 8ee32291e (#9709, 1.65.3) made it `JITTER * random.random()`, still multiplied, until
// commit 52f097eb9 (#12901, 1.74.11) added it instead. The sleep after the final failed retry is in
// Router.async_function_with_retries from commit 87ff26ff2 (1.35.34).
test('retry backoff by release: ×(1 − 0.25U) before 1.65.3, ×0.75U to 1.74.10, +0.75U jitter from 1.74.11', () => {
  const firstSleeps = (litellmVersion: string) => {
    const out: number[] = [];
    for (let seed = 1; seed <= 40; seed++) {
      const random = seeded(seed);
      random(); // xoroshiro128+ from a small seed starts near 1: skip that first draw
      const r = router({ model_list: [dep('gpt', {})] }, { litellmVersion, random });
      out.push(drive(r, req, () => err(500)).calls[1].delayMs);
    }
    return out;
  };
  for (const ms of firstSleeps('1.65.2')) assert.ok(ms > 375 && ms <= 500, `1.65.2: ${ms}`);
  const scaled = firstSleeps('1.65.3');
  for (const ms of scaled) assert.ok(ms >= 0 && ms < 375, `1.65.3: 0.5 s × 0.75U: ${ms}`);
  assert.ok(scaled.some((ms) => ms < 187.5), 'the factor spans [0, 0.75)');
  for (const ms of firstSleeps('1.74.10')) assert.ok(ms < 375, `1.74.10: ${ms}`);
  for (const ms of firstSleeps('1.74.11')) assert.ok(ms >= 500 && ms < 1250, `1.74.11: 0.5 s + 0.75U: ${ms}`);
  // the sleep after the last failed retry delays the fallback
  const toFallback = (litellmVersion: string) => {
    const cfg = { model_list: [dep('gpt', {}), dep('backup', {})], router_settings: { fallbacks: [{ gpt: ['backup'] }] } };
    const d = drive(router(cfg, { litellmVersion }), req, (_d, group) => (group === 'gpt' ? err(500) : ok()));
    assert.equal(d.calls.length, 4, 'three calls to gpt, then backup');
    return d.calls[3].delayMs;
  };
  assert.ok(toFallback('1.35.34') > 1000, `1.35.34: a third sleep (0.5 s × 2² × (1 − 0.25U)) after the last retry: ${toFallback('1.35.34')}`);
  assert.equal(toFallback('1.35.33'), 0, 'none before 1.35.34');
});

test('num_retries precedence: failed deployment > request > router', () => {
  const r = router({ model_list: [dep('gpt', { num_retries: 0, api_base: 'a' }), dep('gpt', { num_retries: 0, api_base: 'b' })], router_settings: { num_retries: 5 } });
  assert.equal(drive(r, req, () => err(500)).retries, 0);
  const q = router(pair({ num_retries: 5 }));
  assert.equal(drive(q, { ...req, numRetries: 1 }, () => err(500)).retries, 1);
  assert.equal(drive(router(pair({ num_retries: 4 })), req, () => err(500)).retries, 4);
});

test('[2026] plain 4xx errors are not retried; [2025] they are while deployments are healthy', () => {
  assert.equal(drive(router(pair()), req, () => err(400)).retries, 0);
  assert.equal(drive(router(pair(), { litellmVersion: '2025' }), req, () => err(400)).retries, 2);
  assert.equal(drive(router(pair()), req, () => err(404)).retries, 0, 'NotFoundError never retries');
});
