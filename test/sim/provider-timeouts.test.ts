// Calls waiting for a provider slot time out at exactly submission + timeout, whether their
// deadlines arrive in order (one shared timer) or out of order (a timer of their own).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Simulation } from '../../src/sim/engine.js';
import { SimProvider, type ProviderCall, type ProviderOutcome } from '../../src/sim/deployment.js';
import { constant } from '../../src/sim/distributions.js';

interface Seen {
  at: number;
  status: number;
  cause: string;
}

function provider(sim: Simulation, serviceMs: number, capacity: number): SimProvider {
  return new SimProvider(sim, { latency: constant(serviceMs), errorRate: 0, errorStatus: 500, capacity, queue: Infinity, rateLimit: {}, outages: [], midstreamErrorRate: 0, midstreamStatus: 500 }, () => 0.5, () => 0.99);
}

function call(timeoutMs: number, seen: Seen[]): ProviderCall {
  return {
    inputTokens: 10,
    outputTokens: 10,
    stream: false,
    timeoutMs,
    done: (o: ProviderOutcome, now: number) => void seen.push({ at: now, status: o.status, cause: o.cause }),
  };
}

test('waiting calls time out at submission + timeout; a call served in time does not', () => {
  const sim = new Simulation();
  const p = provider(sim, 10_000, 1);
  const seen: Seen[] = [];
  sim.at(0, () => p.submit(call(60_000, seen), 0), null); // served 0..10 s
  sim.at(1_000, () => p.submit(call(3_000, seen), 1_000), null); // waits, times out at 4 s
  sim.at(2_000, () => p.submit(call(30_000, seen), 2_000), null); // waits, served 10..20 s
  sim.runUntil(Infinity);
  assert.deepEqual(seen, [
    { at: 4_000, status: 408, cause: 'timeout' },
    { at: 10_000, status: 200, cause: 'ok' },
    { at: 20_000, status: 200, cause: 'ok' },
  ]);
});

test('any mix of submission times and timeouts: each waiting call ends at min(its deadline, its service end)', () => {
  fc.assert(
    fc.property(fc.array(fc.record({ at: fc.integer({ min: 0, max: 50_000 }), timeout: fc.integer({ min: 1, max: 40_000 }) }), { minLength: 1, maxLength: 40 }), (calls) => {
      const sim = new Simulation();
      const serviceMs = 5_000;
      const p = provider(sim, serviceMs, 2);
      const ends = new Map<number, Seen>();
      calls.forEach((c, i) => {
        const seen: Seen[] = [];
        const pc = call(c.timeout, seen);
        pc.done = (o, now) => void ends.set(i, { at: now, status: o.status, cause: o.cause });
        sim.at(c.at, () => p.submit(pc, c.at), null);
      });
      sim.runUntil(Infinity);
      assert.equal(ends.size, calls.length, 'every call ends exactly once');
      for (const [i, end] of ends) {
        const c = calls[i];
        // In the room or in service, a timeout ends the call exactly at its deadline.
        if (end.cause === 'timeout') assert.equal(end.at, c.at + c.timeout, `call ${i} timed out at the wrong time`);
        if (end.cause === 'ok') assert.ok(end.at - c.at <= c.timeout + 1e-9, `call ${i} answered after its timeout`);
      }
    }),
    { numRuns: 300 },
  );
});
