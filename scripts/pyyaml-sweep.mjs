// Runs the PyYAML differential test (test/config/pyyaml-differential.test.ts) over many seeds and
// lists the disagreements by kind. Not a test: a tool for hunting the loader's remaining
// differences from PyYAML safe_load. Needs python3-yaml.
//   node scripts/pyyaml-sweep.mjs [FIRST_SEED] [COUNT] [MUTANTS] [OUTDIR]
// (defaults: seeds 1 to 30, 3,000 mutants each, one report per seed in $TMPDIR/gwcfg-pyyaml-sweep).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const [first = '1', count = '30', mutants = '3000', outDir = join(tmpdir(), 'gwcfg-pyyaml-sweep')] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });
const kinds = new Map();
for (let seed = Number(first); seed < Number(first) + Number(count); seed++) {
  const report = join(outDir, `seed-${seed}.txt`);
  spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=dot', 'test/config/pyyaml-differential.test.ts'], {
    env: { ...process.env, GWCFG_PYYAML_SEED: String(seed), GWCFG_PYYAML_MUTANTS: mutants, GWCFG_PYYAML_REPORT: report },
    stdio: 'ignore',
  });
  const text = existsSync(report) ? readFileSync(report, 'utf8') : '';
  const entries = text ? text.split(/\n\n(?=mutant \d+: )/) : [];
  for (const entry of entries) {
    const problem = /^mutant \d+: (.*)$/m.exec(entry)?.[1] ?? entry;
    const kind = /^(gwcfg rejects|PyYAML rejects|both reject|values differ|recursive|PyYAML cannot construct)/.exec(problem)?.[1] ?? 'other';
    if (!kinds.has(kind)) kinds.set(kind, []);
    kinds.get(kind).push(`seed ${seed} ${entry}`);
  }
  console.log(`seed ${seed}: ${entries.length} disagreements`);
}
for (const [kind, list] of kinds) {
  console.log(`\n=== ${kind}: ${list.length}`);
  for (const e of list) console.log(e.slice(0, 1200), '\n');
}
