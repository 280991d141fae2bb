// Runs test files with node's test runner (tsx), for scripts/test.mjs. The tests make temporary
// directories with mkdtemp under os.tmpdir(), and the CLI runs they make write V8 code caches
// (bin/gwcfg.js) keyed by the path of the clone they run from. Each run gets a directory of its
// own as TMPDIR (TMP and TEMP on Windows) that also holds its code caches (GWCFG_CACHE_DIR), removed
// when the run ends: `npm test` leaves nothing behind in the machine's temporary directory or in
// the user's cache directory, even when a test fails before its own clean-up.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs `files` (paths relative to `cwd`) in one `node --test` process and returns its exit status
 * (1 when it died of a signal). `env` is the environment to start from (default: this process's);
 * the run's own temporary directory is made in `under` (default: os.tmpdir()).
 */
export function runTestFiles(files, { cwd = process.cwd(), env = process.env, stdio = 'inherit', under = tmpdir() } = {}) {
  const scratch = mkdtempSync(join(under, 'gwcfg-test-run-'));
  try {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--import', './test/setup/fast-check.mjs', '--test', '--test-reporter=spec', '--test-timeout=300000', ...files],
      { cwd, stdio, env: { ...env, TMPDIR: scratch, TMP: scratch, TEMP: scratch, GWCFG_CACHE_DIR: join(scratch, 'gwcfg-code-cache') } },
    );
    return r.status ?? 1;
  } finally {
    rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
  }
}
