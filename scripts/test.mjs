// `npm test`: build the CLI, typecheck, then run every test file with node's test runner (tsx).
// Extra arguments narrow the run: `npm test -- test/lint` runs only files under test/lint.
import { spawnSync } from 'node:child_process';
import { glob } from 'tinyglobby';
import { runTestFiles } from './test-files.mjs';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const filters = process.argv.slice(2);
run(process.execPath, ['scripts/build.mjs']);
if (filters.length === 0) run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json']);
const files = (await glob(['test/**/*.test.ts', 'test/**/*.test.tsx'], { ignore: ['**/node_modules/**'] }))
  .filter((f) => filters.length === 0 || filters.some((p) => f.startsWith(p)))
  .sort();
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
process.exitCode = runTestFiles(files);
