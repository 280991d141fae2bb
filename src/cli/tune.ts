// `gwcfg tune CONFIG --scenario FILE --slo ...`: search for the cheapest config that meets an SLO,
// by simulation. The implementation (search, simulator, workers) loads only when the command runs.
import type { Command } from 'commander';
import { Option } from 'commander';
import type { TuneOptions } from '../tune/command.js';

export function register(program: Command): void {
  program
    .command('tune')
    .description('search routing settings (strategy, weights, retries, timeouts, cooldowns, ...) for the cheapest config that meets an SLO, by simulation')
    .argument('<config>', 'LiteLLM config file to tune')
    .option('-s, --scenario <file>', 'scenario file (traffic and deployment behaviour)')
    .option('--traffic <file>', 'replay requests LiteLLM logged (LiteLLM_SpendLogs export) instead of a scenario')
    .option('--slo <spec>', 'objective to meet, e.g. "success>=99.9%,p95<=3s,p99<=8s" (add group=NAME for one model group)')
    .addOption(new Option('--objective <name>', 'what to minimise among configs that meet the SLO').choices(['cost', 'p95', 'p99', 'success']).default('cost'))
    .option('--budget <n|duration>', 'simulations to run (e.g. 200: reproducible) or wall-clock time (e.g. 90s, 2m)', '100')
    .option('--seeds <n>', 'seeds each finalist runs on, the same for every candidate (default 3)')
    .option('-j, --jobs <n>', 'worker threads (default: number of cores)')
    .option('-o, --output <file>', 'write the tuned config here (a minimal edit of CONFIG)')
    .option('--report <file>', 'also write an HTML report: the Pareto front and the chosen config\'s timeline (self-contained)')
    .option('--force', 'overwrite the -o / --report file')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['table', 'json', 'markdown']).default('table'))
    .option('--vary <list>', 'only these dimensions (strategy,strategy_args,weights,retries,retry_policy,retry_after,timeout,cooldown,allowed_fails,order,max_parallel_requests,fallbacks_order,limits)')
    .option('--keep <list>', 'every dimension but these')
    .option('--seed <n>', 'seed of the search and first simulation seed (default: the scenario seed, else 1)')
    .option('--litellm-version <v>', 'LiteLLM release to model, e.g. 1.80 (default: newest verified)')
    .option('--model-cost-map <file>', "LiteLLM's model_prices_and_context_window.json to price models with")
    .option('--no-progress', 'no progress lines on stderr')
    .action(async (config: string, options: TuneOptions) => {
      const { executeTune } = await import('../tune/command.js');
      process.exitCode = await executeTune(config, options, { color: program.opts().color });
    });
}
