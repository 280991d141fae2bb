// Shared output of validate and lint: format choice, colour, writing and the exit code.
import type { Command } from 'commander';
import { Option } from 'commander';
import type { Diagnostic } from '../diagnostics/types.js';
import { compareDiagnostics } from '../diagnostics/types.js';
import { formatters, formatNames } from '../diagnostics/formatters/index.js';
import { CliError } from './errors.js';
import { VERSION } from './version.js';
import { writeStdout, stdoutIsTTY } from './stdout.js';

export interface ReportOptions {
  format?: string;
  maxWarnings?: string;
  quiet?: boolean;
  color?: boolean;
}

export function addReportOptions(command: Command): Command {
  return command
    .addOption(new Option('-f, --format <name>', 'output format (default: github under GitHub Actions, else stylish)').choices(formatNames))
    .option('--max-warnings <n>', 'exit 1 when there are more than n warnings')
    .option('--quiet', 'report errors only');
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
  ruleHelp?: (ruleId: string) => string | undefined;
}

/** Where a report goes; defaults to the process's stdout and environment (tests pass their own). */
export interface ReportSink {
  write(text: string): void;
  env: NodeJS.ProcessEnv;
  isTTY: () => boolean;
}

const processSink: ReportSink = { write: writeStdout, env: process.env, isTTY: stdoutIsTTY };

/** Prints the findings and returns the exit code (docs/contracts.md, contract 1). */
export function report(input: ReportInput, options: ReportOptions, globalColor: boolean | undefined, sink: ReportSink = processSink): number {
  let maxWarnings = Infinity;
  if (options.maxWarnings !== undefined) {
    maxWarnings = Number(options.maxWarnings);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new CliError(`--max-warnings must be a non-negative integer, got '${options.maxWarnings}'`);
  }
  let diagnostics = [...input.diagnostics].sort(compareDiagnostics);
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (options.quiet) diagnostics = diagnostics.filter((d) => d.severity === 'error');
  const format = chooseFormat(options.format, sink.env);
  // A clean stylish report prints nothing: decide colour (which asks the terminal) only if needed.
  const text = format === 'stylish' && diagnostics.length === 0 ? '' : formatters[format](diagnostics, {
    files: input.files,
    texts: input.texts,
    color: useColor(globalColor, sink.env, sink.isTTY),
    ruleHelp: input.ruleHelp,
    toolVersion: VERSION,
  });
  if (text !== '') sink.write(text);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) return 1;
  if (warnings > maxWarnings) {
    if (format === 'stylish') process.stderr.write(`gwcfg: too many warnings (${warnings}, maximum ${maxWarnings})\n`);
    return 1;
  }
  return 0;
}
