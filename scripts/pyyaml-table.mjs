// Fills in PyYAML's verdict for every row of test/fixtures/yaml/pyyaml-table.json by running
// test/config/pyyaml-oracle.py (needs python3-yaml): add a row with "name" and "yaml" (and
// "gwcfg" where gwcfg deliberately differs), run `node scripts/pyyaml-table.mjs`, review the diff.
// pyyaml-differential.test.ts checks the recorded verdicts against PyYAML on every CI run.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const FILE = 'test/fixtures/yaml/pyyaml-table.json';
const rows = JSON.parse(readFileSync(FILE, 'utf8'));
const input = rows.map((r, id) => JSON.stringify({ id, b64: Buffer.from(r.yaml).toString('base64') })).join('\n') + '\n';
const run = spawnSync(process.env.GWCFG_PYTHON ?? 'python3', ['test/config/pyyaml-oracle.py'], { input, encoding: 'utf8' });
if (run.status !== 0) throw new Error(`PyYAML oracle failed: ${run.stderr}`);
for (const line of run.stdout.trim().split('\n')) {
  const { id, lines: _lines, ...verdict } = JSON.parse(line);
  rows[id] = { name: rows[id].name, yaml: rows[id].yaml, pyyaml: verdict, ...(rows[id].gwcfg ? { gwcfg: rows[id].gwcfg } : {}) };
}
writeFileSync(FILE, `[\n${rows.map((r) => `  ${JSON.stringify(r)}`).join(',\n')}\n]\n`);
console.log(`${rows.length} rows written to ${FILE}`);
