// scripts/compile-schemas.mjs points the (sub)schemas ajv's standalone code reads at run time into
// the navigator's JSON (<name>.index.json) instead of a second copy built at every start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { configSchema, validateConfig } from '../../src/schema/config-schema.js';

test('the config validator reads the schema the navigator holds, not a copy of it', () => {
  assert.equal(validateConfig({ model_list: 3 }), false);
  const [error] = validateConfig.errors ?? [];
  assert.equal(error.keyword, 'type');
  // The error's allowed types are the navigator's own array (same object), so no copy exists.
  const modelList = (configSchema as { properties: Record<string, { type: unknown }> }).properties.model_list;
  assert.equal((error.params as { type: unknown }).type, modelList.type);
});

test('no generated validator carries a schema literal of its own', () => {
  for (const name of ['litellm-config', 'scenario', 'gwcfgrc']) {
    const code = readFileSync(new URL(`../../src/schema/generated/${name}.js`, import.meta.url), 'utf8');
    assert.doesNotMatch(code, /\bconst schema\d+ = [{[]/, name);
  }
});
