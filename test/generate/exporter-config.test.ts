// Monitoring config awareness: queries held against what the LiteLLM config lets its exporter emit
// (litellm_settings.prometheus_metrics_config, model_id values).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createHash } from 'node:crypto';
import { parse } from 'yaml';
import { analyzeExpression } from '../../src/generate/check/analyze.js';
import { readExporterConfig } from '../../src/generate/exporter-config.js';
import { generate } from '../../src/generate/index.js';

const config = (text: string) => readExporterConfig(parse(text));
const ids = (expr: string, cfg: string) => analyzeExpression(expr, { exporter: config(cfg) }).map((f) => `${f.ruleId} ${expr.slice(f.start, f.end)}`);

const LIMITED = `
model_list:
  - {model_name: solo, litellm_params: {model: openai/gpt-4o-mini, rpm: 4}}
  - {model_name: pinned, litellm_params: {model: openai/gpt-4o}, model_info: {id: prod-gpt-4o}}
litellm_settings:
  callbacks: [prometheus]
  prometheus_metrics_config:
    - group: routing
      metrics: [litellm_deployment_failure_responses, litellm_deployment_total_requests]
      include_labels: [model_id, api_provider]
    - group: proxy
      metrics: [litellm_proxy_total_requests_metric]
`;

describe('exporter config: model_id values', () => {
  test("model_info.id, else LiteLLM's sha256 of model_name + litellm_params keys and values", () => {
    const cfg = config(LIMITED);
    // Router._generate_model_id: sha256("solo" + "model" + "openai/gpt-4o-mini" + "rpm" + str(4)).
    const expected = createHash('sha256').update('solomodelopenai/gpt-4o-minirpm4').digest('hex');
    assert.deepEqual([...cfg.modelIds!].sort(), [expected, 'prod-gpt-4o'].sort());
  });
  test('a value from the environment hides that id (still a sha256); models in the database hide every id', () => {
    const env = config('model_list:\n  - {model_name: a, litellm_params: {model: openai/a, api_key: os.environ/K}}\n  - {model_name: b, litellm_params: {model: openai/b}, model_info: {id: b-1}}\n');
    assert.deepEqual([...env.modelIds!], ['b-1']);
    assert.equal(env.unknownHashedIds, true);
    assert.equal(config(LIMITED).unknownHashedIds, false);
    assert.equal(config('model_list:\n  - {model_name: a, litellm_params: {model: openai/a}}\ngeneral_settings: {store_model_in_db: true}\n').modelIds, null);
  });
});

const ENV_KEYED = 'model_list:\n  - {model_name: a, litellm_params: {model: openai/a, api_key: os.environ/OPENAI_API_KEY}}\n';

const cases: Array<{ name: string; expr: string; cfg?: string; expected: string[] }> = [
  // valid
  { name: 'an enabled metric with a kept label', expr: 'sum by (model_id) (rate(litellm_deployment_failure_responses_total{api_provider="openai"}[5m]))', expected: [] },
  { name: 'no prometheus_metrics_config: everything is on', expr: 'rate(litellm_spend_metric_total{model="x"}[5m])', cfg: 'model_list: []\n', expected: [] },
  { name: 'a metric of a group without include_labels keeps its labels', expr: 'rate(litellm_proxy_total_requests_metric_total{status_code="500"}[5m])', expected: [] },
  { name: 'a model_id that exists', expr: 'litellm_deployment_total_requests_total{model_id="prod-gpt-4o"}', expected: [] },
  { name: 'a Grafana variable is not judged', expr: 'litellm_deployment_total_requests_total{model_id="$model_id"}', expected: [] },
  // invalid
  { name: 'a metric the config leaves out', expr: 'rate(litellm_spend_metric_total[5m])', expected: ['metrics/disabled-by-config litellm_spend_metric_total'] },
  { name: 'a label include_labels drops, in a matcher and in by (...)', expr: 'sum by (requested_model) (rate(litellm_deployment_failure_responses_total{litellm_model_name="x"}[5m]))', expected: ['metrics/label-disabled-by-config requested_model', 'metrics/label-disabled-by-config litellm_model_name'] },
  { name: 'a provider name compared with model_id', expr: 'litellm_deployment_total_requests_total{model_id="openai"}', expected: ['metrics/impossible-label-value "openai"'] },
  { name: 'a model_id regex that matches no deployment', expr: 'litellm_deployment_total_requests_total{model_id=~"azure.*"}', expected: ['metrics/impossible-label-value "azure.*"'] },
  // An api_key from os.environ/ hides that deployment's sha256, but "openai" can never be one (silent before).
  { name: 'a provider name compared with model_id when an id hashes a secret', expr: 'litellm_deployment_total_requests_total{model_id="openai"}', cfg: ENV_KEYED, expected: ['metrics/impossible-label-value "openai"'] },
  { name: 'a 64-hex model_id may be the hash gwcfg cannot compute', expr: `litellm_deployment_total_requests_total{model_id="${'ab'.repeat(32)}"}`, cfg: ENV_KEYED, expected: [] },
  { name: 'a model_id regex is not judged when an id hashes a secret', expr: 'litellm_deployment_total_requests_total{model_id=~"azure.*"}', cfg: ENV_KEYED, expected: [] },
];

