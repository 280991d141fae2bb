// Start-up (issue 13): the launcher keeps one V8 code cache per command, and a clean lint run
// loads nothing a report would need (docs/architecture.md, Start-up).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';

const cli = (args: string[], env: NodeJS.ProcessEnv, node: string[] = []) =>
  spawnSync(process.execPath, [...node, join(ROOT, 'bin/gwcfg.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', GITHUB_ACTIONS: '', ...env } });

test('each command gets its own code cache file, made by its first run', () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'gwcfg-cache-'));
  assert.equal(cli(['--version'], { GWCFG_CACHE_DIR: cacheDir }).status, 0);
  assert.equal(cli(['validate', 'fixtures/configs/gateway.yaml'], { GWCFG_CACHE_DIR: cacheDir }).status, 0);
  assert.equal(cli(['--color', 'lint', '--no-config', 'fixtures/configs/gateway.yaml'], { GWCFG_CACHE_DIR: cacheDir }).status, 0);
  const files = readdirSync(cacheDir).sort();
  assert.equal(files.length, 3, files.join(', '));
  assert.deepEqual(files.map((f) => /-([a-z_-]+)\.v8cache$/.exec(f)?.[1]).sort(), ['_', 'lint', 'validate']);
  // A later run of a command uses its file and does not rewrite it.
  const before = readFileSync(join(cacheDir, files.find((f) => f.endsWith('-lint.v8cache'))!));
  assert.equal(cli(['lint', '--no-config', 'fixtures/configs/gateway.yaml'], { GWCFG_CACHE_DIR: cacheDir }).status, 0);
  assert.deepEqual(readFileSync(join(cacheDir, files.find((f) => f.endsWith('-lint.v8cache'))!)), before);
});

test('a clean lint run loads no Node module beyond what the launcher needs (no ESM loader via node:module)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-modules-'));
  const out = join(dir, 'modules.txt');
  const preload = join(dir, 'record.cjs');
  writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, process.moduleLoadList.join('\\n')));\n`);
  const r = cli(['lint', '--no-config', 'fixtures/configs/gateway.yaml'], { GWCFG_NO_CODE_CACHE: '1' }, ['--require', preload]);
  assert.equal(r.status, 0, r.stderr);
  const loaded = readFileSync(out, 'utf8').split('\n');
  for (const name of ['NativeModule module', 'NativeModule internal/modules/esm/loader', 'NativeModule worker_threads', 'NativeModule child_process']) {
    assert.ok(!loaded.includes(name), `${name} was loaded`);
  }
});

// A code cache keeps the file name it was made with, and V8 names the script from it: two copies
// of gwcfg sharing one cache directory showed each other's paths in --debug stack traces.
test('each copy of the bundle gets its own code cache (the file name is part of the key)', () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'gwcfg-cache-'));
  const copies = [0, 1].map(() => {
    const dir = mkdtempSync(join(tmpdir(), 'gwcfg-copy-'));
    cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
    cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
    return dir;
  });
  for (const dir of copies) {
    const r = spawnSync(process.execPath, [join(dir, 'bin/gwcfg.js'), 'validate', join(ROOT, 'fixtures/configs/gateway.yaml')], { encoding: 'utf8', env: { ...process.env, GWCFG_CACHE_DIR: cacheDir } });
    assert.equal(r.status, 0, r.stderr);
  }
  assert.equal(readdirSync(cacheDir).filter((f) => f.endsWith('-validate.v8cache')).length, 2);
});

// Command bundles (simulate.cjs, tune.cjs, ...) were loaded by import(): the ESM loader, a scan of
// the 1-2 MB bundle for its CommonJS exports, and no code cache (~160 ms before a tune or simulate
// run started; ~45 ms now). The launcher runs them as it runs the start-up bundle.
test('a command bundle loads code-cached, without the ESM loader', () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'gwcfg-cache-'));
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-modules-'));
  const out = join(dir, 'modules.txt');
  const preload = join(dir, 'record.cjs');
  writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, process.moduleLoadList.join('\\n')));\n`);
  const args = ['simulate', 'fixtures/configs/gateway.yaml', '--requests', '20', '--format', 'json'];
  const first = cli(args, { GWCFG_CACHE_DIR: cacheDir }, ['--require', preload]);
  assert.equal(first.status, 0, first.stderr);
  assert.ok(!readFileSync(out, 'utf8').split('\n').includes('NativeModule internal/modules/esm/loader'), 'the ESM loader was loaded');
  // One cache for the start-up bundle and one for simulate.cjs, both named after the command.
  const files = readdirSync(cacheDir).filter((f) => f.endsWith('-simulate.v8cache'));
  assert.equal(files.length, 2, files.join(', '));
  const ids = files.map((f) => f.slice(0, 16)).sort();
  const buildId = (bundle: string) => /^\/\/ gwcfg-build ([0-9a-f]{16})\n/.exec(readFileSync(join(ROOT, 'dist', bundle), 'latin1').slice(0, 40))![1];
  assert.deepEqual(ids, [buildId('gwcfg.cjs'), buildId('simulate.cjs')].sort());
  // A later run uses both caches and rewrites neither; its output is the same.
  const before = files.map((f) => readFileSync(join(cacheDir, f)));
  const second = cli(args, { GWCFG_CACHE_DIR: cacheDir });
  assert.equal(second.status, 0, second.stderr);
  assert.equal(second.stdout, first.stdout);
  assert.deepEqual(files.map((f) => readFileSync(join(cacheDir, f))), before);
});

