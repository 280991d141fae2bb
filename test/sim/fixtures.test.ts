// Each example in fixtures/scenarios/ shows one pattern of the source document; these tests pin
// what it shows, on the fixed seed of its scenario file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { callsBetween, shares, simulateFixture, successBetween } from './helpers.js';

test('multi-region failover: during the us-west-2 outage the backups take the traffic and clients barely notice', () => {
  const r = simulateFixture('multi-region-failover.config.yaml', 'multi-region-failover.scenario.yaml');
  const before = shares(callsBetween(r, 30, 180));
  const during = shares(callsBetween(r, 190, 360));
  const after = shares(callsBetween(r, 420, 600));
  assert.ok(before[0] > 0.7, `latency-based routing prefers the fast primary (${before[0]})`);
  assert.ok(during[0] < 0.05, `primary share during the outage ${during[0]}`);
  assert.ok(during[1] + during[2] > 0.95);
  assert.ok(after[0] > 0.7, `traffic returns to the primary (${after[0]})`);
  assert.ok(successBetween(r, 180, 360) >= 0.98, 'retries hide the outage from almost every client');
  assert.ok(r.deployments[0].cooldowns >= 1);
  assert.ok(r.totals.failure_causes.outage > 0, 'the few failures are attributed to the outage');
});

test('cost-performance tiering: cost-based routing is cheaper, latency-based routing is faster', () => {
  const cost = simulateFixture('cost-performance-tiering.config.yaml', 'cost-performance-tiering.scenario.yaml', { strategy: 'cost-based-routing' });
  const fast = simulateFixture('cost-performance-tiering.config.yaml', 'cost-performance-tiering.scenario.yaml', { strategy: 'latency-based-routing' });
  assert.equal(cost.totals.requests, fast.totals.requests, 'identical traffic');
  assert.ok(cost.deployments[0].share > 0.95, 'cost-based sends batch traffic to the cheap deployment');
  assert.ok(fast.deployments[1].share > 0.95, 'latency-based sends interactive traffic to the fast deployment');
  assert.ok(cost.totals.cost_usd < fast.totals.cost_usd * 0.9, `${cost.totals.cost_usd} vs ${fast.totals.cost_usd}`);
  assert.ok(fast.totals.latency_ms.p95 < cost.totals.latency_ms.p95 * 0.6);
});

test('A/B split: litellm_params.weight 50/50 gives a 50/50 split, and the variants differ as configured', () => {
  const r = simulateFixture('ab-split.config.yaml', 'ab-split.scenario.yaml');
  for (const d of r.deployments) assert.ok(Math.abs(d.share - 0.5) < 0.03, `share ${d.share}`);
  assert.ok(r.deployments[1].latency_ms.p50 > r.deployments[0].latency_ms.p50 * 1.1, 'treatment is slower');
  assert.ok(r.deployments[1].failed > r.deployments[0].failed, 'treatment errs more');
  assert.ok(r.totals.success_rate > 0.999, 'retries absorb the random errors');
});

test('rate-limit storm: tripled traffic beyond the quotas causes 429s and cooldowns only while it lasts', () => {
  const r = simulateFixture('rate-limit-storm.config.yaml', 'rate-limit-storm.scenario.yaml');
  assert.ok(successBetween(r, 0, 180) > 0.995, 'before the storm');
  const during = successBetween(r, 180, 300);
  assert.ok(during < 0.95 && during > 0.5, `during the storm ${during}`);
  assert.ok(successBetween(r, 330, 480) > 0.995, 'after the storm');
  assert.ok(r.deployments.every((d) => d.rate_limited > 0 && d.cooldowns > 0));
  assert.ok(r.totals.rate_limited > 0);
  assert.ok((r.totals.failure_reasons['all-cooled-down'] ?? 0) > 0, 'both deployments cooled down at once: requests fail fast');
});

test('brown-out: latency-based routing steers away from the slow region; simple-shuffle keeps sending half', () => {
  const latency = simulateFixture('brown-out.config.yaml', 'brown-out.scenario.yaml');
  const shuffle = simulateFixture('brown-out.config.yaml', 'brown-out.scenario.yaml', { strategy: 'simple-shuffle' });
  assert.ok(shares(callsBetween(latency, 30, 120))[0] > 0.8, 'eastus is faster before the brown-out');
  assert.ok(shares(callsBetween(latency, 150, 300))[0] < 0.1, 'and avoided during it');
  assert.ok(Math.abs(shares(callsBetween(shuffle, 150, 300))[0] - 0.5) < 0.05);
  assert.equal(latency.totals.failed, 0, 'a brown-out is slow, not failing');
  assert.ok(latency.totals.latency_ms.p95 < shuffle.totals.latency_ms.p95 * 0.6);
});

test('primary goes dark: `order` fails over inside the group, `fallbacks` only after retries, at a latency cost', () => {
  const order = simulateFixture('primary-goes-dark-order.config.yaml', 'primary-goes-dark.scenario.yaml');
  const fallbacks = simulateFixture('primary-goes-dark-fallbacks.config.yaml', 'primary-goes-dark.scenario.yaml');
  assert.equal(order.totals.requests, fallbacks.totals.requests);
  // Healthy primary: all traffic goes to it in both designs.
  assert.ok(shares(callsBetween(order, 0, 60))[0] > 0.99 && shares(callsBetween(fallbacks, 0, 60))[0] > 0.99);
  // order: the primary cools down and the backup (order 2) takes over.
  assert.ok(shares(callsBetween(order, 60, 180))[1] > 0.9);
  assert.ok(successBetween(order, 60, 180) >= 0.98);
  assert.equal(order.totals.fallbacks, 0);
  // fallbacks: a single-deployment group is not cooled on every failure, so each request first
  // spends its retries (with backoff) on the dark primary, then falls back.
  assert.ok(fallbacks.totals.fallbacks > 500);
  assert.ok(shares(callsBetween(fallbacks, 60, 180))[0] > 0.5);
  assert.ok(fallbacks.totals.latency_ms.p95 > order.totals.latency_ms.p95 * 2);
  // Both recover to the primary afterwards.
  assert.ok(shares(callsBetween(order, 200, 300))[0] > 0.99 && shares(callsBetween(fallbacks, 200, 300))[0] > 0.99);
});
