// tune's use of its budget: a wall-clock budget searches when it has room for rounds (its time
// per simulation measured on warm runs, a round shrinking to what fits), pruning tries every
// changed dimension, a change to LiteLLM's default for an absent key is no change, and the
// summary names the true reason a count budget stopped short of its total.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { search, type Evaluate } from '../../src/tune/search.js';
import { parseSlo } from '../../src/tune/slo.js';
import { applyChanges, mergeChanges, DIMENSIONS, type Change } from '../../src/tune/space.js';
import { aggregate, type Metrics } from '../../src/tune/score.js';
import { tuneTable } from '../../src/tune/output.js';
import type { TuneRun } from '../../src/tune/command.js';

const storm = parse(readFileSync('test/fixtures/tune/storm.config.yaml', 'utf8'));
const m = (cost: number, success: number, p95 = 1000): Metrics => ({ requests: 1000, succeeded: Math.round(success * 1000), success, p95_ms: p95, p99_ms: 2 * p95, cost_usd: cost });
const dimensions = DIMENSIONS.filter((d) => d !== 'limits');
type Rs = { router_settings: { cooldown_time?: number; num_retries?: number } };

/** A fake clock and an evaluator that advances it: the first batch pays `coldMs` (workers starting), every simulation `ms`. */
function timed(ms: number, coldMs: number, score: (config: unknown, seedIndex: number) => Metrics) {
  let clock = 0;
  let first = true;
  const evaluate: Evaluate = async (batch) => {
    clock += batch.length * ms + (first ? coldMs : 0);
    first = false;
    return batch.map(({ config, seedIndex }) => score(config, seedIndex));
  };
  return { evaluate, now: () => clock };
}

const byCooldown = (config: unknown) => ((config as Rs).router_settings.cooldown_time ?? 5) <= 30 ? m(1, 0.999) : m(1, 0.9);

test('a 10 s budget searches although the first batch is slow (workers starting): estimate from warm runs', async () => {
  // As the multi-region example: 3 seeds, 10 hold-out seeds; the first batch costs 1.4 s more.
  // The old estimate (cold batch / 3 seeds, plus room for 2 checks) ran no round at all.
  for (const [budgetMs, ms] of [[10_000, 40], [15_000, 40], [10_000, 150], [4_000, 40]] as const) {
    const { evaluate, now } = timed(ms, 1400, byCooldown);
    const outcome = await search(storm, () => true, evaluate, { slo: parseSlo('success>=99%'), objective: 'cost', seeds: 3, holdout: 10, reserve: 10, budget: { kind: 'duration', ms: budgetMs }, dimensions, seed: 1 }, now);
    assert.ok(outcome.rounds >= 1, `${budgetMs} ms at ${ms} ms/simulation: no round ran`);
    // The caller's hold-out runs (reserve) come after the search: all of it within 10 %.
    const total = now() + 10 * ms;
    assert.ok(total <= budgetMs * 1.1, `${budgetMs} ms at ${ms} ms/simulation took ${total} ms`);
    if (budgetMs === 10_000 && ms === 40) assert.ok(outcome.simulations > 100, `only ${outcome.simulations} simulations`);
  }
});

test('a wall-clock search is repeated exactly by the count it reports, even when its last round shrank', async () => {
  for (const budgetMs of [3_000, 4_000, 6_500, 10_000]) {
    const { evaluate, now } = timed(40, 1400, byCooldown);
    const options = { slo: parseSlo('success>=99%'), objective: 'cost' as const, seeds: 3, holdout: 10, reserve: 10, dimensions, seed: 2 };
    const timedOutcome = await search(storm, () => true, evaluate, { ...options, budget: { kind: 'duration', ms: budgetMs } }, now);
    const counted = await search(storm, () => true, timed(40, 1400, byCooldown).evaluate, { ...options, budget: { kind: 'evaluations', count: timedOutcome.reproduce } });
    assert.equal(counted.simulations, timedOutcome.simulations, `${budgetMs} ms`);
    assert.equal(counted.rounds, timedOutcome.rounds, `${budgetMs} ms`);
    assert.deepEqual(counted.best.changes, timedOutcome.best.changes, `${budgetMs} ms`);
    assert.deepEqual(counted.evaluated.map((c) => c.changes), timedOutcome.evaluated.map((c) => c.changes), `${budgetMs} ms`);
  }
});

test('a change to LiteLLM\'s default for a key the config leaves out is no change', () => {
  const base = { model_list: [], router_settings: { routing_strategy: 'least-busy' } };
  const fails = (value: number): Change => ({ dimension: 'allowed_fails', path: ['router_settings', 'allowed_fails'], value });
  // Router.allowed_fails falls back to litellm.allowed_fails, 3 unless litellm_settings sets it.
  assert.deepEqual(mergeChanges(base, [], [fails(3)]), []);
  assert.deepEqual(mergeChanges(base, [], [fails(1)]), [fails(1)]);
  const global5 = { ...base, litellm_settings: { allowed_fails: 5 } };
  assert.deepEqual(mergeChanges(global5, [], [fails(5)]), []);
  assert.deepEqual(mergeChanges(global5, [], [fails(3)]), [fails(3)]);
  // routing_strategy left out is simple-shuffle.
  const strategy = (value: string): Change => ({ dimension: 'strategy', path: ['router_settings', 'routing_strategy'], value });
  assert.deepEqual(mergeChanges({ model_list: [] }, [], [strategy('simple-shuffle')]), []);
  assert.deepEqual(mergeChanges({ model_list: [] }, [strategy('least-busy')], [strategy('simple-shuffle')]), []);
});

