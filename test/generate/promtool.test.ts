// The generated files checked by the real promtool: config and rule syntax, every dashboard
// query, and unit tests (generated here) that feed series to every alert and assert it fires on
// unhealthy series and stays quiet on healthy ones.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { DASHBOARD_FILE_NAME } from '../../src/generate/grafana.js';
import { PROMETHEUS_FILE_NAME } from '../../src/generate/index.js';
import { RULES_FILE_NAME } from '../../src/generate/prometheus.js';
import type { RulesFile } from '../../src/generate/rules.js';
import { fixtureConfig, generated, promtool, requirePromtool, tempDir, writeYaml } from './promtool-helpers.js';

const gateway = fixtureConfig('gateway.yaml');
const minimal = fixtureConfig('minimal.yaml');

interface Series {
  series: string;
  values: string;
}
function s(name: string, labels: Record<string, string>, values: string): Series {
  const inner = Object.entries(labels).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ');
  return { series: `${name}{${inner}}`, values };
}

const TARGET = { job: 'litellm', instance: 'proxy:4000' };
const ID = { litellm_model_name: 'azure/gpt-4o', model_id: 'gpt-4o-eastus', api_base: 'https://eastus.example.openai.azure.com', api_provider: 'azure' };
const DEP = { requested_model: 'gpt-4o', ...ID };
const KEY = { hashed_api_key: 'abc123', api_key_alias: 'ci', team: 'core' };
const LAT = { requested_model: 'gpt-4o', model: 'azure/gpt-4o', ...KEY };

interface AlertCase {
  name: string;
  alert: string;
  evalTime: string;
  series: Series[];
  /** Labels of each expected firing alert; empty = must not fire. */
  expect: Record<string, string>[];
}

function latencySeries(missRatio: number, le = '5.0'): Series[] {
  const perMinute = 1000;
  return [
    s('litellm_request_total_latency_metric_count', LAT, `0+${perMinute}x80`),
    s('litellm_request_total_latency_metric_bucket', { ...LAT, le }, `0+${perMinute * (1 - missRatio)}x80`),
  ];
}
const burn = (long: string, short: string, severity: string) => ({ requested_model: 'gpt-4o', severity, long_window: long, short_window: short });
const FAST1 = burn('1h', '5m', 'critical');
const FAST2 = burn('6h', '30m', 'critical');
const SLOW1 = burn('1d', '2h', 'warning');
const SLOW2 = burn('3d', '6h', 'warning');

