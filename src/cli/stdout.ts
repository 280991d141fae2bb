// Writing to stdout. process.stdout is created on first access (a stream, with net or tty behind
// it), which costs start-up time; a clean `gwcfg validate` prints nothing and never touches it.
import { writeSync } from 'node:fs';
import { describeErrno } from './errors.js';

let guarded = false;

/**
 * Output errors end the run with one line: EPIPE (piped into `head`) quietly with the exit code
 * so far, as Unix tools do; anything else (ENOSPC on a full disk, EIO) as an error, exit 2.
 */
export function guardStdout(): void {
  if (guarded) return;
  guarded = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    try {
      writeSync(2, `gwcfg: cannot write the output: ${describeErrno(error)}\n`);
    } catch {
      // stderr is gone too: the exit code still tells.
    }
    process.exit(2);
  });
}

export function writeStdout(text: string): void {
  if (text === '') return;
  guardStdout();
  process.stdout.write(text);
}

/** Whether stdout is a terminal (creates the stream: ask only when the answer matters). */
export function stdoutIsTTY(): boolean {
  return Boolean(process.stdout.isTTY);
}
