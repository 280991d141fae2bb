import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDurationMs, parseRatePerSecond } from '../../src/sim/units.js';

test('durations: seconds as numbers, or strings with units', () => {
  assert.equal(parseDurationMs(1.5), 1500);
  assert.equal(parseDurationMs('250ms'), 250);
  assert.equal(parseDurationMs('30s'), 30_000);
  assert.equal(parseDurationMs('5m'), 300_000);
  assert.equal(parseDurationMs('2min'), 120_000);
  assert.equal(parseDurationMs('1h'), 3_600_000);
  assert.throws(() => parseDurationMs('5 minutes'));
  assert.throws(() => parseDurationMs(-1));
});

test('rates: per second as numbers, or strings like 20/s and 1200/min', () => {
  assert.equal(parseRatePerSecond(20), 20);
  assert.equal(parseRatePerSecond('20/s'), 20);
  assert.equal(parseRatePerSecond('1200/min'), 20);
  assert.equal(parseRatePerSecond('3600/h'), 1);
  assert.throws(() => parseRatePerSecond('20 per second'));
});
