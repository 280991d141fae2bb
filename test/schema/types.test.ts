import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { generate } from '../../scripts/gen-types.mjs';

test('src/config/litellm-config.generated.ts is up to date with the schema (npm run gen:types)', async () => {
  const committed = readFileSync(new URL('../../src/config/litellm-config.generated.ts', import.meta.url), 'utf8');
  assert.equal(committed, await generate(), 'stale generated types: run `npm run gen:types`');
});
