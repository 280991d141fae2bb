// Messages say what the config says: YAML's .inf is named as written, and keys that happen to be
// Object.prototype names ('constructor', '__proto__', 'toString') are plain unknown keys, never
// looked up on the prototype ("it belongs in function Object() { [native code] }").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { loadConfig, loadConfigBytes } from '../../src/config/load.js';
import { lintConfig } from '../../src/lint/engine.js';
import { rules } from '../../src/lint/rules/index.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/hostile/${name}`, import.meta.url));

test('.inf is described in YAML terms, not as "number Infinity"', async () => {
  const loaded = await loadConfig(fixture('inf-number-or-string.yaml'));
  assert.deepEqual(
    loaded.diagnostics.map((d) => d.message),
    ["'model_list[0].litellm_params.timeout' must be a number or a string, got .inf (YAML infinity), which is not a finite number"],
  );
});

test('router_settings.constructor and __proto__ are plain unknown keys in lint', async () => {
  const loaded = await loadConfig(fixture('proto-keys-lint-message.yaml'));
  const found = lintConfig(loaded, { rules, env: new Map() }).map((d) => `${d.line} ${d.ruleId} ${d.message}`);
  assert.deepEqual(found, [
    "6 schema/unknown-key unknown key 'constructor' in 'router_settings'; LiteLLM silently ignores it",
    "7 schema/unknown-key unknown key '__proto__' in 'router_settings'; LiteLLM silently ignores it",
  ]);
});

test('no Object.prototype name in any section makes a message about JavaScript objects', async () => {
  const names = Object.getOwnPropertyNames(Object.prototype);
  const block = (indent: string) => names.map((n) => `${indent}${n}: 1\n`).join('');
  const text =
    `model_list:\n  - model_name: m\n    litellm_params:\n      model: openai/gpt-4o\n${block('      ')}${block('    ')}` +
    `router_settings:\n${block('  ')}litellm_settings:\n${block('  ')}general_settings:\n${block('  ')}`;
  const loaded = await loadConfigBytes('proto.yaml', new TextEncoder().encode(text));
  const messages = lintConfig(loaded, { rules, env: new Map() }).map((d) => d.message);
  assert.ok(messages.length > 0);
  for (const m of messages) assert.doesNotMatch(m, /native code|\[object |function |undefined|NaN/, m);
});
