// bench/startup.ts judges each start-up line on the median of its rounds' own ratios (pairedRatio).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pairedRatio } from '../../bench/startup.js';

test('pairedRatio is the median of the rounds’ ratios, each run over the bare run of its round', () => {
  // Rounds' ratios 1.3, 1.25, 1.2: the median is the middle one, whatever the medians of each side.
  assert.equal(pairedRatio([130, 100, 120], [100, 80, 100]), 1.25);
  // Even number of rounds: the upper middle one, as the bench's other medians.
  assert.equal(pairedRatio([120, 130], [100, 100]), 1.3);
});

test('pairedRatio refuses lists of different lengths or no rounds', () => {
  assert.throws(() => pairedRatio([1, 2], [1]), /2 runs against 1 bare runs/);
  assert.throws(() => pairedRatio([], []), /0 runs against 0 bare runs/);
});
