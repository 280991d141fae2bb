// simulate --format markdown: a GFM table a Markdown parser (marked) reads as one, cells escaped,
// and the document bounded under GitHub's step-summary limit for large configs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marked, type Tokens } from 'marked';
import { simulateCommand } from './helpers.js';
import { MARKDOWN_MAX_BYTES, STEP_SUMMARY_LIMIT, markdownCell } from '../../src/util/markdown-table.js';

const DIR = 'fixtures/scenarios';

const simulate = (config: string, options: Record<string, unknown>) => simulateCommand(config, { format: 'markdown', ...options });

function tables(markdown: string): Tokens.Table[] {
  return marked.lexer(markdown).filter((t): t is Tokens.Table => t.type === 'table');
}

const headers = (t: Tokens.Table) => t.header.map((h) => h.text);

test('simulate --format markdown renders as tables: totals, deployments by label, failure causes', async () => {
  const r = await simulate(`${DIR}/multi-region-failover.config.yaml`, { scenario: `${DIR}/multi-region-failover.scenario.yaml` });
  assert.equal(r.code, 0);
  const [totals, deployments, reasons, causes] = tables(r.stdout);
  assert.deepEqual(headers(totals).slice(0, 4), ['requests', 'succeeded', 'failed', 'success']);
  assert.equal(totals.rows.length, 1);
  assert.deepEqual(headers(deployments), ['deployment', 'model', 'share', 'calls', 'success', 'p95 ms', 'p99 ms', 'cost']);
  // The regions tell the three deployments of the group apart.
  assert.deepEqual(deployments.rows.map((row) => row[0].text), ['claude-3.5-sonnet \\[us-west-2\\]', 'claude-3.5-sonnet \\[us-east-1\\]', 'claude-3.5-sonnet \\[eu-west-1\\]']);
  assert.deepEqual(marked.parseInline(deployments.rows[1][0].text), 'claude-3.5-sonnet [us-east-1]');
  assert.deepEqual(headers(reasons), ['why the request failed', 'requests']);
  assert.ok(reasons.rows.length > 0 && causes.rows.length > 0);
  // The same run as JSON: the summary shows its numbers.
  const json = JSON.parse((await simulate(`${DIR}/multi-region-failover.config.yaml`, { scenario: `${DIR}/multi-region-failover.scenario.yaml`, format: 'json' })).stdout);
  assert.equal(totals.rows[0][0].text, json.totals.requests.toLocaleString('en-US'));
  assert.equal(totals.rows[0][2].text, json.totals.failed.toLocaleString('en-US'));
});

test('simulate --compare --format markdown: one table row per strategy', async () => {
  const r = await simulate(`${DIR}/cost-performance-tiering.config.yaml`, {
    scenario: `${DIR}/cost-performance-tiering.scenario.yaml`, compare: 'cost-based-routing,simple-shuffle', jobs: '1',
  });
  const [table] = tables(r.stdout);
  assert.equal(headers(table)[0], 'strategy');
  assert.deepEqual(table.rows.map((row) => row[0].text), ['cost-based-routing', 'simple-shuffle']);
});

test('cells are escaped: pipes, backticks, HTML, newlines and control characters cannot break the table', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-md-'));
  const config = join(dir, 'c.yaml');
  const name = 'a|b `code` <img src=x> *em* \u001b[31m';
  writeFileSync(config, `model_list:\n  - model_name: ${JSON.stringify(name)}\n    litellm_params:\n      model: "openai/x|y\\nz"\n`);
  const r = await simulate(config, { requests: '50' });
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotMatch(r.stdout, /\u001b/);
  const [, deployments] = tables(r.stdout);
  assert.equal(deployments.rows.length, 1);
  assert.equal(deployments.rows[0].length, 8, 'a pipe in a name does not add a cell');
  const tokens = marked.lexer(deployments.rows[0][0].text);
  const inline = (tokens[0] as Tokens.Paragraph).tokens.map((t) => t.type);
  assert.ok(!inline.includes('codespan') && !inline.includes('html') && !inline.includes('em'), inline.join());
  assert.equal(marked.parseInline(deployments.rows[0][1].text), 'openai/x|y\\nz');
  assert.equal(markdownCell('x'.repeat(1000)).length, 300);
});

test('a large config stays under the step-summary limit: rows left out are counted', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-md-'));
  const config = join(dir, 'big.yaml');
  const n = 700;
  const long = 'x'.repeat(250);
  const entries = Array.from({ length: n }, (_, i) => `  - model_name: group-${i % 40}-${long}\n    litellm_params:\n      model: openai/model-${i}-${long}\n      api_base: https://h${i}.example.com\n`);
  writeFileSync(config, `model_list:\n${entries.join('')}`);
  const r = await simulate(config, { requests: '2000' });
  assert.equal(r.code, 0, r.stderr);
  const bytes = Buffer.byteLength(r.stdout);
  assert.ok(bytes <= MARKDOWN_MAX_BYTES && bytes < STEP_SUMMARY_LIMIT, `${bytes} bytes`);
  const [, deployments] = tables(r.stdout);
  const shown = deployments.rows.length;
  assert.ok(shown > 0 && shown < n);
  assert.match(r.stdout, new RegExp(`\\*${n - shown} more deployments not shown`));
});
