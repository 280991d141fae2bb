// The gwcfg command line. Commands register themselves; heavy parts load lazily in their actions.
import { Command, CommanderError } from 'commander';
import { describeErrno, isCliError } from './errors.js';
import { VERSION } from './version.js';
import { writeStdout } from './stdout.js';
import { isIdle } from './idle.js';
import { safeLines, safeText } from '../util/safe-text.js';
import { register as registerValidate } from './validate.js';
import { register as registerSchema } from './schema.js';
import { register as registerLint } from './lint.js';
import { register as registerRules } from './rules.js';
import { register as registerExplain } from './explain.js';
import { register as registerGenerate } from './generate.js';
import { register as registerCheckMetrics } from './check-metrics.js';
import { register as registerSimulate } from './simulate.js';
import { register as registerCalibrate } from './calibrate.js';
import { register as registerTune } from './tune.js';

const COMMANDS: Record<string, (program: Command) => void> = {
  validate: registerValidate,
  schema: registerSchema,
  lint: registerLint,
  simulate: registerSimulate,
  calibrate: registerCalibrate,
  tune: registerTune,
  rules: registerRules,
  explain: registerExplain,
  generate: registerGenerate,
  'check-metrics': registerCheckMetrics,
};

/**
 * The program with every command, or only the one named in argv: a run of one command (the hook
 * and CI case) does not pay for building the others. Help and unknown commands get them all.
 */
export function buildProgram(argv: readonly string[] = []): Command {
  const program = new Command('gwcfg')
    .description('validate, lint, simulate and monitor LiteLLM gateway configs')
    .version(VERSION, '-v, --version', 'print the version')
    .option('--color', 'force coloured output')
    .option('--no-color', 'disable coloured output')
    .option('--debug', 'print stack traces of internal errors')
    .configureHelp({ showGlobalOptions: true })
    .showHelpAfterError('(run gwcfg --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => writeStdout(s),
      writeErr: (s) => process.stderr.write(safeLines(s)),
      // Usage errors read like every other gwcfg error: `gwcfg: option '--objective <name>' ...`.
      outputError: (s, write) => write(s.replace(/^error: /, 'gwcfg: ')),
    });
  const named = argv.slice(2).find((arg) => !arg.startsWith('-'));
  const only = named !== undefined && Object.hasOwn(COMMANDS, named) ? [COMMANDS[named]] : Object.values(COMMANDS);
  for (const register of only) register(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

export async function main(argv: string[]): Promise<void> {
  // Last resort for errors outside the command's promise (stream events, timers): one line, exit 2.
  const fatal = (error: unknown) => {
    process.exitCode = exitCodeFor(error, argv.includes('--debug'));
    process.exit();
  };
  process.on('uncaughtException', fatal);
  process.on('unhandledRejection', fatal);
  const program = buildProgram(argv);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    process.exitCode = exitCodeFor(error, argv.includes('--debug'));
  }
}

function exitCodeFor(error: unknown, debug: boolean): number {
  if (error instanceof CommanderError) {
    // Help and version exit 0; usage errors were already printed by commander.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (isCliError(error)) {
    process.stderr.write(`gwcfg: ${safeText(error.message)}\n`);
    return error.exitCode;
  }
  const system = error as NodeJS.ErrnoException;
  if (system instanceof Error && typeof system.code === 'string' && typeof system.syscall === 'string') {
    // A file-system error no command turned into a message: say what failed in plain words.
    const what = system.path ? `${system.syscall} ${system.path} failed` : system.syscall === 'write' ? 'cannot write the output' : `${system.syscall} failed`;
    process.stderr.write(`gwcfg: ${safeText(what)}: ${describeErrno(system)}\n`);
    if (debug && system.stack) process.stderr.write(system.stack + '\n');
    return 2;
  }
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  process.stderr.write(`gwcfg: internal error: ${safeText(message)}${debug ? '' : ' (run with --debug for a stack trace)'}\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(error.stack + '\n');
  return 2;
}

// The fuzz tests import main() to run commands in-process; they set this flag before importing.
if (!(globalThis as { __gwcfgInProcess?: boolean }).__gwcfgInProcess) {
  // Once the command is done and nothing is pending, end at once (same exit code, same 'exit'
  // handlers): Node would exit next anyway, but only after freeing its environment and heap,
  // ~1 ms of a lint run here (docs/architecture.md, Start-up). The check waits for the next
  // turn of the event loop: a failed write to stdout (a full disk) reports its error on the next
  // tick, which no resource shows, and `fatal` must get to say so.
  void main(process.argv).then(() =>
    setImmediate(() => {
      if (isIdle(process.getActiveResourcesInfo(), process.listenerCount('beforeExit'))) process.exit();
    }),
  );
}
