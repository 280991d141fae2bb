// Write several files atomically (temp file + rename) as one operation: every target is checked
// before anything is written, so a refused run leaves the disk untouched.

import { lstat, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { CliError } from '../cli/errors.js';

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
    throw e;
  }
}

/** Throws CliError (exit 2) naming every existing target unless `force`; writes nothing in that case. */
export async function writeFilesAtomic(files: readonly OutputFile[], { force = false } = {}): Promise<string[]> {
  const paths = files.map((f) => resolve(f.path));
  const duplicate = paths.find((p, i) => paths.indexOf(p) !== i);
  if (duplicate) throw new CliError(`refusing to write ${duplicate} twice in one run`);
  if (!force) {
    const existing: string[] = [];
    for (const f of files) if (await exists(f.path)) existing.push(f.path);
    if (existing.length > 0) {
      throw new CliError(`${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}; use --force to overwrite (nothing was written)`);
    }
  }
  for (const dir of new Set(paths.map((p) => dirname(p)))) await mkdir(dir, { recursive: true });
  for (const f of files) await writeFileAtomic(f.path, f.content, { encoding: 'utf8' });
  return files.map((f) => f.path);
}

/**
 * Writes one file atomically (temp file + rename; an existing file is replaced): `-o` of
 * validate and lint. Throws CliError (exit 2) naming the file when it cannot be written.
 */
export function writeFileAtomicSync(path: string, content: string): void {
  try {
    writeFileAtomic.sync(path, content, { encoding: 'utf8' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such directory' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : code === 'ENOSPC' ? 'no space left on the device' : (error as Error).message;
    throw new CliError(`cannot write ${path}: ${why} (nothing was written)`);
  }
}
