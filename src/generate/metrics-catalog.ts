// The one list of Prometheus metrics LiteLLM's exporter emits (LiteLLM PrometheusLogger in enterprise/litellm_enterprise/integrations/prometheus.py and LiteLLM's own
// dashboards). The generators build every query from it and `check-metrics` validates against it,
// so a name or label can never be right in one place and wrong in the other.

import { compareVersions } from './version.js';

export type MetricType = 'counter' | 'histogram' | 'gauge';

export interface MetricDef {
  /** Family name as registered in prometheus_client (counters without the `_total` suffix). */
  readonly family: string;
  readonly type: MetricType;
  /** Labels LiteLLM attaches (union over the versions we know; custom `tag_*`/metadata labels come on top). */
  readonly labels: readonly string[];
  /** true when we do not know the complete label set: labels on it are never flagged. */
  readonly openLabels?: boolean;
  /** First LiteLLM version emitting this family name (inclusive); absent = as far back as we know. */
  readonly since?: string;
  /** First LiteLLM version no longer emitting this family name; absent = still emitted. */
  readonly until?: string;
  /** The family that replaced this one (for messages). */
  readonly renamedTo?: string;
  /** Stable id the generators use, so a version switch changes the name but not the code. */
  readonly logical?: LogicalMetric;
  readonly help: string;
}

/** Metrics the generators need, by meaning rather than by (version-dependent) name. */
export type LogicalMetric =
  | 'proxyRequests'
  | 'proxyFailures'
  | 'deploymentRequests'
  | 'deploymentSuccesses'
  | 'deploymentFailures'
  | 'deploymentCooledDown'
  | 'deploymentState'
  | 'fallbacksSucceeded'
  | 'fallbacksFailed'
  | 'remainingRequests'
  | 'remainingTokens'
  | 'deploymentRpmLimit'
  | 'deploymentTpmLimit'
  | 'requestLatency'
  | 'llmApiLatency'
  | 'totalTokens'
  | 'inputTokens'
  | 'outputTokens'
  | 'spend';

/** Where names changed. Versions are approximate release boundaries (see docs/generate.md). */
export const TOKENS_RENAME_VERSION = '1.75.0'; // BerriAI/litellm#13271 (2025-08): litellm_total_tokens -> litellm_total_tokens_metric
export const REMAINING_RENAME_VERSION = '1.81.0'; // BerriAI/litellm#18463 (2025-12): litellm_remaining_requests -> ..._metric

const PROXY_REQUEST_LABELS = [
  'end_user', 'hashed_api_key', 'api_key_alias', 'requested_model', 'team', 'team_alias', 'user',
  'status_code', 'user_email', 'route', 'client_ip', 'user_agent', 'model_id',
] as const;
const SPEND_LABELS = [
  'end_user', 'hashed_api_key', 'api_key_alias', 'model', 'team', 'team_alias', 'user', 'user_email',
  'client_ip', 'user_agent', 'model_id',
] as const;
const TOKEN_LABELS = [
  'end_user', 'hashed_api_key', 'api_key_alias', 'model', 'team', 'team_alias', 'user', 'user_email',
  'requested_model', 'model_id',
] as const;
const DEPLOYMENT_LABELS = [
  'requested_model', 'litellm_model_name', 'model_id', 'api_base', 'api_provider', 'hashed_api_key',
  'api_key_alias', 'team', 'team_alias', 'client_ip', 'user_agent',
] as const;
const DEPLOYMENT_ID_LABELS = ['litellm_model_name', 'model_id', 'api_base', 'api_provider'] as const;
const FALLBACK_LABELS = [
  'requested_model', 'fallback_model', 'hashed_api_key', 'api_key_alias', 'team', 'team_alias',
  'exception_status', 'exception_class', 'model_id',
] as const;
const REQUEST_LATENCY_LABELS = [
  'end_user', 'hashed_api_key', 'api_key_alias', 'requested_model', 'team', 'team_alias', 'user', 'model',
  'model_id',
] as const;
const REMAINING_LABELS = [
  'model_group', 'api_provider', 'api_base', 'litellm_model_name', 'hashed_api_key', 'api_key_alias', 'model_id',
] as const;
const CACHE_LABELS = ['model', 'hashed_api_key', 'api_key_alias', 'team', 'team_alias', 'end_user', 'user', 'model_id'] as const;

