// Grafana dashboard (schemaVersion 39) for a LiteLLM gateway. Queries use the raw LiteLLM series
// (not the recording rules) so the dashboard works before the rules are loaded.

import type { ResolvedOptions } from './options.js';
import { leMatcher, MetricNames, num, type Matcher } from './promql.js';

export const DASHBOARD_FILE_NAME = 'litellm-dashboard.json';
export const SCHEMA_VERSION = 39;

const DS = { type: 'prometheus', uid: '${datasource}' } as const;
const GROUP: Matcher = { label: 'requested_model', op: '=~', value: '$model_group' };
const REMAINING_GROUP: Matcher = { label: 'model_group', op: '=~', value: '$model_group' };

interface Target {
  expr: string;
  legendFormat: string;
}
interface PanelSpec {
  title: string;
  description: string;
  type?: 'timeseries' | 'state-timeline' | 'stat';
  unit: string;
  targets: Target[];
  stacked?: boolean;
  thresholdLine?: number;
  mappings?: unknown[];
}
interface RowSpec {
  title: string;
  panels: PanelSpec[];
}

function rows(m: MetricNames, opts: ResolvedOptions): RowSpec[] {
  const ri = '[$__rate_interval]';
  const proxyTotal = m.sel('proxyRequests', 'total', [GROUP]);
  const proxyFailed = m.sel('proxyFailures', 'total', [GROUP]);
  const depTotal = m.sel('deploymentRequests', 'total', [GROUP]);
  const depFailed = m.sel('deploymentFailures', 'total', [GROUP]);
  const latencyBucket = m.sel('requestLatency', 'bucket', [GROUP]);
  const apiLatencyBucket = m.sel('llmApiLatency', 'bucket', [GROUP]);
  const sloMs = num(opts.latencySloSeconds * 1000);
  const hourlyBudget = opts.budgetPerDay !== undefined ? opts.budgetPerDay / 24 : undefined;
  const depShareBy = m.by('deploymentRequests', 'total', ['requested_model', 'litellm_model_name', 'api_base']);
  const remainingBy = m.by('remainingRequests', 'value', ['model_group', 'litellm_model_name', 'api_base']);
  const limitBy = m.by('deploymentRpmLimit', 'value', ['litellm_model_name', 'api_base']);

  return [
    {
      title: 'Traffic',
      panels: [
        {
          title: 'Requests/s by model group', unit: 'reqps',
          description: 'Client requests to the proxy (litellm_proxy_total_requests_metric).',
          targets: [{ expr: `sum by (requested_model) (rate(${proxyTotal}${ri}))`, legendFormat: '{{requested_model}}' }],
        },
        {
          title: 'Traffic share per deployment', unit: 'percentunit', stacked: true,
          description: 'Share of each model group\'s deployment calls (retries and fallbacks included) that went to each deployment.',
          targets: [{
            expr: `sum by (${depShareBy}) (rate(${depTotal}${ri})) / on (requested_model) group_left () sum by (requested_model) (rate(${depTotal}${ri}))`,
            legendFormat: '{{requested_model}} → {{litellm_model_name}} {{api_base}}',
          }],
        },
        {
          title: 'Requests/s by status code', unit: 'reqps', stacked: true,
          description: 'Client requests by HTTP status code.',
          targets: [{ expr: `sum by (status_code) (rate(${proxyTotal}${ri}))`, legendFormat: '{{status_code}}' }],
        },
      ],
    },
    {
      title: 'Latency',
      panels: [
        {
          title: 'Request latency p50 / p95 / p99', unit: 's',
          description: 'End-to-end latency seen by clients (litellm_request_total_latency_metric), per model group.',
          targets: ([['p50', 0.5], ['p95', 0.95], ['p99', 0.99]] as const).map(([q, v]) => ({
            expr: `histogram_quantile(${v}, sum by (le, requested_model) (rate(${latencyBucket}${ri})))`,
            legendFormat: `{{requested_model}} ${q}`,
          })),
        },
        {
          title: 'Provider call latency p95 by deployment', unit: 's',
          description: 'Latency of the call to the provider (litellm_llm_api_latency_metric).',
          targets: [{
            expr: `histogram_quantile(0.95, sum by (le, requested_model, model) (rate(${apiLatencyBucket}${ri})))`,
            legendFormat: '{{requested_model}} → {{model}}',
          }],
        },
        {
          title: `Latency SLO: share of requests within ${sloMs} ms`, unit: 'percentunit', thresholdLine: opts.sloTarget,
          description: `Share of requests faster than the SLO threshold; the line is the SLO target (${num(opts.sloTarget * 100)}%).`,
          targets: [{
            expr: `sum by (requested_model) (rate(${m.sel('requestLatency', 'bucket', [leMatcher(opts.latencySloSeconds), GROUP])}${ri})) / ` +
              `sum by (requested_model) (rate(${m.sel('requestLatency', 'count', [GROUP])}${ri}))`,
            legendFormat: '{{requested_model}}',
          }],
        },
      ],
    },
    {
      title: 'Errors',
      panels: [
        {
          title: 'Failed requests/s by exception class', unit: 'reqps', stacked: true,
          description: 'Requests the client saw fail, by exception class.',
          targets: [{ expr: `sum by (exception_class) (rate(${proxyFailed}${ri}))`, legendFormat: '{{exception_class}}' }],
        },
        {
          title: 'Deployment failures/s by exception class', unit: 'reqps', stacked: true,
          description: 'Failed calls to each deployment (before retries and fallbacks).',
          targets: [{
            expr: `sum by (litellm_model_name, exception_class) (rate(${depFailed}${ri}))`,
            legendFormat: '{{litellm_model_name}} {{exception_class}}',
          }],
        },
        {
          title: 'Error ratio by model group', unit: 'percentunit', thresholdLine: opts.errorRatio,
          description: 'Failed share of client requests.',
          targets: [{
            expr: `sum by (requested_model) (rate(${proxyFailed}${ri})) / sum by (requested_model) (rate(${proxyTotal}${ri}))`,
            legendFormat: '{{requested_model}}',
          }],
        },
      ],
    },
    {
      title: 'Fallbacks',
      panels: [
        {
          title: 'Successful fallbacks/s', unit: 'reqps', stacked: true,
          description: 'Requests served by a fallback model group after the requested group failed.',
          targets: [{
            expr: `sum by (requested_model, fallback_model) (rate(${m.sel('fallbacksSucceeded', 'total', [GROUP])}${ri}))`,
            legendFormat: '{{requested_model}} → {{fallback_model}}',
          }],
        },
        {
          title: 'Failed fallbacks/s', unit: 'reqps', stacked: true,
          description: 'Fallback attempts that failed too.',
          targets: [{
            expr: `sum by (requested_model, fallback_model) (rate(${m.sel('fallbacksFailed', 'total', [GROUP])}${ri}))`,
            legendFormat: '{{requested_model}} → {{fallback_model}}',
          }],
        },
      ],
    },
    {
      title: 'Deployment state and cooldowns',
      panels: [
        {
          title: 'Deployment state', type: 'state-timeline', unit: 'none',
          description: 'litellm_deployment_state: 0 healthy, 1 partial outage (last call failed), 2 complete outage (cooled down).',
          targets: [{
            expr: `max by (${m.by('deploymentState', 'value', ['litellm_model_name', 'api_base'])}) (${m.name('deploymentState', 'value')})`,
            legendFormat: '{{litellm_model_name}} {{api_base}}',
          }],
          mappings: [{
            type: 'value',
            options: {
              '0': { text: 'healthy', color: 'green', index: 0 },
              '1': { text: 'partial outage', color: 'orange', index: 1 },
              '2': { text: 'complete outage', color: 'red', index: 2 },
            },
          }],
        },
        {
          title: 'Cooldowns', unit: 'short', stacked: true,
          description: 'Times each deployment entered cooldown, by the status code that triggered it.',
          targets: [{
            expr: `sum by (${m.by('deploymentCooledDown', 'total', ['litellm_model_name', 'api_base', 'exception_status'])}) (increase(${m.name('deploymentCooledDown', 'total')}${ri}))`,
            legendFormat: '{{litellm_model_name}} {{api_base}} {{exception_status}}',
          }],
        },
      ],
    },
    {
      title: 'Rate-limit headroom',
      panels: [
        {
          title: 'Remaining requests (provider headers)', unit: 'short',
          description: 'x-ratelimit-remaining-requests reported by each provider.',
          targets: [{ expr: `min by (${remainingBy}) (${m.sel('remainingRequests', 'value', [REMAINING_GROUP])})`, legendFormat: '{{model_group}} {{litellm_model_name}} {{api_base}}' }],
        },
        {
          title: 'Remaining tokens (provider headers)', unit: 'short',
          description: 'x-ratelimit-remaining-tokens reported by each provider.',
          targets: [{ expr: `min by (${remainingBy}) (${m.sel('remainingTokens', 'value', [REMAINING_GROUP])})`, legendFormat: '{{model_group}} {{litellm_model_name}} {{api_base}}' }],
        },
        {
          title: 'Configured rpm / tpm limits', unit: 'short',
          description: 'rpm and tpm from the config, as LiteLLM exports them.',
          targets: [
            { expr: `max by (${limitBy}) (${m.name('deploymentRpmLimit', 'value')})`, legendFormat: 'rpm {{litellm_model_name}} {{api_base}}' },
            { expr: `max by (${limitBy}) (${m.name('deploymentTpmLimit', 'value')})`, legendFormat: 'tpm {{litellm_model_name}} {{api_base}}' },
          ],
        },
      ],
    },
    {
      title: 'Tokens and cost',
      panels: [
        {
          title: 'Tokens/s by model group', unit: 'short', stacked: true,
          description: 'Input + output tokens.',
          targets: [{ expr: `sum by (requested_model) (rate(${m.sel('totalTokens', 'total', [GROUP])}${ri}))`, legendFormat: '{{requested_model}}' }],
        },
        {
          title: 'Spend (USD/hour) by model', unit: 'currencyUSD', stacked: true, thresholdLine: hourlyBudget,
          description: 'LiteLLM exports spend per model, not per model group.' + (hourlyBudget !== undefined ? ' The line is the daily budget spread over 24 hours.' : ''),
          targets: [{ expr: `sum by (model) (rate(${m.name('spend', 'total')}${ri})) * 3600`, legendFormat: '{{model}}' }],
        },
        {
          title: 'Spend in the selected range', type: 'stat', unit: 'currencyUSD',
          description: 'Total spend over the dashboard time range.',
          targets: [{ expr: `sum(increase(${m.name('spend', 'total')}[$__range]))`, legendFormat: 'USD' }],
        },
      ],
    },
  ];
}

