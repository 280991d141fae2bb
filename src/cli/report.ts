// Shared output of validate and lint: format choice, colour, writing and the exit code.
// The formatters (chalk), the rule descriptions and the atomic file writer load only when a report
// has something to format or a file to write: a clean run in a pre-commit hook needs none of them.
import type { Command } from 'commander';
import { Option } from 'commander';
import type { Diagnostic, Severity } from '../diagnostics/types.js';
import type { RuleInfo } from '../diagnostics/formatters/types.js';
import { compareDiagnostics } from '../diagnostics/types.js';
import { formatNames } from '../diagnostics/formatters/names.js';
import { CliError } from './errors.js';
import { VERSION } from './version.js';
import { writeStdout, stdoutIsTTY } from './stdout.js';

export interface ReportOptions {
  format?: string;
  maxWarnings?: string;
  quiet?: boolean;
  color?: boolean;
  /** -o: write the report to this file (atomically) instead of stdout. */
  outputFile?: string;
  junitWarningsAsFailures?: boolean;
  /** Name shown for `-` (stdin) in messages; also where lint looks for `.gwcfg.yaml`. */
  stdinFilename?: string;
  /** --ignore-pattern globs. */
  ignorePattern?: string[];
}

/** Repeatable option values; no default, so help shows no `(default: [])`. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function addReportOptions(command: Command): Command {
  return command
    .addOption(new Option('-f, --format <name>', 'output format (default: github under GitHub Actions, else stylish)').choices(formatNames))
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
    .option('--quiet', 'report errors only')
    .option('-o, --output-file <file>', 'write the report to this file instead of stdout (replaced atomically)')
    .option('--stdin-filename <name>', 'name to show for - (stdin) in findings, and the path includes and .gwcfg.yaml are found from')
    .option('--ignore-pattern <glob>', 'do not check files matching this glob (relative to the working directory; repeatable)', collect)
    .option('--junit-warnings-as-failures', 'junit format: report warnings as failures (by default only errors fail)');
}

/** Colour decision: --color/--no-color, then NO_COLOR, then FORCE_COLOR, then whether stdout is a TTY. */
export function useColor(flag: boolean | undefined, env = process.env, isTTY: boolean | (() => boolean) = stdoutIsTTY): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return typeof isTTY === 'function' ? isTTY() : isTTY;
}

export function chooseFormat(format: string | undefined, env = process.env): string {
  if (format) return format;
  return env.GITHUB_ACTIONS === 'true' ? 'github' : 'stylish';
}

export interface ReportInput {
  diagnostics: Diagnostic[];
  files: string[];
  texts: Map<string, string>;
  /** Lint rules in use (validate has none); built-in checks are always known. */
  rules?: readonly { id: string; description: string; severity: Severity }[];
}

/** Where a report goes; defaults to the process's stdout and environment (tests pass their own). */
export interface ReportSink {
  write(text: string): void;
  env: NodeJS.ProcessEnv;
  isTTY: () => boolean;
}

const processSink: ReportSink = { write: writeStdout, env: process.env, isTTY: stdoutIsTTY };

/** Longest message printed: a message quoting a huge key or value is cut, never dropped. */
export const MAX_MESSAGE = 1000;

function boundMessage(d: Diagnostic): Diagnostic {
  return d.message.length <= MAX_MESSAGE ? d : { ...d, message: `${d.message.slice(0, MAX_MESSAGE - 1)}…` };
}

/** Where a command's output goes: its stdout stream, environment and --color/--no-color choice. */
export interface CommandOutput {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  color?: boolean;
}

/**
 * Problems in a file a command reads and cannot use (simulate's and tune's scenario or config,
 * simulate's baseline), printed as `validate` prints them: stylish with code frames from
 * `sources` (the file and what it includes), or contract 2's JSON or Markdown under
 * `--format json|markdown` (docs/contracts.md). Resolves to the exit code: 1 when an error is
 * among them.
 */
export function reportInputProblems(diagnostics: Diagnostic[], file: string, sources: readonly { file: string; text: string }[], format: string, out: CommandOutput): Promise<number> {
  const sink: ReportSink = { write: (text) => void out.stdout.write(text), env: out.env, isTTY: () => Boolean(out.stdout.isTTY) };
  const texts = new Map(sources.map((s) => [s.file, s.text]));
  return report({ diagnostics, files: [file], texts }, { format: format === 'json' || format === 'markdown' ? format : undefined }, out.color, sink);
}

/** Prints the findings and returns the exit code (docs/contracts.md, contract 1). */
export async function report(input: ReportInput, options: ReportOptions, globalColor: boolean | undefined, sink: ReportSink = processSink): Promise<number> {
  let maxWarnings = Infinity;
  if (options.maxWarnings !== undefined) {
    maxWarnings = Number(options.maxWarnings);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new CliError(`--max-warnings must be a non-negative integer, got '${options.maxWarnings}'`);
  }
  let diagnostics = input.diagnostics.map(boundMessage).sort(compareDiagnostics);
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (options.quiet) diagnostics = diagnostics.filter((d) => d.severity === 'error');
  const format = chooseFormat(options.format, sink.env);
  // A clean stylish report prints nothing: decide colour (which asks the terminal) only if needed.
  const text = format === 'stylish' && diagnostics.length === 0 ? '' : (await import('../diagnostics/formatters/index.js')).formatters[format](diagnostics, {
    files: input.files,
    texts: input.texts,
    // A report written to a file gets no colour codes unless asked for.
    color: options.outputFile !== undefined ? globalColor === true : useColor(globalColor, sink.env, sink.isTTY),
    ruleInfo: await ruleInfoFor(input.rules ?? []),
    junitWarningsAsFailures: options.junitWarningsAsFailures,
    toolVersion: VERSION,
  });
  if (options.outputFile !== undefined) (await import('../util/write-files.js')).writeFileAtomicSync(options.outputFile, text);
  else if (text !== '') sink.write(text);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) return 1;
  if (warnings > maxWarnings) {
    if (format === 'stylish') process.stderr.write(`gwcfg: too many warnings (${warnings}, maximum ${maxWarnings})\n`);
    return 1;
  }
  return 0;
}

/** Descriptions of lint rules and built-in checks by id; docs pages are read only when asked. */
async function ruleInfoFor(rules: readonly { id: string; description: string; severity: Severity }[]): Promise<(id: string) => RuleInfo | undefined> {
  const [{ builtinChecks }, { ruleDetails }] = await Promise.all([import('../lint/builtin.js'), import('../lint/list.js')]);
  const known = new Map<string, { description: string; severity: Severity }>();
  for (const r of [...builtinChecks, ...rules]) known.set(r.id, r);
  return (id) => {
    const r = known.get(id);
    return r && { description: r.description, severity: r.severity, details: ruleDetails(id) };
  };
}
