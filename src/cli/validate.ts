import type { Command } from 'commander';
import { addReportOptions, report, type ReportOptions } from './report.js';
import { cliIgnore, expandInputs } from './inputs.js';
import { loadConfig } from '../config/load.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { appendAll } from '../util/append.js';

export function register(program: Command): void {
  addReportOptions(
    program
      .command('validate')
      .description('check YAML syntax and the LiteLLM config schema, with exact positions')
      .argument('[inputs...]', 'files, directories, globs, or - for stdin'),
  ).action(async (inputs: string[], options: ReportOptions) => {
    const files = await expandInputs(inputs, { ignore: cliIgnore(options.ignorePattern) });
    const diagnostics: Diagnostic[] = [];
    const texts = new Map<string, string>();
    const shown: string[] = [];
    for (const file of files) {
      const loaded = await loadConfig(file, options.stdinFilename);
      for (const source of loaded.sources) texts.set(source.file, source.text);
      shown.push(loaded.file);
      appendAll(diagnostics, loaded.diagnostics);
    }
    process.exitCode = await report({ diagnostics, files: shown, texts }, options, program.opts().color);
  });
}