function panelJson(spec: PanelSpec, id: number, gridPos: Record<string, number>): Record<string, unknown> {
  const type = spec.type ?? 'timeseries';
  const defaults: Record<string, unknown> = { unit: spec.unit };
  if (spec.thresholdLine !== undefined) {
    defaults.thresholds = { mode: 'absolute', steps: [{ color: 'green', value: null }, { color: 'red', value: spec.thresholdLine }] };
  }
  if (spec.mappings) defaults.mappings = spec.mappings;
  if (type === 'timeseries') {
    defaults.custom = {
      drawStyle: 'line',
      fillOpacity: spec.stacked ? 30 : 10,
      stacking: { mode: spec.stacked ? 'normal' : 'none', group: 'A' },
      thresholdsStyle: { mode: spec.thresholdLine !== undefined ? 'line' : 'off' },
    };
  }
  return {
    id,
    type,
    title: spec.title,
    description: spec.description,
    datasource: DS,
    gridPos,
    fieldConfig: { defaults, overrides: [] },
    options: type === 'stat'
      ? { reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false }, colorMode: 'value', graphMode: 'none' }
      : { legend: { displayMode: 'list', placement: 'bottom', showLegend: true }, tooltip: { mode: 'multi', sort: 'desc' } },
    targets: spec.targets.map((t, i) => ({
      refId: String.fromCharCode(65 + i),
      datasource: DS,
      expr: t.expr,
      legendFormat: t.legendFormat,
      range: type !== 'stat',
      instant: type === 'stat',
    })),
  };
}

