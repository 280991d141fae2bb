// fast-check properties of the routing core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Router } from '../../src/routing/router.js';
import { ALL_STRATEGIES } from '../../src/routing/config.js';
import type { StrategyName } from '../../src/routing/types.js';
import { dep, err, ok, seeded } from './helpers.js';

const req = { model: 'g', inputTokens: 10 };
const strategies = ALL_STRATEGIES;

test('property: never picks a cooled-down or open-breaker deployment while an eligible one exists', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 2, max: 8 }),
      fc.constantFrom(...strategies),
      fc.array(fc.record({ d: fc.nat(7), status: fc.constantFrom(401, 404, 429, 500, 503, 200), at: fc.nat(20_000) }), { maxLength: 40 }),
      fc.nat(30_000),
      fc.integer(),
      (size, strategy, events, now, seed) => {
        const r = Router.fromConfig(
          {
            model_list: Array.from({ length: size }, (_, i) => dep('g', { api_base: `h${i}` })),
            router_settings: { routing_strategy: strategy, enable_circuit_breaker: true, failure_threshold: 2, cooldown_time: 7 },
          },
          { random: seeded(seed) },
        );
        for (const e of [...events].sort((a, b) => a.at - b.at)) {
          const d = e.d % size;
          if (!r.onCallStart(d, req, e.at).ok) continue;
          r.onCallEnd(d, req, e.status === 200 ? ok({ latencyMs: 1 }) : err(e.status, { latencyMs: 1 }), e.at + 1);
        }
        const eligible = r.deployments.filter((d) => {
          const h = r.health(d.index, now);
          return h !== 'cooldown' && h !== 'open';
        });
        for (let i = 0; i < 5; i++) {
          const p = r.pick(req, now);
          if (p.ok) {
            const h = r.health(p.deployment, now);
            assert.ok(h !== 'cooldown' && h !== 'open', `picked a ${h} deployment`);
          } else if (p.reason === 'all-cooled-down' || p.reason === 'circuit-open') {
            // only half-open deployments with a probe in flight may remain; none are in flight here
            assert.equal(eligible.length, 0, `reason ${p.reason} while ${eligible.length} eligible`);
          }
        }
      },
    ),
    { numRuns: 150 },
  );
});

test('property: weighted simple-shuffle converges to the weights within binomial bounds', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 2, maxLength: 5 }), fc.integer(), (weights, seed) => {
      const r = Router.fromConfig({ model_list: weights.map((w, i) => dep('g', { weight: w, api_base: `h${i}` })) }, { random: seeded(seed) });
      const n = 4000;
      const counts = new Array<number>(weights.length).fill(0);
      for (let i = 0; i < n; i++) {
        const p = r.pick(req, 0);
        if (p.ok) counts[p.deployment]++;
      }
      const total = weights.reduce((a, b) => a + b, 0);
      weights.forEach((w, i) => {
        const p = w / total;
        const mean = n * p;
        const sd = Math.sqrt(n * p * (1 - p));
        assert.ok(Math.abs(counts[i] - mean) <= 5 * sd + 1, `deployment ${i}: ${counts[i]} vs ${mean.toFixed(1)} ± ${(5 * sd).toFixed(1)}`);
      });
    }),
    { numRuns: 40 },
  );
});

test('property: weighted round robin gives every deployment exactly its weight in each cycle', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 4 }), (weights, cycles) => {
      const r = Router.fromConfig(
        { model_list: weights.map((w, i) => dep('g', { weight: w, api_base: `h${i}` })), router_settings: { routing_strategy: 'weighted-round-robin' } },
        { random: seeded(1) },
      );
      const total = weights.reduce((a, b) => a + b, 0);
      for (let c = 0; c < cycles; c++) {
        const counts = new Array<number>(weights.length).fill(0);
        for (let i = 0; i < total; i++) {
          const p = r.pick(req, 0);
          assert.ok(p.ok);
          counts[p.deployment]++;
        }
        assert.deepEqual(counts, weights);
      }
    }),
    { numRuns: 100 },
  );
});

