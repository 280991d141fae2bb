// The config corpus (fixtures/corpus): real LiteLLM configs must pass, broken ones must fail at the right line,
// and planted schema/YAML mistakes must be reported at their line by validate alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import { CORPUS as corpus } from '../helpers/cli.js';
const real = [
  ...readdirSync(join(corpus, 'litellm')).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(corpus, 'litellm', f)),
  ...readdirSync(join(corpus, 'litellm', 'includes')).filter((f) => f.endsWith('.yaml')).map((f) => join(corpus, 'litellm', 'includes', f)),
];

test('every real LiteLLM config validates with zero errors', async () => {
  assert.ok(real.length >= 80);
  for (const file of real) {
    const { diagnostics } = await loadConfig(file);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    assert.deepEqual(errors.map((d) => `${d.line}:${d.column} ${d.ruleId} ${d.message}`), [], file);
  }
});

test('configs LiteLLM rejects fail at the right line', async () => {
  const expected: Record<string, [string, number]> = {
    'config_with_missing_include.yaml': ['schema/include-missing', 2],
    'litellm__proxy__example_config_yaml__hosted_litellm.yaml': ['yaml/syntax', 8],
    'litellm__proxy__proxy_config.yaml': ['yaml/syntax', 34],
  };
  for (const [file, [ruleId, line]] of Object.entries(expected)) {
    const { diagnostics } = await loadConfig(join(corpus, 'litellm-invalid', file));
    const errors = diagnostics.filter((d) => d.severity === 'error');
    assert.ok(errors.some((d) => d.ruleId === ruleId && d.line === line), `${file}: ${JSON.stringify(errors)}`);
  }
});

test('planted schema and YAML mistakes are reported by validate at their line', async () => {
  const schemaMatters = ['m01', 'm03', 'm04', 'm08', 'm09', 'm10', 'm12', 'm13', 'm16', 'm18', 'm19', 'm20'];
  const rows = readFileSync(join(corpus, 'mistakes', 'expect.tsv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split('\t'));
  let checked = 0;
  for (const [file, line, mistake] of rows) {
    if (!schemaMatters.some((m) => file.startsWith(m))) continue;
    const { diagnostics } = await loadConfig(join(corpus, 'mistakes', file));
    assert.ok(diagnostics.some((d) => Math.abs(d.line - Number(line)) <= 0), `${file}:${line} ${mistake}: ${JSON.stringify(diagnostics.map((d) => [d.line, d.ruleId]))}`);
    checked++;
  }
  assert.ok(checked >= 16);
});

test('the includes of a real config are resolved, merged and validated', async () => {
  const withInclude = real.filter((f) => /^include:/m.test(readFileSync(f, 'utf8')));
  assert.ok(withInclude.length >= 1);
  for (const file of withInclude) {
    const loaded = await loadConfig(file);
    assert.ok(loaded.sources.length >= 2, `${file} should load its includes`);
    const value = loaded.value as Record<string, unknown>;
    assert.equal(value.include, undefined);
  }
});
