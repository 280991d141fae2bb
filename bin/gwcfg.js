#!/usr/bin/env node
// Launcher of the bundled CLI (CommonJS, see bin/package.json: the ESM loader costs start-up
// time that `gwcfg validate` in pre-commit hooks should not pay). Compiles dist/gwcfg.cjs, and the
// command bundles it loads (dist/simulate.cjs, ...), each with a V8 code cache, which Node 20 has
// no built-in equivalent of. The cache is made on the first run
// into the user's cache directory, keyed by the bundle's build id and the Node version and
// architecture (a code cache only fits the V8 build that made it), so none ships in the package.
// Each command gets its own cache file: a cache holds the functions its run compiled, so one made
// by `gwcfg --version` would leave lint uncached, and validate would deserialise lint's rules.
'use strict';
const { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const vm = require('node:vm');

const dist = join(__dirname, '..', 'dist');
/** Code caches to write at exit: bundles that ran without a usable one. */
const toCache = [];
// The bundle's import() calls of other bundles (the command bundles: simulate.cjs, tune.cjs, ...)
// come here (scripts/build.mjs routeDynamicImports), so that they load code-cached too: a command
// bundle of 1-2 MB took ~160 ms through import() (the ESM loader and its CommonJS export scan),
// ~90 ms through require() and ~45 ms with its cache. ESM modules (ink, the ink view) still go
// through import(): a vm.Script has no module loader of its own, and this CommonJS file does.
globalThis.__gwcfgRequire = (file) => runBundle(file);
globalThis.__gwcfgImport = (specifier) => import(specifier);
// A worker thread (src/sim/compare.ts spawnWorker) runs the worker's bundle. It is ended by
// terminate(), which runs no 'exit' handler, so the worker writes its code cache itself after its
// first job (src/sim/worker.ts), and nothing is written at exit in this mode: the flag typed on a
// command line would write a cache of the worker's start alone, which real workers would then use
// for good. A worker whose bundle is missing or stale throws: its pool runs the jobs on its own
// thread (as when a worker cannot start at all), and the run says nothing about it.
const WORKER = process.argv[2] === '--gwcfg-worker';
const command = WORKER ? 'worker' : commandName();
globalThis.__gwcfgWriteCodeCaches = writeCodeCaches;
runBundle(join(dist, WORKER ? 'worker.cjs' : 'gwcfg.cjs'));

/**
 * Writes the code caches of the bundles that ran without one, once each (atomically: a temp file,
 * then a rename; the temp name is the thread's own, as worker threads share the process id).
 */
function writeCodeCaches() {
  for (const { script, cacheFile } of toCache.splice(0)) {
    try {
      mkdirSync(join(cacheFile, '..'), { recursive: true });
      const temp = `${cacheFile}.${process.pid}-${Math.random().toString(36).slice(2)}`;
      writeFileSync(temp, script.createCachedData());
      renameSync(temp, cacheFile);
      pruneCaches(cacheFile);
    } catch {
      // No writable cache directory: gwcfg keeps working, only without the cache.
    }
  }
}

/** A code cache file of this launcher, or the temporary file of an interrupted write of one. */
const CACHE_NAME = /^[0-9a-f]{16}-.*\.v8cache(?:\.\d+-[0-9a-z]+)?$/;
/** Days after which a cache nobody read or wrote is deleted, when another cache is written. */
const STALE_DAYS = 30;

/**
 * Deletes, in the directory of the cache file just written, the caches no run will read again:
 * - those other builds of the same bundle file made for the same Node and command (`<other build
 *   id>-<same rest>`): an upgrade or rebuild made them useless;
 * - any other gwcfg cache (or leftover temporary file) neither read nor written for STALE_DAYS
 *   before the file just written: caches of install paths that are gone (an `npx` of an older
 *   version, a deleted clone) and of Node versions no longer run would otherwise stay for good.
 *   "Read" is the file's access time, which most mounts update about once a day (relatime);
 *   where they never do (noatime), a cache in daily use is made again once a month.
 * A new cache is written only when there was none for this build, so this runs about once per
 * build, path, Node and command. Times come from the file system (the new file's own mtime), not
 * from the clock of this process. Errors (a file gone meanwhile, no permission) are ignored.
 */
function pruneCaches(cacheFile) {
  const dir = join(cacheFile, '..');
  const name = cacheFile.slice(dir.length + 1);
  const rest = name.slice(16); // after the 16-digit build id
  const staleBefore = statSync(cacheFile).mtimeMs - STALE_DAYS * 86_400_000;
  for (const other of readdirSync(dir)) {
    if (other === name || !CACHE_NAME.test(other)) continue;
    const otherBuild = other.length === name.length && other.endsWith(rest);
    try {
      if (otherBuild || lastUsedMs(join(dir, other)) < staleBefore) rmSync(join(dir, other), { force: true });
    } catch {}
  }
}

/** When a file was last read or written (ms): its access time, or its modification time if later. */
function lastUsedMs(path) {
  const info = statSync(path);
  return Math.max(info.mtimeMs, info.atimeMs);
}

/**
 * Compiles and runs one bundle of dist/ (its text is one expression: the bundle wrapped in a
 * CommonJS module function, see scripts/build.mjs) with its code cache, and returns its exports.
 * A missing or stale bundle ends the process with one line and exit 2 (in a worker thread: throws).
 */
function runBundle(file) {
  let source, buffer;
  try {
    // Twice the bundle's size: room for its code cache too (typically ~1.4 times it), see readWhole.
    const [bytes, length] = readWhole(file, null, 2);
    buffer = bytes;
    source = bytes.toString('latin1', 0, length); // esbuild emits ASCII only (charset: ascii), and latin1 decodes fastest
  } catch {
    unusable(`the CLI is not built: dist/${file.slice(dist.length + 1)} is missing; in a clone run \`npm ci\` (it builds), or install a packed tarball`);
  }
  // A dist/ left by an older build (before `git pull`) is not wrapped: say so instead of crashing.
  if (!source.startsWith('(function (exports', source.indexOf('\n') + 1)) {
    unusable(`dist/${file.slice(dist.length + 1)} was built by another version of gwcfg; in a clone run \`npm run build\` (or \`npm ci\`)`);
  }
  const cacheFile = codeCacheFile(source, file);
  let cachedData;
  try {
    if (cacheFile) {
      const [bytes, length] = readWhole(cacheFile, buffer, 1);
      cachedData = bytes.subarray(0, length);
    }
  } catch {}
  const script = new vm.Script(source, { filename: file, cachedData });
  const bundle = { exports: {} };
  script.runInThisContext().call(bundle.exports, bundle.exports, require, bundle, file, dist);
  if (cacheFile && (!cachedData || script.cachedDataRejected || process.env.GWCFG_WRITE_CODE_CACHE)) {
    if (toCache.length === 0 && !WORKER) process.once('exit', writeCodeCaches);
    toCache.push({ script, cacheFile });
  }
  return bundle.exports;
}

/** A bundle that cannot run: one line and exit 2, or in a worker thread an error (its pool runs the jobs itself). */
function unusable(message) {
  if (WORKER) throw new Error(message);
  process.stderr.write(`gwcfg: ${message}\n`);
  process.exit(2);
}

/**
 * Reads the whole file `path` into `into` when it fits, else into a new buffer of `room` times its
 * size; returns [buffer, bytes read]. The bundle's buffer is copied into a string at once, so its
 * code cache is read into the same memory: a page first touched costs ~3 us on the machines the
 * start-up target was set on (docs/architecture.md, Start-up), and a buffer's pages never
 * written are never touched.
 */
function readWhole(path, into, room) {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const buffer = into !== null && into.length >= size ? into : Buffer.allocUnsafeSlow(size * room);
    let length = 0;
    for (let n; length < size && (n = readSync(fd, buffer, length, size - length, length)) > 0; ) length += n;
    return [buffer, length];
  } finally {
    closeSync(fd);
  }
}

