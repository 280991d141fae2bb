// Several proxy replicas (scenario `gateway:`): each its own Router; behind one Redis they share
// what LiteLLM keeps there (src/routing/shared-state.ts, docs/simulate.md "Replicas").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulate } from './helpers.js';
import { resultJson } from '../../src/sim/report/json.js';
import { prepareScenario } from '../../src/sim/prepare.js';
import { resultTable } from '../../src/sim/report/table.js';
import { resultMarkdown } from '../../src/sim/report/markdown.js';
import { width } from '../../src/sim/report/fit.js';

// usage-based-routing-v2 with an rpm limit per deployment; the scenario's providers keep the
// default quota, a rate_limit equal to the config's rpm.
const V2 = {
  model_list: [
    { model_name: 'chat', litellm_params: { model: 'openai/gpt-4o', api_base: 'https://a.example.com', rpm: 60 } },
    { model_name: 'chat', litellm_params: { model: 'openai/gpt-4o', api_base: 'https://b.example.com', rpm: 60 } },
  ],
  router_settings: { routing_strategy: 'usage-based-routing-v2', num_retries: 0 },
};
const WITH_REDIS = { ...V2, router_settings: { ...V2.router_settings, redis_host: 'redis.internal', redis_port: 6379 } };

const scenario = (gateway: string) => `
seed: 5
duration: 3m
traffic:
  - model: chat
    arrival: constant
    rate: 10/s
defaults:
  error_rate: 0
  latency: { dist: constant, value: 200ms }
${gateway}
`;
const FOUR = 'gateway: { replicas: 4 }';

test('replicas: 4 replicas of a usage-based-routing-v2 config without Redis overshoot the rpm limit and the provider answers 429', () => {
  const r = simulate(V2, scenario(FOUR));
  assert.equal(r.gateway?.redis, false);
  assert.equal(r.gateway?.per_replica.length, 4);
  for (const d of r.deployments) {
    assert.ok(d.provider_peak_rpm! > 60, `deployment ${d.index}: provider saw ${d.provider_peak_rpm} calls in a minute, more than its rpm 60`);
    assert.ok(d.provider_rate_limited! > 0, `deployment ${d.index}: the provider answered 429`);
  }
  // each replica admits up to its own 60 per deployment per minute
  const calls = r.gateway!.per_replica.map((p) => p.calls);
  assert.ok(Math.max(...calls) - Math.min(...calls) <= 4, `round-robin spreads calls evenly: ${calls}`);
  const requests = r.gateway!.per_replica.reduce((s, p) => s + p.requests, 0);
  assert.equal(requests, r.totals.requests, 'per-replica figures add up to the totals');
  assert.equal(r.gateway!.per_replica.reduce((s, p) => s + p.failed, 0), r.totals.failed);
});

test('replicas: the same 4 replicas with Redis configured share the counters and stay within the rpm limit', () => {
  const r = simulate(WITH_REDIS, scenario(FOUR));
  assert.equal(r.gateway?.redis, true);
  assert.equal(r.gateway?.redis_from, 'router_settings.redis_host');
  for (const d of r.deployments) {
    assert.ok(d.provider_peak_rpm! <= 60, `deployment ${d.index}: provider saw ${d.provider_peak_rpm} calls in a minute`);
    assert.equal(d.provider_rate_limited, 0);
  }
  assert.ok(r.totals.failure_reasons['rate-limited'] > 0, 'the shared counters turn the excess away at the gateway');
  assert.equal(r.totals.failure_causes['rate-limit'], undefined, 'no request fails on a provider 429');
  // The refusals at the pick show per replica too (they read 0 everywhere before), adding up to the totals.
  const perReplica = r.gateway!.per_replica.map((p) => p.no_deployment);
  assert.ok(perReplica.every((n) => n > 0), `every replica turns requests away: ${perReplica}`);
  assert.equal(perReplica.reduce((a, b) => a + b, 0), r.totals.no_deployment);
  // shared_state: none ignores the Redis (and auto without Redis is the same as none)
  const none = simulate(WITH_REDIS, scenario('gateway: { replicas: 4, shared_state: none }'));
  assert.equal(none.gateway?.redis, false);
  assert.ok(none.deployments.some((d) => d.provider_rate_limited! > 0));
  // shared_state: redis forces sharing without a configured Redis
  const forced = simulate(V2, scenario('gateway: { replicas: 4, shared_state: redis }'));
  assert.equal(forced.gateway?.redis, true);
  assert.ok(forced.deployments.every((d) => d.provider_peak_rpm! <= 60));
});

