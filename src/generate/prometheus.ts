// prometheus.yml with one scrape job for the LiteLLM proxy's /metrics endpoint.

import { stringify } from 'yaml';
import type { ResolvedOptions } from './options.js';

export const RULES_FILE_NAME = 'litellm.rules.yml';
/** A glob, so `generate prometheus` alone still passes promtool before the rules file exists. */
export const RULES_GLOB = 'litellm*.rules.yml';

export function buildPrometheusConfig(opts: ResolvedOptions): Record<string, unknown> {
  const job: Record<string, unknown> = {
    job_name: opts.jobName,
    scheme: opts.scheme,
    metrics_path: opts.metricsPath,
    scrape_interval: opts.scrapeInterval,
  };
  if (opts.bearerAuth) {
    // Never the key itself: Prometheus reads it from a file you provision (e.g. a mounted secret).
    job.authorization = { type: 'Bearer', credentials_file: opts.credentialsFile };
  }
  job.static_configs = [{ targets: opts.targets }];
  return {
    global: { scrape_interval: opts.scrapeInterval, evaluation_interval: opts.evaluationInterval },
    rule_files: [RULES_GLOB],
    scrape_configs: [job],
  };
}

export function renderPrometheusConfig(opts: ResolvedOptions, header: string): string {
  return header + stringify(buildPrometheusConfig(opts), { lineWidth: 0, indent: 2 });
}
