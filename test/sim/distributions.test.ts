import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { constant, empirical, exponential, lognormal, lognormalFromPercentiles, normalQuantile, uniform, Z_99 } from '../../src/sim/distributions.js';
import { createStreams, STREAM_NAMES } from '../../src/sim/rng.js';

test('inverse normal CDF matches tabulated quantiles', () => {
  const table: Array<[number, number]> = [[0.5, 0], [0.975, 1.959963985], [0.99, Z_99], [0.01, -Z_99], [0.001, -3.090232306], [0.9999, 3.719016485], [0.2, -0.841621234]];
  for (const [p, z] of table) assert.ok(Math.abs(normalQuantile(p) - z) < 1e-7, `Φ⁻¹(${p}) = ${normalQuantile(p)}, want ${z}`);
});

// In doubles, 1 - (1 - a) is not a for tiny a (1e-12 keeps only 4 digits), and any rational
// approximation wobbles by a few ulps where its branches meet; the properties allow for both.
const MONOTONE_SLACK = 1e-12;
const complementOf = (a: number) => 1 - a; // 1 - (1 - a) is exact (Sterbenz), a itself may not be

test('inverse normal CDF is increasing and antisymmetric', () => {
  fc.assert(
    fc.property(fc.double({ min: 1e-12, max: 0.5, noNaN: true }), fc.double({ min: 1e-12, max: 0.5, noNaN: true }), (a, b) => {
      if (a < b) assert.ok(normalQuantile(a) <= normalQuantile(b) + MONOTONE_SLACK, `Φ⁻¹(${a}) > Φ⁻¹(${b})`);
      const c = complementOf(a);
      const exactA = 1 - c;
      assert.ok(Math.abs(normalQuantile(exactA) + normalQuantile(c)) < 1e-6 * Math.max(1, Math.abs(normalQuantile(exactA))), `Φ⁻¹(${exactA}) ≠ -Φ⁻¹(${c})`);
    }),
  );
});

test('inverse normal CDF: the counterexample CI found (a = 1.04e-12) and the branch seams', () => {
  // CI seed 2067740924 drew a = 1.0419967888936525e-12, for which 1 - a rounds to 1 - 1.04199e-12 (±1e-16).
  const a = 1.0419967888936525e-12;
  const c = complementOf(a);
  assert.ok(Math.abs(normalQuantile(1 - c) + normalQuantile(c)) < 1e-6 * Math.abs(normalQuantile(a)));
  for (const seam of [0.02425, 1 - 0.02425]) {
    for (let k = -50; k <= 50; k++) {
      const p = seam + k * 1e-15;
      assert.ok(normalQuantile(p) <= normalQuantile(p + 1e-15) + MONOTONE_SLACK, `not increasing at ${p}`);
    }
  }
});

test('lognormal from p50/p99 has those percentiles', () => {
  fc.assert(
    fc.property(fc.double({ min: 1, max: 1e5, noNaN: true }), fc.double({ min: 1, max: 50, noNaN: true }), (p50, ratio) => {
      const d = lognormalFromPercentiles(p50, p50 * ratio);
      assert.ok(Math.abs(d.quantile(0.5) / p50 - 1) < 1e-9);
      assert.ok(Math.abs(d.quantile(0.99) / (p50 * ratio) - 1) < 1e-6);
    }),
  );
});

/** Sample mean within 4 standard errors of the true mean (fixed seed, so deterministic). */
function checkMean(name: string, d: { mean: number; sample(u: () => number): number }, sd: number, n = 200_000): void {
  const u = createStreams(7).latency;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += d.sample(u);
  const mean = sum / n;
  assert.ok(Math.abs(mean - d.mean) < (4 * sd) / Math.sqrt(n), `${name}: sample mean ${mean} vs ${d.mean}`);
}

test('sample means agree with the distributions\' means', () => {
  checkMean('exponential', exponential(250), 250);
  checkMean('uniform', uniform(100, 300), 200 / Math.sqrt(12));
  const ln = lognormal(Math.log(800), 0.5);
  checkMean('lognormal', ln, ln.mean * Math.sqrt(Math.exp(0.25) - 1));
  checkMean('empirical', empirical([1, 2, 3, 10]), Math.sqrt(((1 - 4) ** 2 + (2 - 4) ** 2 + (3 - 4) ** 2 + (10 - 4) ** 2) / 4));
  assert.equal(constant(5).sample(() => 0.3), 5);
});

test('empirical draws only the given values, each about equally often', () => {
  const u = createStreams(3).tokens;
  const counts = new Map<number, number>();
  const d = empirical([5, 7, 9]);
  for (let i = 0; i < 30_000; i++) {
    const v = d.sample(u);
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  assert.deepEqual([...counts.keys()].sort(), [5, 7, 9]);
  for (const v of [5, 7, 9]) assert.ok(Math.abs(counts.get(v)! / 30_000 - 1 / 3) < 0.015);
});

test('streams are deterministic per seed and differ between purposes and seeds', () => {
  const a = createStreams(42);
  const b = createStreams(42);
  const c = createStreams(43);
  const draw = (u: () => number) => Array.from({ length: 5 }, u);
  for (const name of STREAM_NAMES) assert.deepEqual(draw(a[name]), draw(b[name]));
  assert.notDeepEqual(draw(createStreams(42).arrivals), draw(createStreams(42).latency));
  assert.notDeepEqual(draw(createStreams(42).arrivals), draw(c.arrivals));
  fc.assert(fc.property(fc.integer(), (seed) => {
    const u = createStreams(seed).routing;
    for (let i = 0; i < 20; i++) {
      const x = u();
      assert.ok(x >= 0 && x < 1);
    }
  }));
});
