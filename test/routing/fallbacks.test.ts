// LiteLLM router-test behaviours H.45–H.54 (fallbacks).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dep, drive, err, ok, router } from './helpers.js';
import type { Router } from '../../src/routing/router.js';

const by = (r: Router, failing: string[], failure = err(401)) => (d: number) =>
  failing.includes(r.deployments[d].modelName) ? failure : ok();

test('behaviour 45: retries happen before fallbacks', () => {
  const r = router({
    model_list: [dep('azure/gpt-3.5-turbo', { api_base: 'a' }), dep('azure/gpt-3.5-turbo', { api_base: 'b' }), dep('gpt-3.5-turbo', {})],
    router_settings: { fallbacks: [{ 'azure/gpt-3.5-turbo': ['gpt-3.5-turbo'] }] },
  });
  const d = drive(r, { model: 'azure/gpt-3.5-turbo', inputTokens: 1 }, by(r, ['azure/gpt-3.5-turbo'], err(500)));
  assert.equal(d.calls.length, 4, '1 initial + 2 retries + 1 fallback');
  assert.deepEqual(d.calls.map((c) => c.group), ['azure/gpt-3.5-turbo', 'azure/gpt-3.5-turbo', 'azure/gpt-3.5-turbo', 'gpt-3.5-turbo']);
  assert.equal(d.step.kind, 'success');
  // a 1-deployment group with an auth error falls back without retries
  const e = router({ model_list: [dep('emb', {}), dep('emb-good', {})], router_settings: { fallbacks: [{ emb: ['emb-good'] }] } });
  const s = drive(e, { model: 'emb', inputTokens: 1 }, by(e, ['emb']));
  assert.equal(s.retries, 0);
  assert.equal(s.calls.length, 2);
});

test('behaviour 46: default_fallbacks ("*") catch any group (router_settings or litellm_settings)', () => {
  for (const cfg of [{ router_settings: { default_fallbacks: ['my-good-model'] } }, { litellm_settings: { default_fallbacks: ['my-good-model'] } }]) {
    const r = router({ model_list: [dep('bad-model', {}), dep('my-good-model', {})], ...cfg });
    const d = drive(r, { model: 'bad-model', inputTokens: 1 }, by(r, ['bad-model']));
    assert.equal(d.step.kind, 'success');
    assert.equal(d.calls[d.calls.length - 1].group, 'my-good-model');
  }
});

test('behaviour 47: client-side fallbacks (list of strings) work like a server entry', () => {
  const r = router({ model_list: [dep('bad-model', {}), dep('my-good-model', {})] });
  const d = drive(r, { model: 'bad-model', inputTokens: 1, fallbacks: ['my-good-model'] }, by(r, ['bad-model']));
  assert.equal(d.step.kind, 'success');
  assert.equal(d.fallbacks, 1);
});

// Adapted (issue 13, row 09 B): with content_policy_fallbacks set but no entry for the group,
// LiteLLM raises the original error (async_function_with_fallbacks_common_utils: chain None ->
// raise original_exception); only an unset content_policy_fallbacks falls through to `fallbacks`.
test('behaviour 48: content-policy errors use content_policy_fallbacks (unset: the generic list), not the other lists', () => {
  const cfg = {
    model_list: [dep('claude', {}), dep('cp-target', {}), dep('generic-target', {}), dep('cw-target', {}), dep('default-target', {})],
    router_settings: {
      content_policy_fallbacks: [{ claude: ['cp-target'] }],
      fallbacks: [{ claude: ['generic-target'] }],
      context_window_fallbacks: [{ claude: ['cw-target'] }],
    },
  };
  const r = router(cfg);
  const cp = err(400, { errorClass: 'ContentPolicyViolationError' });
  const d = drive(r, { model: 'claude', inputTokens: 1 }, by(r, ['claude'], cp));
  assert.deepEqual(d.calls.map((c) => c.group), ['claude', 'cp-target']);
  const noEntry = router({
    ...cfg,
    router_settings: { content_policy_fallbacks: [{ other: ['cp-target'] }], default_fallbacks: ['default-target'] },
  });
  const e = drive(noEntry, { model: 'claude', inputTokens: 1 }, by(noEntry, ['claude'], cp));
  assert.deepEqual(e.calls.map((c) => c.group), ['claude'], 'no entry for claude: the original 400, no default hop');
  assert.ok(e.step.kind === 'fail' && e.step.status === 400);
  const unset = router({ ...cfg, router_settings: { default_fallbacks: ['default-target'] } });
  const u = drive(unset, { model: 'claude', inputTokens: 1 }, by(unset, ['claude'], cp));
  assert.deepEqual(u.calls.map((c) => c.group), ['claude', 'default-target']);
});