/**
 * <cache dir>/gwcfg/<build id>-<path hash>-<node version>-<arch>-<command>.v8cache for the bundle
 * `file` of text `text`, or null when it has no build id or GWCFG_NO_CODE_CACHE is set. The cache dir is $GWCFG_CACHE_DIR, else
 * $XDG_CACHE_HOME, else %LOCALAPPDATA% on Windows, else ~/.cache. <command> is the command run
 * (commandName), or `worker` in a worker thread: any cache file works for any command of its
 * bundle, the name only decides which functions it holds.
 */
function codeCacheFile(text, file) {
  if (process.env.GWCFG_NO_CODE_CACHE) return null;
  const id = /^\/\/ gwcfg-build ([0-9a-f]{16})\n/.exec(text.slice(0, 40));
  if (!id) return null;
  const env = process.env;
  let dir = env.GWCFG_CACHE_DIR;
  try {
    // os.homedir() is $HOME when set (POSIX); reading it directly spares loading node:os.
    const home = () => (process.platform !== 'win32' && env.HOME) || require('node:os').homedir();
    dir ||= join(env.XDG_CACHE_HOME || (process.platform === 'win32' && env.LOCALAPPDATA) || join(home(), '.cache'), 'gwcfg');
  } catch {
    return null; // no home directory
  }
  // A code cache keeps the file name it was made with (V8 names the script from it, e.g. in stack
  // traces), so each installed copy of the bundle gets its own: `where` is a hash of its path.
  let where = 0x811c9dc5; // FNV-1a of the path (node:crypto would initialise OpenSSL)
  for (let i = 0; i < file.length; i++) where = Math.imul(where ^ file.charCodeAt(i), 0x01000193) >>> 0;
  where = where.toString(16).padStart(8, '0');
  return join(dir, `${id[1]}-${where}-${process.version}-${process.arch}-${command}.v8cache`);
}

/**
 * The first argument that is not an option when it looks like a command name, else `_` (help,
 * version, typos).
 */
function commandName() {
  const named = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
  return named !== undefined && /^[a-z][a-z-]{0,31}$/.test(named) ? named : '_';
}