const CASES: AlertCase[] = [
  { name: 'scrape failing', alert: 'LiteLLMTargetDown', evalTime: '10m', series: [s('up', TARGET, '0x20')], expect: [{ ...TARGET, severity: 'critical' }] },
  { name: 'scrape ok', alert: 'LiteLLMTargetDown', evalTime: '10m', series: [s('up', TARGET, '1x20')], expect: [] },
  { name: 'up but no litellm series', alert: 'LiteLLMMetricsMissing', evalTime: '45m', series: [s('up', TARGET, '1x60')], expect: [{ ...TARGET, severity: 'warning' }] },
  {
    name: 'up with litellm series', alert: 'LiteLLMMetricsMissing', evalTime: '45m',
    series: [s('up', TARGET, '1x60'), s('litellm_proxy_total_requests_metric_total', { ...TARGET, requested_model: 'gpt-4o' }, '0+10x60')], expect: [],
  },
  {
    name: 'deployment calls without proxy requests', alert: 'LiteLLMRequestMetricsFlat', evalTime: '30m',
    series: [s('litellm_deployment_total_requests_total', { ...DEP, ...KEY }, '0+60x40')], expect: [{ severity: 'warning' }],
  },
  {
    name: 'both request counters move', alert: 'LiteLLMRequestMetricsFlat', evalTime: '30m',
    series: [s('litellm_deployment_total_requests_total', { ...DEP, ...KEY }, '0+60x40'), s('litellm_proxy_total_requests_metric_total', { requested_model: 'gpt-4o', status_code: '200' }, '0+60x40')],
    expect: [],
  },
  {
    name: 'successful requests without deployment calls', alert: 'LiteLLMDeploymentMetricsFlat', evalTime: '30m',
    series: [s('litellm_proxy_total_requests_metric_total', { requested_model: 'gpt-4o', status_code: '200' }, '0+60x40')], expect: [{ severity: 'warning' }],
  },
  {
    name: 'deployment calls counted', alert: 'LiteLLMDeploymentMetricsFlat', evalTime: '30m',
    series: [s('litellm_proxy_total_requests_metric_total', { requested_model: 'gpt-4o', status_code: '200' }, '0+60x40'), s('litellm_deployment_total_requests_total', { ...DEP, ...KEY }, '0+60x40')],
    expect: [],
  },
  {
    name: 'requests without latency observations', alert: 'LiteLLMLatencyMetricsFlat', evalTime: '30m',
    series: [s('litellm_proxy_total_requests_metric_total', { requested_model: 'gpt-4o', status_code: '200' }, '0+60x40')], expect: [{ severity: 'warning' }],
  },
  {
    name: 'latency observed', alert: 'LiteLLMLatencyMetricsFlat', evalTime: '30m',
    series: [s('litellm_proxy_total_requests_metric_total', { requested_model: 'gpt-4o', status_code: '200' }, '0+60x40'), s('litellm_request_total_latency_metric_count', LAT, '0+60x40')],
    expect: [],
  },
  {
    name: 'tokens without spend', alert: 'LiteLLMSpendNotTracked', evalTime: '70m',
    series: [s('litellm_total_tokens_metric_total', { ...LAT }, '0+5000x80')], expect: [{ model: 'azure/gpt-4o', severity: 'info' }],
  },
  {
    name: 'tokens with spend', alert: 'LiteLLMSpendNotTracked', evalTime: '70m',
    series: [s('litellm_total_tokens_metric_total', { ...LAT }, '0+5000x80'), s('litellm_spend_metric_total', { model: 'azure/gpt-4o', ...KEY }, '0+0.01x80')], expect: [],
  },
  {
    name: 'deployment stuck in outage', alert: 'LiteLLMDeploymentOutage', evalTime: '10m',
    series: [s('litellm_deployment_state', ID, '2x20')], expect: [{ ...ID, severity: 'critical' }],
  },
  {
    name: 'one short cooldown then healthy', alert: 'LiteLLMDeploymentOutage', evalTime: '10m',
    series: [s('litellm_deployment_state', ID, '2 0x20')], expect: [],
  },
  {
    name: 'deployment cooled down recently', alert: 'LiteLLMDeploymentCooledDown', evalTime: '5m',
    series: [s('litellm_deployment_cooled_down_total', { ...ID, exception_status: '429' }, '0 0 1 1 1 2 2 2 2 2')], expect: [{ ...ID, severity: 'warning' }],
  },
  {
    name: 'no new cooldowns', alert: 'LiteLLMDeploymentCooledDown', evalTime: '10m',
    series: [s('litellm_deployment_cooled_down_total', { ...ID, exception_status: '429' }, '3x20')], expect: [],
  },
  {
    name: '20% of calls fail', alert: 'LiteLLMDeploymentErrorRatioHigh', evalTime: '20m',
    series: [
      s('litellm_deployment_total_requests_total', { ...DEP, ...KEY }, '0+60x30'),
      s('litellm_deployment_failure_responses_total', { ...DEP, ...KEY, exception_status: '500', exception_class: 'Openai.InternalServerError' }, '0+12x30'),
    ],
    expect: [{ ...DEP, severity: 'warning' }],
  },
  {
    name: '1.7% of calls fail', alert: 'LiteLLMDeploymentErrorRatioHigh', evalTime: '20m',
    series: [
      s('litellm_deployment_total_requests_total', { ...DEP, ...KEY }, '0+60x30'),
      s('litellm_deployment_failure_responses_total', { ...DEP, ...KEY, exception_status: '500', exception_class: 'Openai.InternalServerError' }, '0+1x30'),
    ],
    expect: [],
  },
  {
    name: 'every call fails but too few calls to judge', alert: 'LiteLLMDeploymentErrorRatioHigh', evalTime: '20m',
    series: [
      s('litellm_deployment_total_requests_total', { ...DEP, ...KEY }, '0+1x30'),
      s('litellm_deployment_failure_responses_total', { ...DEP, ...KEY, exception_status: '500', exception_class: 'Openai.InternalServerError' }, '0+1x30'),
    ],
    expect: [],
  },
  {
    name: 'fallbacks failing', alert: 'LiteLLMFallbacksFailing', evalTime: '15m',
    series: [s('litellm_deployment_failed_fallbacks_total', { requested_model: 'gpt-4o', fallback_model: 'claude-sonnet', ...KEY }, '0+5x30')],
    expect: [{ requested_model: 'gpt-4o', severity: 'warning' }],
  },
  {
    name: 'no failed fallbacks lately', alert: 'LiteLLMFallbacksFailing', evalTime: '15m',
    series: [s('litellm_deployment_failed_fallbacks_total', { requested_model: 'gpt-4o', fallback_model: 'claude-sonnet', ...KEY }, '4x30')], expect: [],
  },
  {
    name: '10% of gpt-4o requests fall back', alert: 'LiteLLMFallbackRateHigh', evalTime: '30m',
    series: [
      s('litellm_proxy_total_requests_metric_total', { requested_model: 'gpt-4o', status_code: '200' }, '0+60x40'),
      s('litellm_deployment_successful_fallbacks_total', { requested_model: 'gpt-4o', fallback_model: 'claude-sonnet', ...KEY }, '0+6x40'),
    ],
    expect: [{ requested_model: 'gpt-4o', severity: 'warning' }],
  },
  {
    name: 'few fallbacks, and none configured for claude-sonnet', alert: 'LiteLLMFallbackRateHigh', evalTime: '30m',
    series: [
      s('litellm_proxy_total_requests_metric_total', { requested_model: 'gpt-4o', status_code: '200' }, '0+60x40'),
      s('litellm_deployment_successful_fallbacks_total', { requested_model: 'gpt-4o', fallback_model: 'claude-sonnet', ...KEY }, '0+1x40'),
      s('litellm_proxy_total_requests_metric_total', { requested_model: 'claude-sonnet', status_code: '200' }, '0+60x40'),
      s('litellm_deployment_failed_fallbacks_total', { requested_model: 'claude-sonnet', fallback_model: 'gpt-4o', ...KEY }, '0+6x40'),
    ],
    expect: [],
  },
  {
    name: 'remaining requests below 10% of the config rpm, and exhausted on an unconfigured group', alert: 'LiteLLMRateLimitHeadroomLow', evalTime: '10m',
    series: [
      s('litellm_remaining_requests_metric', { model_group: 'gpt-4o', litellm_model_name: 'azure/gpt-4o', api_base: ID.api_base, api_provider: 'azure', ...KEY }, '10x20'),
      s('litellm_remaining_requests_metric', { model_group: 'claude-sonnet', litellm_model_name: 'claude-sonnet-4', api_base: 'https://api.anthropic.com', api_provider: 'anthropic', ...KEY }, '0x20'),
    ],
    expect: [
      { model_group: 'claude-sonnet', litellm_model_name: 'claude-sonnet-4', api_base: 'https://api.anthropic.com', severity: 'warning' },
      { model_group: 'gpt-4o', litellm_model_name: 'azure/gpt-4o', api_base: ID.api_base, severity: 'warning' },
    ],
  },
  {
    name: 'plenty of requests left', alert: 'LiteLLMRateLimitHeadroomLow', evalTime: '10m',
    series: [
      s('litellm_remaining_requests_metric', { model_group: 'gpt-4o', litellm_model_name: 'azure/gpt-4o', api_base: ID.api_base, api_provider: 'azure', ...KEY }, '200x20'),
      s('litellm_remaining_requests_metric', { model_group: 'claude-sonnet', litellm_model_name: 'claude-sonnet-4', api_base: 'https://api.anthropic.com', api_provider: 'anthropic', ...KEY }, '5x20'),
    ],
    expect: [],
  },
  {
    name: 'remaining tokens below 10% of the config tpm', alert: 'LiteLLMTokenHeadroomLow', evalTime: '10m',
    series: [s('litellm_remaining_tokens_metric', { model_group: 'gpt-4o', litellm_model_name: 'azure/gpt-4o', api_base: ID.api_base, api_provider: 'azure', ...KEY }, '5000x20')],
    expect: [{ model_group: 'gpt-4o', litellm_model_name: 'azure/gpt-4o', api_base: ID.api_base, severity: 'warning' }],
  },
  {
    name: 'enough tokens left', alert: 'LiteLLMTokenHeadroomLow', evalTime: '10m',
    series: [s('litellm_remaining_tokens_metric', { model_group: 'gpt-4o', litellm_model_name: 'azure/gpt-4o', api_base: ID.api_base, api_provider: 'azure', ...KEY }, '50000x20')],
    expect: [],
  },
  {
    name: 'spending 3 USD/hour against 10 USD/day', alert: 'LiteLLMSpendRateHigh', evalTime: '90m',
    series: [s('litellm_spend_metric_total', { model: 'azure/gpt-4o', ...KEY }, '0+0.05x120')], expect: [{ severity: 'warning' }],
  },
  {
    name: 'spending 0.06 USD/hour', alert: 'LiteLLMSpendRateHigh', evalTime: '90m',
    series: [s('litellm_spend_metric_total', { model: 'azure/gpt-4o', ...KEY }, '0+0.001x120')], expect: [],
  },
  {
    name: '15 USD spent in the last day', alert: 'LiteLLMDailySpendOverBudget', evalTime: '300m',
    series: [s('litellm_spend_metric_total', { model: 'azure/gpt-4o', ...KEY }, '0+0.05x300')], expect: [{ severity: 'critical' }],
  },
  {
    name: '3 USD spent in the last day', alert: 'LiteLLMDailySpendOverBudget', evalTime: '300m',
    series: [s('litellm_spend_metric_total', { model: 'azure/gpt-4o', ...KEY }, '0+0.01x300')], expect: [],
  },
  { name: '20% slow: every window burns', alert: 'LiteLLMLatencyErrorBudgetBurn', evalTime: '70m', series: latencySeries(0.2), expect: [FAST1, FAST2, SLOW1, SLOW2] },
  { name: '10% slow: all but the 14.4x page', alert: 'LiteLLMLatencyErrorBudgetBurn', evalTime: '70m', series: latencySeries(0.1), expect: [FAST2, SLOW1, SLOW2] },
  { name: '4% slow: tickets only', alert: 'LiteLLMLatencyErrorBudgetBurn', evalTime: '70m', series: latencySeries(0.04), expect: [SLOW1, SLOW2] },
  { name: '2% slow (le written the Prometheus 3 way): 3d/6h only', alert: 'LiteLLMLatencyErrorBudgetBurn', evalTime: '70m', series: latencySeries(0.02, '5'), expect: [SLOW2] },
  { name: '0.5% slow: within the SLO', alert: 'LiteLLMLatencyErrorBudgetBurn', evalTime: '70m', series: latencySeries(0.005), expect: [] },
  {
    name: '20% slow for an hour, then recovered for 10 minutes: the 5m short window stops the page',
    alert: 'LiteLLMLatencyErrorBudgetBurn', evalTime: '70m',
    series: [
      s('litellm_request_total_latency_metric_count', LAT, '0+1000x80'),
      s('litellm_request_total_latency_metric_bucket', { ...LAT, le: '5.0' }, '0+800x60 49000+1000x19'),
    ],
    expect: [FAST2, SLOW1, SLOW2],
  },
];

