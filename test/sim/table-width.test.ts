// Terminal output that reads: tables fit 80 and 120 columns (no line longer), low-priority
// columns go first, labels keep what distinguishes a deployment, a sparkline shows the failover,
// ASCII when the terminal cannot show blocks, and --compare reports progress on a terminal.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulateCommand } from './helpers.js';
import { compareTable, resultTable } from '../../src/sim/report/table.js';
import { abbreviate, terminalLayout, width, wrapItems } from '../../src/sim/report/fit.js';
import { shareSparklines } from '../../src/sim/report/sparkline.js';
import type { SimResult } from '../../src/sim/result.js';

const DIR = 'fixtures/scenarios';

const simulate = (config: string, options: Record<string, unknown>, tty: { isTTY?: boolean; columns?: number } = {}, env: NodeJS.ProcessEnv = {}) =>
  simulateCommand(config, { format: 'table', progress: true, ...options }, tty, env);

const failover = async () => JSON.parse((await simulate(`${DIR}/multi-region-failover.config.yaml`, { scenario: `${DIR}/multi-region-failover.scenario.yaml`, format: 'json', progress: false })).stdout) as SimResult;

function assertFits(text: string, columns: number) {
  for (const line of text.split('\n')) assert.ok(width(line) <= columns, `${width(line)} > ${columns}: ${line}`);
}

test('the failover table fits 80 and 120 columns: no line longer, labels name the region, share and its sparkline stay', async () => {
  const r = await failover();
  for (const columns of [80, 120]) {
    const text = resultTable(r, { width: columns, unicode: true });
    assertFits(text, columns);
    for (const region of ['us-west-2', 'us-east-1', 'eu-west-1']) assert.match(text, new RegExp(`claude-3\\.5-sonnet \\[${region}\\]`));
    assert.match(text, /deployment\s+.*share\s+share over time/);
    assert.match(text, /failed/);
  }
  const narrow = resultTable(r, { width: 80, unicode: true });
  const wide = resultTable(r, { width: 120, unicode: true });
  assert.doesNotMatch(narrow, /util/, 'utilisation is the first column to go');
  assert.ok(narrow.split('\n').some((l) => width(l) > 60), 'the narrow table still uses the width');
  assert.ok(wide.split('\n').some((l) => width(l) > 100));
  // 40 columns: the label is abbreviated but keeps its region.
  const tiny = resultTable(r, { width: 40, unicode: true });
  assertFits(tiny, 40);
  assert.match(tiny, /\[us-east-1\]/);
});

test('the pipe layout is 120 columns, COLUMNS and the terminal width override it; ASCII without a UTF-8 locale', () => {
  assert.deepEqual(terminalLayout({ isTTY: false }, {}), { width: 120, unicode: true });
  assert.deepEqual(terminalLayout({ isTTY: true, columns: 80 }, {}), { width: 80, unicode: true });
  assert.deepEqual(terminalLayout({ isTTY: true, columns: 80 }, { COLUMNS: '100' }), { width: 100, unicode: true });
  assert.deepEqual(terminalLayout({ isTTY: false }, { LANG: 'C' }), { width: 120, unicode: false });
  assert.deepEqual(terminalLayout({ isTTY: false }, { LANG: 'en_US.UTF-8', TERM: 'linux' }), { width: 120, unicode: false });
  assert.deepEqual(terminalLayout({ isTTY: false }, { LC_ALL: 'C.UTF-8', LANG: 'C' }), { width: 120, unicode: true });
});

test('simulate prints the table at the terminal width, and at 120 columns into a pipe', async () => {
  const args = { scenario: `${DIR}/multi-region-failover.scenario.yaml`, progress: false };
  const tty = await simulate(`${DIR}/multi-region-failover.config.yaml`, args, { isTTY: true, columns: 80 }, { CI: 'true' });
  assertFits(tty.stdout, 80);
  const pipe = await simulate(`${DIR}/multi-region-failover.config.yaml`, args);
  assertFits(pipe.stdout, 120);
  assert.notEqual(tty.stdout, pipe.stdout);
  assert.equal(pipe.stdout, resultTable(await failover()));
});