test('behaviour 49: default + model-specific fallbacks terminate with the original error', () => {
  const r = router({
    model_list: [dep('bad-model', {}), dep('my-bad-model-2', {})],
    router_settings: { fallbacks: [{ 'bad-model': ['my-bad-model-2'] }], default_fallbacks: ['bad-model'] },
  });
  const d = drive(r, { model: 'bad-model', inputTokens: 1 }, () => err(401, { errorClass: 'AuthenticationError' }));
  assert.ok(d.step.kind === 'fail' && d.step.status === 401 && d.step.reason === 'fallbacks-exhausted');
  assert.deepEqual(d.calls.map((c) => c.group), ['bad-model', 'my-bad-model-2']);
  // [2025] no attempted-set: the loop bounces until max_fallbacks (5)
  const old = router(
    { model_list: [dep('bad-model', {}), dep('my-bad-model-2', {})], router_settings: { fallbacks: [{ 'bad-model': ['my-bad-model-2'] }], default_fallbacks: ['bad-model'] } },
    { litellmVersion: '2025' },
  );
  const o = drive(old, { model: 'bad-model', inputTokens: 1 }, () => err(500));
  assert.equal(o.fallbacks, 5);
  assert.ok(o.step.kind === 'fail');
});

test('behaviour 50: disable_fallbacks per request', () => {
  const r = router({ model_list: [dep('bad-model', {}), dep('good-model', {})], router_settings: { fallbacks: [{ 'bad-model': ['good-model'] }], default_fallbacks: ['good-model'] } });
  const d = drive(r, { model: 'bad-model', inputTokens: 1, disableFallbacks: true }, by(r, ['bad-model']));
  assert.equal(d.fallbacks, 0);
  assert.equal(d.calls.length, 1);
  assert.equal(d.step.kind, 'fail');
});

test('behaviour 51: a fallback target may be a deployment id', () => {
  const r = router({
    model_list: [dep('gpt-3.5-turbo', { rpm: 1 }, { model_info: { id: 'primary' } }), dep('other', {}, { model_info: { id: '123' } })],
    router_settings: { fallbacks: [{ 'gpt-3.5-turbo': ['123'] }] },
  });
  const d = drive(r, { model: 'gpt-3.5-turbo', inputTokens: 1 }, (dd) => (dd === 0 ? err(500) : ok()));
  assert.equal(d.step.kind, 'success');
  assert.equal(r.deployments[d.calls[d.calls.length - 1].deployment].id, '123');
});

test('behaviour 52: wildcard groups and provider-prefixed names match fallback keys (specific beats "*")', () => {
  const r = router({
    model_list: [dep('openai/*', { model: 'openai/*' }), dep('gpt-good', {}), dep('star-target', {})],
    router_settings: { fallbacks: [{ '*': ['star-target'] }, { 'gpt-3.5-turbo': ['gpt-good'] }] },
  });
  const p = r.pick({ model: 'openai/gpt-3.5-turbo', inputTokens: 1 }, 0);
  assert.ok(p.ok && p.group === 'openai/*');
  const d = drive(r, { model: 'openai/gpt-3.5-turbo', inputTokens: 1 }, by(r, ['openai/*'], err(500)));
  assert.equal(d.calls[d.calls.length - 1].group, 'gpt-good');
});

test('behaviour 53: attempted-fallbacks counter is 0 on a primary success, 1 on the first fallback, 3 on the third', () => {
  const cfg = {
    model_list: [dep('bad', {}), dep('bad2', {}), dep('bad3', {}), dep('good', {})],
    router_settings: { fallbacks: [{ bad: ['bad2', 'bad3', 'good'] }] },
  };
  const r = router(cfg);
  assert.equal(drive(r, { model: 'good', inputTokens: 1 }, () => ok()).fallbacks, 0);
  const one = router({ ...cfg, router_settings: { fallbacks: [{ bad: ['good'] }] } });
  assert.equal(drive(one, { model: 'bad', inputTokens: 1 }, by(one, ['bad'])).fallbacks, 1);
  const three = router(cfg);
  const d = drive(three, { model: 'bad', inputTokens: 1 }, by(three, ['bad', 'bad2', 'bad3']));
  assert.equal(d.fallbacks, 3);
  assert.equal(d.step.kind, 'success');
});