function counter(family: string, labels: readonly string[], help: string, extra: Partial<MetricDef> = {}): MetricDef {
  return { family, type: 'counter', labels, help, ...extra };
}
function gauge(family: string, labels: readonly string[], help: string, extra: Partial<MetricDef> = {}): MetricDef {
  return { family, type: 'gauge', labels, help, ...extra };
}
function histogram(family: string, labels: readonly string[], help: string, extra: Partial<MetricDef> = {}): MetricDef {
  return { family, type: 'histogram', labels, help, ...extra };
}
const open = { openLabels: true } as const;

export const METRICS: readonly MetricDef[] = [
  // Proxy traffic
  counter('litellm_proxy_total_requests_metric', PROXY_REQUEST_LABELS, 'Client requests to the proxy', { logical: 'proxyRequests' }),
  counter('litellm_proxy_failed_requests_metric', [...PROXY_REQUEST_LABELS, 'exception_status', 'exception_class'],
    'Client requests that failed', { logical: 'proxyFailures' }),
  counter('litellm_requests_metric', SPEND_LABELS, 'LLM calls (deprecated)'),
  counter('litellm_llm_api_failed_requests_metric', SPEND_LABELS, 'Failed LLM calls (deprecated)'),
  gauge('litellm_in_flight_requests', [], 'HTTP requests in flight on this worker', open),
  histogram('litellm_request_queue_time_seconds', [], 'Time spent queued before processing', open),
  gauge('litellm_admission_admitted_requests', [], 'Admission control: admitted requests', open),
  gauge('litellm_admission_queued_requests', [], 'Admission control: queued requests', open),
  counter('litellm_admission_rejected_requests', ['reason'], 'Admission control: rejected requests', open),
  // Latency
  histogram('litellm_request_total_latency_metric', REQUEST_LATENCY_LABELS, 'End-to-end request latency (s)', { logical: 'requestLatency' }),
  histogram('litellm_llm_api_latency_metric', REQUEST_LATENCY_LABELS, 'Provider call latency (s)', { logical: 'llmApiLatency' }),
  histogram('litellm_llm_api_time_to_first_token_metric', REQUEST_LATENCY_LABELS, 'Time to first token, streaming only (s)'),
  histogram('litellm_overhead_latency_metric', REMAINING_LABELS, 'LiteLLM overhead (s)'),
  histogram('litellm_overhead_with_guardrails_latency_metric', REMAINING_LABELS, 'LiteLLM overhead incl. guardrails (s)', open),
  histogram('litellm_deployment_latency_per_output_token',
    ['litellm_model_name', 'model_id', 'api_base', 'api_provider', 'hashed_api_key', 'api_key_alias', 'team', 'team_alias'],
    'Latency per output token (s)'),
  // Spend and tokens
  counter('litellm_spend_metric', SPEND_LABELS, 'Spend in USD', { logical: 'spend' }),
  counter('litellm_total_tokens', TOKEN_LABELS, 'Input + output tokens (old name)',
    { logical: 'totalTokens', until: TOKENS_RENAME_VERSION, renamedTo: 'litellm_total_tokens_metric' }),
  counter('litellm_total_tokens_metric', TOKEN_LABELS, 'Input + output tokens', { logical: 'totalTokens', since: TOKENS_RENAME_VERSION }),
  counter('litellm_input_tokens', TOKEN_LABELS, 'Input tokens (old name)',
    { logical: 'inputTokens', until: TOKENS_RENAME_VERSION, renamedTo: 'litellm_input_tokens_metric' }),
  counter('litellm_input_tokens_metric', TOKEN_LABELS, 'Input tokens', { logical: 'inputTokens', since: TOKENS_RENAME_VERSION }),
  counter('litellm_output_tokens', TOKEN_LABELS, 'Output tokens (old name)',
    { logical: 'outputTokens', until: TOKENS_RENAME_VERSION, renamedTo: 'litellm_output_tokens_metric' }),
  counter('litellm_output_tokens_metric', TOKEN_LABELS, 'Output tokens', { logical: 'outputTokens', since: TOKENS_RENAME_VERSION }),
  ...['input_cached_tokens', 'input_cache_creation_tokens', 'input_audio_tokens', 'output_audio_tokens',
    'output_reasoning_tokens', 'images_generated', 'video_duration_seconds']
    .map((n) => counter(`litellm_${n}_metric`, TOKEN_LABELS, `${n.replace(/_/g, ' ')} (newer)`, open)),
  // Cache
  counter('litellm_cache_hits_metric', CACHE_LABELS, 'Cache hits'),
  counter('litellm_cache_misses_metric', CACHE_LABELS, 'Cache misses'),
  counter('litellm_cached_tokens_metric', CACHE_LABELS, 'Tokens served from cache'),
  counter('litellm_provider_cache_read_input_tokens_metric', TOKEN_LABELS, 'Provider prompt-cache reads', open),
  counter('litellm_provider_cache_creation_input_tokens_metric', TOKEN_LABELS, 'Provider prompt-cache writes', open),
  // Deployments
  gauge('litellm_deployment_state', DEPLOYMENT_ID_LABELS, '0 healthy, 1 partial outage, 2 complete outage (cooldown)', { logical: 'deploymentState' }),
  counter('litellm_deployment_total_requests', DEPLOYMENT_LABELS, 'Calls sent to a deployment', { logical: 'deploymentRequests' }),
  counter('litellm_deployment_success_responses', DEPLOYMENT_LABELS, 'Successful deployment calls', { logical: 'deploymentSuccesses' }),
  counter('litellm_deployment_failure_responses', [...DEPLOYMENT_LABELS, 'exception_status', 'exception_class'],
    'Failed deployment calls', { logical: 'deploymentFailures' }),
  counter('litellm_deployment_cooled_down', [...DEPLOYMENT_ID_LABELS, 'exception_status'], 'Times a deployment entered cooldown',
    { logical: 'deploymentCooledDown' }),
  counter('litellm_deployment_successful_fallbacks', FALLBACK_LABELS, 'Successful fallbacks', { logical: 'fallbacksSucceeded' }),
  counter('litellm_deployment_failed_fallbacks', FALLBACK_LABELS, 'Failed fallbacks', { logical: 'fallbacksFailed' }),
  gauge('litellm_deployment_rpm_limit', DEPLOYMENT_ID_LABELS, 'Deployment rpm from the config', { logical: 'deploymentRpmLimit' }),
  gauge('litellm_deployment_tpm_limit', DEPLOYMENT_ID_LABELS, 'Deployment tpm from the config', { logical: 'deploymentTpmLimit' }),
  gauge('litellm_remaining_requests', REMAINING_LABELS, 'Provider x-ratelimit-remaining-requests (old name)',
    { logical: 'remainingRequests', until: REMAINING_RENAME_VERSION, renamedTo: 'litellm_remaining_requests_metric' }),
  gauge('litellm_remaining_requests_metric', REMAINING_LABELS, 'Provider x-ratelimit-remaining-requests',
    { logical: 'remainingRequests', since: REMAINING_RENAME_VERSION }),
  gauge('litellm_remaining_tokens', REMAINING_LABELS, 'Provider x-ratelimit-remaining-tokens (old name)',
    { logical: 'remainingTokens', until: REMAINING_RENAME_VERSION, renamedTo: 'litellm_remaining_tokens_metric' }),
  gauge('litellm_remaining_tokens_metric', REMAINING_LABELS, 'Provider x-ratelimit-remaining-tokens',
    { logical: 'remainingTokens', since: REMAINING_RENAME_VERSION }),
  // Key and team rate limits
  gauge('litellm_remaining_api_key_requests_for_model', ['hashed_api_key', 'api_key_alias', 'model'], 'Remaining key rpm for a model', open),
  gauge('litellm_remaining_api_key_tokens_for_model', ['hashed_api_key', 'api_key_alias', 'model'], 'Remaining key tpm for a model', open),
  gauge('litellm_api_key_rate_limit_allowed_metric', ['hashed_api_key', 'api_key_alias', 'rate_limit_type'], 'Key rate limit', open),
  gauge('litellm_api_key_rate_limit_used_metric', ['hashed_api_key', 'api_key_alias', 'rate_limit_type'], 'Key rate limit used', open),
  gauge('litellm_team_rate_limit_allowed_metric', ['team', 'team_alias', 'rate_limit_type'], 'Team rate limit', open),
  gauge('litellm_team_rate_limit_used_metric', ['team', 'team_alias', 'rate_limit_type'], 'Team rate limit used', open),
  // Budgets
  ...budgetGauges('team', ['team', 'team_alias']),
  ...budgetGauges('api_key', ['hashed_api_key', 'api_key_alias']),
  ...budgetGauges('user', ['user']),
  ...budgetGauges('org', ['org_id', 'org_alias']),
  ...budgetGauges('customer', ['end_user']),
  gauge('litellm_provider_remaining_budget_metric', ['api_provider'], 'Remaining provider budget'),
  // Guardrails, MCP, files, batches
  counter('litellm_guardrail_requests', ['guardrail_name', 'status'], 'Guardrail invocations', open),
  counter('litellm_guardrail_errors', ['guardrail_name', 'error_type'], 'Guardrail errors', open),
  histogram('litellm_guardrail_latency_seconds', ['guardrail_name', 'status'], 'Guardrail latency (s)', open),
  counter('litellm_mcp_tool_calls', ['mcp_server_name', 'mcp_tool_name'], 'MCP tool calls', open),
  counter('litellm_mcp_tool_call_spend_metric', ['mcp_server_name', 'mcp_tool_name'], 'MCP tool call spend', open),
  counter('litellm_managed_file_created', ['model'], 'Managed files created', open),
  counter('litellm_managed_file_deleted', ['result'], 'Managed files deleted', open),
  gauge('litellm_managed_file_size_bytes', ['purpose', 'model'], 'Managed file size', open),
  counter('litellm_managed_batch_created', ['model'], 'Managed batches created', open),
  histogram('litellm_managed_batch_duration_seconds', [], 'Managed batch duration', open),
  gauge('litellm_check_batch_cost_jobs_polled', [], 'Batch cost jobs polled', open),
  counter('litellm_check_batch_cost_jobs_processed', ['model', 'api_provider'], 'Batch cost jobs processed', open),
  counter('litellm_check_batch_cost_errors', ['error_type'], 'Batch cost errors', open),
  gauge('litellm_check_batch_cost_last_run_timestamp', [], 'Last batch cost run', open),
  // Users, teams, callbacks, internals
  gauge('litellm_total_users', [], 'Users', open),
  gauge('litellm_active_users', [], 'Active users', open),
  gauge('litellm_teams_count', [], 'Teams', open),
  gauge('litellm_team_members_metric', ['team', 'team_alias'], 'Team members', open),
  counter('litellm_callback_logging_failures_metric', ['callback_name'], 'Callback logging failures', open),
  gauge('litellm_redis_circuit_breaker_state', ['state'], 'Redis cache circuit breaker state', open),
  counter('litellm_redis_circuit_breaker_transitions', ['state'], 'Redis circuit breaker transitions', open),
  counter('litellm_redis_circuit_breaker_failures', ['failure_class'], 'Redis circuit breaker failures', open),
  counter('litellm_spend_log_cleanup_runs', ['outcome'], 'Spend log cleanup runs', open),
  counter('litellm_spend_log_cleanup_rows_deleted', ['table'], 'Spend log rows deleted', open),
  gauge('litellm_spend_log_cleanup_rows_remaining', ['table'], 'Spend log rows remaining', open),
  histogram('litellm_spend_log_cleanup_batch_duration_seconds', [], 'Spend log cleanup batch duration', open),
  counter('litellm_spend_log_cleanup_batch_failures', ['table'], 'Spend log cleanup batch failures', open),
  ...['in_memory_spend_update_queue_size', 'redis_spend_update_queue_size', 'in_memory_daily_spend_update_queue_size',
    'pod_lock_manager_size', 'redis_daily_agent_spend_update_queue_size', 'redis_daily_end_user_spend_update_queue_size']
    .map((n) => gauge(`litellm_${n}`, [], n.replace(/_/g, ' '), open)),
];

