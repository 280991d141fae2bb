// LiteLLM router-test behaviours A.1–A.7 (simple-shuffle and weighting).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countPicks, dep, router } from './helpers.js';

const req = { model: 'gpt', inputTokens: 10 };

test('behaviour 1: rpm used as weight (litellm_params)', () => {
  const r = router({ model_list: [dep('gpt', { rpm: 6 }), dep('gpt', { rpm: 1440 })] });
  const c = countPicks(r, req, 1000);
  assert.ok(c[1] > 890, `rpm=1440 got ${c[1]}/1000`);
  assert.ok(c[0] > 0 || c[1] === 1000);
});

test('behaviour 2: tpm used as weight', () => {
  const r = router({ model_list: [dep('gpt', { tpm: 5 }), dep('gpt', { tpm: 90 })] });
  const c = countPicks(r, req, 1000);
  assert.ok(c[1] > 890, `tpm=90 got ${c[1]}/1000`);
  assert.ok(c[0] > 0, 'tpm=5 still gets a share');
});

test('behaviour 3: top-level rpm/tpm on the model_list entry count too (top-level weight does not)', () => {
  for (const key of ['rpm', 'tpm']) {
    const r = router({ model_list: [dep('gpt', {}, { [key]: 5 }), dep('gpt', {}, { [key]: 90 })] });
    const c = countPicks(r, req, 1000);
    assert.ok(c[1] > 890, `${key}: ${c[1]}/1000`);
  }
  const w = router({ model_list: [dep('gpt', {}, { weight: 1 }), dep('gpt', {}, { weight: 99 })] });
  assert.equal(w.deployments[1].weight, null);
  const c = countPicks(w, req, 2000);
  assert.ok(c[0] > 800 && c[1] > 800, `top-level weight ignored → uniform, got ${c}`);
});

test('behaviour 4: single-deployment group gets every pick', () => {
  const r = router({ model_list: [dep('gpt', {}), dep('other', {})] });
  assert.deepEqual(countPicks(r, req, 200), [200, 0]);
});

test('behaviour 5: weights honoured when the first deployment has no weight ([2026]; [2025] uniform)', () => {
  const cfg = { model_list: [dep('gpt', {}), dep('gpt', { weight: 1 }), dep('gpt', { weight: 99 })] };
  const c = countPicks(router(cfg), req, 2000);
  assert.equal(c[0], 0, 'missing weight counts as 0');
  assert.ok(c[2] > 2 * c[1]);
  const old = countPicks(router(cfg, { litellmVersion: '2025' }), req, 3000);
  for (const n of old) assert.ok(n > 800 && n < 1200, `2025 uniform: ${old}`);
});

test('behaviour 6: priority weight > rpm > tpm > uniform', () => {
  const weightOverRpm = router({ model_list: [dep('gpt', { weight: 9, rpm: 1 }), dep('gpt', { weight: 1, rpm: 1000 })] });
  const a = countPicks(weightOverRpm, req, 2000);
  assert.ok(a[0] > a[1] * 4, `weight wins over rpm: ${a}`);
  const rpmOverTpm = router({ model_list: [dep('gpt', { rpm: 9, tpm: 1 }), dep('gpt', { rpm: 1, tpm: 1000 })] });
  const b = countPicks(rpmOverTpm, req, 2000);
  assert.ok(b[0] > b[1] * 4, `rpm wins over tpm: ${b}`);
  const uniform = router({ model_list: [dep('gpt', {}), dep('gpt', {}), dep('gpt', {})] });
  for (const n of countPicks(uniform, req, 3000)) assert.ok(n > 850 && n < 1150);
});

test('behaviour 7: model_group_alias resolves before selection', () => {
  const r = router({
    model_list: [dep('gpt-3.5-turbo', { tpm: 1 }), dep('gpt-3.5-turbo', { tpm: 99 }), dep('gpt-4', {})],
    router_settings: { model_group_alias: { 'gpt-4': 'gpt-3.5-turbo' } },
  });
  const c = countPicks(r, { model: 'gpt-4', inputTokens: 1 }, 1000);
  assert.equal(c[2], 0, 'the alias wins over the same-named group');
  assert.ok(c[1] > 890);
  const hidden = router({
    model_list: [dep('b', {})],
    router_settings: { model_group_alias: { a: { model: 'b', hidden: true } } },
  });
  const p = hidden.pick({ model: 'a', inputTokens: 1 }, 0);
  assert.ok(p.ok && p.group === 'b');
});
