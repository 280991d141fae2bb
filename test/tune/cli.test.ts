// `gwcfg tune` through the built CLI (its own bundle, worker threads), as users run it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';

const FLAKY = ['test/fixtures/tune/flaky.config.yaml', '-s', 'test/fixtures/tune/flaky.scenario.yaml'];

test('gwcfg tune runs from the bundle with two workers and prints contract 6', () => {
  // 40: room for a round and the winner's check on the hold-out seeds (a smaller count leaves it
  // unchecked, with a warning), and the least count that starts a worker (command.ts SOLO_BELOW).
  const r = runCli(['tune', ...FLAKY, '--slo', 'success>=99.5%', '--budget', '40', '--seeds', '1', '-j', '2', '--format', 'json', '--no-progress']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.version, 1);
  assert.deepEqual(Object.keys(doc), ['version', 'config', 'scenario', 'traffic', 'slo', 'objective', 'search', 'meets_slo', 'verdict', 'baseline', 'best', 'binding', 'pareto', 'output', 'report', 'edit_error', 'diff']);
  assert.equal(doc.search.simulations <= 40, true);
});

test('gwcfg tune: usage errors exit 2 with one line naming the flag', () => {
  for (const [args, pattern] of [
    [['--slo', 'success>=99.5%,p97<=2s'], /^gwcfg: --slo: column 16: unknown constraint 'p97'/],
    [['--slo', 'p95<=2s', '--budget', 'soon'], /^gwcfg: --budget takes a number of simulations \(e\.g\. 200\) or a duration/],
    [['--slo', 'p95<=2s', '--vary', 'retries', '--keep', 'cooldown'], /^gwcfg: use either --vary or --keep, not both/],
    [['--slo', 'p95<=2s,group=nope'], /^gwcfg: --slo: column 15: group 'nope' is not a model_name of .*flaky\.config\.yaml \(known: gpt-4o\)/],
  ] as const) {
    const r = runCli(['tune', ...FLAKY, ...args]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, pattern);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  }
});

test('gwcfg tune: every problem of an invalid config or scenario, as simulate prints them, exit 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-tune-'));
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, 'model_list:\n  - model_name: a\n    litellm_params: {model: openai/x, rpm: lots}\n');
  const r = runCli(['tune', bad, '-s', 'test/fixtures/tune/flaky.scenario.yaml', '--slo', 'p95<=2s']);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /bad\.yaml:3:\d+ error .*\[schema\/type\]\n/);
  assert.match(r.stdout, /✖ 1 problem \(1 error, 0 warnings\)/);
  assert.match(r.stderr, /^gwcfg: nothing was searched: .*bad\.yaml has an error, and tune needs a config without errors\n$/);
  // Two problems in a scenario: both, with their positions (tune used to print the first only).
  const scenario = join(dir, 'scenario.yaml');
  writeFileSync(scenario, readFileSync('test/fixtures/tune/flaky.scenario.yaml', 'utf8').replace('rate: 6/s', 'rate: often') + 'outages: []\n');
  const s = runCli(['tune', ...FLAKY.slice(0, 1), '-s', scenario, '--slo', 'p95<=2s']);
  assert.equal(s.status, 1, s.stderr);
  assert.match(s.stdout, /scenario\.yaml:\d+:\d+ error .*'often'/);
  assert.match(s.stdout, /scenario\.yaml:\d+:1 error unknown key 'outages'/);
  assert.match(s.stdout, /✖ 2 problems \(2 errors, 0 warnings\)/);
  assert.match(s.stderr, /^gwcfg: nothing was searched: .*scenario\.yaml has 2 errors, and tune needs a scenario without errors\n$/);
  // The same as simulate prints for that scenario, and contract 2 under --format json.
  const sim = runCli(['simulate', ...FLAKY.slice(0, 1), '-s', scenario]);
  assert.equal(sim.status, 1);
  assert.equal(s.stdout, sim.stdout);
  const json = runCli(['tune', ...FLAKY.slice(0, 1), '-s', scenario, '--slo', 'p95<=2s', '--format', 'json']);
  assert.equal(json.status, 1);
  assert.deepEqual(JSON.parse(json.stdout), JSON.parse(runCli(['simulate', ...FLAKY.slice(0, 1), '-s', scenario, '--format', 'json']).stdout));
});

test('gwcfg tune -o: an existing file is refused before any simulation, unless --force', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-tune-'));
  const output = join(dir, 'tuned.yaml');
  writeFileSync(output, 'keep me\n');
  const r = runCli(['tune', ...FLAKY, '--slo', 'success>=99.5%', '--budget', '8', '--seeds', '1', '-o', output]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^gwcfg: .*tuned\.yaml already exists; use --force to overwrite \(nothing was searched or written\)\n$/);
  assert.equal(readFileSync(output, 'utf8'), 'keep me\n');
  const forced = runCli(['tune', ...FLAKY, '--slo', 'success>=99.5%', '--budget', '8', '--seeds', '1', '-j', '1', '-o', output, '--force', '--no-progress']);
  assert.equal(forced.status, 0, forced.stderr);
  assert.match(readFileSync(output, 'utf8'), /^# Constructed for the tune tests/);
});
