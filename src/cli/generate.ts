// `gwcfg generate prometheus|rules|grafana|all CONFIG -o DIR|-` (docs/contracts.md, contract 5).

import type { Command } from 'commander';
import { CliError } from './errors.js';
import { writeStdout } from './stdout.js';

interface GenerateFlags {
  output: string;
  force?: boolean;
  target?: string[];
  scheme?: string;
  scrapeInterval?: string;
  evaluationInterval?: string;
  jobName?: string;
  metricsPath?: string;
  auth?: string;
  credentialsFile?: string;
  latencySloMs?: string;
  sloTarget?: string;
  errorRatio?: string;
  fallbackRatio?: string;
  headroomRatio?: string;
  budgetPerDay?: string;
  litellmVersion?: string;
  uid?: string;
  title?: string;
}

function number(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new CliError(`${flag}: expected a number, got '${value}'`);
  return n;
}

function collectList(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
}

export function register(program: Command): void {
  program
    .command('generate')
    .description('generate prometheus.yml, alerting/recording rules and a Grafana dashboard from a LiteLLM config')
    .argument('<kind>', 'prometheus | rules | grafana | all')
    .argument('<config>', 'LiteLLM proxy config (YAML)')
    .requiredOption('-o, --output <dir>', "output directory, or '-' for stdout")
    .option('--force', 'overwrite existing files')
    .option('--target <host:port>', 'proxy address to scrape (repeatable, comma-separated)', collectList)
    .option('--scheme <scheme>', 'http or https (default http)')
    .option('--scrape-interval <duration>', 'scrape interval (default 15s)')
    .option('--evaluation-interval <duration>', 'rule evaluation interval (default 15s)')
    .option('--job-name <name>', 'scrape job name (default litellm)')
    .option('--metrics-path <path>', 'metrics path (default /metrics)')
    .option('--auth <mode>', 'auto | bearer | none (auto: bearer when require_auth_for_metrics_endpoint is set)')
    .option('--credentials-file <path>', 'file holding the bearer token (default /etc/prometheus/secrets/litellm-master-key)')
    .option('--latency-slo-ms <ms>', 'latency SLO threshold in ms (default 5000; snapped to a LiteLLM bucket)')
    .option('--slo-target <ratio>', 'share of requests that must meet the latency SLO (default 0.99)')
    .option('--error-ratio <ratio>', 'per-deployment error ratio alert threshold (default 0.05)')
    .option('--fallback-ratio <ratio>', 'share of requests falling back before alerting (default 0.05)')
    .option('--headroom-ratio <ratio>', 'alert when remaining requests/tokens fall below this share of the config rpm/tpm (default 0.1)')
    .option('--budget-per-day <usd>', 'daily spend budget (default: litellm_settings.max_budget / budget_duration)')
    .option('--litellm-version <version>', 'LiteLLM version whose metric names to use (default latest)')
    .option('--uid <uid>', 'Grafana dashboard uid (default derived from the config content)')
    .option('--title <title>', 'Grafana dashboard title')
    .action(async (kind: string, config: string, flags: GenerateFlags) => {
      const { runGenerate } = await import('../generate/index.js');
      await runGenerate({
        kind,
        configFile: config,
        output: flags.output,
        force: flags.force === true,
        options: {
          targets: flags.target,
          scheme: flags.scheme,
          scrapeInterval: flags.scrapeInterval,
          evaluationInterval: flags.evaluationInterval,
          jobName: flags.jobName,
          metricsPath: flags.metricsPath,
          auth: flags.auth,
          credentialsFile: flags.credentialsFile,
          latencySloMs: number('--latency-slo-ms', flags.latencySloMs),
          sloTarget: number('--slo-target', flags.sloTarget),
          errorRatio: number('--error-ratio', flags.errorRatio),
          fallbackRatio: number('--fallback-ratio', flags.fallbackRatio),
          headroomRatio: number('--headroom-ratio', flags.headroomRatio),
          budgetPerDay: number('--budget-per-day', flags.budgetPerDay),
          litellmVersion: flags.litellmVersion,
          uid: flags.uid,
          title: flags.title,
        },
        stdout: (t) => writeStdout(t),
        stderr: (t) => process.stderr.write(t),
      });
    });
}
