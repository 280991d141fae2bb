// Writing to stdout. process.stdout is created on first access (a stream, with net or tty behind
// it), which costs start-up time; a clean `gwcfg validate` prints nothing and never touches it.
let guarded = false;

export function writeStdout(text: string): void {
  if (text === '') return;
  if (!guarded) {
    guarded = true;
    // EPIPE when piped into `head`: stop quietly, as Unix tools do.
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  process.stdout.write(text);
}

/** Whether stdout is a terminal (creates the stream: ask only when the answer matters). */
export function stdoutIsTTY(): boolean {
  return Boolean(process.stdout.isTTY);
}
