// Reports stay proportional to the findings: code frames cut around the finding (caret too), at
// most MAX_FRAMES frames, messages cut at MAX_MESSAGE; never "Invalid string length", never a lost
// finding. Cases from shared/hostile/make-big-inputs.sh (section 6), rebuilt here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatStylish, frameWindow, FRAME_WIDTH, MAX_FRAMES } from '../../src/diagnostics/formatters/stylish.js';
import { report, MAX_MESSAGE } from '../../src/cli/report.js';
import { checkText } from '../../src/generate/check/run.js';
import type { Diagnostic } from '../../src/diagnostics/types.js';

const finding = (column: number, endColumn: number, message = 'bad value'): Diagnostic => ({ file: 'f.yaml', ruleId: 'schema/type', severity: 'error', message, line: 1, column, endLine: 1, endColumn, fixable: false });
const context = (text: string) => ({ files: ['f.yaml'], texts: new Map([['f.yaml', text]]), color: false, toolVersion: 'test' });

test('frameWindow keeps a short line whole and cuts a long one around the column, caret included', () => {
  assert.deepEqual(frameWindow('rpm: lots', 6, 4), { text: 'rpm: lots', caretAt: 5, caretWidth: 4 });
  const long = 'x'.repeat(100_000);
  const w = frameWindow(long, 50_000, 100_000);
  assert.equal(w.text.length, FRAME_WIDTH + 2, 'the window and an ellipsis at each end');
  assert.ok(w.text.startsWith('…') && w.text.endsWith('…'));
  assert.ok(w.caretAt + w.caretWidth <= w.text.length, 'the caret stays under the shown text');
});

test('a one-line file with thousands of findings prints bounded frames and every finding', () => {
  const unit = '{model_name: m, litellm_params: {model: x, rpm: z}}, ';
  const line = unit.repeat(8000);
  const diagnostics = Array.from({ length: 8000 }, (_, i) => finding(i * unit.length + 48, i * unit.length + 49 + 300_000));
  const out = formatStylish(diagnostics, context(line));
  const lines = out.split('\n');
  assert.equal(lines.filter((l) => l.startsWith('f.yaml:1:')).length, 8000, 'no finding lost');
  assert.equal(lines.filter((l) => /^\s+1 \| /.test(l)).length, MAX_FRAMES);
  assert.ok(Math.max(...lines.map((l) => l.length)) < FRAME_WIDTH + 20, 'no line longer than a frame');
  assert.match(out, /code frames shown for the first 200 findings only/);
  assert.ok(out.length < 8000 * 120 + MAX_FRAMES * 2 * (FRAME_WIDTH + 20), `report is ${out.length} chars`);
});

test('report() cuts a message quoting a huge key; every format stays bounded', async () => {
  const huge = finding(1, 2, `unknown key '${'k'.repeat(1_000_000)}' in router_settings`);
  for (const format of ['stylish', 'json', 'sarif', 'github', 'junit']) {
    let written = '';
    const code = await report({ diagnostics: [huge], files: ['f.yaml'], texts: new Map() }, { format }, false, { write: (t) => (written += t), env: {}, isTTY: () => false });
    assert.equal(code, 1);
    assert.ok(written.length < MAX_MESSAGE + 2000, `${format}: ${written.length} chars`);
    assert.match(written, /unknown key \S{0,6}kkkk/, format);
  }
});

test('check-metrics: deep valid JSON is reported as too deep for gwcfg, not as invalid JSON', () => {
  const deep = `{"panels":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
  const [d] = checkText('deep.json', deep);
  assert.equal(d.ruleId, 'metrics/parse-error');
  assert.match(d.message, /^JSON nested deeper than 1000 levels, gwcfg's limit/);
  assert.doesNotMatch(d.message, /not valid JSON|call stack/);
  assert.deepEqual(checkText('ok.json', `{"panels":${'['.repeat(900)}${']'.repeat(900)}}`), [], '900 levels are read');
});

test('check-metrics: a 250 KB PromQL line with 10,000 findings formats without "Invalid string length"', () => {
  const text = `${Array(10_000).fill('litellm_requests_total').join(' + ')}\n`;
  const diagnostics = checkText('long.promql', text);
  assert.ok(diagnostics.length >= 10_000);
  const out = formatStylish(diagnostics, { files: ['long.promql'], texts: new Map([['long.promql', text]]), color: false, toolVersion: 'test' });
  assert.equal(out.split('\n').filter((l) => l.startsWith('long.promql:')).length, diagnostics.length);
});
