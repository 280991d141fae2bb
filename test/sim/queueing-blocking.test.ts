// Theory vs simulation for Erlang B (M/M/c/c), M/M/c/K and M/D/1. See queueing-check.ts.
import { test } from 'node:test';
import { POINTS } from './queueing-helpers.js';
import { checkPoint } from './queueing-check.js';

for (const point of POINTS.filter((p) => p.model !== 'M/M/1' && p.model !== 'M/M/c')) {
  test(`${point.id} (${point.model}, λ=${point.lambda_per_s}/s, c=${point.servers}, K=${point.queue_capacity ?? '∞'}) matches theory`, () => checkPoint(point));
}
