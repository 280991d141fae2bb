// The simulator's histogram must give exactly the percentiles of hdr-histogram-js (the reference
// implementation of the layout it copies for speed), clamped to the recorded range, for any data
// and after merging.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as hdr from 'hdr-histogram-js';
import { LatencyHistogram } from '../../src/sim/histogram.js';

const latencyMs = fc.double({ min: 0, max: 600_000, noNaN: true, noDefaultInfinity: true });

function reference(values: number[]) {
  const h = hdr.build({ lowestDiscernibleValue: 1, highestTrackableValue: 2, autoResize: true, numberOfSignificantValueDigits: 3, bitBucketSize: 32, useWebAssembly: false });
  for (const v of values) h.recordValue(Math.max(0, Math.round(v * 1000)));
  return h;
}

test('percentiles equal hdr-histogram-js for any latencies, also after a merge', () => {
  fc.assert(
    fc.property(fc.array(latencyMs, { minLength: 1, maxLength: 300 }), fc.array(latencyMs, { maxLength: 100 }), (a, b) => {
      const mine = new LatencyHistogram(3);
      for (const v of a) mine.record(v);
      const other = new LatencyHistogram(3);
      for (const v of b) other.record(v);
      mine.merge(other);
      const all = [...a, ...b];
      const ref = reference(all);
      // gwcfg clamps hdr's bucket value to the exact range seen (see LatencyHistogram.percentile).
      const [lo, hi] = [Math.min(...all), Math.max(...all)];
      for (const p of [0, 50, 90, 95, 99, 99.9, 100]) {
        assert.equal(mine.percentile(p), Math.min(hi, Math.max(lo, ref.getValueAtPercentile(p) / 1000)), `p${p}`);
      }
    }),
    { numRuns: 300 },
  );
});
