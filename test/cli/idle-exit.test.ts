// gwcfg ends its process as soon as the command is done and nothing is pending (src/cli/idle.ts
// isIdle), instead of waiting for Node to free its environment and heap. What it must never do is
// end before a write, timer, request or child the command left running has finished.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isIdle } from '../../src/cli/idle.js';
import { CORPUS, runCli } from '../helpers/cli.js';

const cases: [resources: string[], beforeExit: number, idle: boolean][] = [
  [[], 0, true],
  [['PipeWrap'], 0, true], // stdout on a pipe: its handle stays open, with nothing left to write
  [['TTYWrap', 'TTYWrap'], 0, true],
  [['PipeWrap', 'WriteWrap'], 0, false], // a write still in flight (pipes are asynchronous on macOS)
  [['Timeout'], 0, false],
  [['FSReqCallback'], 0, false],
  [['ProcessWrap', 'PipeWrap'], 0, false], // a child process still running
  [['MessagePort'], 0, false], // a worker thread
  [[], 1, false], // a 'beforeExit' listener (ink's live view) still wants its turn
];
for (const [resources, beforeExit, idle] of cases) {
  test(`isIdle(${JSON.stringify(resources)}, ${beforeExit} 'beforeExit' listeners) is ${idle}`, () => {
    assert.equal(isIdle(resources, beforeExit), idle);
  });
}

test('a report larger than a pipe buffer arrives whole on stdout, as written to a file with -o', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-idle-exit-'));
  try {
    const args = ['lint', '--no-config', '-f', 'sarif', CORPUS];
    const piped = runCli(args);
    assert.ok(piped.stdout.length > 128 * 1024, `the report is ${piped.stdout.length} bytes, which does not test a full pipe`);
    const file = join(dir, 'report.json');
    const written = runCli([...args, '-o', file]);
    assert.equal(written.status, piped.status);
    assert.equal(piped.stdout, readFileSync(file, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
