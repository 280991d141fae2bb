// `simulate --report FILE.html`: one self-contained HTML page of charts. Apache ECharts renders
// each chart on the server side to an SVG string (no DOM, no canvas), inlined in the page, so the
// page has no script, loads nothing and reads the same in any browser; see docs/simulate.md
// ("HTML report") and docs/architecture.md for why ECharts.
//
// Reusable pieces (the tune report builds on them): scenarioWindows() turns a scenario into shaded
// time windows, timelineCharts() / compareCharts() turn results into chart specs, renderPage()
// renders a list of chart specs into the page.
import * as echarts from 'echarts/core';
import { BarChart, CustomChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, TitleComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { ProviderBehaviour } from '../deployment.js';
import { DEPLOYMENT_STATES, type DeploymentState } from '../metrics.js';
import type { DeploymentResult, SimResult } from '../result.js';
import type { Scenario } from '../scenario.js';

echarts.use([LineChart, BarChart, CustomChart, GridComponent, LegendComponent, MarkAreaComponent, TitleComponent, SVGRenderer]);

/** An ECharts option object (https://echarts.apache.org/en/option.html); kept loose on purpose. */
export type ChartOption = Record<string, unknown>;

/** One chart of a page: `id` becomes the figure's data-chart attribute. Sizes in CSS pixels. */
export interface ReportChart {
  id: string;
  title: string;
  /** One or two sentences under the title: what the chart shows. */
  caption: string;
  option: ChartOption;
  width?: number;
  height?: number;
}

/** What the page header names. */
export interface ReportMeta {
  /** Page title, e.g. "gwcfg simulate: gateway.yaml". */
  title: string;
  /** Label/value rows of the header (config, scenario, seed, LiteLLM release, gwcfg version, ...). */
  facts: ReadonlyArray<readonly [string, string]>;
  /** Notes shown under the header (not-simulated keys, clipped data); plain text. */
  notes?: readonly string[];
}

export type WindowKind = 'outage' | 'brown-out' | 'rate-limit' | 'errors' | 'traffic';

/** A time window of the scenario to shade behind timeline charts (seconds from the run's start). */
export interface ScenarioWindow {
  kind: WindowKind;
  fromS: number;
  toS: number;
  label: string;
}

/** Windows shaded per chart at most (identical windows of several deployments count once); later ones are left out. */
export const MAX_WINDOWS = 40;
/** Deployments drawn as their own series at most (by calls); the rest add up to "other". */
export const MAX_DEPLOYMENT_SERIES = 12;
/** Deployments drawn in the state timeline at most (by time spent in a state). */
export const MAX_STATE_ROWS = 20;

const WIDTH = 960;
const HEIGHT = 340;

const WINDOW_COLOURS: Record<WindowKind, string> = {
  outage: 'rgba(220,38,38,0.13)',
  'brown-out': 'rgba(217,119,6,0.15)',
  'rate-limit': 'rgba(37,99,235,0.12)',
  errors: 'rgba(219,39,119,0.12)',
  traffic: 'rgba(100,116,139,0.14)',
};
const STATE_COLOURS: Record<DeploymentState, string> = { cooldown: '#d97706', 'circuit-open': '#dc2626', unhealthy: '#7c3aed' };
const CAUSE_COLOURS: Record<string, string> = {
  outage: '#dc2626',
  'rate-limit': '#2563eb',
  'gateway-limit': '#0891b2',
  'queue-full': '#9333ea',
  error: '#db2777',
  timeout: '#d97706',
  'no-deployment-available': '#475569',
};
const OK_COLOUR = '#16a34a';

const fmt = (n: number, digits = 3) => String(Math.round(n * 10 ** digits) / 10 ** digits);

/**
 * The scenario's windows as the report shades them: each deployment's `outages` (after the
 * scenario's rules were applied: `behaviours`, one per deployment as resolveBehaviours gives them)
 * and each traffic source's `phases` (left out when `replay`, where the scenario's traffic is not
 * used). Kinds: `status: 429` → rate-limit, another status → outage, `latency_multiplier` alone →
 * brown-out, an `error_rate` → errors; identical windows of several deployments become one.
 */
export function scenarioWindows(
  scenario: Scenario,
  behaviours: ReadonlyArray<Pick<ProviderBehaviour, 'outages'>>,
  labels: readonly string[],
  replay = false,
): ScenarioWindow[] {
  const byKey = new Map<string, { kind: WindowKind; fromS: number; toS: number; what: string; who: string[] }>();
  const add = (kind: WindowKind, fromMs: number, toMs: number, what: string, who: string) => {
    const key = `${kind}|${fromMs}|${toMs}|${what}`;
    const w = byKey.get(key) ?? { kind, fromS: fromMs / 1000, toS: toMs / 1000, what, who: [] };
    w.who.push(who);
    byKey.set(key, w);
  };
  behaviours.forEach((b, d) => {
    for (const o of b.outages) {
      if (o.status === 429) add('rate-limit', o.fromMs, o.toMs, 'rate limit (429)', labels[d]);
      else if (o.status !== undefined) add('outage', o.fromMs, o.toMs, `outage (${o.status})`, labels[d]);
      else if (o.errorRate !== undefined) add('errors', o.fromMs, o.toMs, `errors ${fmt(o.errorRate * 100, 1)}%${o.latencyMultiplier !== undefined ? `, latency ×${o.latencyMultiplier}` : ''}`, labels[d]);
      else if (o.latencyMultiplier !== undefined) add('brown-out', o.fromMs, o.toMs, `brown-out (latency ×${o.latencyMultiplier})`, labels[d]);
    }
  });
  if (!replay) for (const t of scenario.traffic) for (const p of t.phases) add('traffic', p.fromMs, p.toMs, `traffic ×${p.multiplier}`, t.model);
  return [...byKey.values()]
    .sort((a, b) => a.fromS - b.fromS || a.toS - b.toS || a.kind.localeCompare(b.kind))
    .slice(0, MAX_WINDOWS)
    .map((w) => ({ kind: w.kind, fromS: w.fromS, toS: w.toS, label: `${w.what}: ${w.who.length > 3 ? `${w.who.slice(0, 3).join(', ')} +${w.who.length - 3}` : w.who.join(', ')}` }));
}

/** markArea of a series that shades the windows (full height, label at the top). */
function windowAreas(windows: readonly ScenarioWindow[]): ChartOption | undefined {
  if (windows.length === 0) return undefined;
  return {
    silent: true,
    label: { position: 'insideTop', fontSize: 10, color: '#334155', overflow: 'truncate' },
    data: windows.map((w) => [{ name: w.label, xAxis: w.fromS, itemStyle: { color: WINDOW_COLOURS[w.kind] } }, { xAxis: w.toS }]),
  };
}

/** Short name of a deployment for legends: "#index label" (`label` tells it apart in its group; the page's table gives the rest). */
export function deploymentLegend(d: Pick<DeploymentResult, 'index' | 'label'>): string {
  const label = d.label.length > 40 ? `${d.label.slice(0, 39)}…` : d.label;
  return `#${d.index} ${label}`;
}

function timeAxis(result: SimResult): ChartOption {
  const end = Math.max(result.bucket_seconds, result.timeline.length * result.bucket_seconds);
  return { type: 'value', name: 's', min: 0, max: end, nameGap: 8, splitLine: { show: false }, axisLabel: { showMaxLabel: false } };
}

const base = (legend = true): ChartOption => ({
  animation: false,
  textStyle: { fontFamily: 'sans-serif' },
  grid: { left: 64, right: 32, top: legend ? 48 : 24, bottom: 40 },
  ...(legend ? { legend: { top: 4, type: 'plain', textStyle: { fontSize: 11 } } } : {}),
});

/** Deployments that get their own series (most calls first, then config order), the rest as "other". */
function chartedDeployments(result: SimResult): { shown: DeploymentResult[]; others: DeploymentResult[] } {
  const ranked = [...result.deployments].sort((a, b) => b.requests - a.requests || a.index - b.index);
  const shown = ranked.slice(0, MAX_DEPLOYMENT_SERIES).sort((a, b) => a.index - b.index);
  return { shown, others: ranked.slice(MAX_DEPLOYMENT_SERIES) };
}

/** Stacked area: each deployment's share (%) of the calls started per bucket; windows shaded. */
export function shareChart(result: SimResult, windows: readonly ScenarioWindow[], id = 'traffic-share', title = 'Traffic share per deployment'): ReportChart {
  const { shown, others } = chartedDeployments(result);
  const share = (b: SimResult['timeline'][number], calls: number) => {
    const total = b.by_deployment.reduce((s, n) => s + n, 0);
    return total > 0 ? Math.round((calls / total) * 1e4) / 100 : 0;
  };
  const x = (i: number) => result.timeline[i].t + result.bucket_seconds / 2;
  const series: ChartOption[] = shown.map((d) => ({
    type: 'line',
    name: deploymentLegend(d),
    stack: 'share',
    areaStyle: {},
    showSymbol: false,
    lineStyle: { width: 1 },
    data: result.timeline.map((b, i) => [x(i), share(b, b.by_deployment[d.index])]),
  }));
  if (others.length > 0) {
    series.push({
      type: 'line', name: `${others.length} other`, stack: 'share', areaStyle: {}, showSymbol: false, lineStyle: { width: 1 }, color: '#94a3b8',
      data: result.timeline.map((b, i) => [x(i), share(b, others.reduce((s, d) => s + b.by_deployment[d.index], 0))]),
    });
  }
  const legend = series.map((x) => x.name);
  // Shaded over the stacked areas (drawn last, translucent), which would hide a shade behind them.
  if (windows.length > 0) series.push({ type: 'line', data: [], z: 10, silent: true, markArea: windowAreas(windows) });
  return {
    id,
    title,
    caption: 'Share of the calls started in each time bucket, per deployment (retries and fallbacks included). Shaded: the scenario\'s outages, brown-outs, rate-limit and error windows and traffic phases.',
    option: { ...base(), legend: { ...(base().legend as ChartOption), data: legend }, xAxis: timeAxis(result), yAxis: { type: 'value', name: '%', min: 0, max: 100 }, series },
  };
}

/** Stacked bars per bucket: succeeded requests and failed ones by cause. */
export function outcomesChart(result: SimResult, windows: readonly ScenarioWindow[]): ReportChart {
  const causes = [...new Set(result.timeline.flatMap((b) => Object.keys(b.failure_causes)))].sort();
  const x = (t: number) => t + result.bucket_seconds / 2;
  const series: ChartOption[] = [
    { type: 'bar', name: 'succeeded', stack: 'n', color: OK_COLOUR, barCategoryGap: '10%', data: result.timeline.map((b) => [x(b.t), b.succeeded]), markArea: windowAreas(windows) },
    ...causes.map((c) => ({ type: 'bar', name: `failed: ${c}`, stack: 'n', color: CAUSE_COLOURS[c], data: result.timeline.map((b) => [x(b.t), b.failure_causes[c] ?? 0]) })),
  ];
  return {
    id: 'outcomes',
    title: 'Successes and failures per time bucket',
    caption: `Client requests finishing in each ${fmt(result.bucket_seconds)} s bucket: succeeded, and failed by what the last call ran into (${causes.length > 0 ? causes.join(', ') : 'no failures'}).`,
    option: { ...base(), xAxis: timeAxis(result), yAxis: { type: 'value', name: 'requests' }, series },
  };
}

/** Lines: client latency p50 / p95 / p99 of the requests succeeding in each bucket. */
export function latencyChart(result: SimResult, windows: readonly ScenarioWindow[]): ReportChart {
  const x = (t: number) => t + result.bucket_seconds / 2;
  const line = (name: string, key: 'p50_ms' | 'p95_ms' | 'p99_ms', colour: string) => ({
    type: 'line', name, color: colour, showSymbol: false, data: result.timeline.map((b) => [x(b.t), b.succeeded > 0 ? b[key] : null]),
  });
  const series: ChartOption[] = [line('p50', 'p50_ms', '#0891b2'), line('p95', 'p95_ms', '#d97706'), line('p99', 'p99_ms', '#dc2626')];
  series[0].markArea = windowAreas(windows);
  return {
    id: 'latency',
    title: 'Client latency over time',
    caption: 'p50, p95 and p99 of the client-observed latency of the requests that succeeded in each bucket (retries, backoff and fallbacks included; HDR histogram, ≤ 1 % error).',
    option: { ...base(), xAxis: timeAxis(result), yAxis: { type: 'value', name: 'ms' }, series },
  };
}

/** One bar per interval in a row per deployment: cooldown, circuit-open and unhealthy lanes. */
export function statesChart(result: SimResult): ReportChart {
  const time = (d: DeploymentResult) => d.state_intervals.reduce((s, i) => s + i.to_s - i.from_s, 0);
  // Every deployment when they fit, else those with intervals.
  const rows = result.deployments
    .filter((d) => d.state_intervals.length > 0 || result.deployments.length <= MAX_STATE_ROWS)
    .sort((a, b) => time(b) - time(a) || a.index - b.index)
    .slice(0, MAX_STATE_ROWS)
    .sort((a, b) => a.index - b.index);
  const categories = rows.map(deploymentLegend);
  const lane = (state: DeploymentState) => DEPLOYMENT_STATES.indexOf(state);
  const series = DEPLOYMENT_STATES.map((state) => ({
    type: 'custom',
    name: state,
    color: STATE_COLOURS[state],
    renderItem: (_params: unknown, api: { value(i: number): number; coord(v: [number, number]): [number, number]; size(v: [number, number]): [number, number] }) => {
      const [x0, y] = api.coord([api.value(1), api.value(0)]);
      const [x1] = api.coord([api.value(2), api.value(0)]);
      const band = api.size([0, 1])[1];
      const h = (band * 0.8) / DEPLOYMENT_STATES.length;
      return { type: 'rect', shape: { x: x0, y: y - band * 0.4 + lane(state) * h, width: Math.max(1, x1 - x0), height: h }, style: { fill: STATE_COLOURS[state] } };
    },
    encode: { x: [1, 2], y: 0 },
    data: rows.flatMap((d, row) => d.state_intervals.filter((i) => i.state === state).map((i) => [row, i.from_s, i.to_s])),
  }));
  const clipped = result.deployments.filter((d) => d.state_intervals_clipped).length;
  const left = result.deployments.filter((d) => d.state_intervals.length > 0 && !rows.includes(d)).length;
  const none = rows.every((d) => d.state_intervals.length === 0);
  const height = Math.max(160, 90 + rows.length * 28);
  return {
    id: 'states',
    title: 'Cooldown, circuit-open and unhealthy intervals',
    caption:
      (none ? 'No deployment was cooled down, circuit-open or unhealthy in this run. ' : 'When the router kept each deployment out: cooled down (allowed_fails / cooldown_time), circuit breaker open, or excluded by health checks. ') +
      (left > 0 ? `${left} more deployment(s) with intervals are not drawn (at most ${MAX_STATE_ROWS}). ` : '') +
      (clipped > 0 ? `${clipped} deployment(s) had more intervals than the result keeps (state_intervals_clipped).` : ''),
    height,
    option: {
      ...base(),
      grid: { left: 220, right: 32, top: 48, bottom: 40 },
      xAxis: timeAxis(result),
      yAxis: { type: 'category', data: categories, inverse: true, axisLabel: { fontSize: 11, width: 200, overflow: 'truncate' } },
      series,
    },
  };
}

/** Cost per bucket (line) and cost per deployment (bars), side by side. */
export function costCharts(result: SimResult, windows: readonly ScenarioWindow[]): ReportChart[] {
  const x = (t: number) => t + result.bucket_seconds / 2;
  const overTime: ReportChart = {
    id: 'cost-over-time',
    title: 'Cost over time',
    caption: 'USD of the calls that succeeded in each bucket, priced with LiteLLM\'s model map (deployments without a known price count 0).',
    option: {
      ...base(false),
      xAxis: timeAxis(result),
      yAxis: { type: 'value', name: 'USD' },
      series: [{ type: 'line', name: 'cost', color: '#0f766e', areaStyle: { opacity: 0.2 }, showSymbol: false, data: result.timeline.map((b) => [x(b.t), b.cost_usd]), markArea: windowAreas(windows) }],
    },
  };
  const { shown, others } = chartedDeployments(result);
  const bars = shown.map((d) => ({ name: deploymentLegend(d), value: d.cost_usd }));
  if (others.length > 0) bars.push({ name: `${others.length} other`, value: Math.round(others.reduce((s, d) => s + d.cost_usd, 0) * 1e6) / 1e6 });
  const perDeployment: ReportChart = {
    id: 'cost-by-deployment',
    title: 'Cost per deployment',
    caption: `Total USD per deployment after the warm-up (total ${fmt(result.totals.cost_usd, 6)} USD).`,
    height: Math.max(160, 70 + bars.length * 26),
    option: {
      ...base(false),
      grid: { left: 220, right: 48, top: 16, bottom: 40 },
      xAxis: { type: 'value', name: 'USD' },
      yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.name), axisLabel: { fontSize: 11, width: 200, overflow: 'truncate' } },
      series: [{ type: 'bar', color: '#0f766e', data: bars.map((b) => b.value), label: { show: true, position: 'right', fontSize: 10 } }],
    },
  };
  return [overTime, perDeployment];
}