function budgetGauges(scope: string, labels: readonly string[]): MetricDef[] {
  return [
    gauge(`litellm_remaining_${scope}_budget_metric`, labels, `Remaining ${scope} budget`, open),
    gauge(`litellm_${scope}_max_budget_metric`, labels, `Max ${scope} budget`, open),
    gauge(`litellm_${scope}_budget_remaining_hours_metric`, labels, `Hours until the ${scope} budget resets`, open),
  ];
}

/** prometheus_client service metrics (`service_callback: ["prometheus_system"]`): litellm_<service>_{latency,total_requests,failed_requests}. */
export const SERVICE_NAMES = [
  'auth', 'batch_write_to_db', 'postgres', 'proxy_pre_call', 'redis', 'redis_daily_org_spend_update_queue',
  'redis_daily_tag_spend_update_queue', 'redis_daily_team_spend_update_queue', 'redis_window_spend_update_queue',
  'reset_budget_job', 'router', 'self',
] as const;
const SERVICE_METRICS: readonly MetricDef[] = SERVICE_NAMES.flatMap((svc) => [
  histogram(`litellm_${svc}_latency`, [], `${svc} service latency`, open),
  counter(`litellm_${svc}_total_requests`, [], `${svc} service requests`, open),
  counter(`litellm_${svc}_failed_requests`, ['error_class'], `${svc} service failures`, open),
]);

