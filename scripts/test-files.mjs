// The steps of `npm test` (scripts/test.mjs) in a directory of the run's own. The tests make
// temporary directories with mkdtemp under os.tmpdir(), and the CLI runs they make (and the
// build's warm-up runs) write V8 code caches (bin/gwcfg.js) keyed by the path of the clone they
// run from. A run gets a directory of its own as TMPDIR (TMP and TEMP on Windows) that also holds
// those code caches (GWCFG_CACHE_DIR), removed when the run ends: `npm test` leaves nothing behind
// in the machine's temporary directory or in the user's cache directory, even when a test fails
// before its own clean-up or the run is interrupted.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';

/**
 * Calls `fn` with the environment variables that point a run at a new directory made in `under`,
 * removes the directory when `fn` returns or throws, and returns what `fn` returned.
 */
function inRunDirectory(under, fn) {
  const scratch = mkdtempSync(join(under, 'gwcfg-test-run-'));
  try {
    return fn({ TMPDIR: scratch, TMP: scratch, TEMP: scratch, GWCFG_CACHE_DIR: join(scratch, 'gwcfg-code-cache') });
  } finally {
    rmSync(scratch, { recursive: true, force: true, maxRetries: 3 });
  }
}

/** A finished child's exit status as a shell reports it: 128 + the signal's number when a signal ended it. */
export function exitStatus(result) {
  if (result.status !== null) return result.status;
  const signal = result.signal ? constants.signals[result.signal] : undefined;
  return signal === undefined ? 1 : 128 + signal;
}

/** The arguments of node that run `files` with node's test runner (tsx, the fast-check setup). */
export function testRunnerArgs(files) {
  return ['--import', 'tsx', '--import', './test/setup/fast-check.mjs', '--test', '--test-reporter=spec', '--test-timeout=300000', ...files];
}

/**
 * Runs `steps` ([command, args] each) one after another in a run directory made in `under` (see
 * inRunDirectory), until one fails; returns the first non-zero exit status (see exitStatus), else 0.
 * Ctrl-C reaches the running step too (one process group), which stops it: a SIGINT listener keeps
 * this process alive meanwhile (by default SIGINT would end it at once), so the directory is
 * removed rather than left behind, and the run exits as the interrupted step did (130).
 */
export function runSteps(under, steps, { cwd = process.cwd(), env = process.env, stdio = 'inherit' } = {}) {
  const keepAlive = () => {};
  process.on('SIGINT', keepAlive);
  try {
    return inRunDirectory(under, (runEnv) => {
      for (const [command, args] of steps) {
        const status = exitStatus(spawnSync(command, args, { cwd, stdio, env: { ...env, ...runEnv } }));
        if (status !== 0) return status;
      }
      return 0;
    });
  } finally {
    process.off('SIGINT', keepAlive);
  }
}
