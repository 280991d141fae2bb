// Prometheus recording and alerting rules for a LiteLLM gateway, shaped by its config.

import { stringify } from 'yaml';
import type { ConfigView } from './config-view.js';
import type { ResolvedOptions } from './options.js';
import { anyOf, leMatcher, MetricNames, num, promString } from './promql.js';

export interface RecordingRule {
  record: string;
  expr: string;
  labels?: Record<string, string>;
}
export interface AlertingRule {
  alert: string;
  expr: string;
  for?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}
export type Rule = RecordingRule | AlertingRule;
export interface RuleGroup {
  name: string;
  rules: Rule[];
}
export interface RulesFile {
  groups: RuleGroup[];
}

/** Labels identifying one deployment on litellm_deployment_* counters. */
export const DEPLOYMENT_LABELS = ['requested_model', 'litellm_model_name', 'api_base', 'api_provider', 'model_id'] as const;
/** Labels identifying one deployment on the state/cooldown metrics. */
const DEPLOYMENT_ID_LABELS = ['litellm_model_name', 'model_id', 'api_base', 'api_provider'] as const;
const HEADROOM_LABELS = ['model_group', 'litellm_model_name', 'api_base'] as const;
export const SLO_WINDOWS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'] as const;
/** SRE workbook, table 5-8: long window, short window, burn rate, severity. */
export const BURN_RATE_ALERTS = [
  { long: '1h', short: '5m', factor: 14.4, severity: 'critical' },
  { long: '6h', short: '30m', factor: 6, severity: 'critical' },
  { long: '1d', short: '2h', factor: 3, severity: 'warning' },
  { long: '3d', short: '6h', factor: 1, severity: 'warning' },
] as const;
const QUANTILES = [
  ['p50', 0.5],
  ['p95', 0.95],
  ['p99', 0.99],
] as const;

/** Recording rule names, shared with tests and docs. */
export const RECORD = {
  deploymentRequests: 'litellm_deployment:requests:rate5m',
  deploymentFailures: 'litellm_deployment:failures:rate5m',
  deploymentErrorRatio: 'litellm_deployment:error_ratio:rate5m',
  deploymentLatency: (q: string) => `litellm_deployment:llm_api_latency_seconds:${q}_5m`,
  deploymentTokens: 'litellm_deployment:tokens:rate5m',
  deploymentSpend: 'litellm_deployment:spend_usd_per_hour:rate5m',
  groupRequests: 'litellm_model_group:requests:rate5m',
  groupFailures: 'litellm_model_group:failures:rate5m',
  groupErrorRatio: 'litellm_model_group:error_ratio:rate5m',
  groupLatency: (q: string) => `litellm_model_group:request_latency_seconds:${q}_5m`,
  groupTokens: 'litellm_model_group:tokens:rate5m',
  modelSpend: 'litellm_model:spend_usd_per_hour:rate5m',
  totalSpend1h: 'litellm:spend_usd_per_hour:rate1h',
  fallbacksSucceeded: 'litellm_model_group:fallbacks_succeeded:rate5m',
  fallbacksFailed: 'litellm_model_group:fallbacks_failed:rate5m',
  fallbacks: 'litellm_model_group:fallbacks:rate5m',
  fallbackRatio: 'litellm_model_group:fallback_ratio:rate5m',
  sloMiss: (w: string) => `litellm_model_group:latency_slo_miss_ratio:rate${w}`,
  requestsThreshold: 'litellm_model_group:remaining_requests_threshold:config',
  tokensThreshold: 'litellm_model_group:remaining_tokens_threshold:config',
} as const;