/** The charts of one run, in page order. */
export function timelineCharts(result: SimResult, windows: readonly ScenarioWindow[]): ReportChart[] {
  return [shareChart(result, windows), outcomesChart(result, windows), latencyChart(result, windows), statesChart(result), ...costCharts(result, windows)];
}

/** Several runs (strategies): summary bars side by side, overlaid timelines, each run's share chart. */
export function compareCharts(results: readonly SimResult[], windows: readonly ScenarioWindow[]): ReportChart[] {
  const names = results.map((r) => r.strategy);
  const metrics: Array<[string, string, (r: SimResult) => number]> = [
    ['success rate', '%', (r) => Math.round(r.totals.success_rate * 1e6) / 1e4],
    ['p95 latency', 'ms', (r) => r.totals.latency_ms.p95],
    ['p99 latency', 'ms', (r) => r.totals.latency_ms.p99],
    ['cost', 'USD', (r) => r.totals.cost_usd],
  ];
  const cell = 100 / metrics.length;
  const summary: ReportChart = {
    id: 'compare-summary',
    title: 'Strategies side by side',
    caption: 'Success rate, client p95 and p99 latency and cost of each strategy on identical traffic (same seed).',
    height: Math.max(260, 120 + names.length * 24),
    option: {
      animation: false,
      textStyle: { fontFamily: 'sans-serif' },
      title: metrics.map(([name, unit], i) => ({ text: `${name} (${unit})`, left: `${i * cell + cell / 2}%`, textAlign: 'center', top: 4, textStyle: { fontSize: 12 } })),
      grid: metrics.map((_, i) => ({ left: `${i * cell + (i === 0 ? 15 : 2)}%`, width: `${cell - (i === 0 ? 17 : 4)}%`, top: 32, bottom: 32 })),
      xAxis: metrics.map((_, i) => ({ type: 'value', gridIndex: i, axisLabel: { fontSize: 10 }, splitNumber: 3, ...(i === 0 ? { max: 100 } : {}) })),
      yAxis: metrics.map((_, i) => ({ type: 'category', gridIndex: i, inverse: true, data: names, axisLabel: { show: i === 0, fontSize: 11 } })),
      series: metrics.map(([name, , value], i) => ({
        type: 'bar', name, xAxisIndex: i, yAxisIndex: i, color: ['#16a34a', '#d97706', '#dc2626', '#0f766e'][i],
        data: results.map(value), label: { show: true, position: 'insideRight', fontSize: 10, color: '#fff' },
      })),
    },
  };
  const panels: Array<[string, string, (b: SimResult['timeline'][number]) => number | null]> = [
    ['failed requests', 'requests', (b) => b.failed],
    ['p95 latency', 'ms', (b) => (b.succeeded > 0 ? b.p95_ms : null)],
    ['p99 latency', 'ms', (b) => (b.succeeded > 0 ? b.p99_ms : null)],
    ['cost', 'USD', (b) => b.cost_usd],
  ];
  const panelHeight = 150;
  const first = results[0];
  const overlaid: ReportChart = {
    id: 'compare-timelines',
    title: 'Strategies over time',
    caption: 'Failed requests, client p95 and p99 latency and cost per bucket of every strategy, overlaid. Shaded: the scenario\'s windows.',
    height: 40 + panels.length * (panelHeight + 30),
    option: {
      animation: false,
      textStyle: { fontFamily: 'sans-serif' },
      legend: { top: 4, textStyle: { fontSize: 11 } },
      title: panels.map(([name, unit], i) => ({ text: `${name} (${unit})`, left: 64, top: 36 + i * (panelHeight + 30), textStyle: { fontSize: 12 } })),
      grid: panels.map((_, i) => ({ left: 64, right: 32, top: 56 + i * (panelHeight + 30), height: panelHeight - 30 })),
      xAxis: panels.map((_, i) => ({ ...timeAxis(first), gridIndex: i, name: i === panels.length - 1 ? 's' : '' })),
      yAxis: panels.map((_, i) => ({ type: 'value', gridIndex: i, splitNumber: 3 })),
      series: panels.flatMap(([, , value], i) =>
        results.map((r, k) => ({
          type: 'line', name: r.strategy, xAxisIndex: i, yAxisIndex: i, showSymbol: false, lineStyle: { width: 1.5 },
          data: r.timeline.map((b) => [b.t + r.bucket_seconds / 2, value(b)]),
          ...(k === 0 ? { markArea: windowAreas(windows) } : {}),
        })),
      ),
    },
  };
  const shares = results.map((r) => ({ ...shareChart(r, windows, `traffic-share-${r.strategy}`, `Traffic share per deployment: ${r.strategy}`), height: 260 }));
  return [summary, overlaid, ...shares];
}

