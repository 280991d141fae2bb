// docs/tune.md's worked example (the bundled multi-region scenario): the config tune returns
// meets the SLO on ten seeds it never used. Before the hold-out check, the search returned
// allowed_fails: 1 with one retry, which met the SLO on seeds 7-12 and collapsed on seeds 15, 19
// and 22 (every region cooled down at once when a background 500 met the us-west-2 outage).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { executeTune } from '../../src/tune/command.js';
import { assertMeetsOnFreshSeeds } from './fresh-seeds.js';

const CONFIG = 'fixtures/scenarios/multi-region-failover.config.yaml';
const SCENARIO = 'fixtures/scenarios/multi-region-failover.scenario.yaml';
const SLO = 'success>=99.9%,p95<=4s';

async function tune(budget: string, output: string) {
  let stdout = '';
  let stderr = '';
  const sink = (add: (s: string) => void) => ({ isTTY: false, write: (s: string) => (add(s), true) }) as unknown as NodeJS.WriteStream;
  const code = await executeTune(CONFIG, { scenario: SCENARIO, slo: SLO, budget, output, format: 'json', jobs: '2', progress: false }, { stdout: sink((s) => (stdout += s)), stderr: sink((s) => (stderr += s)) });
  return { code, stdout, stderr };
}

test('tune: the worked example of docs/tune.md returns a config that meets the SLO on 10 unseen seeds', async () => {
  const output = join(mkdtempSync(join(tmpdir(), 'gwcfg-tune-')), 'tuned.yaml');
  const { code, stdout, stderr } = await tune('100', output);
  assert.equal(code, 0, stderr);
  const doc = JSON.parse(stdout);
  assert.equal(doc.meets_slo, true);
  assert.equal(doc.best.holdout.meets_slo, true);
  assert.doesNotMatch(stderr, /warning/, 'the winner passed its hold-out check');
  assert.match(stderr, /^gwcfg: note: #\d+ met the SLO on the search seeds but not on the hold-out seeds 10-19 \(success [\d.]+% at the 95 % lower bound < 99\.9%\): rejected$/m);
  assertMeetsOnFreshSeeds(output, SCENARIO, SLO, [...doc.search.seeds, ...doc.search.holdout_seeds]);
  // The Pareto front says which finalists the hold-out check passed or rejected (they all read
  // "meets" before, so cheaper ones beside the winner looked as good as it).
  type Row = { id: number; meets_slo: boolean; holdout_check: string | null };
  const front = doc.pareto as Row[];
  assert.equal(front.find((c) => c.id === doc.best.id)?.holdout_check, 'passed');
  const rejected = front.filter((c) => c.holdout_check === 'failed');
  assert.ok(rejected.length > 0, 'the example has a rejected finalist on the front');
});

test('tune: with too small a budget for a robust config (--budget 60), tune does not return its winner, which failed the hold-out check', async () => {
  // The budget of the first version of the worked example: two rounds and two checks. Its winner
  // (allowed_fails: 1) meets the SLO on the search seeds only (99.752 % on seeds 20-29): it is
  // treated like "no candidate meets the SLO" (exit 1, nothing written), test/tune/verdict.test.ts
  // checks every format.
  const output = join(mkdtempSync(join(tmpdir(), 'gwcfg-tune-')), 'tuned.yaml');
  const { code, stdout, stderr } = await tune('60', output);
  assert.equal(code, 1, stderr);
  const doc = JSON.parse(stdout);
  assert.equal(doc.verdict, 'rejected');
  assert.equal(doc.output, null);
  assert.equal(existsSync(output), false);
});
