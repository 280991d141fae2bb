// `npm test`: build the CLI, typecheck, then run every test file with node's test runner (tsx).
// Extra arguments narrow the run: `npm test -- test/lint` runs only files under test/lint.
import { spawnSync } from 'node:child_process';
import { glob } from 'tinyglobby';
import { tmpdir } from 'node:os';
import { inRunDirectory, runTestFiles } from './test-files.mjs';

const filters = process.argv.slice(2);
const files = (await glob(['test/**/*.test.ts', 'test/**/*.test.tsx'], { ignore: ['**/node_modules/**'] }))
  .filter((f) => filters.length === 0 || filters.some((p) => f.startsWith(p)))
  .sort();
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
// Every step in the run's own directory (its temporary files, the code caches the build warms
// and the tests' CLI runs write), removed at the end: see scripts/test-files.mjs.
process.exitCode = inRunDirectory(tmpdir(), (runEnv) => {
  const env = { ...process.env, ...runEnv };
  const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', env }).status ?? 1;
  const built = run(process.execPath, ['scripts/build.mjs']);
  if (built !== 0) return built;
  if (filters.length === 0) {
    const typed = run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json']);
    if (typed !== 0) return typed;
  }
  return runTestFiles(files, { env });
});