test('property: usage-based-routing-v2 never exceeds an enforced rpm within a minute window', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 4 }),
      fc.array(fc.nat(179_999), { minLength: 1, maxLength: 120 }),
      fc.integer(),
      (rpms, times, seed) => {
        const r = Router.fromConfig(
          { model_list: rpms.map((rpm, i) => dep('g', { rpm, api_base: `h${i}` })), router_settings: { routing_strategy: 'usage-based-routing-v2' } },
          { random: seeded(seed) },
        );
        const perMinute = new Map<string, number>();
        for (const t of [...times].sort((a, b) => a - b)) {
          const p = r.pick(req, t);
          if (!p.ok) continue;
          if (!r.onCallStart(p.deployment, req, t).ok) continue;
          r.onCallEnd(p.deployment, req, ok({ latencyMs: 0 }), t);
          const key = `${p.deployment}:${Math.floor(t / 60_000)}`;
          const n = (perMinute.get(key) ?? 0) + 1;
          perMinute.set(key, n);
          assert.ok(n <= rpms[p.deployment], `deployment ${p.deployment} served ${n} > rpm ${rpms[p.deployment]}`);
        }
      },
    ),
    { numRuns: 150 },
  );
});

test('property: the same seed gives the same picks and the same request outcomes', () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...strategies),
      fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 2, maxLength: 6 }),
      fc.array(fc.boolean(), { minLength: 1, maxLength: 60 }),
      fc.integer(),
      (strategy, weights, failures, seed) => {
        const config = {
          model_list: weights.map((w, i) => dep('g', { weight: w, rpm: 100, api_base: `h${i}` })),
          router_settings: { routing_strategy: strategy, fallbacks: [{ g: ['h'] }] },
        };
        const trace = () => {
          const r = Router.fromConfig({ ...config, model_list: [...config.model_list, dep('h', {})] }, { random: seeded(seed) });
          const out: string[] = [];
          failures.forEach((fail, i) => {
            const run = r.beginRequest(req, i * 500);
            let t = i * 500;
            let step = run.next(t);
            while (step.kind === 'call') {
              t += step.delayMs;
              out.push(`${step.deployment}@${Math.round(t)}`);
              if (!r.onCallStart(step.deployment, req, t).ok) {
                step = run.report(err(429), t);
                continue;
              }
              const o = fail && step.group === 'g' ? err(500, { latencyMs: 20 }) : ok({ latencyMs: 20 });
              r.onCallEnd(step.deployment, req, o, t + 20);
              step = run.report(o, t + 20);
            }
            out.push(step.kind);
          });
          return out;
        };
        assert.deepEqual(trace(), trace());
      },
    ),
    { numRuns: 100 },
  );
});

test('property: with order tiers, a pick never returns a higher tier while a lower tier has an eligible deployment', () => {
  // Eligible: not cooling down, breaker not open, and (usage-based-routing-v2, cost-based-routing)
  // under its tpm limit.
  const tierStrategies: StrategyName[] = ['simple-shuffle', 'least-busy', 'usage-based-routing-v2', 'round-robin', 'cost-based-routing'];
  fc.assert(
    fc.property(
      fc.array(fc.record({ order: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }), tpm: fc.constantFrom(50, 1000, undefined) }), {
        minLength: 2,
        maxLength: 7,
      }),
      fc.constantFrom(...tierStrategies),
      fc.array(fc.record({ d: fc.nat(6), status: fc.constantFrom(401, 429, 500, 200), tokens: fc.integer({ min: 1, max: 60 }) }), { maxLength: 30 }),
      fc.integer(),
      (deps, strategy, events, seed) => {
        const size = deps.length;
        const r = Router.fromConfig(
          {
            model_list: deps.map((x, i) => dep('g', { api_base: `h${i}`, ...(x.order !== undefined ? { order: x.order } : {}), ...(x.tpm !== undefined ? { tpm: x.tpm } : {}) })),
            router_settings: { routing_strategy: strategy, enable_circuit_breaker: true, failure_threshold: 2, cooldown_time: 30 },
          },
          { random: seeded(seed) },
        );
        let t = 0;
        for (const e of events) {
          const d = e.d % size;
          t += 10;
          if (!r.onCallStart(d, req, t).ok) continue;
          r.onCallEnd(d, req, e.status === 200 ? ok({ latencyMs: 1, inputTokens: e.tokens, outputTokens: e.tokens }) : err(e.status, { latencyMs: 1 }), t + 1);
        }
        const now = t + 5;
        const tierOf = (d: number) => r.deployments[d].order ?? Infinity; // unordered: the last tier
        const eligible = (d: number) => {
          const h = r.health(d, now);
          if (h === 'cooldown' || h === 'open') return false;
          const limit = r.deployments[d].tpmLimit;
          const limited = strategy === 'usage-based-routing-v2' || strategy === 'cost-based-routing';
          return !limited || limit === null || r.usage(d, now).tpm + req.inputTokens <= limit;
        };
        const p = r.pick(req, now);
        if (p.ok) {
          const picked = tierOf(p.deployment);
          assert.ok(eligible(p.deployment), 'picked an ineligible deployment');
          for (const d of r.deployments) {
            if (tierOf(d.index) < picked) assert.ok(!eligible(d.index), `tier ${picked} picked while deployment ${d.index} of tier ${tierOf(d.index)} is eligible`);
          }
        } else {
          assert.ok(!r.deployments.some((d) => eligible(d.index)), `pick failed (${p.reason}) with an eligible deployment`);
        }
      },
    ),
    { numRuns: 200 },
  );
});