// Worker threads (simulate --compare, tune -j) compiled the simulator's bundle from source in
// every run. They now run it through the launcher with a code cache of their own, written after a worker's first job (a worker ends
// by terminate(), which runs no 'exit' handler).
test('worker threads load their bundle code-cached', () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'gwcfg-cache-'));
  const args = ['simulate', 'fixtures/configs/gateway.yaml', '--compare', 'simple-shuffle,least-busy', '-j', '2', '--requests', '50', '--format', 'json', '--no-progress'];
  const first = cli(args, { GWCFG_CACHE_DIR: cacheDir });
  assert.equal(first.status, 0, first.stderr);
  const buildId = /^\/\/ gwcfg-build ([0-9a-f]{16})\n/.exec(readFileSync(join(ROOT, 'dist', 'worker.cjs'), 'latin1').slice(0, 40))![1];
  const worker = readdirSync(cacheDir).filter((f) => f.endsWith('-worker.v8cache'));
  assert.deepEqual(worker.map((f) => f.slice(0, 16)), [buildId]);
  // Two workers wrote it (one temp file each), and a later run uses it: no temp file is left and it is not rewritten.
  assert.deepEqual(readdirSync(cacheDir).filter((f) => !f.endsWith('.v8cache')), []);
  const before = readFileSync(join(cacheDir, worker[0]));
  const second = cli(args, { GWCFG_CACHE_DIR: cacheDir });
  assert.equal(second.status, 0, second.stderr);
  assert.equal(second.stdout, first.stdout);
  assert.deepEqual(readFileSync(join(cacheDir, worker[0])), before);
});

test('the worker threads\' entry flag typed on a command line is one line and exit 2, and writes no cache', () => {
  // It wrote a cache of the worker's start alone, which real workers then used for good.
  const cacheDir = mkdtempSync(join(tmpdir(), 'gwcfg-cache-'));
  const r = cli(['--gwcfg-worker'], { GWCFG_CACHE_DIR: cacheDir });
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, "gwcfg: --gwcfg-worker is internal (the entry of gwcfg's worker threads); run gwcfg --help for the commands\n");
  assert.deepEqual(readdirSync(cacheDir), []);
});

