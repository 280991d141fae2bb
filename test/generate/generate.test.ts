import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parse } from 'yaml';
import { readConfigView } from '../../src/generate/config-view.js';
import { DASHBOARD_FILE_NAME, SCHEMA_VERSION } from '../../src/generate/grafana.js';
import { configHash, generate, joinForStdout, PROMETHEUS_FILE_NAME } from '../../src/generate/index.js';
import { NOT_EMITTED } from '../../src/generate/metrics-catalog.js';
import { resolveOptions, snapToBucket, type GenerateOptions } from '../../src/generate/options.js';
import { RULES_FILE_NAME } from '../../src/generate/prometheus.js';
import type { AlertingRule, RecordingRule, RulesFile } from '../../src/generate/rules.js';
import { checkText } from '../../src/generate/check/run.js';
import { fixtureConfig, generated } from './promtool-helpers.js';

const gateway = fixtureConfig('gateway.yaml');
const minimal = fixtureConfig('minimal.yaml');

function rulesOf(config: unknown, options = {}): RulesFile {
  return parse(generated('rules', config, options).get(RULES_FILE_NAME)!) as RulesFile;
}
function alerts(file: RulesFile): AlertingRule[] {
  return file.groups.flatMap((g) => g.rules.filter((r): r is AlertingRule => 'alert' in r));
}
function records(file: RulesFile): RecordingRule[] {
  return file.groups.flatMap((g) => g.rules.filter((r): r is RecordingRule => 'record' in r));
}

/** Shuffle mapping keys recursively (arrays keep their order): same config, different text. */
function shuffleKeys(value: unknown, rnd: () => number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffleKeys(v, rnd));
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(() => rnd() - 0.5);
    return Object.fromEntries(entries.map(([k, v]) => [k, shuffleKeys(v, rnd)]));
  }
  return value;
}

