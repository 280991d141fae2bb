// lint / validate --format markdown: a table a Markdown parser (marked) reads as one, errors first,
// cells escaped, and bounded under GitHub's step-summary limit however many findings there are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marked, type Tokens } from 'marked';
import { runCli } from '../helpers/cli.js';
import { formatters } from '../../src/diagnostics/formatters/index.js';
import type { Diagnostic } from '../../src/diagnostics/types.js';
import { MARKDOWN_MAX_BYTES } from '../../src/util/markdown-table.js';

const MISTAKES = ['fixtures/corpus/mistakes/m01-weight-beside-params.yaml', 'fixtures/corpus/mistakes/m07-literal-key.yaml'];

function table(markdown: string): Tokens.Table {
  const t = marked.lexer(markdown).find((x): x is Tokens.Table => x.type === 'table');
  assert.ok(t, `no table in:\n${markdown}`);
  return t;
}

test('lint --format markdown: a summary line and one table row per finding, errors first', () => {
  const r = runCli(['lint', '--no-config', ...MISTAKES, '-f', 'markdown']);
  assert.equal(r.status, 1, r.stderr);
  const json = JSON.parse(runCli(['lint', '--no-config', ...MISTAKES, '-f', 'json']).stdout);
  const t = table(r.stdout);
  assert.deepEqual(t.header.map((h) => h.text), ['severity', 'location', 'rule', 'message']);
  assert.equal(t.rows.length, json.diagnostics.length);
  const severities = t.rows.map((row) => row[0].text);
  assert.deepEqual(severities, [...severities].sort((a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b)));
  assert.match(r.stdout, new RegExp(`\\*\\*${json.diagnostics.length} problems\\*\\* \\(${json.summary.errors} errors?`));
  assert.ok(t.rows.some((row) => /^fixtures\/corpus\/mistakes\/m07-literal-key\.yaml:\d+:\d+$/.test(marked.parseInline(row[1].text) as string)));
});

test('validate --format markdown on a clean file says so in one line', () => {
  const r = runCli(['validate', 'fixtures/configs/gateway.yaml', '-f', 'markdown']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '### gwcfg\n\nNo problems in 1 file.\n');
});

test('markdown findings are escaped: a pipe, backtick, HTML or newline in a key stays inside its cell', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-md-'));
  const file = join(dir, 'c.yaml');
  writeFileSync(file, 'model_list:\n  - model_name: a\n    litellm_params:\n      model: openai/gpt-4o\nrouter_settings:\n  "x|`y`<b>\\n\\u001b": 1\n');
  const r = runCli(['validate', file, '-f', 'markdown']);
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stdout, /\u001b/);
  const t = table(r.stdout);
  assert.equal(t.rows.length, 1);
  assert.equal(t.rows[0].length, 4);
  const inline = (marked.lexer(t.rows[0][3].text)[0] as Tokens.Paragraph).tokens.map((x) => x.type);
  assert.ok(!inline.includes('codespan') && !inline.includes('html'), inline.join());
});

test('a large config stays under the size bound: findings left out are counted', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-md-'));
  const file = join(dir, 'big.yaml');
  const keys = Array.from({ length: 2000 }, (_, i) => `  unknown_key_${i}_${'z'.repeat(200)}: 1\n`);
  writeFileSync(file, `model_list:\n  - model_name: a\n    litellm_params:\n      model: openai/gpt-4o\nrouter_settings:\n${keys.join('')}`);
  const r = runCli(['validate', file, '-f', 'markdown']);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(Buffer.byteLength(r.stdout) <= MARKDOWN_MAX_BYTES);
  const shown = table(r.stdout).rows.length;
  assert.ok(shown < 2000);
  assert.match(r.stdout, new RegExp(`\\*${2000 - shown} more findings not shown`));
});

test('the byte budget holds where rows are wide (escaped pipes, multi-byte text)', () => {
  const wide = '|🙂'.repeat(400);
  const diagnostics: Diagnostic[] = Array.from({ length: 2000 }, (_, i) => ({
    file: `f${wide}.yaml`, ruleId: `r${wide}`, severity: 'error', message: `m${i}${wide}`, line: 1, column: 1, endLine: 1, endColumn: 2, fixable: false,
  }));
  const out = formatters.markdown(diagnostics, { files: ['f.yaml'], texts: new Map(), color: false, toolVersion: '0' });
  assert.ok(Buffer.byteLength(out) <= MARKDOWN_MAX_BYTES, `${Buffer.byteLength(out)} bytes`);
  const shown = table(out).rows.length;
  assert.ok(shown > 0 && shown < 500, `${shown} rows: the budget, not the row cap, ended the table`);
  assert.match(out, new RegExp(`\\*${2000 - shown} more findings not shown`));
});
