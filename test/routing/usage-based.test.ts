// LiteLLM router-test behaviours C.11–C.18 (usage-based-routing-v2), plus v1 semantics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { call, countPicks, dep, drive, ok, router } from './helpers.js';

const v2 = { routing_strategy: 'usage-based-routing-v2' };
const req = { model: 'gpt', inputTokens: 10 };

test('behaviour 11: v2 counts rpm at the pre-call check and tpm on success', () => {
  const r = router({ model_list: [dep('gpt', { tpm: 1000, rpm: 10 })], router_settings: v2 });
  assert.ok(r.onCallStart(0, req, 1000).ok);
  assert.deepEqual(r.usage(0, 1000), { rpm: 1, tpm: 0, inFlight: 1 });
  r.onCallEnd(0, req, ok({ inputTokens: 30, outputTokens: 20 }), 2000);
  assert.deepEqual(r.usage(0, 2000), { rpm: 1, tpm: 50, inFlight: 0 });
});

test('behaviour 12: v2 lowest current-minute TPM wins, whatever the limit sizes', () => {
  const r = router({
    model_list: [dep('gpt', { rpm: 1440 }, { model_info: { id: '1' } }), dep('gpt', { rpm: 6 }, { model_info: { id: '2' } })],
    router_settings: v2,
  });
  call(r, 0, req, ok({ inputTokens: 25, outputTokens: 25 }), 0);
  call(r, 1, req, ok({ inputTokens: 10, outputTokens: 10 }), 0);
  assert.deepEqual(countPicks(r, req, 50, 1000), [0, 50]);
});

test('behaviour 13: v2 skips a deployment that would exceed its TPM → no deployments', () => {
  const r = router({ model_list: [dep('gpt', { tpm: 1440 })], router_settings: v2 });
  call(r, 0, req, ok({ inputTokens: 1000, outputTokens: 439 }), 0);
  const p = r.pick({ model: 'gpt', inputTokens: 10 }, 1000);
  assert.equal(p.ok, false);
  assert.ok(!p.ok && p.reason === 'rate-limited' && /No deployments available/.test(p.message));
  assert.ok(r.pick({ model: 'gpt', inputTokens: 1 }, 1000).ok, '1439 + 1 ≤ 1440 still fits');
});

// Adapted (issue 13, row 03): v1 reads its limits with `is None` from commit 47ca223d0 (1.34.11;
// lowest_tpm_rpm.py get_available_deployments; gwcfg keys the v1 rules at 1.35.33, row
// usage-v1-is-none-limits); "0 means unlimited" holds for the older `or` chain only.
test('behaviour 14: v2 tpm: 0 means never routable (v1 before 1.34.11: 0 means unlimited)', () => {
  const r = router({ model_list: [dep('gpt', { tpm: 0 })], router_settings: v2 });
  for (let i = 0; i < 5; i++) assert.equal(r.pick(req, i).ok, false);
  const v1 = router({ model_list: [dep('gpt', { tpm: 0 })], router_settings: { routing_strategy: 'usage-based-routing' } }, { litellmVersion: '1.34.10' });
  assert.ok(v1.pick(req, 0).ok);
});

test('behaviour 15: v2 ties are shuffled', () => {
  const r = router({ model_list: [dep('gpt', { tpm: 1440 }), dep('gpt', { tpm: 1440 })], router_settings: v2 });
  const c = countPicks(r, req, 1000);
  assert.ok(c[0] > 0 && c[1] > 0, `${c}`);
});

