// Output failures end with one line and exit 2: a full disk on stdout (every command), and
// `generate -o` pointed at a file, a device, /proc or /sys (which used to hang or print errno names).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkOutputDirectory } from '../../src/util/write-files.js';
import { runCli, ROOT } from '../helpers/cli.js';

const BROKEN = 'fixtures/configs/broken.yaml';
const GOOD = 'fixtures/configs/gateway.yaml';

function toDevFull(args: string[]): { status: number | null; stderr: string } {
  const fd = openSync('/dev/full', 'w');
  try {
    const r = spawnSync(process.execPath, [`${ROOT}bin/gwcfg.js`, ...args], { cwd: ROOT, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } });
    return { status: r.status, stderr: r.stderr };
  } finally {
    closeSync(fd);
  }
}

test('every command writing to a full disk prints one line and exits 2 (no stack trace)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-out-'));
  writeFileSync(join(dir, 'q.promql'), 'sum(rate(litellm_no_such_metric_total[5m]))\n');
  const commands = [
    ['schema'],
    ['validate', BROKEN],
    ['lint', BROKEN],
    ['rules'],
    ['explain', 'schema/type'],
    ['generate', 'all', GOOD, '-o', '-'],
    ['check-metrics', join(dir, 'q.promql')],
    ['simulate', GOOD, '--requests', '50', '--no-progress', '-f', 'json'],
    ['--help'],
  ];
  for (const args of commands) {
    const r = toDevFull(args);
    const lines = r.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('warning:') && !l.startsWith('gwcfg: warning:'));
    assert.deepEqual(lines, ['gwcfg: cannot write the output: no space left on device'], `gwcfg ${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.status, 2, args.join(' '));
  }
});

test('output redirected to a file is written in full, the same bytes as through a pipe (stdout written without a stream)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-out-'));
  for (const args of [['lint', '--no-config', 'fixtures/seed/06-weighted-round-robin.yaml'], ['validate', BROKEN], ['rules'], ['--help']]) {
    const piped = runCli(args);
    const file = join(dir, 'out.txt');
    const fd = openSync(file, 'w');
    let status: number | null;
    try {
      status = spawnSync(process.execPath, [`${ROOT}bin/gwcfg.js`, ...args], { cwd: ROOT, stdio: ['ignore', fd, 'pipe'], env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '', FORCE_COLOR: '' } }).status;
    } finally {
      closeSync(fd);
    }
    assert.ok(piped.stdout.length > 0, args.join(' '));
    assert.equal(readFileSync(file, 'utf8'), piped.stdout, args.join(' '));
    assert.equal(status, piped.status, args.join(' '));
  }
});

test('checkOutputDirectory accepts a directory or a path that can be created', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-out-'));
  checkOutputDirectory(dir);
  checkOutputDirectory(join(dir, 'new', 'deeper'));
});

test('checkOutputDirectory refuses files, devices and kernel pseudo-file systems with a clear reason', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-out-'));
  writeFileSync(join(dir, 'file'), 'x');
  const cases: [string, RegExp][] = [
    [join(dir, 'file'), /cannot write into .*file: is a file, not a directory$/],
    [join(dir, 'file', 'sub'), /cannot write into .*sub: .*file is a file, not a directory$/],
    ['/dev/null', /cannot write into \/dev\/null: is a device, not a directory$/],
    ['/proc/x', /cannot write into \/proc\/x: it is on \/proc, a kernel pseudo-file system$/],
    ['/sys/x', /cannot write into \/sys\/x: it is on \/sys, a kernel pseudo-file system$/],
  ];
  for (const [path, message] of cases) assert.throws(() => checkOutputDirectory(path), (e: Error) => e.name === 'CliError' && message.test(e.message), path);
});

test('generate -o /proc/x and -o an existing file: a usage error, exit 2, no hang, nothing written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-out-'));
  writeFileSync(join(dir, 'file'), 'x');
  for (const out of ['/proc/x', join(dir, 'file')]) {
    const r = runCli(['generate', 'all', GOOD, '-o', out]);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /^gwcfg: cannot write into .*(pseudo-file system|not a directory)$/m);
    // No errno name in the message; the temporary directory's random name may hold capitals (EYQU).
    assert.doesNotMatch(r.stderr.replaceAll(dir, '<dir>'), /internal error|E[A-Z]{3,}/);
  }
  assert.equal(existsSync('/proc/x'), false);
});

/** Runs the CLI with stdout on a pipe whose reader closes after the first chunk (`| head -c 100`). */
function closedEarly(args: string[]): Promise<{ status: number | null; stderr: string; read: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${ROOT}bin/gwcfg.js`, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let read = 0;
    let stderr = '';
    child.stdout.once('data', (chunk: Buffer) => {
      read = chunk.length;
      child.stdout.destroy();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr, read }));
  });
}

test('a reader that closes the pipe early (`| head`) ends the run quietly with the findings’ exit code, also now that the CLI ends itself once idle', async () => {
  // SARIF with errors in it, more than a pipe holds (lint 144 kB, validate 85 kB), so gwcfg is
  // still writing when the reader goes away.
  const runs = [
    ['lint', '--no-config', '-f', 'sarif', 'fixtures/corpus'],
    ['validate', '-f', 'sarif', 'fixtures'],
  ];
  for (const args of runs) {
    const command = args[0];
    const whole = runCli(args);
    assert.equal(whole.status, 1, `${command}: ${whole.stderr}`);
    for (let i = 0; i < 3; i++) {
      const r = await closedEarly(args);
      const size = Buffer.byteLength(whole.stdout);
      assert.ok(size > 70_000 && r.read > 0 && r.read < size, `${command}: read ${r.read} of ${size} bytes`);
      assert.equal(r.status, 1, `${command} exited ${r.status}: ${r.stderr}`);
      assert.doesNotMatch(r.stderr, /EPIPE|cannot write|Error/);
    }
  }
});
