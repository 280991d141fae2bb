// Control characters in keys, values and file names never reach the output raw (issue 14).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';

const DIR = 'test/fixtures/hygiene';
const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'];
// C0 except the line feeds that end output lines, DEL, C1, bidi controls, zero-width characters.
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

function assertClean(text: string, where: string): void {
  const m = RAW.exec(text);
  assert.equal(m, null, `${where}: raw U+${m?.[0].codePointAt(0)!.toString(16).padStart(4, '0')} at ${m?.index}`);
}

test('terminal escapes and a forged finding line are escaped in every format', () => {
  for (const format of FORMATS) {
    const r = runCli(['lint', `${DIR}/terminal-escape-injection.yaml`, '-f', format]);
    assert.equal(r.status, 0, r.stderr);
    assertClean(r.stdout, format);
    assert.ok(!r.stdout.split('\n').some((line) => line.startsWith('forged.yaml')), `${format} prints a forged line`);
    if (format === 'github') for (const line of r.stdout.trimEnd().split('\n')) assert.match(line, /^::warning file=/);
    if (format === 'stylish') assert.match(r.stdout, /unknown key '\\x1b\[1A\\x1b\[2K/);
  }
});

test('bidi overrides, C1 controls and zero-width characters in values are escaped', () => {
  const config = 'model_list:\n  - model_name: "a\\u202Eb"\n    litellm_params:\n      model: "openai/x\\x9b2J\\u200d"\n      rpm: "\\u2066many\\u2069"\n';
  for (const format of FORMATS) {
    const r = runCli(['validate', '-', '-f', format], { input: config });
    assert.equal(r.status, 1, r.stderr);
    assertClean(r.stdout, format);
    if (format === 'json') assert.match(JSON.parse(r.stdout).diagnostics[0].message, /got string '\\u2066many\\u2069'/);
  }
});

test('control characters in file names are escaped, and cannot forge a workflow command', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-names-'));
  const name = join(dir, 'a\u001b[2Kb\n::error file=x::forged.yaml');
  writeFileSync(name, 'model_list:\n  - model_name: a\n    litellm_params: {model: openai/x, rpm: lots}\n');
  for (const format of FORMATS) {
    const r = runCli(['validate', name, '-f', format]);
    assert.equal(r.status, 1, r.stderr);
    assertClean(r.stdout, format);
    if (format === 'github') assert.equal(r.stdout.trimEnd().split('\n').length, 1, r.stdout);
    if (format === 'stylish') assert.ok(r.stdout.startsWith(`${dir}/a\\x1b[2Kb\\n::error file=x::forged.yaml:3:`), r.stdout);
  }
  const missing = runCli(['validate', join(dir, 'no\u001b]0;title\u0007.yaml')]);
  assert.equal(missing.status, 2);
  assertClean(missing.stderr, 'stderr');
});

test('junit output is well-formed XML 1.0 whatever the config holds', () => {
  const r = runCli(['validate', '-', '-f', 'junit'], { input: 'model_list: []\n"k\\x01\\x0c\\uFFFE\\x85<&>": 1\n' });
  // XML 1.0 Char production: no C0 except tab/LF/CR, no U+FFFE/FFFF, no lone surrogates.
  assert.doesNotMatch(r.stdout, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
  assert.match(r.stdout, /unknown key &apos;k\\x01\\x0c\\ufffe\\x85&lt;&amp;&gt;&apos;/);
});
