// The source document's YAML examples (fixtures/seed/) and what `gwcfg validate` says about them.
// Rewrite the golden files with UPDATE_GOLDEN=1 after reviewing the change.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import { compareDiagnostics } from '../../src/diagnostics/types.js';
import { ROOT } from '../helpers/cli.js';

const seedDir = join(ROOT, 'fixtures', 'seed');
const goldenDir = join(ROOT, 'test', 'golden', 'validate-seed');

test('validate findings on the source document examples match the golden files', async () => {
  const files = readdirSync(seedDir).filter((f) => /^\d.*\.yaml$/.test(f)).sort();
  assert.ok(files.length >= 15);
  mkdirSync(goldenDir, { recursive: true });
  for (const name of files) {
    const { diagnostics } = await loadConfig(`fixtures/seed/${name}`);
    const actual = JSON.stringify(
      [...diagnostics].sort(compareDiagnostics).map(({ fix: _fix, ...d }) => d),
      null,
      2,
    ) + '\n';
    const golden = join(goldenDir, name.replace(/\.yaml$/, '.json'));
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(golden)) writeFileSync(golden, actual);
    assert.equal(actual, readFileSync(golden, 'utf8'), `${name}: validate output changed (UPDATE_GOLDEN=1 to accept)`);
  }
});

test('the seed examples a reader would question are flagged where the problem is', async () => {
  const at = async (name: string) => (await loadConfig(`fixtures/seed/${name}`)).diagnostics.map((d) => `${d.line}:${d.ruleId}`);
  assert.deepEqual(await at('02-latency-based-routing.yaml'), ['4:schema/gwcfg-extension']); // window_size
  assert.ok((await at('06-weighted-round-robin.yaml')).includes('6:schema/unknown-key')); // weight beside litellm_params
  assert.ok((await at('06-weighted-round-robin.yaml')).includes('16:schema/gwcfg-extension')); // weighted-round-robin
  assert.ok((await at('10-metrics-to-track.yaml')).includes('10:schema/unknown-key')); // database_url in litellm_settings
});
