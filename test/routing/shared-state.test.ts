// Routers sharing what LiteLLM keeps in Redis (RouterOptions.shared, Router.redisState): the
// cooldown list, and usage-based-routing-v2's counters; nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Router } from '../../src/routing/router.js';
import { routerRedis } from '../../src/routing/shared-state.js';
import { call, dep, err, ok, seeded } from './helpers.js';

const pair = (config: unknown) => {
  const a = Router.fromConfig(config, { random: seeded(1) });
  const b = Router.fromConfig(config, { random: seeded(2), shared: a.redisState() });
  return [a, b] as const;
};

test('shared state: a cooldown one replica enters is seen by the other; its failure counters stay its own', () => {
  const cfg = { model_list: [dep('m', { api_base: 'a' }), dep('m', { api_base: 'b' })], router_settings: { allowed_fails: 1, cooldown_time: 30 } };
  const [a, b] = pair(cfg);
  const req = { model: 'm', inputTokens: 1 };
  call(a, 0, req, err(500), 0);
  assert.equal(a.cooldownUntil(0, 100), null, 'allowed_fails 1: the first failure does not cool');
  call(b, 0, req, err(500), 200);
  assert.equal(b.cooldownUntil(0, 300), null, "b's failure count (Router.failed_calls, in memory) is its own");
  call(a, 0, req, err(500), 400);
  const until = a.cooldownUntil(0, 500);
  assert.notEqual(until, null);
  assert.equal(b.cooldownUntil(0, 500), until, 'the cooldown list is shared');
  assert.equal(b.health(0, 500), 'cooldown');
  const p = b.pick(req, 500);
  assert.ok(p.ok && p.deployment === 1, 'b routes around the deployment a cooled');
});

test('shared state: usage-based-routing-v2 rpm counters are shared, other strategies keep theirs', () => {
  const v2 = { model_list: [dep('m', { rpm: 2 })], router_settings: { routing_strategy: 'usage-based-routing-v2' } };
  const [a, b] = pair(v2);
  const req = { model: 'm', inputTokens: 1 };
  assert.ok(a.onCallStart(0, req, 0).ok);
  assert.ok(b.onCallStart(0, req, 10).ok);
  assert.equal(b.usage(0, 20).rpm, 2);
  assert.equal(a.onCallStart(0, req, 30).ok, false, 'the third call of the minute over both replicas is refused');
  const alone = Router.fromConfig(v2, { random: seeded(3) });
  assert.ok(alone.onCallStart(0, req, 30).ok, 'a replica without the shared counters admits it');
  // simple-shuffle keeps no counters in Redis: only the cooldown list is shared
  const [c, d] = pair({ model_list: [dep('m', { rpm: 2 })] });
  call(c, 0, req, ok(), 0);
  assert.equal(d.usage(0, 10).rpm, 0);
  assert.deepEqual(Object.keys(c.redisState()), ['cooldowns']);
});

test('shared state: only a Router of the same config can share', () => {
  const a = Router.fromConfig({ model_list: [dep('m', {})] }, { random: seeded(1) });
  assert.throws(() => Router.fromConfig({ model_list: [dep('m', {}), dep('n', {})] }, { random: seeded(1), shared: a.redisState() }), /same config/);
});

test('routerRedis: redis_url, or redis_host with redis_port, or litellm_settings.cache with a redis cache', () => {
  assert.equal(routerRedis({ router_settings: { redis_url: 'redis://x' } }).configured, true);
  assert.equal(routerRedis({ router_settings: { redis_host: 'x', redis_port: 6379 } }).key, 'router_settings.redis_host');
  const hostOnly = routerRedis({ router_settings: { redis_host: 'x' } });
  assert.equal(hostOnly.configured, false);
  assert.match(hostOnly.problem!, /without redis_port/);
  assert.equal(routerRedis({ litellm_settings: { cache: true } }).key, 'litellm_settings.cache', 'cache_params.type defaults to redis');
  assert.equal(routerRedis({ litellm_settings: { cache: true, cache_params: { type: 'redis' } } }).configured, true);
  assert.equal(routerRedis({ litellm_settings: { cache: true, cache_params: { type: 'local' } } }).configured, false);
  assert.equal(routerRedis({ litellm_settings: { cache: false } }).configured, false);
  assert.equal(routerRedis({}).configured, false);
});
