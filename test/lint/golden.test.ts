// Golden files: `gwcfg lint --format json` of every config example of the seed document
// (fixtures/seed/*.yaml), compared with test/golden/seed/<name>.json. Rewrite them with
// UPDATE_GOLDEN=1 after checking the new findings are right.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, ROOT } from '../helpers/cli.js';

const SEED = join(ROOT, 'fixtures/seed');
const GOLDEN = join(ROOT, 'test/golden/seed');
const update = process.env.UPDATE_GOLDEN === '1';
// Dot files (the prometheus.yml scrape block) are examples but not LiteLLM configs.
const configs = readdirSync(SEED).filter((f) => f.endsWith('.yaml') && !f.startsWith('.')).sort();

test('the seed document has its config examples extracted', () => {
  assert.ok(configs.length >= 18, configs.join(', '));
});

for (const file of configs) {
  const name = file.replace(/\.yaml$/, '');
  test(`golden: ${name}`, () => {
    const r = runCli(['lint', '--no-config', '--format', 'json', `fixtures/seed/${file}`]);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    const golden = join(GOLDEN, `${name}.json`);
    if (update || !existsSync(golden)) {
      writeFileSync(golden, r.stdout);
      if (!update) assert.fail(`created ${golden}; review it and run again`);
      return;
    }
    assert.deepEqual(JSON.parse(r.stdout), JSON.parse(readFileSync(golden, 'utf8')), `${name}: output changed; if intended, rerun with UPDATE_GOLDEN=1`);
  });
}

test('no stale golden files', () => {
  const names = new Set(configs.map((f) => f.replace(/\.yaml$/, '.json')));
  assert.deepEqual(readdirSync(GOLDEN).filter((f) => !names.has(f)), []);
});
