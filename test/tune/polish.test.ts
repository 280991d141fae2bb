// `gwcfg tune` output and usage, as a fresh user meets them: tables that fit the terminal,
// percentages that never read the same as their bound, plurals, the budget minimum, the JSON
// round counts, bounded --vary limits, --slo group columns, and include: configs with -o.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { applyPatch } from 'diff';
import { executeTune, minimumBudget, parseTuneFlags, type TuneOptions, type TuneRun } from '../../src/tune/command.js';
import { tuneDocument, tuneMarkdown, tuneTable } from '../../src/tune/output.js';
import { aggregate, type Metrics } from '../../src/tune/score.js';
import type { Candidate } from '../../src/tune/search.js';
import { checkSloGroup, describeSlo, parseSlo } from '../../src/tune/slo.js';
import { applyChanges, mergeChanges, mutate, type Change } from '../../src/tune/space.js';
import { seededUniform } from '../../src/sim/rng.js';
import { CliError } from '../../src/cli/errors.js';
import { runCli } from '../helpers/cli.js';

const DIR = 'test/fixtures/tune';
const flaky = parse(readFileSync(`${DIR}/flaky.config.yaml`, 'utf8'));

function sink() {
  let text = '';
  return { stream: { isTTY: false, write: (s: string) => ((text += s), true) } as unknown as NodeJS.WriteStream, text: () => text };
}

async function tune(config: string, options: TuneOptions, env: NodeJS.ProcessEnv = {}) {
  const out = sink();
  const err = sink();
  const code = await executeTune(config, { jobs: '1', progress: false, ...options }, { stdout: out.stream, stderr: err.stream, env });
  return { code, stdout: out.text(), stderr: err.text() };
}

const metrics = (success: number, p95 = 1500, p99 = 2500, cost = 3): Metrics => ({ requests: 10_000, succeeded: Math.round(success * 10_000), success, p95_ms: p95, p99_ms: p99, cost_usd: cost });

const candidate = (id: number, round: number, changes: Change[], m: Metrics): Candidate => ({ id, round, changes, runs: [m], metrics: m });

/** Long keys, as a config with retry policies, latency buffers and fallbacks gives them. */
const LONG: Change[] = [
  { dimension: 'retry_policy', path: ['router_settings', 'retry_policy', 'InternalServerErrorRetries'], value: 3 },
  { dimension: 'strategy_args', path: ['router_settings', 'routing_strategy_args', 'lowest_latency_buffer'], value: 0.25 },
  { dimension: 'timeout', path: ['model_list', 1, 'litellm_params', 'stream_timeout'], value: 120 },
  { dimension: 'retries', path: ['router_settings', 'num_retries'], value: 2 },
];

/** A finished search as the output formats get it (what the search found is made up; the formats are under test). */
function run(options: { slo?: string; seeds?: number[]; rounds?: number; baseline?: Metrics; best?: Metrics; others?: Candidate[]; bestRound?: number } = {}): TuneRun {
  const slo = parseSlo(options.slo ?? 'success>=99.9%,p95<=4s');
  const seeds = options.seeds ?? [7, 8, 9];
  const baseline = candidate(0, 0, [], options.baseline ?? metrics(0.9979, 2307, 3598, 84.85));
  const best = candidate(29, options.bestRound ?? 4, LONG.slice(0, 2), options.best ?? metrics(0.9994, 2462, 3771, 85.01));
  const others = options.others ?? [candidate(28, 4, LONG, metrics(0.9977, 2339, 3658, 84.84)), candidate(23, 3, LONG.slice(1), metrics(0.9997, 2400, 3725, 85.03))];
  const finalists = [best, ...others, baseline];
  return {
    configFile: 'config.yaml',
    scenarioFile: 'scenario.yaml',
    trafficFile: null,
    flags: { slo, objective: 'cost', budget: { kind: 'evaluations', count: 60 }, seeds: seeds.length, jobs: 1, dimensions: ['retries', 'retry_policy', 'strategy_args', 'timeout'], seed: undefined, litellmVersion: undefined },
    seeds,
    holdoutSeeds: seeds.map((s) => s + seeds.length),
    baseline,
    best,
    evaluated: [baseline, ...others, best].sort((a, b) => a.id - b.id),
    finalists,
    simulations: 57,
    rounds: options.rounds ?? 4,
    stop: 'budget',
    reproduce: 66,
    holdout: { baseline: { metrics: aggregate([baseline.metrics]) }, best: { metrics: aggregate([best.metrics]) } },
    checked: [],
    verified: true,
    output: null,
    requestedOutput: null,
    diff: '',
    editError: null,
    base: flaky,
  };
}