describe('generate', () => {
  test('same config ⇒ byte-identical files, also when mapping keys are reordered', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        let x = seed;
        const rnd = () => ((x = (x * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
        const a = generate('all', gateway, {}).files;
        const b = generate('all', shuffleKeys(gateway, rnd), {}).files;
        assert.deepEqual(a, b);
      }),
      { numRuns: 25 },
    );
  });

  test('the dashboard uid is stable, derived from the content, and overridable', () => {
    const uid = (config: unknown, opts = {}) => (JSON.parse(generated('grafana', config, opts).get(DASHBOARD_FILE_NAME)!) as { uid: string }).uid;
    assert.equal(uid(gateway), uid(structuredClone(gateway)));
    assert.match(uid(gateway), /^gwcfg-[0-9a-f]{14}$/);
    assert.notEqual(uid(gateway), uid(minimal));
    assert.equal(uid(gateway, { uid: 'my-gateway' }), 'my-gateway');
    assert.throws(() => generate('grafana', gateway, { uid: 'has spaces' }), /--uid/);
  });

  test('the master key never appears in any output, and does not change the hash', () => {
    const out = generate('all', gateway, {}).files.map((f) => f.content).join('\n');
    assert.ok(!out.includes('sk-1234-do-not-print-me'));
    const other = structuredClone(gateway) as { general_settings: { master_key: string } };
    other.general_settings.master_key = 'sk-another';
    assert.equal(configHash(other), configHash(gateway));
  });

  test('bearer auth with a credentials_file only when the config requires auth for /metrics', () => {
    const withAuth = parse(generated('prometheus', gateway).get(PROMETHEUS_FILE_NAME)!);
    assert.deepEqual(withAuth.scrape_configs[0].authorization, { type: 'Bearer', credentials_file: '/etc/prometheus/secrets/litellm-master-key' });
    const without = parse(generated('prometheus', minimal).get(PROMETHEUS_FILE_NAME)!);
    assert.equal(without.scrape_configs[0].authorization, undefined);
    const forced = parse(generated('prometheus', minimal, { auth: 'bearer', credentialsFile: '/run/secrets/k' }).get(PROMETHEUS_FILE_NAME)!);
    assert.equal(forced.scrape_configs[0].authorization.credentials_file, '/run/secrets/k');
    const overridden = parse(
      generated('prometheus', gateway, { targets: ['a:1', 'b:2'], scheme: 'https', scrapeInterval: '30s', jobName: 'gw', auth: 'none' }).get(PROMETHEUS_FILE_NAME)!,
    );
    assert.deepEqual(overridden.scrape_configs[0], { job_name: 'gw', scheme: 'https', metrics_path: '/metrics', scrape_interval: '30s', static_configs: [{ targets: ['a:1', 'b:2'] }] });
  });

  test('bad options are refused with a message naming the flag', () => {
    const cases: [GenerateOptions, string][] = [
      [{ targets: ['nohost'] }, '--target'],
      [{ scheme: 'ftp' }, '--scheme'],
      [{ scrapeInterval: '15 seconds' }, '--scrape-interval'],
      [{ sloTarget: 1 }, '--slo-target'],
      [{ errorRatio: 0 }, '--error-ratio'],
      [{ latencySloMs: 400_000 }, '--latency-slo-ms'],
      [{ litellmVersion: 'banana' }, '--litellm-version'],
      [{ budgetPerDay: -1 }, '--budget-per-day'],
    ];
    for (const [opts, flag] of cases) {
      assert.throws(() => generate('all', gateway, opts), (e: Error) => e.message.startsWith(flag), flag);
    }
  });

  test('thresholds come from the config: rpm/tpm headroom, budget, cooldown, fallback sources', () => {
    const file = rulesOf(gateway);
    const thresholds = records(file).filter((r) => r.record.endsWith('_threshold:config'));
    // gpt-4o: smallest rpm 300 (entry-level on the second deployment), tpm 100000; text-embed: tpm 1e6.
    assert.deepEqual(
      thresholds.map((r) => [r.record.split(':')[1], r.labels?.model_group, r.expr]),
      [
        ['remaining_requests_threshold', 'gpt-4o', 'vector(30)'],
        ['remaining_tokens_threshold', 'gpt-4o', 'vector(10000)'],
        ['remaining_tokens_threshold', 'text-embed', 'vector(100000)'],
      ],
    );
    const byName = (n: string) => alerts(file).filter((a) => a.alert === n);
    assert.match(byName('LiteLLMSpendRateHigh')[0].expr, /\* 24 > 10$/); // 300 USD per 30d
    assert.equal(byName('LiteLLMDeploymentOutage')[0].for, '90s'); // 2 × cooldown_time 45
    assert.match(byName('LiteLLMFallbackRateHigh')[0].expr, /requested_model=~"gpt-4o"/);
    assert.match(byName('LiteLLMRateLimitHeadroomLow')[0].expr, /model_group!~"gpt-4o"/);
    // Overrides win over the config.
    const over = rulesOf(gateway, { budgetPerDay: 50, headroomRatio: 0.5 });
    assert.match(alerts(over).find((a) => a.alert === 'LiteLLMSpendRateHigh')!.expr, /> 50$/);
    assert.ok(records(over).some((r) => r.expr === 'vector(150)'));
  });

  test('without budget or fallbacks, the spend and fallback-rate alerts are left out', () => {
    const names = new Set(alerts(rulesOf(minimal)).map((a) => a.alert));
    assert.ok(!names.has('LiteLLMSpendRateHigh') && !names.has('LiteLLMDailySpendOverBudget') && !names.has('LiteLLMFallbackRateHigh'));
    assert.ok(names.has('LiteLLMRateLimitHeadroomLow') && names.has('LiteLLMLatencyErrorBudgetBurn'));
  });

  test('a config without the prometheus callback gets a warning', () => {
    assert.ok(generate('rules', minimal, {}).warnings.some((w) => w.includes('prometheus')));
    assert.ok(!generate('rules', gateway, {}).warnings.some((w) => w.includes('prometheus')));
  });

  test('burn-rate alerts follow the SRE workbook windows and factors', () => {
    const burn = alerts(rulesOf(gateway, { sloTarget: 0.999 })).filter((a) => a.alert === 'LiteLLMLatencyErrorBudgetBurn');
    assert.deepEqual(
      burn.map((a) => [a.labels.long_window, a.labels.short_window, a.labels.severity, a.expr.match(/\(([\d.]+) \* ([\d.]+)\)/)!.slice(1).join('x')]),
      [
        ['1h', '5m', 'critical', '14.4x0.001'],
        ['6h', '30m', 'critical', '6x0.001'],
        ['1d', '2h', 'warning', '3x0.001'],
        ['3d', '6h', 'warning', '1x0.001'],
      ],
    );
  });

  test('the latency SLO snaps up to a LiteLLM bucket and warns', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 300, noNaN: true }), (seconds) => {
        const b = snapToBucket(seconds);
        assert.ok(b >= seconds - 1e-9 && b <= 300);
      }),
    );
    const warnings: string[] = [];
    const opts = resolveOptions({ latencySloMs: 1200 }, readConfigView(gateway), (w) => warnings.push(w));
    assert.equal(opts.latencySloSeconds, 1.5);
    assert.equal(warnings.length, 1);
    assert.match(rulesOf(gateway, { latencySloMs: 1200 }).groups[1].rules[0].expr, /le=~"1\.5"|le="1\.5"/);
  });

  test('metric names follow --litellm-version', () => {
    const newest = generate('all', gateway, {}).files.map((f) => f.content).join('\n');
    const old = generate('all', gateway, { litellmVersion: '1.70.0' }).files.map((f) => f.content).join('\n');
    const mid = generate('all', gateway, { litellmVersion: 'v1.78.2' }).files.map((f) => f.content).join('\n');
    assert.match(newest, /litellm_total_tokens_metric_total/);
    assert.match(newest, /litellm_remaining_requests_metric/);
    assert.match(old, /litellm_total_tokens_total/);
    assert.doesNotMatch(old, /litellm_total_tokens_metric/);
    assert.match(old, /litellm_remaining_requests[^_]/);
    assert.match(mid, /litellm_total_tokens_metric_total/);
    assert.doesNotMatch(mid, /litellm_remaining_requests_metric/);
  });

  test('generated files never use names LiteLLM does not emit, and pass check-metrics for their version', () => {
    fc.assert(
      fc.property(fc.constantFrom(undefined, '1.60.0', '1.75.0', '1.80.5', '1.81.0', '1.83.7', '1.80'), (version) => {
        const files = generate('all', gateway, { litellmVersion: version }).files;
        for (const f of files) {
          for (const bad of Object.keys(NOT_EMITTED)) assert.ok(!new RegExp(`\\b${bad}\\b`).test(f.content), `${f.name} uses ${bad}`);
          if (f.name === PROMETHEUS_FILE_NAME) continue;
          const name = f.name.endsWith('.json') ? 'x.json' : 'x.rules.yml';
          assert.deepEqual(checkText(name, f.content, { version }), []);
        }
      }),
      { numRuns: 12 },
    );
  });

  test('dashboard: schemaVersion ≥ 39, datasource and model_group variables, the required rows', () => {
    const d = JSON.parse(generated('grafana', gateway).get(DASHBOARD_FILE_NAME)!);
    assert.ok(d.schemaVersion >= 39 && SCHEMA_VERSION >= 39);
    const vars = d.templating.list.map((v: { name: string; type: string }) => `${v.name}:${v.type}`);
    assert.deepEqual(vars, ['datasource:datasource', 'model_group:query']);
    const rows = d.panels.filter((p: { type: string }) => p.type === 'row').map((p: { title: string }) => p.title);
    assert.deepEqual(rows, ['Traffic', 'Latency', 'Errors', 'Fallbacks', 'Deployment state and cooldowns', 'Rate-limit headroom', 'Tokens and cost']);
    const ids = d.panels.map((p: { id: number }) => p.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const p of d.panels.filter((x: { type: string }) => x.type !== 'row')) {
      assert.equal(p.datasource.uid, '${datasource}');
      assert.ok(p.gridPos.x + p.gridPos.w <= 24);
    }
    const exprs = d.panels.flatMap((p: { targets?: { expr: string }[] }) => (p.targets ?? []).map((t) => t.expr)).join('\n');
    for (const needle of ['histogram_quantile(0.5,', 'histogram_quantile(0.95,', 'histogram_quantile(0.99,', 'exception_class', 'litellm_deployment_state', 'fallback_model', 'litellm_remaining_tokens_metric', 'litellm_spend_metric_total']) {
      assert.ok(exprs.includes(needle), needle);
    }
  });

  test('-o - for all: one stream, each file under a header comment', () => {
    const files = generate('all', gateway, {}).files;
    const out = joinForStdout(files);
    assert.deepEqual([...out.matchAll(/^# ---- gwcfg: (.+) ----$/gm)].map((m) => m[1]), [PROMETHEUS_FILE_NAME, RULES_FILE_NAME, DASHBOARD_FILE_NAME]);
    assert.equal(joinForStdout(files.slice(0, 1)), files[0].content);
  });

  test('config view: entry-level rpm, model_info.id, fallbacks precedence, budget duration', () => {
    const view = readConfigView(gateway);
    assert.deepEqual(view.groups.map((g) => [g.name, g.deployments.length, g.minRpm, g.minTpm]), [
      ['claude-sonnet', 1, undefined, undefined],
      ['gpt-4o', 2, 300, 100000],
      ['text-embed', 1, undefined, 1000000],
    ]);
    assert.deepEqual(view.deployments.map((d) => d.id), ['gpt-4o-eastus', 'gpt-4o-westeurope', undefined, undefined]);
    assert.equal(view.budgetDurationSeconds, 30 * 86400);
    assert.deepEqual(readConfigView({ router_settings: { fallbacks: [] }, litellm_settings: { fallbacks: [{ a: ['b'] }], default_fallbacks: ['c'] } }).fallbackSources, ['*', 'a']);
    assert.deepEqual(readConfigView(null).groups, []);
    // Anything at all is read without throwing.
    fc.assert(fc.property(fc.anything(), (v) => void readConfigView(v)));
  });
});
