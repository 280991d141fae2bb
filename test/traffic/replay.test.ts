// simulate --traffic: recorded requests replayed through the router instead of synthetic arrivals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTimestampMs } from '../../src/traffic/spend-logs.js';
import { runCli } from '../helpers/cli.js';

const CONFIG = 'fixtures/traffic/config.yaml';
const SPEND = 'fixtures/traffic/spend-logs.csv';
const dir = mkdtempSync(join(tmpdir(), 'gwcfg-replay-'));

function simulate(args: string[]) {
  const r = runCli(['simulate', CONFIG, '--no-progress', '--format', 'json', ...args]);
  assert.equal(r.status, 0, r.stderr);
  return { result: JSON.parse(r.stdout), stderr: r.stderr, stdout: r.stdout };
}

/** startTime of every data row, in file order. */
function startTimes(): number[] {
  const [header, ...lines] = readFileSync(SPEND, 'utf8').trim().split('\n');
  const col = header.split(',').indexOf('startTime');
  return lines.map((l) => parseTimestampMs(l.split(',')[col]));
}

test('replaying the sample reproduces its arrival counts per time bucket exactly', () => {
  const { result } = simulate(['--traffic', SPEND]);
  const times = startTimes();
  const origin = Math.min(...times);
  const bucketMs = result.bucket_seconds * 1000;
  const expected = new Array(result.timeline.length).fill(0);
  for (const t of times) expected[Math.floor((t - origin) / bucketMs)]++;
  assert.deepEqual(result.timeline.map((b: { requests: number }) => b.requests), expected);
  assert.equal(result.totals.requests, times.length);
  assert.deepEqual(result.replay, { file: SPEND, speed: 1, rows: times.length, replayed: times.length, skipped: {} });
  const groups = Object.fromEntries(result.groups.map((g: { model_name: string; requests: number }) => [g.model_name, g.requests]));
  const text = readFileSync(SPEND, 'utf8');
  assert.equal(groups.chat, text.split(',chat,').length - 1);
  assert.equal(groups.embed, text.split(',embed,').length - 1);
});

test('--speed divides the recorded gaps; --duration and --requests cut the replay', () => {
  const full = simulate(['--traffic', SPEND]).result;
  const fast = simulate(['--traffic', SPEND, '--speed', '2']).result;
  assert.ok(Math.abs(fast.simulated_seconds - full.simulated_seconds / 2) < 0.01, `${fast.simulated_seconds} vs ${full.simulated_seconds}`);
  assert.equal(fast.totals.requests, full.totals.requests);
  const cut = simulate(['--traffic', SPEND, '--duration', '60']).result;
  const within = startTimes().filter((t, _, all) => t - Math.min(...all) < 60_000).length;
  assert.equal(cut.totals.requests, within);
  assert.equal(simulate(['--traffic', SPEND, '--requests', '100']).result.totals.requests, 100);
});

test('row order does not matter; the same replay is byte-identical, also under --compare', () => {
  const [header, ...lines] = readFileSync(SPEND, 'utf8').trim().split('\n');
  const shuffled = join(dir, 'shuffled.csv');
  writeFileSync(shuffled, [header, ...lines.reverse()].join('\n') + '\n');
  const a = simulate(['--traffic', SPEND, '--seed', '3']);
  const b = simulate(['--traffic', shuffled, '--seed', '3']);
  assert.equal(b.stdout.replaceAll(shuffled, SPEND), a.stdout);
  const compared = simulate(['--traffic', SPEND, '--seed', '3', '--compare', 'simple-shuffle,least-busy', '--jobs', '2']).result;
  assert.equal(JSON.stringify(compared.runs[0]), JSON.stringify(a.result));
});

test('rows for groups the config does not serve are skipped with a warning; input errors are positioned', () => {
  const extra = join(dir, 'extra.csv');
  writeFileSync(extra, `${readFileSync(SPEND, 'utf8')}x,acompletion,2026-11-30 10:00:05.000+00,2026-11-30 10:00:06.000+00,,m,,other,,1,1,success,0\n`);
  const { result, stderr } = simulate(['--traffic', extra, '--requests', '10']);
  assert.deepEqual(result.replay.skipped, { "model group 'other' not in the config": 1 });
  assert.match(stderr, /extra\.csv: 1 row\(s\) not replayed: model group 'other' not in the config/);
  const bad = join(dir, 'bad.csv');
  writeFileSync(bad, 'startTime,model_group\n2026-11-30 10:00:00+00,chat\n2026-13-45 99:00:00+00,chat\n');
  const r = runCli(['simulate', CONFIG, '--traffic', bad, '--no-progress']);
  assert.equal(r.status, 1);
  assert.match(r.stderr.trim(), /bad\.csv:3: column 'startTime': cannot read/);
  assert.equal(runCli(['simulate', CONFIG, '--speed', '2']).status, 2);
  assert.equal(runCli(['simulate', CONFIG, '--traffic', SPEND, '--speed', '0']).status, 2);
});