test('the sparkline shows the primary region losing its share during the outage', async () => {
  const r = await failover();
  const [primary, backup] = shareSparklines(r, 24, true);
  assert.equal([...primary].length, 24);
  assert.match(primary, /^[▁▂▃▄▅▆▇█ ]+$/);
  // multi-region-failover.scenario.yaml: us-west-2 is down for a stretch in the middle.
  assert.ok(primary.includes(' ') || primary.includes('▁'), primary);
  assert.ok(/[▅▆▇█]/.test(primary), primary);
  assert.ok(/[▅▆▇█]/.test(backup), `the backup takes over: ${backup}`);
  const ascii = shareSparklines(r, 12, false);
  assert.ok(ascii.every((s) => /^[.:=+*#@ -]{12}$/.test(s)), ascii.join('|'));
  const text = resultTable(r, { width: 100, unicode: false });
  assert.match(text, /^[\x20-\x7e\n]*$/, 'ASCII only');
});

test('labels are abbreviated from the group name, keeping the distinguishing part', () => {
  const layout = { width: 80, unicode: true };
  assert.equal(abbreviate('claude-3.5-sonnet [us-east-1]', 20, layout), 'claude-… [us-east-1]');
  assert.equal(abbreviate('short', 20, layout), 'short');
  assert.equal(abbreviate('claude-experiment [vertex_ai/claude-3-5-sonnet@20241022]', 30, layout), 'claude-ex… [vertex_ai/claude…]');
  assert.equal(width(abbreviate('a-very-long-group-name-without-brackets', 12, layout)), 12);
  assert.equal(abbreviate('模型模型模型模型 [eu]', 10, layout), '模型… [eu]');
  assert.deepEqual(wrapItems(['aaaa', 'bbbb', 'cccc'], { width: 10, unicode: true }), ['aaaa  bbbb', '  cccc']);
});

test('--compare fits 80 columns and shows progress per finished strategy on a terminal', async () => {
  const config = `${DIR}/cost-performance-tiering.config.yaml`;
  const args = { scenario: `${DIR}/cost-performance-tiering.scenario.yaml`, compare: 'cost-based-routing,simple-shuffle,least-busy', jobs: '1' };
  const r = await simulate(config, args, { isTTY: true, columns: 80 });
  assert.equal(r.code, 0);
  assertFits(r.stdout, 80);
  assert.match(r.stderr, /simulate --compare: 3 strategies/);
  for (const [i, s] of ['cost-based-routing', 'simple-shuffle', 'least-busy'].entries()) assert.match(r.stderr, new RegExp(`${s} finished \\(${i + 1}/3\\)`));
  const quiet = await simulate(config, { ...args, progress: false }, { isTTY: true, columns: 80 });
  assert.equal(quiet.stderr, '');
  assertFits(compareTable([], { width: 80, unicode: true }), 80);
});

test('the --baseline section fits 80 and 120 columns too, keeping share moved', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-width-'));
  const write = (name: string, region: string) => {
    const file = join(dir, name);
    writeFileSync(file, `model_list:\n${['us-west-2', region].map((r) => `  - model_name: anthropic-claude-3-5-sonnet-production-traffic\n    litellm_params:\n      model: bedrock/anthropic.claude-3-5-sonnet-20241022-v2:0\n      aws_region_name: ${r}\n`).join('')}`);
    return file;
  };
  const r = JSON.parse((await simulate(write('new.yaml', 'eu-central-1'), { baseline: write('old.yaml', 'us-east-1'), requests: '500', format: 'json', progress: false })).stdout) as SimResult;
  for (const columns of [80, 120]) {
    const text = resultTable(r, { width: columns, unicode: true });
    assertFits(text, columns);
    assert.match(text, /compared with the baseline/);
    assert.match(text, /moved/);
    assert.match(text, /\[eu-central-1\]/);
  }
  assert.match(resultTable(r, { width: 120, unicode: true }), /\[eu-central-1\]\s+key\s/, 'same model_name, model and api_base: paired in config order');
});
