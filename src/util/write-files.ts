// Write several files atomically (temp file + rename) as one operation: every target is checked
// before anything is written, so a refused run leaves the disk untouched.

import { accessSync, constants, statSync, type Stats } from 'node:fs';
import { lstat, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { CliError, describeErrno } from '../cli/errors.js';
import { describeFileType, pseudoFileSystem } from './read-input.js';

// write-file-atomic loads worker_threads and the stream modules when it loads (a few ms of
// start-up); only runs that write a file need it, so it loads on first use (outside the bundle).
let writeFileAtomicModule: typeof import('write-file-atomic') | undefined;
function writeFileAtomic(): typeof import('write-file-atomic') {
  return (writeFileAtomicModule ??= createRequire(import.meta.url)('write-file-atomic') as typeof import('write-file-atomic'));
}

export interface OutputFile {
  readonly path: string;
  readonly content: string;
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new CliError(`cannot write ${path}: ${describeErrno(e)}`);
  }
}

/** stat, or null when the path does not exist (also when a parent is a file: ENOTDIR). */
function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw new CliError(`cannot write into ${path}: ${describeErrno(e)}`);
  }
}

/**
 * Throws CliError (exit 2) unless `dir` is a directory gwcfg may write into, or can be created:
 * its nearest existing ancestor must be a writable directory on a real file system (never
 * /proc or /sys, where writes hang or have side effects).
 */
export function checkOutputDirectory(dir: string): void {
  let probe = resolve(dir);
  for (;;) {
    const info = statOrNull(probe);
    if (info) {
      if (!info.isDirectory()) {
        const what = describeFileType(info) ?? 'is a file';
        throw new CliError(`cannot write into ${dir}: ${probe === resolve(dir) ? '' : `${probe} `}${what.replace(/, not a regular file$/, '')}, not a directory`);
      }
      break;
    }
    const parent = dirname(probe);
    if (parent === probe) break;
    probe = parent;
  }
  const pseudo = pseudoFileSystem(probe);
  if (pseudo) throw new CliError(`cannot write into ${dir}: it is on ${pseudo}, a kernel pseudo-file system`);
  try {
    accessSync(probe, constants.W_OK);
  } catch (e) {
    throw new CliError(`cannot write into ${dir}: ${probe} is not writable (${describeErrno(e)})`);
  }
}

/**
 * Throws CliError (exit 2) unless every target can be written: no path twice, each directory
 * writable or creatable, and (unless `force`) no target existing yet. Writes nothing; a command
 * calls it before long work so a refusal comes first (writeFilesAtomic checks again).
 */
export async function checkOutputFiles(targets: readonly string[], { force = false } = {}): Promise<void> {
  const paths = targets.map((t) => resolve(t));
  const duplicate = paths.find((p, i) => paths.indexOf(p) !== i);
  if (duplicate) throw new CliError(`refusing to write ${duplicate} twice in one run`);
  for (const dir of new Set(targets.map((t) => dirname(t)))) checkOutputDirectory(dir);
  if (!force) {
    const existing: string[] = [];
    for (const t of targets) if (await exists(t)) existing.push(t);
    if (existing.length > 0) {
      throw new CliError(`${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}; use --force to overwrite (nothing was written)`);
    }
  }
}

/** Throws CliError (exit 2) naming every existing target unless `force`; writes nothing in that case. */
export async function writeFilesAtomic(files: readonly OutputFile[], { force = false } = {}): Promise<string[]> {
  await checkOutputFiles(files.map((f) => f.path), { force });
  const dirs = new Set(files.map((f) => dirname(f.path)));
  let current = '';
  try {
    for (const dir of dirs) {
      current = dir;
      await mkdir(dir, { recursive: true });
    }
    for (const f of files) {
      current = f.path;
      await writeFileAtomic()(f.path, f.content, { encoding: 'utf8' });
    }
  } catch (e) {
    // write-file-atomic removes its temp file; a target written before the failure stays whole.
    throw new CliError(`cannot write ${current}: ${describeErrno(e)}`);
  }
  return files.map((f) => f.path);
}

/**
 * Writes one file atomically (temp file + rename; an existing file is replaced): `-o` of
 * validate and lint. Throws CliError (exit 2) naming the file when it cannot be written.
 */
export function writeFileAtomicSync(path: string, content: string): void {
  try {
    writeFileAtomic().sync(path, content, { encoding: 'utf8' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such directory' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : code === 'ENOSPC' ? 'no space left on the device' : (error as Error).message;
    throw new CliError(`cannot write ${path}: ${why} (nothing was written)`);
  }
}