test('behaviour 54: a default fallback that itself fails returns the error', () => {
  const r = router({ model_list: [dep('openai/*', { model: 'openai/*' })], litellm_settings: { default_fallbacks: ['very-bad-model'] } });
  const d = drive(r, { model: 'openai/foo', inputTokens: 1 }, () => err(400, { errorClass: 'BadRequestError' }));
  assert.ok(d.step.kind === 'fail' && d.step.status === 400);
  assert.match(d.step.kind === 'fail' ? d.step.message : '', /BadRequestError/);
});

test('max_fallbacks bounds the fallback depth; unknown names fail with a typed reason', () => {
  const groups = ['g0', 'g1', 'g2', 'g3'];
  const r = router({
    model_list: groups.map((g) => dep(g, {})),
    router_settings: { max_fallbacks: 2, fallbacks: [{ g0: ['g1'] }, { g1: ['g2'] }, { g2: ['g3'] }] },
  });
  const d = drive(r, { model: 'g0', inputTokens: 1 }, () => err(500));
  assert.equal(d.fallbacks, 2);
  assert.deepEqual([...new Set(d.calls.map((c) => c.group))], ['g0', 'g1', 'g2']);
  const u = drive(r, { model: 'nope', inputTokens: 1 }, () => ok());
  assert.ok(u.step.kind === 'fail' && u.step.reason === 'unknown-model' && u.step.status === 400);
});

test('all deployments cooled → typed reason, then fallbacks; primary status surfaces after failed fallbacks', () => {
  const r = router({ model_list: [dep('a', {}), dep('b', {})], router_settings: { fallbacks: [{ a: ['b'] }] } });
  r.onCallEnd(0, { model: 'a', inputTokens: 1 }, err(401), 0);
  const p = r.pick({ model: 'a', inputTokens: 1 }, 1);
  assert.ok(!p.ok && p.reason === 'all-cooled-down' && p.retryAfterMs === 4999);
  const d = drive(r, { model: 'a', inputTokens: 1 }, () => ok(), 1);
  assert.deepEqual(d.calls.map((c) => c.group), ['b']);
  const f = drive(r, { model: 'a', inputTokens: 1 }, () => err(503), 10);
  assert.ok(f.step.kind === 'fail' && f.step.status === 429, 'the primary group\'s no-deployments error (429) surfaces');
});

// Router._acompletion_streaming_iterator (FallbackStreamWrapper): commits 78997c2e3 (#13149) and
// d887a3d10 (#13170), 2025-07-31, first in 1.74.13 (announced with v1.74.15-stable).
test('mid-stream failure: no retry or fallback before 1.74.13, the fallback chain (no same-group retry) from it', () => {
  const cfg = {
    model_list: [dep('primary', { api_base: 'a' }), dep('primary', { api_base: 'b' }), dep('backup', {})],
    router_settings: { num_retries: 2, fallbacks: [{ primary: ['backup'] }] },
  };
  const req = { model: 'primary', inputTokens: 1, stream: true };
  const broken = err(500, { midstream: true, ttftMs: 20 });
  const outcome = (r: Router) => (d: number) => (r.deployments[d].modelName === 'primary' ? broken : ok());
  // 1.74.12: the router already returned the stream; the client sees the failure.
  const old = router(cfg, { litellmVersion: '1.74.12' });
  const o = drive(old, req, outcome(old));
  assert.equal(o.calls.length, 1);
  assert.equal(o.step.kind, 'fail');
  assert.equal(o.step.kind === 'fail' && o.step.reason, 'midstream-error');
  assert.equal(o.step.kind === 'fail' && o.step.status, 500);
  // 1.74.13 (and later): MidStreamFallbackError goes straight to the fallbacks, no retry in 'primary'.
  for (const v of ['1.74.13', '1.74.15', '1.83.7']) {
    const now = router(cfg, { litellmVersion: v });
    const n = drive(now, req, outcome(now));
    assert.deepEqual(n.calls.map((c) => c.group), ['primary', 'backup'], v);
    assert.equal(n.retries, 0, v);
    assert.equal(n.fallbacks, 1, v);
    assert.equal(n.step.kind, 'success', v);
  }
  // without a fallback for the group the client sees the mid-stream failure in every release
  const lone = router({ ...cfg, router_settings: { num_retries: 2 } }, { litellmVersion: '1.83.7' });
  const l = drive(lone, req, outcome(lone));
  assert.equal(l.calls.length, 1);
  assert.equal(l.step.kind === 'fail' && l.step.reason, 'midstream-error');
  // an ordinary (pre-first-chunk) failure still retries in the group first
  const pre = router(cfg, { litellmVersion: '1.74.9' });
  const p = drive(pre, req, (d) => (pre.deployments[d].modelName === 'primary' ? err(500) : ok()));
  assert.ok(p.retries >= 1, 'a pre-first-chunk failure is retried in the group');
});
