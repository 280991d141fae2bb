// The test run's own directory, for scripts/test.mjs. The tests make temporary directories with
// mkdtemp under os.tmpdir(), and the CLI runs they make (and the build's warm-up runs) write V8
// code caches (bin/gwcfg.js) keyed by the path of the clone they run from. A run gets a directory
// of its own as TMPDIR (TMP and TEMP on Windows) that also holds those code caches
// (GWCFG_CACHE_DIR), removed when the run ends: `npm test` leaves nothing behind in the machine's
// temporary directory or in the user's cache directory, even when a test fails before its own
// clean-up.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Calls `fn` with the environment variables that point a run at a new directory made in `under`,
 * removes the directory when `fn` returns or throws, and returns what `fn` returned.
 */
export function inRunDirectory(under, fn) {
  const scratch = mkdtempSync(join(under, 'gwcfg-test-run-'));
  try {
    return fn({ TMPDIR: scratch, TMP: scratch, TEMP: scratch, GWCFG_CACHE_DIR: join(scratch, 'gwcfg-code-cache') });
  } finally {
    rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
  }
}

/**
 * Runs `files` (paths relative to `cwd`) in one `node --test` process with `env` (default: this
 * process's environment) and returns its exit status (1 when it died of a signal).
 */
export function runTestFiles(files, { cwd = process.cwd(), env = process.env, stdio = 'inherit' } = {}) {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--import', './test/setup/fast-check.mjs', '--test', '--test-reporter=spec', '--test-timeout=300000', ...files],
    { cwd, stdio, env },
  );
  return r.status ?? 1;
}