test('property: a ttft_percentile score is the nearest-rank percentile of the newest max_latency_list_size TTFT samples', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 12 }),
      fc.double({ min: 0.01, max: 1, noNaN: true }),
      fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 60 }),
      (size, p, ttfts) => {
        const r = Router.fromConfig(
          {
            model_list: [dep('g', {})],
            router_settings: { routing_strategy: 'latency-based-routing', routing_strategy_args: { ttft_percentile: p, max_latency_list_size: size } },
          },
          { random: seeded(1) },
        );
        const stream = { ...req, stream: true };
        ttfts.forEach((ms, i) => r.onCallEnd(0, stream, ok({ latencyMs: 1000, ttftMs: ms }), i));
        const window = ttfts.slice(-size).map((ms) => ms / 1000).sort((a, b) => a - b);
        const rank = Math.min(window.length, Math.max(1, Math.ceil(p * window.length)));
        assert.equal(r.core.latency.score(r.core.slotOf[0], r.core.groupOf[0], true, ttfts.length), window[rank - 1]);
      },
    ),
    { numRuns: 200 },
  );
});

// RouterCore keeps, per group, the list of deployments not cooling down while no cooldown is
// entered or ends (notCooling); with pre-call checks that exclude nothing, the same picks come
// from the full filter walk. Both routers draw the same random numbers, so every pick must match.
test('property: picks among the kept not-cooling list equal the full filter walk, for every strategy', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 2, max: 6 }),
      fc.constantFrom(...strategies),
      fc.array(fc.record({ d: fc.nat(5), status: fc.constantFrom(429, 500, 503, 200, 200, 200), gap: fc.nat(4_000) }), { minLength: 5, maxLength: 60 }),
      fc.integer(),
      (size, strategy, events, seed) => {
        const config = (preCall: boolean) => ({
          model_list: Array.from({ length: size }, (_, i) => dep('g', { api_base: `h${i}`, weight: i + 1 })),
          router_settings: { routing_strategy: strategy, cooldown_time: 3, allowed_fails: 1, ...(preCall ? { enable_pre_call_checks: true } : {}) },
        });
        const kept = Router.fromConfig(config(false), { random: seeded(seed) });
        const walked = Router.fromConfig(config(true), { random: seeded(seed) });
        let now = 0;
        for (const e of events) {
          now += e.gap;
          const a = kept.pick(req, now);
          const b = walked.pick(req, now);
          assert.deepEqual(a, b, `pick at ${now} ms`);
          const d = a.ok ? a.deployment : e.d % size;
          for (const r of [kept, walked]) {
            if (!r.onCallStart(d, req, now).ok) continue;
            r.onCallEnd(d, req, e.status === 200 ? ok({ latencyMs: 1 + (e.gap % 50) }) : err(e.status, { latencyMs: 1 }), now + 1);
          }
        }
      },
    ),
    { numRuns: 200 },
  );
});

test('the kept not-cooling list ends with the first cooldown that ends: at its end the deployment is picked again', () => {
  const r = Router.fromConfig(
    { model_list: [0, 1, 2].map((i) => dep('g', { api_base: `h${i}` })), router_settings: { routing_strategy: 'round-robin', cooldown_time: 3, allowed_fails: 0 } },
    { random: seeded(1) },
  );
  // deployment 0 cools first, deployment 1 a second later, so 1 still cools when 0's cooldown ends
  for (const [d, at] of [[0, 1000], [1, 2000]]) {
    assert.ok(r.onCallStart(d, req, at).ok);
    r.onCallEnd(d, req, err(500), at);
  }
  const until = r.cooldownUntil(0, 2000);
  assert.ok(until !== null && r.cooldownUntil(1, until) !== null, 'deployment 1 outlasts deployment 0');
  const picked = (nowMs: number) => {
    const seen = new Set<number>();
    for (let i = 0; i < 6; i++) {
      const p = r.pick(req, nowMs);
      if (p.ok) seen.add(p.deployment);
    }
    return [...seen].sort();
  };
  assert.deepEqual(picked(until - 1), [2]);
  assert.deepEqual(picked(until), [0, 2]);
});