export const ALL_METRICS: readonly MetricDef[] = [...METRICS, ...SERVICE_METRICS];

/** Names from the source document and from dashboards on the web that LiteLLM never emitted, with the real one. */
export const NOT_EMITTED: Readonly<Record<string, string>> = {
  litellm_requests_total: 'litellm_proxy_total_requests_metric_total',
  litellm_request_duration_seconds: 'litellm_request_total_latency_metric',
  litellm_request_duration_seconds_bucket: 'litellm_request_total_latency_metric_bucket',
  litellm_errors_total: 'litellm_proxy_failed_requests_metric_total',
  litellm_cost_total: 'litellm_spend_metric_total',
  litellm_spend: 'litellm_spend_metric_total',
};

/** Labels any scraped series may carry (target labels added by Prometheus or common service discovery). */
export const TARGET_LABELS: readonly string[] = [
  '__name__', 'job', 'instance', 'namespace', 'pod', 'service', 'endpoint', 'container', 'cluster', 'node',
];
/** Custom labels LiteLLM adds: request tags (`tag_*`) and `custom_prometheus_metadata_labels` (`metadata_*`). */
export const CUSTOM_LABEL_PREFIXES: readonly string[] = ['tag_', 'metadata_'];

/** LATENCY_BUCKETS of litellm/types/integrations/prometheus.py, in seconds. */
export const LATENCY_BUCKETS: readonly number[] = [
  0.005, 0.00625, 0.0125, 0.025, 0.05, 0.1, 0.5,
  ...Array.from({ length: 19 }, (_, i) => 1 + i * 0.5),
  15, 20, 25, 30, 60, 120, 180, 240, 300,
];

