// Credentials are never echoed: every format, every message, every code frame (issue 14).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli.js';

const DIR = 'test/fixtures/hygiene';
// The planted key's body: no output may contain any 8 characters of it after the prefix.
const KEY = 'sk-ant-api03-Zq8vN3xK7pL2mR9tY4wB6cF1hJ5dG0sA8eU3iO7nT2yX6vQ';
const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit'];

function assertNoKey(text: string, where: string): void {
  for (let i = 7; i + 8 <= KEY.length; i++) assert.ok(!text.includes(KEY.slice(i, i + 8)), `${where} leaks '${KEY.slice(i, i + 8)}':\n${text}`);
}

for (const file of ['secret-in-typed-field.yaml', 'secret-as-key.yaml', 'secret-after-os-environ.yaml']) {
  test(`a key in ${file} is masked in every format of validate and lint`, () => {
    for (const command of ['validate', 'lint']) {
      for (const format of FORMATS) {
        const r = runCli([command, `${DIR}/${file}`, '-f', format]);
        assert.ok([0, 1].includes(r.status), r.stderr);
        assert.ok(r.stdout.length > 0, `${command} -f ${format} reported nothing`);
        assertNoKey(r.stdout + r.stderr, `${command} -f ${format}`);
        assert.match(r.stdout, /sk-a…/, 'the mask keeps the first four characters, so the finding stays recognisable');
      }
    }
  });
}

test('the code frame masks the source line and keeps the caret under the masked value', () => {
  const r = runCli(['validate', `${DIR}/secret-in-typed-field.yaml`]);
  const lines = r.stdout.split('\n');
  const i = lines.findIndex((l) => l.includes('rpm: '));
  assert.equal(lines[i].trim(), '5 |       rpm: sk-a…');
  assert.equal(lines[i + 1].indexOf('^'), lines[i].indexOf('sk-a…'));
  assert.equal(lines[i + 1].replace(/^[ |]+/, ''), '^^^^^');
});

test('json keeps the masked value in path as well as message', () => {
  const r = runCli(['validate', `${DIR}/secret-as-key.yaml`, '-f', 'json']);
  const [d] = JSON.parse(r.stdout).diagnostics;
  assert.equal(d.path, 'router_settings.sk-a…');
  assert.equal(d.message, "unknown key 'sk-a…' in 'router_settings'; LiteLLM silently ignores it");
});

test('a wrongly typed credential key shows no part of its value; other quoted names stay', () => {
  const r = runCli(['validate', '-', '-f', 'json'], { input: 'general_settings:\n  master_key: 98765432123456\nlitellm_settings:\n  redis_password: 123456789\n' });
  const [master, redis] = JSON.parse(r.stdout).diagnostics;
  assert.equal(master.message, "'general_settings.master_key' must be a string or empty, got integer 9876…");
  assert.match(redis.message, /It belongs under 'router_settings'/);
});

test('CLI error lines mask credentials in file names and flag values', () => {
  const r = runCli(['validate', `/nonexistent/${KEY}.yaml`]);
  assert.equal(r.status, 2);
  assertNoKey(r.stderr, 'stderr');
  assert.match(r.stderr, /^gwcfg: cannot read \/nonexistent\/sk-a…\.yaml: no such file/);
});

test('price keys that end in _token are not credentials: their values are shown, not masked', () => {
  // input_cost_per_token used to count as a secret key (it ends in `token`), so a typo in a price
  // was reported as '…' and could not be found.
  const r = runCli(['validate', '-', '-f', 'json'], { input: 'model_list:\n  - model_name: a\n    litellm_params:\n      model: openai/gpt-4o\n      input_cost_per_token: "abc"\n      output_cost_per_token: "0.5x"\n      api_key: "sk-live-Zq8vN3xK7pL2mR9tY4wB6cF1"\n' });
  const messages = JSON.parse(r.stdout).diagnostics.map((d: { message: string }) => d.message).join('\n');
  assert.match(messages, /input_cost_per_token' must be a number .* got string 'abc'/);
  assert.match(messages, /output_cost_per_token' must be a number .* got string '0\.5x'/);
  assert.doesNotMatch(r.stdout, /Zq8vN3xK/, 'a real credential key is still masked');
});
