import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { analyzeExpression } from '../../src/generate/check/analyze.js';
import { parseJsonWithPositions } from '../../src/generate/check/json-positions.js';
import { tokenize } from '../../src/generate/check/lexer.js';
import { checkFiles, checkText } from '../../src/generate/check/run.js';
import { ALL_METRICS, exposedSeries, labelAllowed, seriesByName } from '../../src/generate/metrics-catalog.js';
import { CliError } from '../../src/cli/errors.js';
import { FIXTURES } from './promtool-helpers.js';

const fixture = (name: string) => new URL(`check/${name}`, FIXTURES);
const read = (name: string) => readFileSync(fixture(name), 'utf8');
const brief = (file: string, text: string, opts = {}) =>
  checkText(file, text, opts).map((d) => `${d.line}:${d.column}-${d.endColumn} ${d.severity} ${d.ruleId} ${d.message.split(/[;:(]/)[0]}`);

describe('check-metrics', () => {
  test('flags the source document names in a plain PromQL file, with positions', () => {
    assert.deepEqual(brief('bad.promql', read('bad.promql')), [
      '2:10-32 error metrics/unknown-metric unknown metric \'litellm_requests_total\'',
      '3:44-83 error metrics/unknown-metric unknown metric \'litellm_request_duration_seconds_bucket\'',
      '4:14-32 error metrics/unknown-metric unknown metric \'litellm_cost_total\'',
    ]);
  });

  test('dashboard: unknown metrics and labels point into the JSON string (escapes counted)', () => {
    const text = read('bad-dashboard.json');
    const diags = checkText('d.json', text);
    const lines = text.split('\n');
    for (const d of diags) {
      // The caret range covers exactly the offending name in the raw file.
      const raw = lines[d.line - 1].slice(d.column - 1, d.endColumn - 1);
      const quoted = d.message.match(/'([^']+)'/)![1];
      assert.equal(raw, quoted, d.message);
    }
    assert.deepEqual(
      diags.map((d) => `${d.ruleId} ${d.path}`),
      [
        'metrics/unknown-metric panels[0].targets[0].expr',
        'metrics/unknown-metric panels[1].targets[0].expr',
        'metrics/unknown-label panels[1].targets[1].expr',
        'metrics/unknown-metric panels[2].targets[0].expr',
        'metrics/unknown-metric panels[2].targets[1].expr',
        'metrics/unknown-label panels[2].targets[2].expr',
        'metrics/unknown-label templating.list[0].query.query',
      ],
    );
    assert.match(diags[3].message, /did you mean 'litellm_spend_metric_total'/);
  });

  test('rule files: block scalars map to the right line, recorded litellm_* names are known, typos get a suggestion', () => {
    const diags = checkText('bad.rules.yml', read('bad.rules.yml'));
    assert.deepEqual(diags.map((d) => `${d.line}:${d.column} ${d.ruleId}`), ['6:20 metrics/unknown-metric', '9:40 metrics/unknown-label', '11:24 metrics/unknown-metric']);
    assert.match(diags[2].message, /did you mean 'litellm_deployment_total_requests_total'/);
  });

  test('LiteLLM\'s own dashboard queries pass; old names are info without a version, errors with one', () => {
    const own = [
      'sum(rate(litellm_proxy_total_requests_metric_total[$__rate_interval])) by (status_code)',
      'max by (litellm_model_name, api_base) (litellm_deployment_state)',
      'sum(rate(litellm_deployment_cooled_down_total[$__rate_interval])) by (litellm_model_name, exception_status)',
      'min by (model_group, api_provider) (litellm_remaining_requests_metric)',
      'histogram_quantile(0.95, sum(rate(litellm_llm_api_latency_metric_bucket[$__rate_interval])) by (le))',
      'sum(rate(litellm_request_total_latency_metric_sum[2m]))/sum(rate(litellm_request_total_latency_metric_count[2m]))',
      'topk(5, sort(litellm_remaining_requests))',
      'sum(increase(litellm_total_tokens_total[5m])) by (model)',
      'histogram_quantile(0.99, sum(rate(litellm_self_latency_bucket{self="self"}[1m])) by (le))',
    ].join('\n');
    assert.deepEqual(brief('own.promql', own).map((l) => l.split(' ').slice(1, 3).join(' ')), ['info metrics/version-mismatch', 'info metrics/version-mismatch']);
    const strict = checkText('own.promql', own, { version: '1.82.0' });
    assert.deepEqual(strict.map((d) => [d.severity, d.line]), [['error', 7], ['error', 8]]);
    assert.match(strict[0].message, /use 'litellm_remaining_requests_metric'/);
    const old = checkText('own.promql', own, { version: '1.70.0' });
    assert.deepEqual(old.map((d) => d.line), [4]); // litellm_remaining_requests_metric is too new for 1.70
  });

  test('labels: by-clauses, label_replace, __name__ regex, target labels, custom prefixes, --allow-label', () => {
    const ids = (e: string, opts = {}) => analyzeExpression(e, opts).map((f) => `${f.ruleId}@${e.slice(f.start, f.end)}`);
    assert.deepEqual(ids('sum by (model_group) (rate(litellm_deployment_total_requests_total[5m]))'), ['metrics/unknown-label@model_group']);
    assert.deepEqual(ids('sum(rate(litellm_deployment_total_requests_total[5m])) by (requested_model, pod, tag_team)'), []);
    assert.deepEqual(ids('sum by (x) (label_replace(litellm_deployment_state, "x", "$1", "api_base", "(.*)"))'), []);
    assert.deepEqual(ids('rate({__name__=~"litellm_deployment_(successful|failed)_fallbacks_total", fallback_model="a"}[5m])'), []);
    assert.deepEqual(ids('rate({__name__=~"litellm_nope_.*"}[5m])'), ['metrics/unknown-metric@"litellm_nope_.*"']);
    assert.deepEqual(ids('litellm_deployment_state{region="eu"}'), ['metrics/unknown-label@region']);
    assert.deepEqual(ids('litellm_deployment_state{region="eu"}', { extraLabels: ['region'] }), []);
    assert.deepEqual(ids('sum by (le) (rate(litellm_request_total_latency_metric_count[5m]))'), ['metrics/unknown-label@le']);
    assert.deepEqual(ids('my_app_requests_total{anything="x"} + litellm:recorded:rate5m'), []);
  });

  test('property: any exported series with any of its labels is clean; an invented label is flagged', () => {
    const closed = ALL_METRICS.filter((m) => !m.openLabels && m.labels.length > 0).flatMap(exposedSeries);
    fc.assert(
      fc.property(fc.constantFrom(...closed), fc.nat(), fc.constantFrom('rate', 'increase', 'none'), (series, pick, fn) => {
        const label = series.metric.labels[pick % series.metric.labels.length];
        const sel = `${series.name}{${label}=~"$model_group"}`;
        const inner = fn === 'none' ? sel : `${fn}(${sel}[$__rate_interval])`;
        const errors = (e: string) => analyzeExpression(e).filter((f) => f.severity === 'error');
        assert.deepEqual(errors(`sum by (${label}) (${inner})`), []);
        const invented = `zz_${label}`;
        assert.ok(!labelAllowed(series, invented));
        assert.deepEqual(errors(`sum by (${invented}) (${inner})`).map((f) => f.ruleId), ['metrics/unknown-label']);
      }),
      { numRuns: 200 },
    );
  });

  test('property: a mistyped litellm series name is flagged and the suggestion is a real series', () => {
    const names = [...seriesByName().keys()].filter((n) => n.length > 20);
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.nat(), (name, at) => {
        const i = 9 + (at % (name.length - 9));
        const typo = name.slice(0, i) + 'q' + name.slice(i + 1);
        fc.pre(!seriesByName().has(typo) && typo !== name);
        const findings = analyzeExpression(`rate(${typo}[5m])`);
        assert.equal(findings.length, 1);
        assert.equal(findings[0].ruleId, 'metrics/unknown-metric');
        const suggestion = findings[0].message.match(/did you mean '([^']+)'/)?.[1];
        if (suggestion) assert.ok(seriesByName().has(suggestion));
      }),
      { numRuns: 200 },
    );
  });

  test('lexer: tokens are ordered, do not overlap and cover every non-space character outside comments', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab_:{}()[],=~!"\'` 0123456789.$#\n+-*/<>^@'.split('')), maxLength: 80 }), (src) => {
        const tokens = tokenize(src);
        let last = 0;
        for (const t of tokens) {
          assert.ok(t.start >= last && t.end > t.start && t.end <= src.length);
          for (let k = last; k < t.start; k++) assert.ok(/\s/.test(src[k]) || src.slice(0, k + 1).includes('#'));
          last = t.end;
        }
      }),
      { numRuns: 500 },
    );
  });

  test('JSON positions: every decoded character maps to its raw source', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (value) => {
        const text = `{"a": [1, {"expr": ${JSON.stringify(value)}}]}`;
        const root = parseJsonWithPositions(text);
        assert.equal(root.type, 'object');
        const node = root.type === 'object' && root.entries[0].value.type === 'array' ? root.entries[0].value.items[1] : undefined;
        const str = node?.type === 'object' ? node.entries[0].value : undefined;
        assert.ok(str?.type === 'string');
        assert.equal(str.value, value);
        [...value].forEach((ch, i) => {
          const raw = text.slice(str.map[i], str.map[i + 1]);
          assert.equal(JSON.parse(`"${raw}"`), value[i], `char ${i} of ${JSON.stringify(value)}`);
          void ch;
        });
      }),
      { numRuns: 300 },
    );
    assert.throws(() => parseJsonWithPositions('{"a": }'), /offset 6/);
  });

  test('broken files are reported, not thrown; unreadable files are usage errors', async () => {
    assert.deepEqual(checkText('x.json', '{"panels": [').map((d) => d.ruleId), ['metrics/parse-error']);
    assert.deepEqual(checkText('x.yml', 'groups: [').map((d) => d.ruleId), ['metrics/parse-error']);
    assert.deepEqual(checkText('x.yml', 'foo: bar\n').map((d) => d.ruleId), ['metrics/no-expressions']);
    // A Prometheus server config has no PromQL and is not a mistake to pass (e.g. generate -o dir/*).
    assert.deepEqual(checkText('prometheus.yml', 'global:\n  scrape_interval: 15s\nscrape_configs:\n  - job_name: litellm\n'), []);
    const k8s = 'spec:\n  groups:\n    - name: a\n      rules:\n        - alert: A\n          expr: litellm_nope > 1\n';
    assert.deepEqual(checkText('x.yaml', k8s).map((d) => `${d.line}:${d.column} ${d.path}`), ['6:17 spec.groups[0].rules[0].expr']);
    await assert.rejects(checkFiles(['/nonexistent/file.json'], undefined), (e) => e instanceof CliError && e.exitCode === 2);
    await assert.rejects(checkFiles([fixture('bad.promql').pathname], 'not-a-version'), CliError);
    const result = await checkFiles([fixture('bad.promql').pathname, fixture('bad.rules.yml').pathname], '1.80.0');
    assert.equal(result.files.length, 2);
    assert.equal(result.diagnostics.filter((d) => d.severity === 'error').length, 6);
  });
});