function unitTestFile(rulesFile: string, cases: AlertCase[]): unknown {
  return {
    rule_files: [rulesFile],
    evaluation_interval: '1m',
    tests: cases.map((c) => ({
      name: c.name,
      interval: '1m',
      input_series: c.series,
      alert_rule_test: [{ eval_time: c.evalTime, alertname: c.alert, exp_alerts: c.expect.map((labels) => ({ exp_labels: labels })) }],
    })),
  };
}

/** promtool compares annotations too; they hold {{ $value }} templates, so the unit tests run on a copy without them. */
function withoutAnnotations(rulesYaml: string): RulesFile {
  const file = parse(rulesYaml) as RulesFile;
  for (const g of file.groups) for (const r of g.rules) if ('alert' in r) delete (r as { annotations?: unknown }).annotations;
  return file;
}

function alertNames(rulesYaml: string): Set<string> {
  return new Set((parse(rulesYaml) as RulesFile).groups.flatMap((g) => g.rules.flatMap((r) => ('alert' in r ? [r.alert] : []))));
}

describe('promtool', () => {
  test('prometheus.yml passes promtool check config (bearer auth with a credentials file)', (t) => {
    if (!requirePromtool(t)) return;
    const { dir, cleanup } = tempDir();
    try {
      const keyFile = join(dir, 'litellm-master-key');
      writeFileSync(keyFile, 'placeholder\n');
      const files = generated('all', gateway, { credentialsFile: keyFile, targets: ['litellm-a:4000', 'litellm-b:4000'], scheme: 'https' });
      for (const [name, content] of files) writeFileSync(join(dir, name), content);
      const r = promtool(['check', 'config', PROMETHEUS_FILE_NAME], dir);
      assert.equal(r.status, 0, r.output);
      assert.match(r.output, /1 rule files found/);
    } finally {
      cleanup();
    }
  });

  test('prometheus.yml without auth passes promtool check config', (t) => {
    if (!requirePromtool(t)) return;
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(join(dir, PROMETHEUS_FILE_NAME), generated('prometheus', minimal).get(PROMETHEUS_FILE_NAME)!);
      const r = promtool(['check', 'config', PROMETHEUS_FILE_NAME], dir);
      assert.equal(r.status, 0, r.output);
    } finally {
      cleanup();
    }
  });

  for (const [label, config, options] of [
    ['gateway config', gateway, {}],
    ['minimal config', minimal, {}],
    ['gateway config, LiteLLM 1.70', gateway, { litellmVersion: '1.70.0', latencySloMs: 1200, sloTarget: 0.995 }],
  ] as const) {
    test(`rules pass promtool check rules (${label})`, (t) => {
      if (!requirePromtool(t)) return;
      const { dir, cleanup } = tempDir();
      try {
        writeFileSync(join(dir, RULES_FILE_NAME), generated('rules', config, options).get(RULES_FILE_NAME)!);
        const r = promtool(['check', 'rules', RULES_FILE_NAME], dir);
        assert.equal(r.status, 0, r.output);
        assert.match(r.output, /SUCCESS: \d+ rules found/);
      } finally {
        cleanup();
      }
    });
  }

  test('every alert fires on unhealthy series and stays quiet on healthy ones (promtool test rules)', (t) => {
    if (!requirePromtool(t)) return;
    const rulesYaml = generated('rules', gateway).get(RULES_FILE_NAME)!;
    // Every alert the generator emits has a firing case and a quiet case.
    for (const name of alertNames(rulesYaml)) {
      assert.ok(CASES.some((c) => c.alert === name && c.expect.length > 0), `no firing test for ${name}`);
      assert.ok(CASES.some((c) => c.alert === name && c.expect.length === 0), `no healthy test for ${name}`);
    }
    const { dir, cleanup } = tempDir();
    try {
      writeYaml(join(dir, 'rules.yml'), withoutAnnotations(rulesYaml));
      writeYaml(join(dir, 'tests.yml'), unitTestFile('rules.yml', CASES));
      const r = promtool(['test', 'rules', 'tests.yml'], dir);
      assert.equal(r.status, 0, r.output);
      assert.match(r.output, /SUCCESS/);
    } finally {
      cleanup();
    }
  });

  test('the unit tests can fail: a lax --error-ratio misses the 20% failure case', (t) => {
    if (!requirePromtool(t)) return;
    const rulesYaml = generated('rules', gateway, { errorRatio: 0.5 }).get(RULES_FILE_NAME)!;
    const { dir, cleanup } = tempDir();
    try {
      writeYaml(join(dir, 'rules.yml'), withoutAnnotations(rulesYaml));
      writeYaml(join(dir, 'tests.yml'), unitTestFile('rules.yml', CASES.filter((c) => c.name === '20% of calls fail')));
      const r = promtool(['test', 'rules', 'tests.yml'], dir);
      assert.notEqual(r.status, 0, r.output);
      assert.match(r.output, /LiteLLMDeploymentErrorRatioHigh/);
    } finally {
      cleanup();
    }
  });

  test('every dashboard query parses (panel and variable queries as recording rules)', (t) => {
    if (!requirePromtool(t)) return;
    const dashboard = JSON.parse(generated('grafana', gateway).get(DASHBOARD_FILE_NAME)!) as {
      panels: { targets?: { expr: string }[] }[];
    };
    const exprs = dashboard.panels.flatMap((p) => (p.targets ?? []).map((target) => target.expr));
    assert.ok(exprs.length >= 15, `only ${exprs.length} queries`);
    const substitute = (e: string) =>
      e.replaceAll('$__rate_interval', '5m').replaceAll('$__range', '1h').replaceAll('$__interval', '1m').replaceAll('$model_group', '.*');
    for (const e of exprs) assert.doesNotMatch(substitute(e), /\$/, `unsubstituted variable in ${e}`);
    const { dir, cleanup } = tempDir();
    try {
      writeYaml(join(dir, 'dashboard-queries.yml'), {
        groups: [{ name: 'dashboard', rules: exprs.map((e, i) => ({ record: `gwcfg_dashboard_query_${i}`, expr: substitute(e) })) }],
      });
      const r = promtool(['check', 'rules', 'dashboard-queries.yml'], dir);
      assert.equal(r.status, 0, r.output);
      assert.match(r.output, new RegExp(`SUCCESS: ${exprs.length} rules found`));
    } finally {
      cleanup();
    }
  });
});
