// `tune --report FILE.html`: the Pareto front of the search and the chosen config's timeline, on
// the page and with the chart builders of `simulate --report` (src/sim/report/html.ts: ECharts
// rendered to inline SVG on the server, no script). Loaded only when --report is given.
import * as echarts from 'echarts/core';
import { ScatterChart } from 'echarts/charts';
import { deploymentTable, renderPage, timelineCharts, type ReportChart, type ScenarioWindow } from '../sim/report/html.js';
import type { SimResult } from '../sim/result.js';
import { count, seedList, type TuneJson } from './output.js';

echarts.use([ScatterChart]);

type Point = TuneJson['pareto'][number];

/** Cost against p95 of every finalist on the front (and the given config), by whether it meets the SLO. */
function paretoChart(doc: TuneJson): ReportChart {
  const points: Point[] = [doc.baseline, ...doc.pareto.filter((c) => c.id !== 0)];
  const datum = (c: Point) => ({
    value: [c.metrics.cost_usd, c.metrics.p95_ms, Math.round(c.metrics.success * 1e6) / 1e4],
    name: c.id === 0 ? 'given' : `#${c.id}`,
    symbolSize: c.id === doc.best.id || c.id === 0 ? 16 : 10,
    label: { show: true, formatter: c.id === 0 ? 'given' : c.id === doc.best.id ? `#${c.id} (chosen)` : `#${c.id}`, position: 'right', fontSize: 10 },
  });
  const series = (name: string, colour: string, list: Point[]) => ({ type: 'scatter', name, color: colour, data: list.map(datum) });
  const slo = doc.slo.p95_ms !== null ? ` The SLO's p95 bound is ${doc.slo.p95_ms} ms.` : '';
  return {
    id: 'tune-pareto',
    title: 'Pareto front: cost against p95 latency',
    caption: `Finalists no other beats on cost, p95, p99 and success at once, on the search ${seedList(doc.search.seeds)}, and the given config. Green: meets the SLO (${doc.slo.text}); red: misses it.${slo}`,
    option: {
      animation: false,
      textStyle: { fontFamily: 'sans-serif' },
      legend: { top: 4, textStyle: { fontSize: 11 } },
      grid: { left: 72, right: 120, top: 40, bottom: 48 },
      xAxis: { type: 'value', name: 'cost USD', nameLocation: 'middle', nameGap: 28, scale: true },
      yAxis: { type: 'value', name: 'p95 ms', scale: true },
      series: [series('meets SLO', '#16a34a', points.filter((c) => c.meets_slo)), series('misses SLO', '#dc2626', points.filter((c) => !c.meets_slo))],
    },
  };
}

/** The verdict as the facts say it, the same as the terminal's (output.ts verdictLine). */
function meetsFact(doc: TuneJson): string {
  switch (doc.verdict) {
    case 'confirmed':
      return `yes, on the search seeds and at the 95 % bound on the hold-out ${seedList(doc.search.holdout_seeds)}`;
    case 'unconfirmed':
      return `on the search seeds; not confirmed on hold-out seeds (the budget left no room for the check)`;
    case 'rejected':
      return `no: #${doc.best.id} met it on the search seeds but is not confirmed on hold-out seeds (it missed at the 95 % bound), and no finalist passed that check`;
    case 'no_candidate':
      return 'no candidate does';
  }
}

export interface TuneReport {
  doc: TuneJson;
  /** The chosen config simulated on the first search seed. */
  chosen: SimResult;
  windows: readonly ScenarioWindow[];
  release: string;
  gwcfgVersion: string;
}

/** The whole page: facts, the Pareto chart, the chosen config's timeline charts and deployments. */
export function tuneReportHtml(input: TuneReport): string {
  const { doc } = input;
  const facts: Array<[string, string]> = [
    ['config', doc.config],
    [doc.scenario !== null ? 'scenario' : 'traffic replayed from', doc.scenario ?? doc.traffic ?? ''],
    ['SLO', `${doc.slo.text}, objective ${doc.objective}`],
    ['search', `${count(doc.search.candidates, 'candidate')}, ${count(doc.search.simulations, 'simulation')}, ${seedList(doc.search.seeds)}`],
    ['chosen', doc.best.changes.length === 0 ? 'the given config (no change)' : `#${doc.best.id}: ${doc.best.changes.map((c) => `${c.key} ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)}`).join('; ')}`],
    ['meets the SLO', meetsFact(doc)],
    ['LiteLLM release modelled', input.release],
    ['gwcfg version', input.gwcfgVersion],
  ];
  const timeline = timelineCharts(input.chosen, input.windows).map((c) => ({ ...c, id: `chosen-${c.id}`, title: `Chosen config (seed ${input.chosen.seed}): ${c.title}` }));
  return renderPage({ title: `gwcfg tune: ${doc.config}`, facts }, [paretoChart(doc), ...timeline], deploymentTable(input.chosen));
}
