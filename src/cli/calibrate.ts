// `gwcfg calibrate CONFIG --spend-logs FILE [--error-logs FILE] -o scenario.yaml`: fit a
// simulation scenario to what a LiteLLM proxy logged. The implementation loads when it runs.
import type { Command } from 'commander';
import { Option } from 'commander';
import { writeStdout } from './stdout.js';

export function register(program: Command): void {
  program
    .command('calibrate')
    .description("fit a simulation scenario (latencies, error rates, arrival rates) to LiteLLM's own request logs")
    .argument('<config>', 'LiteLLM config the logs were recorded with')
    .requiredOption('--spend-logs <file>', 'LiteLLM_SpendLogs rows: CSV with a header (psql \\copy ... CSV HEADER), JSON lines or a JSON array')
    .option('--error-logs <file>', 'LiteLLM_ErrorLogs rows (status codes of failed calls), same formats')
    .requiredOption('-o, --output <file>', "scenario file to write, or '-' for stdout")
    .option('--force', 'overwrite the output file')
    .option('--seed <n>', 'seed written into the scenario (default 1)')
    .addOption(new Option('-f, --format <name>', 'format of the fit report').choices(['table', 'json']).default('table'))
    .action(async (config: string, options) => {
      const { executeCalibrate } = await import('../calibrate/command.js');
      process.exitCode = await executeCalibrate(config, options, { stdout: writeStdout, stderr: (t) => void process.stderr.write(t) });
    });
}
