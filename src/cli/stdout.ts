// Writing to stdout. process.stdout is created on first access (a stream, with net or tty behind
// it), which costs start-up time; a clean `gwcfg validate` prints nothing and never touches it.
// When stdout is a file or /dev/null, Node's stream would only call fs.writeSync (its
// SyncWriteStream), so gwcfg writes with fs.writeSync itself and skips loading the stream modules.
import { fstatSync, writeSync } from 'node:fs';
import { describeErrno } from './errors.js';

let guarded = false;

/** End the run on an output error (see guardStdout). */
function onStdoutError(error: NodeJS.ErrnoException): never {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  try {
    writeSync(2, `gwcfg: cannot write the output: ${describeErrno(error)}\n`);
  } catch {
    // stderr is gone too: the exit code still tells.
  }
  process.exit(2);
}

/**
 * Output errors end the run with one line: EPIPE (piped into `head`) quietly with the exit code
 * so far, as Unix tools do; anything else (ENOSPC on a full disk, EIO) as an error, exit 2.
 */
export function guardStdout(): void {
  if (guarded) return;
  guarded = true;
  process.stdout.on('error', onStdoutError);
}

let kind: 'file' | 'other' | undefined;

/**
 * 'file' when fd 1 is what Node writes through a SyncWriteStream (a regular file, or on Linux a
 * memory device such as /dev/null: character devices of major 1, never a terminal), else 'other'
 * (terminal, pipe, socket, or unknown). Asked once; fstat costs microseconds.
 */
function stdoutKind(): 'file' | 'other' {
  if (kind !== undefined) return kind;
  try {
    const stat = fstatSync(1);
    const memoryDevice = process.platform === 'linux' && stat.isCharacterDevice() && stat.rdev >> 8 === 1; // major 1, minor < 256
    kind = stat.isFile() || memoryDevice ? 'file' : 'other';
  } catch {
    kind = 'other';
  }
  return kind;
}

export function writeStdout(text: string): void {
  if (text === '') return;
  if (stdoutKind() === 'file') {
    const bytes = Buffer.from(text, 'utf8');
    try {
      for (let done = 0; done < bytes.length; ) done += writeSync(1, bytes, done);
    } catch (error) {
      onStdoutError(error as NodeJS.ErrnoException);
    }
    return;
  }
  guardStdout();
  process.stdout.write(text);
}

/** Whether stdout is a terminal (creates the stream unless stdout is a file: ask only when the answer matters). */
export function stdoutIsTTY(): boolean {
  if (stdoutKind() === 'file') return false;
  return Boolean(process.stdout.isTTY);
}
