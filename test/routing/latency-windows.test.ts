// The latency windows keep running sums and a sorted TTFT copy instead of recomputing per write
// (issue 13, performance); these properties pin the scores to the plain definitions they replaced,
// bit for bit, so simulations stay byte-identical: the mean is the left-to-right sum of the sample
// buffer in buffer order (a sliding ring buffer, or the older quirk that keeps the first N−1
// samples and replaces the last) divided by the sample count, and the ttft_percentile score is
// the ceil(p·n)-th smallest sample.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LatencyWindows } from '../../src/routing/strategies/latency-windows.js';

/** The window as it was specified: a buffer, written in place, summed in buffer order on every read. */
class ReferenceWindow {
  readonly buf: number[] = [];
  private head = 0;

  constructor(
    private readonly size: number,
    private readonly sliding: boolean,
  ) {}

  push(value: number): void {
    if (this.buf.length < this.size) this.buf.push(value);
    else if (this.sliding) {
      this.buf[this.head] = value;
      this.head = (this.head + 1) % this.size;
    } else this.buf[this.size - 1] = value;
  }

  mean(): number {
    if (this.buf.length === 0) return 0;
    let total = 0;
    for (const v of this.buf) total += v;
    return total / this.buf.length;
  }

  percentile(p: number): number {
    if (this.buf.length === 0) return 0;
    const sorted = [...this.buf].sort((a, b) => a - b);
    const n = sorted.length;
    return sorted[Math.min(n, Math.max(1, Math.ceil(p * n))) - 1];
  }
}

const event = fc.record({
  slot: fc.nat(2),
  timeout: fc.boolean(),
  // integers and awkward fractions alike: sums of these round differently in another order
  latencyMs: fc.oneof(fc.integer({ min: 0, max: 5000 }), fc.double({ min: 0, max: 5000, noNaN: true })),
  outputTokens: fc.integer({ min: 0, max: 400 }),
  // small integers repeat, so windows hold equal samples (a percentile among ties)
  ttftMs: fc.option(fc.oneof(fc.double({ min: 0, max: 3000, noNaN: true }), fc.integer({ min: 0, max: 4 })), { nil: undefined }),
});

// 0.8–0.99 of up to 12 samples are among the 3 largest: LatencyWindows keeps only those then.
for (const percentile of [null, 0.5, 0.8, 0.9, 0.95, 0.99]) {
  test(`property: latency window scores equal the buffer-order definitions (ttft_percentile ${percentile})`, () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.boolean(), fc.array(event, { maxLength: 80 }), (size, sliding, events) => {
        // one group, a ttl longer than the run: no expiry, so the reference never resets
        const w = new LatencyWindows(3, 1, size, 1e12, sliding, percentile);
        const lat = [0, 1, 2].map(() => new ReferenceWindow(size, sliding));
        const ttft = [0, 1, 2].map(() => new ReferenceWindow(size, sliding));
        let now = 0;
        for (const e of events) {
          now += 1;
          if (e.timeout) {
            w.addTimeoutPenalty(e.slot, 0, now);
            lat[e.slot].push(1000);
          } else {
            w.addSuccess(e.slot, 0, e.latencyMs, e.outputTokens, e.ttftMs, now);
            const seconds = e.latencyMs / 1000;
            lat[e.slot].push(e.outputTokens > 0 ? seconds / e.outputTokens : seconds);
            if (e.ttftMs !== undefined) {
              const t = e.ttftMs / 1000;
              ttft[e.slot].push(sliding || e.outputTokens <= 0 ? t : t / e.outputTokens);
            }
          }
          for (let s = 0; s < 3; s++) {
            assert.ok(Object.is(w.score(s, 0, false, now), lat[s].mean()), `latency mean of slot ${s}`);
            if (ttft[s].buf.length > 0) {
              const expected = percentile === null ? ttft[s].mean() : ttft[s].percentile(percentile);
              assert.ok(Object.is(w.score(s, 0, true, now), expected), `TTFT score of slot ${s}`);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });
}
