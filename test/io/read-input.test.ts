// Every user input goes through one bounded read: regular files only, a cap per kind of input,
// stdin and <(cmd) pipes read up to the cap, FIFOs and devices refused without blocking.
// Cases from the hostile-input campaign (shared/hostile/make-big-inputs.sh, sections 5, 7, 8),
// rebuilt here in a temp dir.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, truncateSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readInput, LIMITS, InputError } from '../../src/util/read-input.js';
import { runCli, ROOT } from '../helpers/cli.js';

const CONFIG = 'model_list:\n  - model_name: m\n    litellm_params:\n      model: openai/gpt-4o\n';
const MiB = 1024 * 1024;

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'gwcfg-io-'));
}

/** A FIFO nobody writes to: reading it the ordinary way blocks forever. */
function fifo(dir: string, name = 'fifo.yaml'): string {
  const path = join(dir, name);
  const r = spawnSync('mkfifo', [path]);
  assert.equal(r.status, 0, 'mkfifo is available');
  return path;
}

/** One line on stderr, exit 2, nothing on stdout, no stack trace. */
function assertUsageError(r: { status: number; stdout: string; stderr: string }, pattern: RegExp): void {
  assert.equal(r.status, 2, r.stderr);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, pattern);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
}

test('readInput reads a regular file and a symlink to one', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'c.yaml'), CONFIG);
  symlinkSync('c.yaml', join(dir, 'link.yaml'));
  assert.equal(new TextDecoder().decode(await readInput(join(dir, 'link.yaml'), LIMITS.config)), CONFIG);
});

test('readInput refuses FIFOs, devices, sockets-by-symlink and directories before reading', async () => {
  const dir = tempDir();
  symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
  const cases: [string, RegExp][] = [
    [fifo(dir), /is a named pipe \(FIFO\), not a regular file/],
    ['/dev/zero', /is a device, not a regular file/],
    [join(dir, 'zero.yaml'), /is a device, not a regular file/],
    [dir, /is a directory/],
    [join(dir, 'missing.yaml'), /no such file or directory/],
  ];
  for (const [path, message] of cases) {
    await assert.rejects(readInput(path, LIMITS.dotenv), (e: unknown) => e instanceof InputError && message.test(e.message) && e.message.startsWith(`cannot read ${path}: `));
  }
});

test('readInput refuses kernel pseudo-files (/proc) whose size says nothing', async () => {
  await assert.rejects(readInput('/proc/self/environ', LIMITS.config), /is a kernel pseudo-file on \/proc/);
});

test('readInput states the cap for a file over it, without reading it', async () => {
  const dir = tempDir();
  const big = join(dir, 'big.yaml');
  writeFileSync(big, '');
  truncateSync(big, 9 * MiB); // sparse: costs no disk
  await assert.rejects(readInput(big, LIMITS.config), /it is 9 MiB, over gwcfg's limit of 8 MiB for a config with all its includes \(see docs\/limits\.md\)/);
  await assert.rejects(readInput(big, LIMITS.config, { budget: 1000 }), /over gwcfg's limit/, 'a smaller remaining budget applies');
});

for (const [name, args] of [
  ['validate FIFO', ['validate', 'fifo.yaml']],
  ['lint --config FIFO', ['lint', 'c.yaml', '-c', 'fifo.yaml']],
  ['lint --dotenv FIFO', ['lint', 'c.yaml', '--dotenv', 'fifo.yaml']],
  ['lint --dotenv /dev/zero', ['lint', 'c.yaml', '--dotenv', '/dev/zero']],
  ['simulate --scenario FIFO', ['simulate', 'c.yaml', '-s', 'fifo.yaml', '--no-progress']],
  ['simulate --scenario /dev/zero', ['simulate', 'c.yaml', '-s', '/dev/zero', '--no-progress']],
  ['check-metrics FIFO', ['check-metrics', 'fifo.yaml']],
] as const) {
  test(`${name}: one clear line, exit 2, no hang`, () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'c.yaml'), CONFIG);
    fifo(dir);
    const r = runCli([...args], { cwd: dir });
    assertUsageError(r, /^gwcfg: cannot read (fifo\.yaml|\/dev\/zero): is a (named pipe \(FIFO\)|device), not a regular file$/m);
  });
}

test('a directory with a symlink to /dev/zero is refused by name, not read', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'a.yaml'), CONFIG);
  symlinkSync('/dev/zero', join(dir, 'z.yaml'));
  assertUsageError(runCli(['validate', '.'], { cwd: dir }), /cannot read z\.yaml: is a device/);
});

test('include: of a FIFO, /dev/zero or /dev/fd/0 is an include-missing finding at its line, not a read', () => {
  const dir = tempDir();
  fifo(dir);
  writeFileSync(join(dir, 'c.yaml'), `${CONFIG}include:\n  - fifo.yaml\n  - /dev/zero\n  - /dev/fd/0\n`);
  // stdin holds a config: an include must never read it.
  const r = runCli(['validate', 'c.yaml', '-f', 'json'], { cwd: dir, input: 'model_list: []\n' });
  assert.equal(r.status, 1, r.stderr);
  const found = JSON.parse(r.stdout).diagnostics.map((d: { line: number; message: string }) => `${d.line} ${d.message}`);
  assert.deepEqual(found.slice(0, 2), [
    "6 included file 'fifo.yaml' cannot be read: is a named pipe (FIFO), not a regular file (resolved to fifo.yaml, relative to this file); LiteLLM fails to start",
    "7 included file '/dev/zero' cannot be read: is a device, not a regular file; LiteLLM fails to start",
  ]);
  // The test runner's stdin is a socket or a pipe, depending on the platform.
  assert.match(found[2], /^8 included file '\/dev\/fd\/0' cannot be read: is a (socket|named pipe \(FIFO\)), not a regular file; LiteLLM fails to start$/);
  assert.equal(found.length, 3);
});

test('stdin is read up to the cap: a config works, /dev/zero-sized input fails clearly', () => {
  assert.equal(runCli(['validate', '-'], { input: CONFIG }).status, 0);
  const r = runCli(['validate', '-'], { input: Buffer.alloc(8 * MiB + 1, 0x23) });
  assertUsageError(r, /^gwcfg: cannot read <stdin>: it is larger than gwcfg's limit of 8 MiB for a config with all its includes/);
});

test('validate <(cat cfg.yaml) reads the pipe; a pipe over the cap fails clearly', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'c.yaml'), CONFIG);
  const gwcfg = `'${process.execPath}' '${ROOT}bin/gwcfg.js'`;
  const ok = spawnSync('bash', ['-c', `${gwcfg} validate <(cat c.yaml) && ${gwcfg} validate /dev/stdin < c.yaml`], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
  assert.equal(ok.status, 0, ok.stderr);
  const big = spawnSync('bash', ['-c', `${gwcfg} lint --dotenv <(head -c 2000000 /dev/zero) c.yaml`], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
  assertUsageError({ status: big.status ?? -1, stdout: big.stdout, stderr: big.stderr }, /cannot read \/dev\/fd\/\d+: it is larger than gwcfg's limit of 1 MiB for a dotenv file/);
});

test('a config file over the cap fails fast with the cap in the message (not a V8 heap crash)', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'big.yaml'), '');
  truncateSync(join(dir, 'big.yaml'), 50 * MiB);
  assertUsageError(runCli(['validate', 'big.yaml'], { cwd: dir }), /cannot read big\.yaml: it is 50 MiB, over gwcfg's limit of 8 MiB/);
});
