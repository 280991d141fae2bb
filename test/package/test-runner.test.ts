// `npm test` leaves nothing in the machine's temporary directory: the runner gives each run a
// directory of its own as TMPDIR (and for the CLI's code caches) and removes it. Before, every
// full run left ~200 gwcfg-* directories in /tmp, from tests that make one and never remove it,
// and ~5 MB of code caches per clone in ~/.cache/gwcfg.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inRunDirectory, runTestFiles } from '../../scripts/test-files.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

test('a test run removes the temporary directories and code caches its tests leave behind', () => {
  const parent = mkdtempSync(join(tmpdir(), 'gwcfg-runner-parent-'));
  try {
    const status = inRunDirectory(parent, (runEnv) => {
      const env: NodeJS.ProcessEnv = { ...process.env, ...runEnv, EXPECT_UNDER: parent };
      delete env.NODE_TEST_CONTEXT; // run the inner runner as `npm test` does, not as a child of this one
      return runTestFiles(['fixtures/test-runner/leaves-temp.test.mjs'], { cwd: ROOT, env, stdio: 'pipe' });
    });
    assert.equal(status, 0, 'the fixture test passed (its directory was made under the run directory)');
    assert.deepEqual(readdirSync(parent), []);
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});
