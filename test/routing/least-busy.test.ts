// LiteLLM router-test behaviours B.8–B.10 (least-busy).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countPicks, dep, err, ok, router } from './helpers.js';

const req = { model: 'gpt', inputTokens: 10 };
const cfg = {
  model_list: [dep('gpt', {}), dep('gpt', {}, { model_info: { id: 'b' } }), dep('gpt', {}, { model_info: { id: 'c' } })],
  router_settings: { routing_strategy: 'least-busy' },
};

function start(r: ReturnType<typeof router>, d: number, times: number) {
  for (let i = 0; i < times; i++) assert.ok(r.onCallStart(d, req, 0).ok);
}

test('behaviour 8: least-busy picks the deployment with the fewest in-flight requests', () => {
  const r = router(cfg);
  start(r, 0, 10);
  start(r, 1, 1);
  start(r, 2, 50);
  assert.deepEqual(countPicks(r, req, 100), [0, 100, 0]);
  // −1 on end (success or failure): once deployment 0 drains it is the least busy
  for (let i = 0; i < 9; i++) r.onCallEnd(0, req, ok(), 1);
  r.onCallEnd(0, req, err(400), 1);
  assert.deepEqual(countPicks(r, req, 50, 1), [50, 0, 0]);
});

test('behaviour 9: least-busy ties are broken at random', () => {
  const r = router(cfg);
  const c = countPicks(r, req, 300);
  for (const n of c) assert.ok(n > 30, `all idle: ${c}`);
  const two = router({ ...cfg, model_list: cfg.model_list.slice(0, 2) });
  start(two, 0, 5);
  start(two, 1, 5);
  const t = countPicks(two, req, 200);
  assert.ok(t[0] > 40 && t[1] > 40, `5/5: ${t}`);
});

test('behaviour 10: least-busy ignores ids that are not eligible (cooled down)', () => {
  const r = router(cfg);
  start(r, 1, 5);
  start(r, 2, 10);
  r.onCallEnd(0, req, err(401), 0); // 401 cools deployment 0 at once
  assert.equal(r.health(0, 1), 'cooldown');
  assert.deepEqual(countPicks(r, req, 100, 1), [0, 100, 0]);
});
