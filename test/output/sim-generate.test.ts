// simulate, generate and lint --fix-dry-run show config strings masked and escaped too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli.js';

const KEY = 'sk-proj-Zq8vN3xK7pL2mR9tY4wB6cF1hJ5dG0sA8eU3iO7n';
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/;
const CONFIG = `model_list:
  - model_name: "a\\e[2Kb\\u202e"
    litellm_params: {model: "openai/gpt-4o\\r", rpm: 600, api_base: "https://user:hunter2hunter2@x.example.com/v1"}
  - model_name: ${KEY}
    litellm_params: {model: openai/gpt-4o-mini, rpm: 600}
`;

test('simulate: deployment and group names are masked and escaped in the table and in JSON', () => {
  for (const format of ['table', 'json']) {
    const r = runCli(['simulate', '-', '--requests', '40', '--no-progress', '--format', format], { input: CONFIG });
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stdout + r.stderr, RAW, format);
    assert.ok(!(r.stdout + r.stderr).includes(KEY.slice(8, 20)), `${format} leaks the key`);
    if (format === 'json') assert.deepEqual(JSON.parse(r.stdout).groups.map((g: { model_name: string }) => g.model_name).sort(), ['a\\x1b[2Kb\\u202e', 'sk-p…']);
  }
});

test('generate: group names in rules are masked and escaped', () => {
  const r = runCli(['generate', 'rules', '-', '-o', '-'], { input: CONFIG });
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stdout + r.stderr, RAW);
  assert.ok(!(r.stdout + r.stderr).includes(KEY.slice(8, 20)), 'rules leak the key');
  assert.ok(!(r.stdout + r.stderr).includes('hunter2'), 'rules leak the URL password');
});

test('lint --fix-dry-run: the diff masks credentials on its lines', () => {
  const config = 'model_list:\n  - model_name: a\n    litellm_params:\n      model: openai/gpt-4o\n      api_key: "AKIAZ7QX2LMNB4KD8WPE"\n    weight: 3\n';
  const r = runCli(['lint', '-', '--fix-dry-run', '--rule', 'secrets/literal-secret:off'], { input: config });
  assert.match(r.stdout, /^\+\s+weight: 3$/m, r.stdout);
  assert.ok(!r.stdout.includes('Z7QX2LMNB4'), r.stdout);
});