export function buildDashboard(opts: ResolvedOptions, uid: string): Record<string, unknown> {
  const m = new MetricNames(opts.litellmVersion);
  const panels: Record<string, unknown>[] = [];
  let id = 1;
  let y = 0;
  for (const row of rows(m, opts)) {
    panels.push({ id: id++, type: 'row', title: row.title, collapsed: false, gridPos: { h: 1, w: 24, x: 0, y }, panels: [] });
    y += 1;
    const width = row.panels.length === 3 ? 8 : 12;
    row.panels.forEach((p, i) => panels.push(panelJson(p, id++, { h: 8, w: width, x: i * width, y })));
    y += 8;
  }
  const groupQuery = `label_values(${m.name('proxyRequests', 'total')}, requested_model)`;
  return {
    annotations: {
      list: [{
        builtIn: 1, datasource: { type: 'grafana', uid: '-- Grafana --' }, enable: true, hide: true,
        iconColor: 'rgba(0, 211, 255, 1)', name: 'Annotations & Alerts', type: 'dashboard',
      }],
    },
    description: 'LiteLLM gateway: traffic, latency, errors, fallbacks, deployment state, rate-limit headroom, tokens and cost. Generated by gwcfg.',
    editable: true,
    fiscalYearStartMonth: 0,
    graphTooltip: 1,
    id: null,
    links: [],
    panels,
    refresh: '1m',
    schemaVersion: SCHEMA_VERSION,
    tags: ['litellm', 'gwcfg'],
    templating: {
      list: [
        { name: 'datasource', label: 'Data source', type: 'datasource', query: 'prometheus', current: {}, hide: 0, refresh: 1, regex: '', options: [] },
        {
          name: 'model_group', label: 'Model group', type: 'query', datasource: DS,
          definition: groupQuery, query: { query: groupQuery, refId: 'PrometheusVariableQueryEditor-VariableQuery', qryType: 1 },
          includeAll: true, multi: true, allValue: '.*', refresh: 2, sort: 1, hide: 0, regex: '', options: [],
          current: { selected: true, text: ['All'], value: ['$__all'] },
        },
      ],
    },
    time: { from: 'now-6h', to: 'now' },
    timepicker: {},
    timezone: 'browser',
    title: opts.title,
    uid,
    version: 1,
    weekStart: '',
  };
}

export function renderDashboard(opts: ResolvedOptions, uid: string): string {
  return JSON.stringify(buildDashboard(opts, uid), null, 2) + '\n';
}
