// `npm test`: build the CLI, typecheck, then run every test file with node's test runner (tsx).
// Extra arguments narrow the run: `npm test -- test/lint` runs only files under test/lint.
import { glob } from 'tinyglobby';
import { tmpdir } from 'node:os';
import { runSteps, testRunnerArgs } from './test-files.mjs';

const filters = process.argv.slice(2);
const files = (await glob(['test/**/*.test.ts', 'test/**/*.test.tsx'], { ignore: ['**/node_modules/**'] }))
  .filter((f) => filters.length === 0 || filters.some((p) => f.startsWith(p)))
  .sort();
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
// Build, typecheck (full runs) and test in the run's own directory, removed at the end (its
// temporary files, the code caches the build warms and the tests' CLI runs write; see
// scripts/test-files.mjs).
process.exitCode = runSteps(tmpdir(), [
  [process.execPath, ['scripts/build.mjs']],
  ...(filters.length === 0 ? [[process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json']]] : []),
  [process.execPath, testRunnerArgs(files)],
]);