test('pruning: the winner keeps only dimensions that make a difference, whatever the generator seed', async () => {
  // Only cooldown_time and num_retries matter (with noise per seed index, so halving rungs
  // reorder candidates); every other change leaves the figures exactly as they are.
  const score = (config: unknown, seedIndex: number) => {
    const rs = (config as Rs).router_settings;
    const cooldown = rs.cooldown_time ?? 5;
    const retries = rs.num_retries ?? 2;
    const success = Math.min(0.9995, 0.97 + (cooldown <= 30 ? 0.02 : 0) + Math.min(retries, 3) * 0.003 + ((seedIndex * 7) % 5) * 0.0004);
    return m(1 + retries * 0.1 + 30 / cooldown / 100, success);
  };
  const kept: string[] = [];
  for (let seed = 1; seed <= 16; seed++) {
    const outcome = await search(storm, () => true, async (batch) => batch.map(({ config, seedIndex }) => score(config, seedIndex)), {
      slo: parseSlo('success>=99%'), objective: 'cost', seeds: 3, holdout: 10, budget: { kind: 'evaluations', count: 100 }, dimensions, seed,
    });
    assert.ok(outcome.simulations <= 100);
    for (const dimension of new Set(outcome.best.changes.map((c) => c.dimension))) {
      const without = outcome.best.changes.filter((c) => c.dimension !== dimension);
      const same = [0, 1, 2].every((s) => JSON.stringify(score(applyChanges(storm, without), s)) === JSON.stringify(score(applyChanges(storm, outcome.best.changes), s)));
      if (same) kept.push(`seed ${seed}: ${dimension} in ${JSON.stringify(outcome.best.changes)}`);
    }
  }
  assert.deepEqual(kept, []);
});

test('the summary says why a count budget stopped short of its total, and says the budget when it is used up', () => {
  const c = (id: number) => ({ id, changes: [], runs: [m(1, 0.999)], metrics: aggregate([m(1, 0.999)]), round: 0 });
  const baseline = c(0);
  const run = (simulations: number): TuneRun => ({
    configFile: 'config.yaml', scenarioFile: 'scenario.yaml', trafficFile: null,
    flags: { slo: parseSlo('success>=99%'), objective: 'cost', budget: { kind: 'evaluations', count: 100 }, seeds: 1, jobs: 1, dimensions: ['retries'], seed: undefined, litellmVersion: undefined },
    seeds: [1], holdoutSeeds: [2], baseline, best: baseline, evaluated: [baseline], finalists: [baseline],
    simulations, rounds: 2, stop: 'budget', reproduce: simulations, holdout: { baseline: { metrics: baseline.metrics }, best: { metrics: baseline.metrics } },
    checked: [], verified: true, output: null, requestedOutput: null, diff: '', editError: null, base: storm,
  } as unknown as TuneRun);
  const short = tuneTable(run(80), { width: 400, unicode: false });
  assert.match(short, /stopped: no further round fit the budget of 100 simulations beside the room held back for pruning and the winner's last check, which needed less \(80 of 100 used\)/);
  assert.doesNotMatch(short, /stopped: the budget of 100 simulations\./);
  assert.match(tuneTable(run(100), { width: 400, unicode: false }), /stopped: the budget of 100 simulations\./);
});

test('a count budget reserves the winner\'s last check only with room for a candidate beside it', async () => {
  // With 3 seeds the check needs 10 hold-out runs: --budget 22-24 used to reserve them beside the
  // given config and pruning, leaving no room for any candidate, so they searched nothing at all
  // while --budget 21 searched four candidates.
  const score = (config: unknown, seedIndex: number) => {
    const rs = (config as Rs).router_settings;
    return m(1 + (rs.num_retries ?? 2) * 0.1, Math.min(0.9995, 0.98 + ((rs.cooldown_time ?? 5) <= 30 ? 0.015 : 0) + seedIndex * 0.0001));
  };
  for (const seeds of [1, 2, 3, 5]) {
    for (let count = 5 * seeds; count <= 60; count++) {
      const outcome = await search(storm, () => true, async (batch) => batch.map(({ config, seedIndex }) => score(config, seedIndex)), {
        slo: parseSlo('success>=99%'), objective: 'cost', seeds, holdout: Math.max(10, seeds), budget: { kind: 'evaluations', count }, dimensions, seed: 1,
      });
      assert.ok(outcome.simulations <= count, `seeds ${seeds}, --budget ${count}: ${outcome.simulations} simulations`);
      assert.ok(outcome.evaluated.length > 1, `seeds ${seeds}, --budget ${count}: no candidate beside the given config`);
    }
  }
});
