import type { Command } from 'commander';
import { addReportOptions, collect } from './report.js';


export function register(program: Command): void {
  addReportOptions(
    program
      .command('lint')
      .description('everything validate checks, plus lint rules for routing, limits, secrets and env references')
      .argument('[inputs...]', 'files, directories, globs, or - for stdin'),
  )
    .option('-c, --config <file>', 'use this .gwcfg.yaml instead of searching upward from each file')
    .option('--no-config', 'ignore .gwcfg.yaml files')
    .option('--rule <id:severity>', 'set a rule severity (off, error, warning, info); repeatable', collect)
    .option('--fix', 'apply automatic fixes and write the files')
    .option('--fix-dry-run', 'print the fixes as a unified diff instead of writing them')
    .option('--env-file <file>', 'check os.environ/ references against this dotenv file')
    // Node 20 itself intercepts --env-file anywhere on the command line (and exits 9 when the
    // file is missing), so the same option has a name node leaves alone.
    .option('--dotenv <file>', 'same as --env-file')
    .option('--check-env', 'check os.environ/ references against the current environment')
    .option('--litellm-version <v>', 'LiteLLM release rules check against, e.g. 1.80 or 1.80.5 (default: newest verified; 2024, 2025, 2026 are aliases)')
    .option('--model-cost-map <file>', "LiteLLM's model_prices_and_context_window.json to price and size models with (default: gwcfg's copy; also model_cost_map: in .gwcfg.yaml)")
    .action(async (inputs: string[], options) => {
      const { runLint } = await import('../lint/run.js');
      process.exitCode = await runLint(inputs, options, program.opts().color);
    });
}