/**
 * SVG of one chart, rendered by ECharts without a DOM. Element ids and class names ECharts
 * numbers from process-wide counters are renamed per chart ("<prefix>-<n>" in order of first
 * appearance), so the bytes depend only on the chart and its place on the page.
 */
export function renderSvg(chart: ReportChart, prefix: string): string {
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: chart.width ?? WIDTH, height: chart.height ?? HEIGHT });
  try {
    instance.setOption(chart.option);
    const svg = instance.renderToSVGString();
    const names = new Map<string, string>();
    return svg.replace(/\bzr\d+-[A-Za-z]+-?\d+\b/g, (name) => {
      let renamed = names.get(name);
      if (renamed === undefined) names.set(name, (renamed = `${prefix}-${names.size}`));
      return renamed;
    });
  } finally {
    instance.dispose();
  }
}

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px auto;max-width:1000px;color:#0f172a;padding:0 12px}
h1{font-size:22px;margin:0 0 8px}h2{font-size:16px;margin:0 0 4px}
table{border-collapse:collapse;font-size:13px}td,th{padding:3px 10px 3px 0;text-align:left;vertical-align:top}
th{color:#475569;font-weight:600}td.n{text-align:right;font-variant-numeric:tabular-nums}
figure{margin:28px 0;padding:0}figure p{margin:0 0 8px;color:#475569;font-size:13px}
figure svg{max-width:100%;height:auto;display:block}
.notes{font-size:13px;color:#7c2d12}
`;

/**
 * The whole page: header facts, notes, then each chart as
 * `<figure data-chart="ID"><h2>TITLE</h2><p>CAPTION</p><svg>…</svg></figure>`, then `tables`
 * (already-escaped HTML). Self-contained: no script, no external URL. Deterministic bytes.
 */
export function renderPage(meta: ReportMeta, charts: readonly ReportChart[], tables = ''): string {
  const facts = meta.facts.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('\n');
  const notes = meta.notes && meta.notes.length > 0 ? `<ul class="notes">\n${meta.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('\n')}\n</ul>\n` : '';
  const figures = charts
    .map((c, i) => `<figure data-chart="${escapeHtml(c.id)}">\n<h2>${escapeHtml(c.title)}</h2>\n<p>${escapeHtml(c.caption)}</p>\n${renderSvg(c, `c${i}`)}\n</figure>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(meta.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(meta.title)}</h1>
<table class="facts">
${facts}
</table>
${notes}${figures}
${tables}
</body>
</html>
`;
}

/** Per-deployment table of one run: what the legends' "#index model" stand for, with totals. */
export function deploymentTable(result: SimResult): string {
  const head = '<tr><th>#</th><th>label</th><th>model</th><th>id</th><th>calls</th><th>share</th><th>failed</th><th>p95 ms</th><th>cost USD</th><th>cooldowns</th><th>circuit opens</th></tr>';
  const rows = result.deployments.map(
    (d) =>
      `<tr><td class="n">${d.index}</td><td>${escapeHtml(d.label)}</td><td>${escapeHtml(d.model)}</td><td title="${escapeHtml(d.id)}">${escapeHtml(d.id.length > 16 ? `${d.id.slice(0, 15)}…` : d.id)}</td><td class="n">${d.requests}</td>` +
      `<td class="n">${fmt(d.share * 100, 2)}%</td><td class="n">${d.failed}</td><td class="n">${d.latency_ms.p95}</td><td class="n">${d.cost_usd}</td><td class="n">${d.cooldowns}</td><td class="n">${d.circuit_opens}</td></tr>`,
  );
  return `<h2>Deployments${escapeHtml(result.strategy ? ` (${result.strategy})` : '')}</h2>\n<table class="deployments">\n${head}\n${rows.join('\n')}\n</table>`;
}

/** Inputs of a simulate report. */
export interface SimulateReport {
  /** Config file as the user named it. */
  config: string;
  /** Scenario file, or null for the scenario derived from the config. */
  scenario: string | null;
  /** LiteLLM release the router modelled, e.g. "1.83.7". */
  release: string;
  gwcfgVersion: string;
  /** One result, or several (--compare) run on identical traffic. */
  results: readonly SimResult[];
  windows: readonly ScenarioWindow[];
}

/** The simulate report page (single run or --compare). */
export function simulateReportHtml(input: SimulateReport): string {
  const [first] = input.results;
  const compare = input.results.length !== 1;
  const facts: Array<[string, string]> = [
    ['config', input.config],
    ['scenario', input.scenario ?? 'default scenario (derived from the config)'],
    ['seed', String(first?.seed ?? '')],
    [compare ? 'strategies' : 'strategy', input.results.map((r) => r.strategy).join(', ')],
    ['LiteLLM release modelled', input.release],
    ['gwcfg version', input.gwcfgVersion],
  ];
  if (first) {
    facts.push(['simulated', `${fmt(first.simulated_seconds)} s (warm-up ${fmt(first.warmup_seconds)} s), buckets of ${fmt(first.bucket_seconds)} s`]);
    if (first.replay) facts.push(['traffic replayed from', `${first.replay.file} (speed ×${first.replay.speed})`]);
  }
  if (!compare && first) {
    const t = first.totals;
    facts.push(['requests', `${t.requests}: ${t.succeeded} succeeded, ${t.failed} failed (success rate ${fmt(t.success_rate * 100, 4)}%)`]);
  }
  const notes = (first?.not_simulated ?? []).map((n) => `${n.file}:${n.line}:${n.column}: ${n.key} is not simulated (${n.reason})`);
  const charts = compare ? compareCharts(input.results, input.windows) : timelineCharts(first, input.windows);
  const tables = input.results.map(deploymentTable).join('\n');
  return renderPage({ title: `gwcfg simulate: ${input.config}`, facts, notes }, charts, tables);
}
