// Theory vs simulation for unbounded queues: M/M/1 and M/M/c (Erlang C). See queueing-check.ts.
import { test } from 'node:test';
import { POINTS } from './queueing-helpers.js';
import { checkPoint } from './queueing-check.js';

for (const point of POINTS.filter((p) => p.model === 'M/M/1' || p.model === 'M/M/c')) {
  test(`${point.id} (${point.model}, λ=${point.lambda_per_s}/s, c=${point.servers}) matches theory`, () => checkPoint(point));
}
