// simulate NEW --baseline OLD: both configs on identical traffic, deltas per deployment in every
// format; deployments matched by model_name + model + api_base, else by position in the group.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marked, type Tokens } from 'marked';
import { simulateCommand } from './helpers.js';
import { matchDeployments } from '../../src/sim/baseline.js';
import { CliError } from '../../src/cli/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'gwcfg-baseline-'));

function config(name: string, weights: [number, number], extra = '') {
  const file = join(dir, name);
  writeFileSync(file, `model_list:
  - model_name: gpt-4o
    litellm_params:
      model: openai/gpt-4o
      api_base: https://east.example.com/v1
      weight: ${weights[0]}
  - model_name: gpt-4o
    litellm_params:
      model: openai/gpt-4o
      api_base: https://west.example.com/v1
      weight: ${weights[1]}
${extra}router_settings:
  routing_strategy: simple-shuffle
`);
  return file;
}

const OLD = config('old.yaml', [50, 50]);
const NEW = config('new.yaml', [80, 20]);

const simulate = (file: string, options: Record<string, unknown>) => simulateCommand(file, options);

// Sampling tolerance: with ~20,000 calls per run a deployment's share has a binomial standard
// deviation of at most 0.36 points, the difference of two runs at most 0.5 points; 2 points is
// 4 standard deviations.
const TOLERANCE = 0.02;

test('moving litellm_params.weight from 50/50 to 80/20 under simple-shuffle moves 30 points of share', async () => {
  const r = await simulate(NEW, { baseline: OLD, requests: '20000' });
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  const b = out.baseline;
  assert.equal(b.config, OLD);
  assert.equal(b.totals.requests.baseline, b.totals.requests.current, 'identical traffic');
  assert.equal(b.result.seed, out.seed);
  const [east, west] = b.deployments;
  assert.equal(east.matched_by, 'key', 'the weight changed the deployment id, not its model and api_base');
  assert.ok(Math.abs(east.share.delta - 0.3) <= TOLERANCE, `east moved ${east.share.delta}`);
  assert.ok(Math.abs(west.share.delta + 0.3) <= TOLERANCE, `west moved ${west.share.delta}`);
  assert.ok(Math.abs(east.share.baseline - 0.5) <= TOLERANCE && Math.abs(east.share.current - 0.8) <= TOLERANCE);
  assert.equal(east.share.current, out.deployments[0].share);
  assert.equal(east.share.baseline, b.result.deployments[0].share);
  for (const key of ['success_rate', 'p95_ms', 'p99_ms', 'cost_usd']) assert.deepEqual(Object.keys(east[key]), ['baseline', 'current', 'delta'], key);
  for (const key of ['requests', 'failed', 'success_rate', 'p95_ms', 'p99_ms', 'cost_usd']) assert.ok(key in b.totals, key);
  const again = await simulate(NEW, { baseline: OLD, requests: '20000' });
  assert.equal(again.stdout, r.stdout, 'deterministic');
});

test('--baseline deltas in the table and in Markdown', async () => {
  const table = await simulate(NEW, { baseline: OLD, requests: '3000', format: 'table' });
  assert.match(table.stdout, /compared with the baseline .*old\.yaml/);
  assert.match(table.stdout, /^gpt-4o \[east\.example\.com\]\s+key\s+\d+\.\d% → \d+\.\d%\s+\+\d+\.\d pts/m);
  const md = await simulate(NEW, { baseline: OLD, requests: '3000', format: 'markdown' });
  const tables = marked.lexer(md.stdout).filter((t): t is Tokens.Table => t.type === 'table');
  const deltas = tables.find((t) => t.header[0].text === 'deployment' && t.header[3].text === 'moved');
  assert.ok(deltas, md.stdout);
  assert.equal(deltas.rows.length, 2);
  assert.match(deltas.rows[0][3].text, /^\+\d+\.\d pts$/);
  assert.match(deltas.rows[1][3].text, /^-\d+\.\d pts$/);
});

test('deployments match by model_name + model + api_base, else by position in the group; the rest are added or removed', () => {
  const entry = (g: string, model: string, apiBase?: string) => ({ model_name: g, litellm_params: { model, ...(apiBase ? { api_base: apiBase } : {}), weight: 1 } });
  const old = { model_list: [entry('a', 'm1', 'https://x'), entry('a', 'm2'), entry('b', 'm3'), entry('gone', 'm4')] };
  const now = { model_list: [entry('a', 'm2'), entry('a', 'm1', 'https://y'), entry('b', 'm3'), entry('new', 'm5')] };
  assert.deepEqual(matchDeployments(now, old), { pairs: [[0, 1, 'key'], [1, 0, 'position'], [2, 2, 'key']], removed: [3] });
});

test('a scenario that does not fit the baseline is a positioned error; a group the baseline lacks is a positioned notice', async () => {
  const scenario = join(dir, 'only-new.scenario.yaml');
  writeFileSync(scenario, 'traffic:\n  - model: mini\n    rate: 5/s\n');
  const newWithMini = config('new-mini.yaml', [80, 20], '  - model_name: mini\n    litellm_params:\n      model: openai/gpt-4o-mini\n');
  const bad = await simulate(newWithMini, { baseline: OLD, scenario, format: 'table' });
  assert.equal(bad.code, 1);
  assert.match(bad.stdout, /only-new\.scenario\.yaml:2:\d+ .*mini.*checked against the baseline .*old\.yaml/);
  const notice = await simulate(newWithMini, { baseline: OLD, requests: '500' });
  assert.equal(notice.code, 0, notice.stderr);
  assert.match(notice.stderr, /gwcfg: notice: .*new-mini\.yaml:12:5: model group 'mini' is not in the baseline .*old\.yaml; its requests fail there/);
  const out = JSON.parse(notice.stdout);
  assert.ok(out.baseline.totals.failed.baseline > 0, 'the baseline fails the requests it has no deployment for');
  assert.equal(out.baseline.deployments.find((d: { label: string }) => d.label === 'mini').matched_by, 'added');
});

test('--baseline with --compare is a usage error', async () => {
  await assert.rejects(simulate(NEW, { baseline: OLD, compare: true }), (e: unknown) => e instanceof CliError && /either --compare or --baseline/.test(e.message));
});
