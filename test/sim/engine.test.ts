import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EventQueue, Simulation } from '../../src/sim/engine.js';

test('event queue pops in (time, insertion) order for any schedule', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 300 }), (times) => {
      const q = new EventQueue();
      const fired: Array<[number, number]> = [];
      times.forEach((t, i) => q.push(t, () => {}, i));
      let e;
      while ((e = q.pop())) fired.push([e.time, e.arg as number]);
      const expected = times.map((t, i) => [t, i] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      assert.deepEqual(fired, expected);
    }),
  );
});

test('interleaved pushes and pops keep the heap ordered', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.double({ min: 0, max: 1000, noNaN: true }), fc.constant(-1)), { maxLength: 400 }), (ops) => {
      const q = new EventQueue();
      let last = -Infinity;
      let now = 0;
      for (const op of ops) {
        if (op < 0) {
          const e = q.pop();
          if (e) {
            assert.ok(e.time >= last);
            last = e.time;
            now = e.time;
          }
        } else {
          q.push(now + op, () => {}, null); // never in the past, as the simulator schedules
        }
      }
    }),
  );
});

test('the virtual clock advances to each event and handlers can schedule more', () => {
  const sim = new Simulation();
  const seen: number[] = [];
  const tick = (now: number, left: number) => {
    seen.push(now);
    if (left > 0) sim.after(10, tick, left - 1);
  };
  sim.after(5, tick, 3);
  sim.runUntil(20);
  assert.deepEqual(seen, [5, 15]);
  assert.equal(sim.now, 15, 'the clock stays at the last event: stopping early must not move it');
  sim.runUntil(Infinity);
  assert.deepEqual(seen, [5, 15, 25, 35]);
  assert.equal(sim.queue.size, 0);
});
