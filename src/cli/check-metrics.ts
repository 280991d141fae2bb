// `gwcfg check-metrics FILE...`: flag litellm_* metrics and labels LiteLLM does not export in
// Grafana dashboards, Prometheus rule files and PromQL files (a common cause of empty panels).

import type { Command } from 'commander';
import { addReportOptions, report, type ReportOptions } from './report.js';

interface CheckFlags extends ReportOptions {
  litellmVersion?: string;
  config?: string;
  allowLabel?: string[];
}

export function register(program: Command): void {
  addReportOptions(
    program
      .command('check-metrics')
      .description('flag litellm_* metrics and labels LiteLLM does not export (Grafana JSON, Prometheus rules, PromQL files)')
      .argument('<files...>', 'dashboards (.json), rule files (.yml/.yaml), PromQL files (anything else)')
      .option('--litellm-version <version>', 'also flag names this LiteLLM version does not emit (default: accept every version)')
      .option('--config <file>', "the LiteLLM config: flag metrics and labels its prometheus_metrics_config or prometheus_exclude_* settings disable, and model_id values none of its deployments has")
      .option('--allow-label <label>', 'accept an extra label on every litellm_* metric (repeatable)', (v: string, p: string[] = []) => [...p, v]),
  ).action(async (files: string[], flags: CheckFlags) => {
    const { checkFiles } = await import('../generate/check/run.js');
    const result = await checkFiles(files, flags.litellmVersion, flags.allowLabel ?? [], flags.config);
    process.exitCode = await report(result, flags, program.opts().color);
  });
}