const lines = (text: string) => text.split('\n').filter((l) => l !== '');

test('tune: the table fits 80 and 120 columns (simulate\'s layout), every change of the Pareto front still listed in full', () => {
  for (const width of [80, 120]) {
    const out = tuneTable(run(), { width, unicode: true });
    for (const line of lines(out)) assert.ok(line.length <= width, `${width}: ${line.length} columns: ${line}`);
    for (const key of ['router_settings.retry_policy.InternalServerErrorRetries: null -> 3', 'model_list[1].litellm_params.stream_timeout: null -> 120']) {
      assert.ok(out.includes(key), `${width}: ${key} missing\n${out}`);
    }
    assert.match(out, /\n#28 +\$84\.84 .* 4 changes\n/);
  }
  // Wide enough for everything: the changes stay in the table.
  const wide = tuneTable(run(), { width: 400, unicode: true });
  assert.match(wide, /\n#28 +\$84\.84 .*router_settings\.retry_policy\.InternalServerErrorRetries: null -> 3; /);
  // ASCII only without a UTF-8 locale, like simulate's tables.
  const narrow = tuneTable(run(), { width: 40, unicode: false });
  assert.doesNotMatch(narrow, /[^\x00-\x7f]/);
  for (const line of lines(narrow)) assert.ok(line.length <= 40, line);
});

test('tune: the table takes its width from COLUMNS, else 120 columns into a pipe', async () => {
  const options: TuneOptions = { scenario: `${DIR}/flaky.scenario.yaml`, slo: 'success>=99.5%,p95<=1500ms', budget: '30', seeds: '2' };
  for (const [env, width] of [[{ COLUMNS: '80' }, 80], [{}, 120]] as const) {
    const r = await tune(`${DIR}/flaky.config.yaml`, options, env);
    const report = r.stdout.split('\n===')[0];
    for (const line of lines(report)) assert.ok(line.length <= width, `${width}: ${line}`);
  }
});

test('tune: a success rate or latency never reads the same as the bound it misses', () => {
  const close = tuneTable(run({ slo: 'success>=99.85%,p95<=4s', baseline: metrics(0.99849, 4000.4) }), { width: 200, unicode: true });
  assert.match(close, /misses success \(99\.849% < 99\.850%\), p95 \(4000\.4 ms > 4000\.0 ms\)/);
  // Two decimals otherwise, the same in every row and in the markdown.
  const usual = run();
  assert.match(tuneTable(usual, { width: 200, unicode: true }), /given config +99\.79% .* misses success \(99\.79% < 99\.90%\)/);
  assert.match(tuneTable(usual, { width: 200, unicode: true }), /best #29 +99\.94% /);
  assert.match(tuneMarkdown(usual), /misses success \(99\.79% \\< 99\.90%\)/);
  // Short of 100 % never reads 100.00 %.
  assert.match(tuneTable(run({ best: metrics(0.99999) }), { width: 200, unicode: true }), /best #29 +99\.999% /);
  // Nor does the bound: success>=99.999% used to read `99.79% < 100.00%`.
  assert.match(tuneTable(run({ slo: 'success>=99.999%,p95<=4s' }), { width: 200, unicode: true }), /misses success \(99\.790% < 99\.999%\)/);
});

test('tune: no diff when no config is returned (verdict no_candidate), only the closest changes', async () => {
  const r = await tune(`${DIR}/flaky.config.yaml`, { scenario: `${DIR}/flaky.scenario.yaml`, slo: 'success>=99.999%,p95<=10ms', budget: '30', seeds: '2' });
  assert.equal(r.code, 1);
  assert.match(r.stdout, /no candidate meets the SLO/);
  assert.match(r.stdout, /\nchanges of #\d+:\n/);
  assert.doesNotMatch(r.stdout, /^(---|\+\+\+|@@) /m);
  const json = await tune(`${DIR}/flaky.config.yaml`, { scenario: `${DIR}/flaky.scenario.yaml`, slo: 'success>=99.999%,p95<=10ms', budget: '30', seeds: '2', format: 'json' });
  const doc = JSON.parse(json.stdout) as { verdict: string; diff: string; best: { changes: unknown[] } };
  assert.equal(doc.verdict, 'no_candidate');
  assert.ok(doc.best.changes.length > 0, 'the closest candidate changes something');
  assert.equal(doc.diff, '');
});

test('tune: one wording in the terminal (lower case) and the markdown (capitalised), singular for one', () => {
  const one = run({ seeds: [7], rounds: 1, others: [], bestRound: 1 });
  const table = tuneTable(one, { width: 200, unicode: true });
  assert.match(table, /\nsearched 2 candidates in 57 simulations \(the given config and 1 in 1 round of successive halving; finalists ran on seed 7, /);
  assert.match(table, /\nsearch seed 7:\n/);
  assert.match(table, /\nhold-out seed 8 \(not used for ranking, only to check the winner\):\n/);
  assert.match(table, /of the 2 finalists/);
  assert.doesNotMatch(table, /\b1 (candidates|rounds|simulations|finalists|seeds|changes)\b|\(s\)/);
  assert.match(tuneMarkdown(one), /objective cost\. Searched 2 candidates/);
});

test('tune --budget below what one search needs is a usage error naming the minimum for these seeds', () => {
  const flags = (budget: string, seeds?: string) => parseTuneFlags({ slo: 'p95<=2s', scenario: 's.yaml', budget, seeds });
  assert.equal(minimumBudget(3), 15);
  assert.throws(() => flags('10'), (e: unknown) => e instanceof CliError && /^--budget 10 is too small: with --seeds 3 a search needs at least 15 simulations/.test(e.message));
  assert.throws(() => flags('1', '1'), /with --seeds 1 a search needs at least 5 simulations/);
  assert.equal(flags('15').budget.kind, 'evaluations');
  // 0 names the minimum too (it said "must be 1..100000", when the least is 15).
  assert.throws(() => flags('0'), /--budget 0 is too small: with --seeds 3 a search needs at least 15 simulations/);
  assert.throws(() => flags('100001'), /--budget: a count of simulations must be at most 100000, got '100001'$/);
  const r = runCli(['tune', `${DIR}/flaky.config.yaml`, '-s', `${DIR}/flaky.scenario.yaml`, '--slo', 'p95<=2s', '--budget', '1']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^gwcfg: --budget 1 is too small: with --seeds 3 a search needs at least 15 simulations \(3 for the given config, 3 for one candidate, 9 set aside for pruning\)\n$/);
});

test('tune JSON: search.rounds counts halving rounds and pruning_candidates the step after them (round rounds + 1)', () => {
  const others = [candidate(28, 3, LONG, metrics(0.9977)), candidate(23, 2, LONG.slice(1), metrics(0.9997))];
  const doc = tuneDocument(run({ rounds: 3, bestRound: 4, others }));
  assert.equal(doc.search.rounds, 3);
  assert.equal(doc.best.round, 4);
  assert.equal(doc.search.pruning_candidates, 1);
  assert.match(tuneTable(run({ rounds: 3, bestRound: 4, others }), { width: 300, unicode: true }), /\(the given config, 2 in 3 rounds of successive halving, 1 in pruning;/);
});

test('tune --vary limits: a quota moves to ×1.5 or ×2 of what the user wrote, never compounding, never below it', () => {
  const storm = parse(readFileSync(`${DIR}/storm.config.yaml`, 'utf8'));
  const user = (c: Change) => storm.model_list[c.path[1] as number].litellm_params[c.path[3] as string] as number;
  const rng = seededUniform(9);
  let changes: Change[] = [];
  let moves = 0;
  for (let i = 0; i < 300; i++) {
    const move = mutate(applyChanges(storm, changes), 'limits', rng, storm);
    if (!move) continue;
    moves++;
    changes = mergeChanges(storm, changes, move);
    for (const c of changes) assert.ok([1.5, 2].map((f) => Math.round(user(c) * f)).includes(c.value as number), JSON.stringify(c));
  }
  assert.ok(moves > 100);
});

test('tune --slo: a group that is not a model_name is named with its column', () => {
  assert.throws(() => checkSloGroup(parseSlo('success>=99%,group=nope'), ['gpt-4o'], 'c.yaml'), /^Error: --slo: column 20: group 'nope' is not a model_name of c\.yaml \(known: gpt-4o\)$|--slo: column 20: group 'nope'/);
  assert.throws(() => checkSloGroup(parseSlo('group= group ,p95<=2s'), ['gpt-4o'], 'c.yaml'), /--slo: column 8: group 'group'/);
  assert.doesNotThrow(() => checkSloGroup(parseSlo('p95<=2s,group=gpt-4o'), ['gpt-4o'], 'c.yaml'));
  const r = runCli(['tune', `${DIR}/flaky.config.yaml`, '-s', `${DIR}/flaky.scenario.yaml`, '--slo', 'success>=99%,group=nope']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^gwcfg: --slo: column 20: group 'nope' is not a model_name of .*flaky\.config\.yaml \(known: gpt-4o\)\n$/);
});

test('tune -o with include: a key from an included file is named with that file; one in the main file is written there', async () => {
  const options: TuneOptions = { scenario: `${DIR}/flaky.scenario.yaml`, slo: 'success>=99.5%', vary: 'retries', budget: '20', seeds: '1' };
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-tune-'));
  // router_settings come from router.yaml: the tuned num_retries belongs there, and -o refuses.
  const refused = await tune(`${DIR}/include-router/config.yaml`, { ...options, output: join(dir, 'refused.yaml') });
  assert.equal(refused.code, 0, refused.stderr);
  assert.match(refused.stderr, /^gwcfg: warning: router_settings\.num_retries belongs to test\/fixtures\/tune\/include-router\/router\.yaml, included by test\/fixtures\/tune\/include-router\/config\.yaml; tune edits only .*config\.yaml/m);
  assert.match(refused.stdout, /\nnot written: router_settings\.num_retries belongs to .*router\.yaml/);
  assert.equal(existsSync(join(dir, 'refused.yaml')), false);
  // The deployments come from models.yaml, router_settings are in the main file: written there, the include kept.
  for (const f of ['config.yaml', 'models.yaml']) copyFileSync(`${DIR}/include-models/${f}`, join(dir, f));
  const written = await tune(join(dir, 'config.yaml'), { ...options, output: join(dir, 'tuned.yaml') });
  assert.equal(written.code, 0, written.stderr);
  const text = readFileSync(join(dir, 'tuned.yaml'), 'utf8');
  assert.equal(text, readFileSync(join(dir, 'config.yaml'), 'utf8').replace('num_retries: 0 #', `num_retries: ${parse(text).router_settings.num_retries} #`));
  assert.notEqual(parse(text).router_settings.num_retries, 0);
  // Written into another folder, `include: [models.yaml]` would not find the file: refused, with the reason.
  const other = mkdtempSync(join(tmpdir(), 'gwcfg-tune-'));
  const elsewhere = await tune(join(dir, 'config.yaml'), { ...options, output: join(other, 'tuned.yaml') });
  assert.match(elsewhere.stderr, /would not include the same files as .*config\.yaml .*: write -o into the folder of /);
  assert.equal(existsSync(join(other, 'tuned.yaml')), false);
});

test('tune: each latency bound prints in the unit it was written in (issue 12)', () => {
  assert.equal(describeSlo(parseSlo('success>=99.999%,p95<=10ms')), 'success>=99.999%,p95<=10ms');
  assert.equal(describeSlo(parseSlo('p95<=1500ms,p99 <= 2.5 s')), 'p95<=1500ms,p99<=2.5s');
  assert.equal(describeSlo(parseSlo('p95<=3s,p99<=1m,group=gpt-4o')), 'p95<=3s,p99<=1m,group=gpt-4o');
  // Without the flag's text (a made-up Slo): ms below a second, seconds above.
  assert.equal(describeSlo({ ...parseSlo('p95<=10ms'), text: '' }), 'p95<=10ms');
  assert.equal(describeSlo({ ...parseSlo('p95<=1500ms'), text: '' }), 'p95<=1.5s');
  const r = run({ slo: 'success>=99.999%,p95<=10ms' });
  assert.match(tuneTable(r, { width: 200, unicode: true }), /^tune config\.yaml under scenario\.yaml: SLO success>=99\.999%,p95<=10ms, objective cost\n/);
  assert.match(tuneMarkdown(r), /; SLO `success>=99\.999%,p95<=10ms`, objective cost\./);
  assert.equal(tuneDocument(run({ slo: 'p95<=1500ms' })).slo.text, 'p95<=1500ms');
});

test('tune: latency decimals follow the values shown, not a bound under 100 ms; p95 and p99 alike (issue 12)', () => {
  const table = tuneTable(run({ slo: 'success>=99.9%,p95<=10ms' }), { width: 300, unicode: true });
  // Whole above 100 ms in both columns; the 10 ms bound reads 10, not 10.0, and adds no decimal.
  assert.match(table, /\ngiven config +99\.79% +2307 +3598 /);
  assert.match(table, /p95 \(2307 ms > 10 ms\)/);
  assert.doesNotMatch(table, /\d\.\d ms|\b2307\.0\b/);
  // A bound that needs a decimal shows it, the values stay whole; one under 100 ms in the values: one decimal.
  assert.match(tuneTable(run({ slo: 'p95<=10.5ms' }), { width: 300, unicode: true }), /p95 \(2307 ms > 10\.5 ms\)/);
  const fast = tuneTable(run({ slo: 'p95<=4s', baseline: metrics(0.9979, 85.25, 3598) }), { width: 300, unicode: true });
  assert.match(fast, /\ngiven config +99\.79% +85\.3 +3598 /);
  // A value that would read as its bound still gets the decimals to tell them apart.
  assert.match(tuneTable(run({ slo: 'p95<=2307ms', baseline: metrics(0.9979, 2307.2, 3598) }), { width: 300, unicode: true }), /p95 \(2307\.2 ms > 2307\.0 ms\)/);
});

test('tune -f markdown never cuts text: the summary sentence is whole (issue 12)', () => {
  const long = run({ slo: 'success>=99.999%,p95<=10ms' });
  const md = tuneMarkdown(long);
  assert.doesNotMatch(md, /…/);
  assert.match(md, /beside the room held back for pruning and the winner's last check, which needed less \(57 of 60 used\)\./);
  // The changes cell of a candidate with many long changes is whole too.
  assert.match(md, /\| #28 \|.* \| router\\_settings\.retry\\_policy\.InternalServerErrorRetries: null -\\> 3; .*; router\\_settings\.num\\_retries: 0 -\\> 2 \|\n/);
});

test('tune: the Pareto SLO column says which finalists the hold-out check confirmed or rejected, with a legend', () => {
  const failed = { runs: [], metrics: metrics(0.998), bound: metrics(0.9985), violations: [{ constraint: 'success' as const, target: 0.999, value: 0.9985, excess: 0.0005 }], afterRound: 3 };
  const passed = { runs: [], metrics: metrics(0.9995), bound: metrics(0.9991), violations: [], afterRound: 4 };
  const rejected = candidate(23, 3, LONG.slice(1), metrics(0.9997, 2400, 3725, 85.03));
  const unchecked = candidate(27, 4, LONG.slice(3), metrics(0.9992, 2410, 3700, 84.9));
  const r = run({ others: [rejected, unchecked] });
  rejected.check = failed;
  r.best.check = passed;
  const doc = tuneDocument(r);
  const byId = new Map(doc.pareto.map((c) => [c.id, c.holdout_check]));
  assert.deepEqual([byId.get(29), byId.get(23), byId.get(27)], ['passed', 'failed', null]);
  const table = tuneTable(r, { width: 200, unicode: true });
  assert.match(table, /\n#29\* .* confirmed /);
  assert.match(table, /\n#23 .* rejected /);
  assert.match(table, /\n#27 .* meets /);
  assert.match(table, /SLO: confirmed = meets it on the search seeds and passed the hold-out check; meets = on the search seeds, not checked/);
  assert.match(tuneMarkdown(r), /\| rejected \|/);
});

test('tune: a time budget with no room for a round says "the given config only", not "0 in 0 rounds"', async () => {
  const r = await tune(`${DIR}/flaky.config.yaml`, { scenario: `${DIR}/flaky.scenario.yaml`, slo: 'success>=99%', budget: '1ms', seeds: '1' });
  assert.match(r.stdout.replace(/\s+/g, ' '), /searched 1 candidate in \d+ simulations? \(the given config only; finalists ran on seed \d+, the same for every candidate\); stopped: the 0\.001 s budget left no room for a round/);
  assert.doesNotMatch(r.stdout, /0 in 0 rounds/);
});

test('tune: without -o the diff is an edit of the config itself, and applying it gives what -o writes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-tune-diff-'));
  const config = join(dir, 'brown-out.config.yaml');
  copyFileSync('fixtures/scenarios/brown-out.config.yaml', config);
  const options: TuneOptions = { scenario: 'fixtures/scenarios/brown-out.scenario.yaml', slo: 'success>=99%', budget: '20', seeds: '3', format: 'json' };
  const bare = JSON.parse((await tune(config, options)).stdout) as { verdict: string; diff: string };
  assert.equal(bare.verdict, 'confirmed');
  assert.match(bare.diff, new RegExp(`^--- ${config.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n\\+\\+\\+ ${config.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`, 'm'));
  assert.doesNotMatch(bare.diff, /tuned\.yaml/);
  const output = join(dir, 'out.yaml');
  const written = JSON.parse((await tune(config, { ...options, output })).stdout) as { diff: string };
  assert.match(written.diff, /\n\+\+\+ .*out\.yaml\n/);
  assert.equal(applyPatch(readFileSync(config, 'utf8'), bare.diff), readFileSync(output, 'utf8'));
});
