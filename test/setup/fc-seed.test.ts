import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';

test('property tests use the fixed fast-check seed unless FC_SEED asks for another', () => {
  const seed = fc.readConfigureGlobal().seed;
  if (process.env.FC_SEED === undefined || process.env.FC_SEED === '') assert.equal(seed, 20261201);
  else if (process.env.FC_SEED !== 'random') assert.equal(seed, Number.parseInt(process.env.FC_SEED, 10));
  else assert.equal(typeof seed, 'number');
});
