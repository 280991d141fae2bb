// `gwcfg simulate CONFIG`: discrete-event simulation of the config's routing under a scenario.
// The implementation (router, engine, ink) loads only when the command runs.
import type { Command } from 'commander';
import { Option } from 'commander';

export interface SimulateOptions {
  scenario?: string;
  seed?: string;
  strategy?: string;
  compare?: string | boolean;
  jobs?: string;
  format?: 'table' | 'json' | 'markdown';
  duration?: string;
  requests?: string;
  progress?: boolean;
  litellmVersion?: string;
  modelCostMap?: string;
  traffic?: string;
  speed?: string;
  baseline?: string;
  report?: string;
  force?: boolean;
}

export function register(program: Command): void {
  program
    .command('simulate')
    .description('simulate traffic through the config: outages, rate limits, load spikes; compare routing strategies')
    .argument('<config>', 'LiteLLM config file')
    .option('-s, --scenario <file>', 'scenario file (traffic and deployment behaviour); default: derived from the config')
    .option('--seed <n>', 'random seed (overrides the scenario seed; default 1)')
    .option('--strategy <name>', 'routing strategy to simulate instead of router_settings.routing_strategy')
    .option('--compare [list]', 'run every strategy (or a comma-separated list) on identical traffic')
    .option('-j, --jobs <n>', 'worker threads for --compare (default: number of cores)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['table', 'json', 'markdown']).default('table'))
    .option('--duration <d>', 'simulated time, e.g. 90s, 10m (overrides the scenario)')
    .option('--requests <n>', 'number of client requests (overrides the scenario)')
    .option('--litellm-version <v>', 'LiteLLM release to model, e.g. 1.80 or 1.80.5 (default: newest verified; 2024, 2025, 2026 are aliases)')
    .option('--model-cost-map <file>', "LiteLLM's model_prices_and_context_window.json to price and size models with (default: gwcfg's copy; also model_cost_map: in .gwcfg.yaml)")
    .option('--traffic <file>', "replay requests LiteLLM logged (LiteLLM_SpendLogs export: CSV, JSON lines or JSON) instead of the scenario's traffic")
    .option('--speed <k>', 'with --traffic: replay k times faster (0.5 = half speed; default 1)')
    .option('--baseline <config>', 'also run this (older) config on the same traffic and seed, and show what changed: share moved per deployment, success rate, p95/p99, cost')
    .option('--report <file>', 'also write an HTML report with charts to FILE (self-contained, works offline)')
    .option('--force', 'overwrite the --report file if it exists')
    .option('--no-progress', 'no progress output')
    .action(async (config: string, options: SimulateOptions) => {
      const { executeSimulate } = await import('../sim/command.js');
      process.exitCode = await executeSimulate(config, options, { color: program.opts().color });
    });
}
