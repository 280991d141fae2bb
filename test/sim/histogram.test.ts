import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LatencyHistogram } from '../../src/sim/histogram.js';

function exactPercentile(sorted: number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

test('percentiles are within 1% of the exact sample percentiles (2 significant digits)', () => {
  fc.assert(
    fc.property(fc.array(fc.double({ min: 1, max: 600_000, noNaN: true }), { minLength: 1, maxLength: 2000 }), (values) => {
      const h = new LatencyHistogram(2);
      for (const v of values) h.record(v);
      const sorted = [...values].sort((a, b) => a - b);
      for (const p of [50, 95, 99]) {
        const exact = exactPercentile(sorted, p);
        const got = h.percentile(p);
        assert.ok(Math.abs(got - exact) <= 0.01 * exact + 0.001, `p${p}: ${got} vs ${exact}`);
      }
      assert.equal(h.max, sorted[sorted.length - 1]);
      h.destroy();
    }),
    { numRuns: 60 },
  );
});

test('merging two histograms equals recording everything in one', () => {
  fc.assert(
    fc.property(fc.array(fc.double({ min: 0.5, max: 1e5, noNaN: true }), { maxLength: 500 }), fc.array(fc.double({ min: 0.5, max: 1e5, noNaN: true }), { maxLength: 500 }), (a, b) => {
      const ha = new LatencyHistogram();
      const hb = new LatencyHistogram();
      const all = new LatencyHistogram();
      for (const v of a) (ha.record(v), all.record(v));
      for (const v of b) (hb.record(v), all.record(v));
      ha.merge(hb);
      assert.equal(ha.count, all.count);
      for (const p of [50, 90, 99, 100]) assert.equal(ha.percentile(p), all.percentile(p));
      assert.equal(ha.max, all.max);
    }),
    { numRuns: 40 },
  );
});

test('percentiles never exceed the maximum nor fall below the minimum, also after a merge', () => {
  const latency = fc.double({ min: 0, max: 600_000, noNaN: true, noDefaultInfinity: true });
  fc.assert(
    fc.property(fc.array(latency, { minLength: 1, maxLength: 300 }), fc.array(latency, { maxLength: 50 }), fc.double({ min: 0, max: 100, noNaN: true }), fc.constantFrom(2 as const, 3 as const), (a, b, p, digits) => {
      const h = new LatencyHistogram(digits);
      for (const v of a) h.record(v);
      const other = new LatencyHistogram(digits);
      for (const v of b) other.record(v);
      h.merge(other);
      const all = [...a, ...b];
      const [lo, hi] = [Math.min(...all), Math.max(...all)];
      for (const q of [p, 0, 50, 95, 99, 100]) {
        const v = h.percentile(q);
        assert.ok(v <= hi && v >= lo, `p${q} = ${v} outside [${lo}, ${hi}]`);
      }
      const s = h.summary();
      assert.ok(s.p50 <= s.p95 && s.p95 <= s.p99 && s.p99 <= s.max, JSON.stringify(s));
    }),
    { numRuns: 200 },
  );
});

test('a histogram costs memory in proportion to the values it holds, not to their range', () => {
  // A deployment of a large config sees a handful of calls: 3 latencies between 0.8 and 3.2 s.
  // Dense counts up to 3.2 s took 64 KB per histogram (40,000 deployments: GBs).
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  globalThis.gc?.();
  const before = used();
  const kept: LatencyHistogram[] = [];
  for (let i = 0; i < 2000; i++) {
    const h = new LatencyHistogram(3);
    for (const ms of [812.5, 1604, 3210 + i]) h.record(ms);
    kept.push(h);
  }
  globalThis.gc?.();
  const perHistogram = (used() - before) / kept.length;
  assert.ok(perHistogram < 8 * 1024, `${Math.round(perHistogram)} bytes per histogram`);
  assert.equal(kept[1999].percentile(100), 5209);
});