test('without its bundle a worker fails quietly and the jobs run in-process', () => {
  // A missing dist/worker.cjs printed "the CLI is not built" twice on a run that then succeeded.
  const dir = mkdtempSync(join(tmpdir(), 'gwcfg-noworker-'));
  cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
  cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
  rmSync(join(dir, 'dist', 'worker.cjs'));
  const args = ['simulate', join(ROOT, 'fixtures/configs/gateway.yaml'), '--compare', 'simple-shuffle,least-busy', '-j', '2', '--requests', '50', '--format', 'json', '--no-progress'];
  const env = { ...process.env, GWCFG_NO_CODE_CACHE: '1' };
  const r = spawnSync(process.execPath, [join(dir, 'bin/gwcfg.js'), ...args], { encoding: 'utf8', env });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, spawnSync(process.execPath, [join(ROOT, 'bin/gwcfg.js'), ...args], { encoding: 'utf8', env }).stdout);
});

test('a new code cache deletes those of other builds of the same bundle, command and Node', () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'gwcfg-cache-'));
  assert.equal(cli(['validate', 'fixtures/configs/gateway.yaml'], { GWCFG_CACHE_DIR: cacheDir }).status, 0);
  const [made] = readdirSync(cacheDir);
  const rest = made.slice(16);
  const older = `0123456789abcdef${rest}`; // the same bundle file, command and Node: another build
  const keep = [`0123456789abcdef${rest.replace('-validate.', '-lint.')}`, `0123456789abcdef${rest.replace(process.version, 'v18.0.0')}`, 'notes.txt'];
  for (const f of [older, ...keep]) writeFileSync(join(cacheDir, f), 'x');
  rmSync(join(cacheDir, made));
  assert.equal(cli(['validate', 'fixtures/configs/gateway.yaml'], { GWCFG_CACHE_DIR: cacheDir }).status, 0);
  assert.deepEqual(readdirSync(cacheDir).sort(), [made, ...keep].sort());
});

test('a new code cache deletes the gwcfg caches nobody read or wrote for 30 days, and nothing else', () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'gwcfg-cache-'));
  try {
    // Caches of install paths that are gone or of another Node, an interrupted write's leftover,
    // and one in use (read recently, written long ago); then files that are not gwcfg caches.
    const gone = ['0123456789abcdef-0badc0de-v20.1.0-x64-lint.v8cache', 'fedcba9876543210-v18.19.0-x64.v8cache', '0123456789abcdef-0badc0de-v20.1.0-x64-lint.v8cache.77-k3x'];
    const used = '0123456789abcdef-12345678-v20.1.0-x64-validate.v8cache';
    const foreign = ['notes.txt', 'backup.v8cache'];
    for (const f of [...gone, used, ...foreign]) writeFileSync(join(cacheDir, f), 'x');
    const longAgo = new Date(Date.now() - 40 * 86_400_000);
    for (const f of [...gone, ...foreign]) utimesSync(join(cacheDir, f), longAgo, longAgo);
    utimesSync(join(cacheDir, used), new Date(), longAgo); // read today, written 40 days ago
    assert.equal(cli(['validate', 'fixtures/configs/gateway.yaml'], { GWCFG_CACHE_DIR: cacheDir }).status, 0);
    const made = readdirSync(cacheDir).filter((f) => f.endsWith(`-${process.version}-${process.arch}-validate.v8cache`));
    assert.equal(made.length, 1);
    assert.deepEqual(readdirSync(cacheDir).sort(), [...made, used, ...foreign].sort());
    // A run that finds its cache writes none, so it deletes nothing either.
    writeFileSync(join(cacheDir, gone[0]), 'x');
    utimesSync(join(cacheDir, gone[0]), longAgo, longAgo);
    assert.equal(cli(['validate', 'fixtures/configs/gateway.yaml'], { GWCFG_CACHE_DIR: cacheDir }).status, 0);
    assert.ok(statSync(join(cacheDir, gone[0])).isFile());
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
});