test('replicas: one replica is the plain simulation; the random balancer is seeded', () => {
  const plain = simulate(V2, scenario(''));
  const one = simulate(V2, scenario('gateway: { replicas: 1 }'));
  assert.equal(plain.gateway, undefined);
  const { gateway, ...rest } = one;
  assert.deepEqual(rest.totals, plain.totals);
  assert.deepEqual(rest.deployments.map(({ provider_peak_rpm, provider_rate_limited, ...d }) => d), plain.deployments);
  assert.equal(gateway?.per_replica[0].requests, plain.totals.requests);
  const random = scenario('gateway: { replicas: 3, balancer: random }');
  assert.equal(resultJson(simulate(V2, random)), resultJson(simulate(V2, random)));
  const split = simulate(V2, random).gateway!.per_replica.map((p) => p.requests);
  assert.ok(split.every((n) => n > 0) && new Set(split).size > 1, `random spreads unevenly but everywhere: ${split}`);
});

test('replicas: max_parallel_requests is per replica even with Redis (each process has its own semaphore)', () => {
  const cfg = {
    model_list: [{ model_name: 'chat', litellm_params: { model: 'openai/gpt-4o', max_parallel_requests: 2 } }],
    router_settings: { redis_url: 'redis://redis:6379' },
  };
  const text = `
seed: 1
requests: 400
traffic: [{ model: chat, arrival: constant, rate: 50/s }]
defaults: { error_rate: 0, latency: { dist: constant, value: 1s }, capacity: 100 }
`;
  const one = simulate(cfg, text);
  const three = simulate(cfg, `${text}gateway: { replicas: 3 }\n`);
  assert.equal(three.gateway?.redis, true);
  // the provider serves at most 2 calls at once behind one replica, 6 behind three
  assert.ok(three.deployments[0].utilization > 2.5 * one.deployments[0].utilization, `${three.deployments[0].utilization} vs ${one.deployments[0].utilization}`);
});

test('replicas: gateway.replicas beyond the limit is a positioned scenario error; unknown keys are refused', () => {
  const p = prepareScenario(V2, { file: 's.yaml', text: 'traffic: [{ model: chat, rate: 1 }]\ngateway:\n  replicas: 100000\n' });
  assert.equal(p.ok, false);
  const d = !p.ok ? p.diagnostics[0] : null;
  assert.equal(d?.ruleId, 'scenario/limit');
  assert.equal(d?.line, 3);
  assert.match(d!.message, /at most 256 proxy replicas/);
  const q = prepareScenario(V2, { file: 's.yaml', text: 'traffic: [{ model: chat, rate: 1 }]\ngateway: { replicas: 2, balancer: sticky }\n' });
  assert.equal(q.ok, false);
});

test('replicas: the table and the Markdown summary show one row per replica (only when there are several)', () => {
  const r = simulate(WITH_REDIS, scenario(FOUR));
  for (const columns of [80, 120]) {
    const text = resultTable(r, { width: columns, unicode: true });
    for (const line of text.split('\n')) assert.ok(width(line) <= columns, `${width(line)} > ${columns}: ${line}`);
    for (const item of ['replicas 4', 'balancer round-robin', 'shared state: Redis (router_settings.redis_host)']) assert.ok(text.includes(item), item);
    const rows = text.split('\n').filter((l) => /^#\d /.test(l));
    assert.equal(rows.length, 4);
    const p0 = r.gateway!.per_replica[0];
    assert.match(rows[0], new RegExp(`^#0\\s+${p0.requests}\\s+${p0.succeeded}\\s+${p0.failed}\\s+${p0.calls}\\s+${p0.gateway_rate_limited}\\s+${p0.no_deployment}$`));
  }
  const md = resultMarkdown(r, { config: 'c.yaml' });
  assert.match(md, /#### Replicas\n\nreplicas 4 · balancer round-robin · shared state: Redis \(router\\_settings\.redis\\_host\)/);
  assert.match(md, /\| replica \| requests \| ok \| failed \| calls \| gateway 429 \| no deployment \|/);
  const none = simulate(V2, scenario('gateway: { replicas: 4, shared_state: none }'));
  assert.match(resultTable(none), /shared state: none \(each replica counts alone\)/);
  const one = simulate(V2, scenario('gateway: { replicas: 1 }'));
  assert.doesNotMatch(resultTable(one), /replica/);
  assert.doesNotMatch(resultMarkdown(one, { config: 'c.yaml' }), /Replicas/);
});
