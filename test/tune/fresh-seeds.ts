// The acceptance check of issue 12 for a tuned config: simulated again on seeds the search never
// used (neither its search seeds nor its hold-out seeds), it meets the SLO.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { runJob } from '../../src/sim/job.js';
import { aggregate, metricsOf, violations } from '../../src/tune/score.js';
import { parseSlo } from '../../src/tune/slo.js';

/** Fresh seeds per check: the ten that follow the last seed the tune run used. */
export const FRESH = 10;

/**
 * Simulates `configFile` on the FRESH seeds after `usedSeeds` and asserts, like the SLO reads
 * them, that the SLO holds over those seeds (success pooled, p95/p99 averaged), and that no seed
 * collapses: each seed's success is within three binomial standard deviations of the target
 * (at ~11 000 requests a 99.9 % SLO wobbles by 0.03 % per seed from sampling alone; a config
 * that cools every region down at once loses 1-2 %). Returns the per-seed figures.
 */
export function assertMeetsOnFreshSeeds(configFile: string, scenarioFile: string, slo: string, usedSeeds: readonly number[]) {
  const after = Math.max(...usedSeeds) + 1;
  const seeds = Array.from({ length: FRESH }, (_, i) => after + i);
  const config = parse(readFileSync(configFile, 'utf8'));
  const scenario = { file: scenarioFile, text: readFileSync(scenarioFile, 'utf8') };
  const parsed = parseSlo(slo);
  const runs = seeds.map((seed) => {
    const outcome = runJob({ config, scenario, seed });
    assert.ok(outcome.ok);
    return metricsOf(outcome.result, parsed.group);
  });
  const figures = runs.map((m, i) => `seed ${seeds[i]}: ${(m.success * 100).toFixed(2)}% p95 ${Math.round(m.p95_ms)} ms`).join('; ');
  assert.deepEqual(violations(aggregate(runs), parsed), [], `misses the SLO over seeds ${seeds[0]}-${seeds[FRESH - 1]}: ${figures}`);
  if (parsed.success !== null) {
    const target = parsed.success;
    for (const [i, m] of runs.entries()) {
      const noise = 3 * Math.sqrt((target * (1 - target)) / Math.max(1, m.requests));
      assert.ok(m.success >= target - noise, `seed ${seeds[i]} collapses: ${(m.success * 100).toFixed(2)}% < ${((target - noise) * 100).toFixed(2)}% (${figures})`);
    }
  }
  return runs;
}
