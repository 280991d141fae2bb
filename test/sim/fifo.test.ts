import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Fifo } from '../../src/sim/fifo.js';

test('the ring buffer behaves as a FIFO for any mix of pushes and shifts (growing while wrapped)', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constant(-1)), { maxLength: 500 }), (ops) => {
      const fifo = new Fifo<number>();
      const model: number[] = [];
      for (const op of ops) {
        if (op < 0) assert.equal(fifo.shift(), model.shift());
        else (fifo.push(op), model.push(op));
        assert.equal(fifo.length, model.length);
        assert.equal(fifo.peek(), model[0]);
      }
    }),
  );
});