test('behaviour 16: v2 filters out a deployment at its RPM limit (rpm_used + 1 >= rpm)', () => {
  const r = router({ model_list: [dep('gpt', { rpm: 1 }), dep('gpt', { rpm: 10 })], router_settings: v2 });
  const big = { model: 'gpt', inputTokens: 98 };
  assert.deepEqual(countPicks(r, big, 50), [0, 50], 'rpm 1: 0 + 1 >= 1 already excludes it');
  // the N−1 quirk: rpm 3 is selectable for two calls per minute
  const q = router({ model_list: [dep('gpt', { rpm: 3 })], router_settings: v2 });
  for (let i = 0; i < 2; i++) {
    const p = q.pick(req, 10);
    assert.ok(p.ok);
    assert.ok(q.onCallStart(p.deployment, req, 10).ok);
  }
  assert.equal(q.pick(req, 10).ok, false);
  // From 1.56.3 (commit d88de268d, #7439) the selection test fires; 1.56.2 and [2024] (1.55.8) looked
  // the rpm counters up by a key they were never stored under, so only the pre-call check enforced rpm.
  const fixed = router({ model_list: [dep('gpt', { rpm: 1 }), dep('gpt', { rpm: 10 })], router_settings: v2 }, { litellmVersion: '1.56.3' });
  assert.deepEqual(countPicks(fixed, big, 50), [0, 50], '1.56.3 already filters');
  const unfixed = router({ model_list: [dep('gpt', { rpm: 1 }), dep('gpt', { rpm: 10 })], router_settings: v2 }, { litellmVersion: '1.56.2' });
  assert.ok(countPicks(unfixed, big, 50)[0] > 0, '1.56.2 still picks the rpm-1 deployment');
  const old = router({ model_list: [dep('gpt', { rpm: 1 })], router_settings: v2 }, { litellmVersion: '2024' });
  assert.ok(old.pick(req, 0).ok);
  assert.ok(old.onCallStart(0, req, 0).ok);
  const second = old.onCallStart(0, req, 1);
  assert.equal(second.ok, false, 'pre-call check rejects the call over rpm with a 429');
});

test('behaviour 17: v2 counters live for the current (calendar) minute only', () => {
  const r = router({ model_list: [dep('gpt', { tpm: 100, rpm: 5 })], router_settings: v2 });
  call(r, 0, req, ok({ inputTokens: 50, outputTokens: 45 }), 59_000);
  assert.deepEqual(r.usage(0, 59_999), { rpm: 1, tpm: 95, inFlight: 0 });
  assert.equal(r.pick(req, 59_999).ok, false);
  assert.deepEqual(r.usage(0, 60_000), { rpm: 0, tpm: 0, inFlight: 0 });
  assert.ok(r.pick(req, 60_000).ok);
});

test('behaviour 18: fallback chain under v2 with rpm-limited groups', () => {
  // Adapted: fast and basic have a tpm below the prompt, openai allows 2 picks a minute
  // (rpm 3, N−1 through selection), anthropic rpm 10; num_retries 0.
  const r = router({
    model_list: [
      { model_name: 'azure/gpt-4-fast', litellm_params: { model: 'azure/chatgpt-v-2', tpm: 5 }, model_info: { id: 1 }, rpm: 1 },
      { model_name: 'azure/gpt-4-basic', litellm_params: { model: 'azure/chatgpt-v-3', tpm: 5 }, model_info: { id: 2 }, rpm: 1 },
      { model_name: 'openai-gpt-4', litellm_params: { model: 'gpt-3.5-turbo' }, model_info: { id: 3 }, rpm: 3 },
      { model_name: 'anthropic-claude', litellm_params: { model: 'claude-haiku-4-5' }, model_info: { id: 4 }, rpm: 10 },
    ],
    router_settings: {
      routing_strategy: 'usage-based-routing-v2',
      num_retries: 0,
      fallbacks: [{ 'azure/gpt-4-fast': ['azure/gpt-4-basic'] }, { 'azure/gpt-4-basic': ['openai-gpt-4'] }, { 'openai-gpt-4': ['anthropic-claude'] }],
    },
  });
  const q = { model: 'azure/gpt-4-fast', inputTokens: 20 };
  const served: string[] = [];
  for (let i = 0; i < 10; i++) {
    const d = drive(r, q, () => ok({ latencyMs: 10 }), i * 100);
    assert.equal(d.step.kind, 'success');
    served.push(r.deployments[d.calls[d.calls.length - 1].deployment].id);
  }
  assert.equal(served[0], '3', 'first request served by openai-gpt-4');
  assert.equal(served[9], '4', 'tenth request served by anthropic once openai is over its rpm');
});

test('usage-based-routing (v1) before 1.34.11: first fitting deployment, then unused, then lowest tpm', () => {
  const r = router({
    model_list: [dep('gpt', { tpm: 5 }), dep('gpt', { tpm: 1000 }), dep('gpt', { tpm: 1000 })],
    router_settings: { routing_strategy: 'usage-based-routing' },
  }, { litellmVersion: '1.34.10' });
  const p = r.pick(req, 0);
  assert.ok(p.ok && p.deployment === 1, 'no usage this minute: first whose tpm covers the input');
  call(r, 1, req, ok({ inputTokens: 100, outputTokens: 0 }), 0);
  const p2 = r.pick(req, 1000);
  assert.ok(p2.ok && p2.deployment === 0, 'an unused deployment is returned before any limit check');
});
