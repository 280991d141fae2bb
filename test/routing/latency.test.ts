// LiteLLM router-test behaviours D.19–D.27 (latency-based-routing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { call, countPicks, dep, err, ok, router } from './helpers.js';
import type { Router } from '../../src/routing/router.js';

const req = { model: 'gpt', inputTokens: 10 };
const lat = (args: Record<string, unknown> = {}) => ({ routing_strategy: 'latency-based-routing', routing_strategy_args: args });
const two = (args: Record<string, unknown> = {}) => ({
  model_list: [dep('gpt', {}, { model_info: { id: '1234' } }), dep('gpt', {}, { model_info: { id: '5678' } })],
  router_settings: lat(args),
});
const score = (r: Router, d: number, now: number, stream = false) =>
  r.core.latency.score(r.core.slotOf[d], r.core.groupOf[d], stream, now);

test('behaviour 19: a latency sample is recorded per success (seconds per output token, else seconds)', () => {
  const r = router(two());
  call(r, 0, req, ok({ latencyMs: 2000, outputTokens: 50 }), 0);
  assert.equal(score(r, 0, 3000), 2 / 50);
  call(r, 1, req, ok({ latencyMs: 1500, outputTokens: 0 }), 0);
  assert.equal(score(r, 1, 3000), 1.5);
});

test('behaviour 20: routing_strategy_args.ttl expires the latency map (default 3600 s)', () => {
  const r = router(two({ ttl: 3 }));
  call(r, 0, req, ok({ latencyMs: 1000, outputTokens: 1 }), 0);
  assert.equal(score(r, 0, 2999), 1);
  assert.equal(score(r, 0, 4001), 0, 'gone 3 s after the last write');
  const d = router(two());
  call(d, 0, req, ok({ latencyMs: 1000, outputTokens: 1 }), 0);
  assert.equal(score(d, 0, 3_000_000), 1);
  assert.equal(score(d, 0, 3_601_001), 0);
});

test('behaviour 21: lowest average latency wins', () => {
  const r = router(two());
  call(r, 0, req, ok({ latencyMs: 3000, outputTokens: 1 }), 0);
  call(r, 1, req, ok({ latencyMs: 2000, outputTokens: 1 }), 0);
  assert.deepEqual(countPicks(r, req, 50, 5000), [0, 50]);
});

test('behaviour 22: rpm/tpm limits exclude deployments (rpm_used + 1 > rpm)', () => {
  for (const [rpm, expectOk] of [[1, false], [5, true]] as const) {
    const r = router({ model_list: [dep('gpt', {}, { model_info: { id: '1234', rpm } })], router_settings: lat() });
    call(r, 0, req, ok(), 0);
    const p = r.pick(req, 1000);
    assert.equal(p.ok, expectOk, `rpm ${rpm}`);
  }
});

test('behaviour 23: router-level latency routing picks the faster deployment', () => {
  const r = router({ model_list: [dep('gpt', {}, { model_info: { id: '1' } }), dep('gpt', {}, { model_info: { id: '2' } })], router_settings: lat() });
  for (let i = 0; i < 3; i++) {
    call(r, 0, req, ok({ latencyMs: 900, outputTokens: 10 }), i * 10);
    call(r, 1, req, ok({ latencyMs: 300, outputTokens: 10 }), i * 10);
  }
  const p = r.pick(req, 1000);
  assert.ok(p.ok && r.deployments[p.deployment].id === '2');
});

test('behaviour 24: timeouts are penalised with a 1000 s sample', () => {
  const r = router(two());
  call(r, 1, req, ok({ latencyMs: 500, outputTokens: 10 }), 0);
  r.onCallStart(0, req, 0);
  r.onCallEnd(0, req, err(408, { timedOut: true, errorClass: 'Timeout', latencyMs: 5000 }), 5000);
  assert.equal(score(r, 0, 6000), 1000);
  assert.deepEqual(countPicks(r, req, 10, 6000), [0, 10]);
});

test('behaviour 25: no data → latency 0 and a random pick among the candidates', () => {
  const r = router({ model_list: [dep('gpt', {}), dep('gpt', {}), dep('gpt', {})], router_settings: lat({ ttl: 0.001 }) });
  const c = countPicks(r, req, 300);
  assert.ok(c.filter((n) => n > 0).length > 1, `${c}`);
});

test('behaviour 26: lowest_latency_buffer widens the candidate set', () => {
  for (const [buffer, distinct] of [[0, 1], [1, 2]] as const) {
    const r = router(two({ lowest_latency_buffer: buffer }));
    call(r, 0, req, ok({ latencyMs: 1000, outputTokens: 10 }), 0);
    call(r, 1, req, ok({ latencyMs: 1500, outputTokens: 10 }), 0);
    const c = countPicks(r, req, 200, 1000);
    assert.equal(c.filter((n) => n > 0).length, distinct, `buffer ${buffer}: ${c}`);
  }
});

test('behaviour 27: streaming requests route on time to first token', () => {
  const r = router(two());
  const stream = { ...req, stream: true };
  // dep 0: low TTFT, slow overall; dep 1: high TTFT, fast per token
  call(r, 0, stream, ok({ latencyMs: 5000, ttftMs: 100, outputTokens: 10 }), 0);
  call(r, 1, stream, ok({ latencyMs: 1000, ttftMs: 900, outputTokens: 10 }), 0);
  assert.deepEqual(countPicks(r, stream, 20, 1000), [20, 0]);
  assert.deepEqual(countPicks(r, req, 20, 1000), [0, 20]);
});

test('latency list keeps the newest max_latency_list_size samples ([2026]); older versions replace the last', () => {
  const cfg = two({ max_latency_list_size: 2 });
  const r = router(cfg);
  const old = router(cfg, { litellmVersion: '2025' });
  for (const [i, ms] of [[0, 1000], [1, 2000], [2, 3000], [3, 5000]]) {
    call(r, 0, req, ok({ latencyMs: ms, outputTokens: 1 }), i);
    call(old, 0, req, ok({ latencyMs: ms, outputTokens: 1 }), i);
  }
  assert.equal(score(r, 0, 100), 4, 'mean of 3 and 5');
  assert.equal(score(old, 0, 100), 3, 'first sample kept: mean of 1 and 5');
});