describe('check-metrics with the LiteLLM config', () => {
  for (const c of cases) test(c.name, () => assert.deepEqual(ids(c.expr, c.cfg ?? LIMITED), c.expected));
});

// prometheus_exclude_metrics / prometheus_exclude_labels (LiteLLM after 1.83.7, docs "Exclude
// Metrics and Labels Globally"): exclusion wins over prometheus_metrics_config.
const EXCLUDING = `
model_list:
  - {model_name: a, litellm_params: {model: openai/a}, model_info: {id: dep-a}}
litellm_settings:
  callbacks: [prometheus]
  prometheus_exclude_metrics: [litellm_spend_metric]
  prometheus_exclude_labels: [hashed_api_key]
`;
const excludeCases: Array<{ name: string; expr: string; cfg?: string; version?: string; expected: string[] }> = [
  // valid
  { name: 'a metric that is not excluded', expr: 'rate(litellm_proxy_total_requests_metric_total{team="t"}[5m])', expected: [] },
  { name: 'pinned to 1.83.7, which has no exclude settings', expr: 'rate(litellm_spend_metric_total{hashed_api_key="k"}[5m])', version: '1.83.7', expected: [] },
  // invalid
  { name: 'an excluded metric', expr: 'rate(litellm_spend_metric_total[5m])', expected: ['metrics/disabled-by-config litellm_spend_metric_total'] },
  { name: 'an excluded label, in a matcher and in by (...)', expr: 'sum by (hashed_api_key) (rate(litellm_proxy_total_requests_metric_total{hashed_api_key="k"}[5m]))', expected: ['metrics/label-disabled-by-config hashed_api_key', 'metrics/label-disabled-by-config hashed_api_key'] },
  {
    name: 'exclusion wins over a prometheus_metrics_config group that lists the metric',
    expr: 'rate(litellm_spend_metric_total[5m])',
    cfg: EXCLUDING + '  prometheus_metrics_config:\n    - {group: spend, metrics: [litellm_spend_metric]}\n',
    expected: ['metrics/disabled-by-config litellm_spend_metric_total'],
  },
];

describe('check-metrics with prometheus_exclude_metrics / prometheus_exclude_labels', () => {
  for (const c of excludeCases) {
    test(c.name, () => {
      const found = analyzeExpression(c.expr, { exporter: config(c.cfg ?? EXCLUDING), version: c.version });
      assert.deepEqual(found.map((f) => `${f.ruleId} ${c.expr.slice(f.start, f.end)}`), c.expected);
      for (const f of found) assert.match(f.message, /prometheus_exclude_(metrics|labels)/);
    });
  }
});

test('generate warns about generated queries the config disables', () => {
  const { warnings } = generate('rules', parse(LIMITED), {});
  const disabled = warnings.filter((w) => w.includes('prometheus_metrics_config'));
  assert.ok(disabled.length > 0, warnings.join('\n'));
  assert.ok(disabled.some((w) => /^rules\.yml.*'litellm_[a-z_]+' is not listed/.test(w) || /'litellm_[a-z_]+' is not listed/.test(w)), disabled.join('\n'));
  // Without the setting nothing is reported.
  const plain = generate('rules', parse('model_list:\n  - {model_name: a, litellm_params: {model: openai/a}}\nlitellm_settings: {callbacks: [prometheus]}\n'), {}).warnings;
  assert.ok(!plain.some((w) => w.includes('prometheus_metrics_config')), plain.join('\n'));
});