export function formatDuration(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

function recordingRules(m: MetricNames, config: ConfigView, opts: ResolvedOptions): Rule[] {
  const dep = m.by('deploymentRequests', 'total', DEPLOYMENT_LABELS);
  m.by('deploymentFailures', 'total', DEPLOYMENT_LABELS);
  const rules: Rule[] = [
    { record: RECORD.deploymentRequests, expr: `sum by (${dep}) (rate(${m.name('deploymentRequests', 'total')}[5m]))` },
    { record: RECORD.deploymentFailures, expr: `sum by (${dep}) (rate(${m.name('deploymentFailures', 'total')}[5m]))` },
    {
      record: RECORD.deploymentErrorRatio,
      // A deployment without failures has no failure series: count it as 0, not as missing.
      expr: `(${RECORD.deploymentFailures} or ${RECORD.deploymentRequests} * 0) / ${RECORD.deploymentRequests}`,
    },
  ];
  const apiLatBy = m.by('llmApiLatency', 'bucket', ['le', 'requested_model', 'model', 'model_id']);
  for (const [q, value] of QUANTILES) {
    rules.push({
      record: RECORD.deploymentLatency(q),
      expr: `histogram_quantile(${value}, sum by (${apiLatBy}) (rate(${m.name('llmApiLatency', 'bucket')}[5m])))`,
    });
  }
  const tokens = m.name('totalTokens', 'total');
  const spend = m.name('spend', 'total');
  rules.push(
    { record: RECORD.deploymentTokens, expr: `sum by (${m.by('totalTokens', 'total', ['requested_model', 'model', 'model_id'])}) (rate(${tokens}[5m]))` },
    { record: RECORD.deploymentSpend, expr: `sum by (${m.by('spend', 'total', ['model', 'model_id'])}) (rate(${spend}[5m])) * 3600` },
    { record: RECORD.groupRequests, expr: `sum by (requested_model) (rate(${m.name('proxyRequests', 'total')}[5m]))` },
    { record: RECORD.groupFailures, expr: `sum by (${m.by('proxyFailures', 'total', ['requested_model'])}) (rate(${m.name('proxyFailures', 'total')}[5m]))` },
    { record: RECORD.groupErrorRatio, expr: `(${RECORD.groupFailures} or ${RECORD.groupRequests} * 0) / ${RECORD.groupRequests}` },
  );
  const latBy = m.by('requestLatency', 'bucket', ['le', 'requested_model']);
  for (const [q, value] of QUANTILES) {
    rules.push({
      record: RECORD.groupLatency(q),
      expr: `histogram_quantile(${value}, sum by (${latBy}) (rate(${m.name('requestLatency', 'bucket')}[5m])))`,
    });
  }
  rules.push(
    { record: RECORD.groupTokens, expr: `sum by (${m.by('totalTokens', 'total', ['requested_model'])}) (rate(${tokens}[5m]))` },
    { record: RECORD.modelSpend, expr: `sum by (${m.by('spend', 'total', ['model'])}) (rate(${spend}[5m])) * 3600` },
    { record: RECORD.totalSpend1h, expr: `sum(rate(${spend}[1h])) * 3600` },
    {
      record: RECORD.fallbacksSucceeded,
      expr: `sum by (${m.by('fallbacksSucceeded', 'total', ['requested_model'])}) (rate(${m.name('fallbacksSucceeded', 'total')}[5m]))`,
    },
    {
      record: RECORD.fallbacksFailed,
      expr: `sum by (${m.by('fallbacksFailed', 'total', ['requested_model'])}) (rate(${m.name('fallbacksFailed', 'total')}[5m]))`,
    },
    {
      record: RECORD.fallbacks,
      // Either counter may not exist yet; fill the missing side with 0 so the sum is not empty.
      expr:
        `(${RECORD.fallbacksSucceeded} or ${RECORD.fallbacksFailed} * 0)` +
        ` + (${RECORD.fallbacksFailed} or ${RECORD.fallbacksSucceeded} * 0)`,
    },
    { record: RECORD.fallbackRatio, expr: `${RECORD.fallbacks} / ${RECORD.groupRequests}` },
  );
  // Per-group headroom thresholds: a share of the smallest rpm/tpm configured in the group.
  for (const g of config.groups) {
    if (g.minRpm !== undefined) {
      rules.push({ record: RECORD.requestsThreshold, expr: `vector(${num(Math.max(1, Math.ceil(g.minRpm * opts.headroomRatio)))})`, labels: { model_group: g.name } });
    }
    if (g.minTpm !== undefined) {
      rules.push({ record: RECORD.tokensThreshold, expr: `vector(${num(Math.max(1, Math.ceil(g.minTpm * opts.headroomRatio)))})`, labels: { model_group: g.name } });
    }
  }
  return rules;
}

function sloRules(m: MetricNames, opts: ResolvedOptions): Rule[] {
  const bucket = m.sel('requestLatency', 'bucket', [leMatcher(opts.latencySloSeconds)]);
  const count = m.name('requestLatency', 'count');
  const by = m.by('requestLatency', 'count', ['requested_model']);
  return SLO_WINDOWS.map((w) => ({
    record: RECORD.sloMiss(w),
    expr: `1 - (sum by (${by}) (rate(${bucket}[${w}])) / sum by (${by}) (rate(${count}[${w}])))`,
  }));
}

function alert(name: string, expr: string, forDuration: string | undefined, severity: string, summary: string, description: string, extraLabels: Record<string, string> = {}): AlertingRule {
  // Key order as people write them: alert, expr, for, labels, annotations.
  return {
    alert: name,
    expr,
    ...(forDuration ? { for: forDuration } : {}),
    labels: { severity, ...extraLabels },
    annotations: { summary, description },
  };
}

function headroomAlert(m: MetricNames, config: ConfigView, kind: 'requests' | 'tokens'): AlertingRule {
  const logical = kind === 'requests' ? 'remainingRequests' : 'remainingTokens';
  const threshold = kind === 'requests' ? RECORD.requestsThreshold : RECORD.tokensThreshold;
  const configured = config.groups.filter((g) => (kind === 'requests' ? g.minRpm : g.minTpm) !== undefined).map((g) => g.name);
  const by = m.by(logical, 'value', HEADROOM_LABELS);
  const parts: string[] = [];
  if (configured.length > 0) {
    parts.push(`(min by (${by}) (${m.sel(logical, 'value')}) < on (model_group) group_left () ${threshold})`);
  }
  // Groups without an rpm/tpm in the config: alert only when the provider says nothing is left.
  const rest = configured.length > 0 ? m.sel(logical, 'value', [{ label: 'model_group', op: '!~', value: anyOf(configured) }]) : m.sel(logical, 'value');
  parts.push(`(min by (${by}) (${rest}) < 1)`);
  const limit = kind === 'requests' ? 'rpm' : 'tpm';
  return alert(
    kind === 'requests' ? 'LiteLLMRateLimitHeadroomLow' : 'LiteLLMTokenHeadroomLow',
    parts.join(' or '),
    '2m',
    'warning',
    `Provider rate-limit headroom (${kind}) nearly exhausted for {{ $labels.model_group }}`,
    `{{ $labels.litellm_model_name }} at {{ $labels.api_base }} reports {{ $value }} remaining ${kind} (x-ratelimit-remaining-${kind}), ` +
      `below the share of the configured ${limit}; 429s and cooldowns follow.`,
  );
}

function alertingRules(m: MetricNames, config: ConfigView, opts: ResolvedOptions): Rule[] {
  const job = promString(opts.jobName);
  const proxyTotal = m.name('proxyRequests', 'total');
  const depTotal = m.name('deploymentRequests', 'total');
  const latencyCount = m.name('requestLatency', 'count');
  const tokens = m.name('totalTokens', 'total');
  const spend = m.name('spend', 'total');
  const stateBy = m.by('deploymentState', 'value', DEPLOYMENT_ID_LABELS);
  const cooledBy = m.by('deploymentCooledDown', 'total', DEPLOYMENT_ID_LABELS);
  const errorBudget = 1 - opts.sloTarget;

  const rules: Rule[] = [
    alert('LiteLLMTargetDown', `up{job=${job}} == 0`, '5m', 'critical',
      'LiteLLM proxy {{ $labels.instance }} cannot be scraped',
      'Prometheus has failed to scrape {{ $labels.instance }} for 5 minutes: the proxy is down, the address is wrong, or /metrics needs auth.'),
    alert('LiteLLMMetricsMissing',
      `up{job=${job}} == 1 unless on (job, instance) count by (job, instance) ({__name__=~"litellm_.+", job=${job}})`, '30m', 'warning',
      'LiteLLM proxy {{ $labels.instance }} exports no litellm_* metrics',
      'The target is up but exports no litellm_* series: the prometheus callback is not enabled (litellm_settings.callbacks), or the proxy has had no traffic since it started.'),
    alert('LiteLLMRequestMetricsFlat',
      `(sum(rate(${depTotal}[10m])) > 0) unless on () (sum(rate(${proxyTotal}[10m])) > 0)`, '10m', 'warning',
      'LiteLLM deployment calls are counted but proxy requests are not',
      `${depTotal} increases while ${proxyTotal} is flat or absent: request metrics are excluded or broken, and request dashboards are empty.`),
    alert('LiteLLMDeploymentMetricsFlat',
      `(sum(rate(${m.sel('proxyRequests', 'total', [{ label: 'status_code', op: '=~', value: '2..' }])}[10m])) > 0) unless on () (sum(rate(${depTotal}[10m])) > 0)`,
      '10m', 'warning',
      'LiteLLM proxy requests succeed but no deployment calls are counted',
      `${proxyTotal} shows successful requests while ${depTotal} is flat or absent: deployment metrics are excluded (prometheus_exclude_metrics) or every response is a cache hit.`),
    alert('LiteLLMLatencyMetricsFlat',
      `(sum(rate(${proxyTotal}[10m])) > 0) unless on () (sum(rate(${latencyCount}[10m])) > 0)`, '10m', 'warning',
      'LiteLLM requests flow but the latency histogram is flat',
      `${proxyTotal} increases while ${latencyCount} does not: latency panels and the latency SLO alerts see no data.`),
    alert('LiteLLMSpendNotTracked',
      `(sum by (model) (rate(${tokens}[30m])) > 0) unless on (model) (sum by (model) (rate(${spend}[30m])) > 0)`, '30m', 'info',
      'Tokens flow for {{ $labels.model }} but no spend is recorded',
      'LiteLLM counts tokens for this model but its spend stays flat: the model is missing from the cost map (set input_cost_per_token/output_cost_per_token), or it is free.'),
    alert('LiteLLMDeploymentOutage',
      `max by (${stateBy}) (${m.name('deploymentState', 'value')}) == 2`, formatDuration(opts.outageForSeconds), 'critical',
      'Deployment {{ $labels.litellm_model_name }} ({{ $labels.api_base }}) is in complete outage',
      `litellm_deployment_state has been 2 (cooled down, complete outage) for longer than ${formatDuration(opts.outageForSeconds)}` +
        ` (twice the cooldown_time of ${num(config.cooldownSeconds)} s): the deployment keeps failing after each cooldown.`),
    alert('LiteLLMDeploymentCooledDown',
      `sum by (${cooledBy}) (increase(${m.name('deploymentCooledDown', 'total')}[5m])) > 0`, undefined, 'warning',
      'Deployment {{ $labels.litellm_model_name }} ({{ $labels.api_base }}) entered cooldown',
      'The router removed this deployment from rotation {{ $value | humanize }} times in the last 5 minutes (429s, 401/404s or a failure ratio above 50%).'),
    alert('LiteLLMDeploymentErrorRatioHigh',
      `${RECORD.deploymentErrorRatio} > ${num(opts.errorRatio)} and ${RECORD.deploymentRequests} > 10 / 300`, '5m', 'warning',
      'Deployment {{ $labels.litellm_model_name }} of {{ $labels.requested_model }} fails {{ $value | humanizePercentage }} of calls',
      `More than ${num(opts.errorRatio * 100)}% of calls to this deployment failed over 5 minutes (at least 10 calls).`),
    alert('LiteLLMFallbacksFailing', `${RECORD.fallbacksFailed} > 0`, '5m', 'warning',
      'Fallbacks for {{ $labels.requested_model }} are failing',
      'Requests to this model group fail over to their fallbacks and the fallbacks fail too: clients get errors.'),
  ];

  if (config.fallbackSources.length > 0) {
    const selector = config.fallbackSources.includes('*')
      ? RECORD.fallbackRatio
      : `${RECORD.fallbackRatio}{requested_model=~${promString(anyOf(config.fallbackSources))}}`;
    rules.push(alert('LiteLLMFallbackRateHigh', `${selector} > ${num(opts.fallbackRatio)}`, '10m', 'warning',
      '{{ $labels.requested_model }} falls back on {{ $value | humanizePercentage }} of requests',
      `More than ${num(opts.fallbackRatio * 100)}% of requests to this model group needed a fallback over 5 minutes: its own deployments are failing or rate limited.`));
  }

  rules.push(headroomAlert(m, config, 'requests'), headroomAlert(m, config, 'tokens'));

  if (opts.budgetPerDay !== undefined) {
    const budget = num(opts.budgetPerDay);
    rules.push(
      alert('LiteLLMSpendRateHigh', `${RECORD.totalSpend1h} * 24 > ${budget}`, '15m', 'warning',
        'LiteLLM spend is on track to exceed the daily budget',
        `At the last hour's rate the proxy spends {{ $value | humanize }} USD per day, above the budget of ${budget} USD per day.`),
      alert('LiteLLMDailySpendOverBudget', `sum(increase(${spend}[1d])) > ${budget}`, undefined, 'critical',
        'LiteLLM spent more than the daily budget in the last 24 hours',
        `{{ $value | humanize }} USD spent in the last 24 hours, above the budget of ${budget} USD per day.`),
    );
  }

  const sloMs = num(opts.latencySloSeconds * 1000);
  for (const b of BURN_RATE_ALERTS) {
    const limit = `(${num(b.factor)} * ${num(errorBudget)})`;
    rules.push(alert('LiteLLMLatencyErrorBudgetBurn',
      `${RECORD.sloMiss(b.long)} > ${limit} and ${RECORD.sloMiss(b.short)} > ${limit}`, undefined, b.severity,
      '{{ $labels.requested_model }} burns its latency error budget ' + `${num(b.factor)}x too fast`,
      `More than ${num(b.factor * errorBudget * 100)}% of requests took longer than ${sloMs} ms over both the last ${b.long} and ${b.short} ` +
        `(SLO: ${num(opts.sloTarget * 100)}% within ${sloMs} ms).`,
      { long_window: b.long, short_window: b.short }));
  }
  return rules;
}

export function buildRules(config: ConfigView, opts: ResolvedOptions): RulesFile {
  const m = new MetricNames(opts.litellmVersion);
  return {
    groups: [
      { name: 'litellm-gateway.recording', rules: recordingRules(m, config, opts) },
      { name: 'litellm-gateway.slo', rules: sloRules(m, opts) },
      { name: 'litellm-gateway.alerts', rules: alertingRules(m, config, opts) },
    ],
  };
}

export function renderRules(file: RulesFile, header: string): string {
  return header + stringify(file, { lineWidth: 0, indent: 2 });
}