export type SeriesKind = 'total' | 'created' | 'bucket' | 'sum' | 'count' | 'value';

export interface ExposedSeries {
  readonly name: string;
  readonly kind: SeriesKind;
  readonly metric: MetricDef;
}

/** Series names prometheus_client exposes for a family. */
export function exposedSeries(metric: MetricDef): ExposedSeries[] {
  const base = metric.family;
  switch (metric.type) {
    case 'counter':
      return [
        { name: `${base}_total`, kind: 'total', metric },
        { name: `${base}_created`, kind: 'created', metric },
      ];
    case 'histogram':
      return (['bucket', 'sum', 'count', 'created'] as const).map((kind) => ({ name: `${base}_${kind}`, kind, metric }));
    case 'gauge':
      return [{ name: base, kind: 'value', metric }];
  }
}

let seriesIndex: Map<string, ExposedSeries> | undefined;
/** Exposed series name → its family, over every version. */
export function seriesByName(): Map<string, ExposedSeries> {
  if (!seriesIndex) {
    seriesIndex = new Map();
    for (const metric of ALL_METRICS) for (const s of exposedSeries(metric)) seriesIndex.set(s.name, s);
  }
  return seriesIndex;
}

export function allSeriesNames(): string[] {
  return [...seriesByName().keys()];
}

export function familyByName(family: string): MetricDef | undefined {
  return ALL_METRICS.find((m) => m.family === family);
}

/** Whether `version` (or the newest, when undefined) emits this family name. */
export function emittedIn(metric: MetricDef, version: string | undefined): boolean {
  if (version === undefined) return metric.until === undefined;
  if (metric.since !== undefined && compareVersions(version, metric.since) < 0) return false;
  if (metric.until !== undefined && compareVersions(version, metric.until) >= 0) return false;
  return true;
}

/** The family a LiteLLM version uses for a logical metric. */
export function resolveLogical(logical: LogicalMetric, version: string | undefined): MetricDef {
  const candidates = ALL_METRICS.filter((m) => m.logical === logical);
  const found = candidates.find((m) => emittedIn(m, version));
  if (!found) throw new Error(`metrics catalogue has no '${logical}' for LiteLLM ${version ?? 'latest'}`);
  return found;
}

/** Whether a label may appear on a metric (its own labels, target labels, custom prefixes, `le` on buckets). */
export function labelAllowed(series: ExposedSeries, label: string, extraLabels: readonly string[] = []): boolean {
  if (series.metric.openLabels) return true;
  if (series.kind === 'bucket' && label === 'le') return true;
  if (series.metric.labels.includes(label) || TARGET_LABELS.includes(label) || extraLabels.includes(label)) return true;
  return CUSTOM_LABEL_PREFIXES.some((p) => label.startsWith(p));
}
