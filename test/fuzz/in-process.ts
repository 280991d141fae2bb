// Runs the CLI's main() inside the test process (much faster than spawning node per case),
// capturing what it writes and the exit code it sets.
(globalThis as { __gwcfgInProcess?: boolean }).__gwcfgInProcess = true;
const { main } = await import('../../src/cli/main.js');

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
  ms: number;
}

export async function runInProcess(args: string[]): Promise<Run> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const { write: outWrite } = process.stdout;
  const { write: errWrite } = process.stderr;
  const saved = process.exitCode;
  process.exitCode = undefined;
  // gwcfg writes strings; the test runner's own reports (binary frames) pass through untouched.
  const capture = (into: string[], stream: NodeJS.WriteStream, original: typeof process.stdout.write) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => (typeof chunk === 'string' ? into.push(chunk) > 0 : (original as (...a: unknown[]) => boolean).call(stream, chunk, ...rest))) as typeof process.stdout.write;
  process.stdout.write = capture(stdout, process.stdout, outWrite);
  process.stderr.write = capture(stderr, process.stderr, errWrite);
  const start = performance.now();
  try {
    await main(['node', 'gwcfg', ...args]);
  } finally {
    process.stdout.write = outWrite;
    process.stderr.write = errWrite;
  }
  const ms = performance.now() - start;
  const status = typeof process.exitCode === 'number' ? process.exitCode : 0;
  process.exitCode = saved;
  return { status, stdout: stdout.join(''), stderr: stderr.join(''), ms };
}
