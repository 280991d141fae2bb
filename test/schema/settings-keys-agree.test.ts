// The config schema and the settings rules must agree on litellm_settings: a key the schema
// declares there (so validate and editors accept it as a setting) must not be one the rules call
// unread there. cooldown_time was such a key: nothing reads litellm.cooldown_time (the Router takes
// it only from router_settings, litellm/router.py Router.__init__), and gcs_bucket_name is a
// per-request callback parameter, never a litellm module global (checked in LiteLLM 1.80.15).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import wrongSection from '../../src/lint/rules/settings/wrong-section.js';
import unknownKey from '../../src/lint/rules/settings/unknown-key.js';
import { schemaSectionKeys } from '../../src/lint/rules/_shared/litellm-keys.js';
import { lintWith } from '../lint/rule-tester.js';

test('every litellm_settings key the schema declares is one the settings rules accept there', async () => {
  const keys = [...schemaSectionKeys('litellm_settings')];
  assert.ok(keys.length > 40, 'the schema declares the litellm_settings keys');
  const code = `litellm_settings:\n${keys.map((k) => `  ${k}: 1`).join('\n')}\n`;
  for (const rule of [wrongSection, unknownKey]) {
    const found = await lintWith(rule, code);
    assert.deepEqual(found.map((d) => `${keys[d.line - 2]}: ${d.message}`), [], rule.meta.id);
  }
  assert.ok(!keys.includes('cooldown_time'), 'litellm_settings.cooldown_time is not a setting');
});

test('general_settings.cooldown_time: wrong-section sends it to router_settings only, not to litellm_settings', async () => {
  const found = await lintWith(wrongSection, 'general_settings:\n  cooldown_time: 30\n');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /Move it to router_settings$/, 'not "router_settings or litellm_settings"');
});
