// The timeline and state data the HTML report draws (docs/simulate.md, "Result"): per bucket
// p50/p95/p99, cost and failures by cause; per deployment the intervals it spent cooled down,
// circuit-open or unhealthy, merged and bounded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_STATE_INTERVALS, StateTrack } from '../../src/sim/metrics.js';
import { simulate, simulateFixture } from './helpers.js';

const dep = (host: string) => ({ model_name: 'g', litellm_params: { model: 'openai/gpt-4o', api_base: `https://${host}.example`, api_key: 'k' } });
const OUTAGE_30_60 = `seed: 1
duration: 120s
traffic:
  - { model: g, rate: 5/s }
deployments:
  - match: { index: 0 }
    outages:
      - { from: 30s, to: 60s, status: 503 }
`;

test('every bucket has p50 <= p95 <= p99, failures by cause adding up to failed, and a cost', () => {
  const r = simulateFixture('multi-region-failover.config.yaml', 'multi-region-failover.scenario.yaml');
  let failed = 0;
  for (const b of r.timeline) {
    assert.deepEqual(Object.keys(b), ['t', 'requests', 'succeeded', 'failed', 'by_deployment', 'p50_ms', 'p95_ms', 'p99_ms', 'cost_usd', 'failure_causes']);
    assert.ok(b.p50_ms <= b.p95_ms && b.p95_ms <= b.p99_ms, `t=${b.t}: ${b.p50_ms} ${b.p95_ms} ${b.p99_ms}`);
    assert.equal(Object.values(b.failure_causes).reduce((s, n) => s + n, 0), b.failed, `t=${b.t}`);
    assert.deepEqual(Object.keys(b.failure_causes), Object.keys(b.failure_causes).sort());
    assert.ok(b.cost_usd >= 0);
    failed += b.failed;
  }
  assert.ok(failed > 0, 'the outage makes failures');
  // The failures happen in the outage of deployment 0 (180 s to 360 s), caused by it.
  const during = r.timeline.filter((b) => b.failed > 0);
  assert.ok(during.every((b) => b.t >= 170 && b.t < 370), during.map((b) => b.t).join(','));
  assert.ok(during.every((b) => Object.keys(b.failure_causes).includes('outage')));
});

test('bucket costs add up to the total cost when there is no warm-up', () => {
  const r = simulateFixture('brown-out.config.yaml', 'brown-out.scenario.yaml');
  assert.equal(r.warmup_seconds, 0);
  const sum = r.timeline.reduce((s, b) => s + b.cost_usd, 0);
  assert.ok(r.totals.cost_usd > 0);
  assert.ok(Math.abs(sum - r.totals.cost_usd) < 1e-6 * r.timeline.length, `${sum} vs ${r.totals.cost_usd}`);
});

test('cooldown intervals of the failing region lie in its outage, merged, in time order', () => {
  const r = simulateFixture('multi-region-failover.config.yaml', 'multi-region-failover.scenario.yaml');
  const [down, ...others] = r.deployments;
  assert.ok(down.state_intervals.length > 0);
  assert.equal(down.state_intervals_clipped, false);
  for (const i of down.state_intervals) {
    assert.equal(i.state, 'cooldown');
    assert.ok(i.from_s >= 180 && i.from_s < 360 && i.to_s > i.from_s, JSON.stringify(i));
  }
  for (let k = 1; k < down.state_intervals.length; k++) assert.ok(down.state_intervals[k].from_s > down.state_intervals[k - 1].to_s, 'merged: no overlap');
  const cooled = down.state_intervals.reduce((s, i) => s + i.to_s - i.from_s, 0);
  assert.ok(Math.abs(cooled - down.cooldown_seconds) < 0.01, `${cooled} vs cooldown_seconds ${down.cooldown_seconds}`);
  for (const d of others) assert.deepEqual(d.state_intervals, []);
});

test('circuit-open intervals last the breaker reset time and start in the outage; circuit_opens counts reopenings after a failed half-open probe', () => {
  const r = simulate({ model_list: [dep('a'), dep('b')], router_settings: { enable_circuit_breaker: true, failure_threshold: 3, success_threshold: 2, cooldown_time: 10, disable_cooldowns: true } }, OUTAGE_30_60);
  const intervals = r.deployments[0].state_intervals;
  assert.ok(intervals.length >= 2);
  assert.equal(intervals.length, r.deployments[0].circuit_opens);
  for (const i of intervals) {
    assert.equal(i.state, 'circuit-open');
    assert.ok(i.from_s >= 30 && i.from_s < 60, JSON.stringify(i));
    assert.ok(Math.abs(i.to_s - i.from_s - 10) < 1e-6, 'open for cooldown_time (10 s)');
  }
  assert.deepEqual(r.deployments[1].state_intervals, []);
});

test('unhealthy runs from the failed probes to the good ones (health checks every 10 s)', () => {
  const r = simulate({ model_list: [dep('a'), dep('b')], router_settings: { health_check_interval: 10, health_check_timeout: 5, allowed_fails: 2, success_threshold: 2, cooldown_time: 5 } }, OUTAGE_30_60);
  const unhealthy = r.deployments[0].state_intervals.filter((i) => i.state === 'unhealthy');
  // Probes at 30 and 40 s fail (allowed_fails 2); probes at 60 and 70 s succeed (success_threshold 2).
  assert.deepEqual(unhealthy, [{ state: 'unhealthy', from_s: 40, to_s: 70 }]);
});

test('with several replicas (scenario gateway:) a state interval is the union over the replicas', () => {
  const config = { model_list: [dep('a'), dep('b')], router_settings: { health_check_interval: 10, health_check_timeout: 5, allowed_fails: 2, success_threshold: 2, cooldown_time: 5 } };
  const r = simulate(config, OUTAGE_30_60.replace('traffic:', 'gateway: { replicas: 3 }\ntraffic:'));
  assert.equal(r.gateway?.replicas, 3);
  const [down] = r.deployments;
  const cooldowns = down.state_intervals.filter((i) => i.state === 'cooldown');
  assert.ok(cooldowns.length > 0 && cooldowns.length < down.cooldowns, `${cooldowns.length} merged intervals for ${down.cooldowns} per-replica cooldowns`);
  for (const [k, i] of cooldowns.entries()) {
    assert.ok(i.from_s >= 30 && i.to_s <= 65, JSON.stringify(i));
    if (k > 0) assert.ok(i.from_s > cooldowns[k - 1].to_s, 'disjoint, in time order');
  }
  assert.deepEqual(down.state_intervals.filter((i) => i.state === 'unhealthy'), [{ state: 'unhealthy', from_s: 40, to_s: 70 }]);
});

test('a state track merges overlapping intervals and keeps at most MAX_STATE_INTERVALS, marking the rest clipped', () => {
  const t = new StateTrack();
  t.add(0, 10);
  t.add(5, 20);
  t.add(20, 25);
  assert.deepEqual(t.spans, [0, 25]);
  const union = new StateTrack();
  union.add(40, 70);
  union.add(30, 80); // seen later, started earlier (another replica's sampled interval)
  assert.deepEqual(union.spans, [30, 80]);
  for (let k = 1; k <= MAX_STATE_INTERVALS + 5; k++) t.add(100 * k, 100 * k + 1);
  assert.equal(t.spans.length / 2, MAX_STATE_INTERVALS);
  assert.equal(t.clipped, true);
});
