// `npm test` leaves nothing in the machine's temporary directory: the runner gives each run a
// directory of its own as TMPDIR (and for the CLI's code caches) and removes it, also when the
// run is interrupted. Before, every full run left ~200 gwcfg-* directories in /tmp, from tests
// that make one and never remove it, and ~5 MB of code caches per clone in ~/.cache/gwcfg.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { exitStatus, runSteps, testRunnerArgs } from '../../scripts/test-files.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function withParent(fn: (parent: string) => void | Promise<void>) {
  const parent = mkdtempSync(join(tmpdir(), 'gwcfg-runner-parent-'));
  return Promise.resolve(fn(parent)).finally(() => rmSync(parent, { recursive: true, force: true }));
}

test('a test run removes the temporary directories and code caches its tests leave behind', () =>
  withParent((parent) => {
    const env: NodeJS.ProcessEnv = { ...process.env, EXPECT_UNDER: parent };
    delete env.NODE_TEST_CONTEXT; // run the inner runner as `npm test` does, not as a child of this one
    const status = runSteps(parent, [[process.execPath, testRunnerArgs(['fixtures/test-runner/leaves-temp.test.mjs'])]], { cwd: ROOT, env, stdio: 'pipe' });
    assert.equal(status, 0, 'the fixture test passed (its directory and code caches were under the run directory)');
    assert.deepEqual(readdirSync(parent), []);
  }));

test('a test run interrupted by Ctrl-C removes its directory too, and exits 130', { skip: process.platform === 'win32' && 'process groups and SIGINT are POSIX' }, () =>
  withParent(async (parent) => {
    // A runner in a process group of its own, as a terminal starts it; Ctrl-C signals the group.
    const script = `import { runSteps } from ${JSON.stringify(pathToFileURL(join(ROOT, 'scripts/test-files.mjs')).href)};
      process.exitCode = runSteps(${JSON.stringify(parent)}, [[process.execPath, ['-e', 'setTimeout(() => {}, 60000)']]]);`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { detached: true, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Wait for the step to start (its run directory exists), then interrupt the group.
    for (let waited = 0; readdirSync(parent).length === 0 && waited < 30_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    assert.equal(readdirSync(parent).length, 1, 'the run made its directory');
    await new Promise((r) => setTimeout(r, 200));
    process.kill(-child.pid!, 'SIGINT');
    assert.equal(await exited, 130);
    assert.deepEqual(readdirSync(parent), []);
  }));

test('exitStatus: a status as is, a signal as 128 + its number', () => {
  assert.equal(exitStatus({ status: 3, signal: null }), 3);
  assert.equal(exitStatus({ status: null, signal: 'SIGINT' }), 130);
  assert.equal(exitStatus({ status: null, signal: 'SIGKILL' }), 137);
  assert.equal(exitStatus({ status: null, signal: null }), 1);
});
