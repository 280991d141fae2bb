// Terminal tables for one run, --baseline and --compare. Plain text (no colour codes), so it
// reads the same in CI logs; every line fits the layout's width (report/fit.ts).
import type { SimResult } from '../result.js';
import { ms, pct, ratio, usd } from './format.js';
import type { BaselineComparison } from '../baseline.js';
import { BASELINE_HEADER, baselineRows, baselineTotals } from './baseline-rows.js';
import { PIPE_WIDTH, abbreviate, fitTable, wrapItems, type Column, type Layout } from './fit.js';
import { shareSparklines } from './sparkline.js';
import { REPLICA_ALIGN, REPLICA_HEADER, multiReplicaGateway, replicaRows, replicaSummary } from './replica-rows.js';

/** The layout of a pipe: PIPE_WIDTH columns, Unicode. */
export const PIPE_LAYOUT: Layout = { width: PIPE_WIDTH, unicode: true };

type Align = 'l' | 'r';

/** Columns from a header, rows, alignments and priorities (Infinity: never dropped); column 0 is the label. */
function columns(header: readonly string[], rows: readonly (readonly (string | number)[])[], align: readonly Align[], priority: readonly number[], layout: Layout): Column[] {
  return header.map((h, i) => ({
    header: h,
    cells: rows.map((r) => String(r[i])),
    align: align[i],
    priority: priority[i],
    ...(i === 0 ? { shrink: { min: 10, preferred: 32, by: (text: string, max: number) => abbreviate(text, max, layout) } } : {}),
  }));
}

/**
 * A plain table (header, dashes, rows) with columns padded to their widest cell; within
 * `layout` (default: no width limit) the rightmost columns go first and column 0 is abbreviated.
 */
export function renderTable(header: readonly string[], rows: readonly (readonly (string | number)[])[], align: readonly Align[], layout: Layout = { width: Infinity, unicode: true }): string {
  return fitTable(columns(header, rows, align, header.map((_, i) => (i === 0 ? Infinity : header.length - i)), layout), layout);
}

function failureItems(r: SimResult): string[] {
  const reasons = Object.entries(r.totals.failure_reasons).map(([k, v]) => `${k} ${v}`);
  const causes = Object.entries(r.totals.failure_causes).map(([k, v]) => `${k} ${v}`);
  if (reasons.length === 0) return ['failures: none'];
  return [`failures: ${reasons.join(', ')}`, `(last call: ${causes.join(', ')})`];
}

/** Sparkline length: 24 slices on a wide table, fewer (down to 8) on a narrow one. */
const sparkPoints = (layout: Layout) => Math.max(8, Math.min(24, Math.floor((layout.width - 60) / 2)));

function deploymentTable(r: SimResult, layout: Layout): string {
  const trend = shareSparklines(r, sparkPoints(layout), layout.unicode);
  const header = ['deployment', 'calls', 'share', 'share over time', 'ok', 'failed', '429', 'p50 ms', 'p95 ms', 'p99 ms', 'cost', 'cooldowns', 'cooled s', 'util'];
  const rows = r.deployments.map((d, i) => [
    d.label, d.requests, pct(d.share), trend[i], d.succeeded, d.failed, d.rate_limited, ms(d.latency_ms.p50), ms(d.latency_ms.p95),
    ms(d.latency_ms.p99), d.price_known ? usd(d.cost_usd) : '?', d.cooldowns, d.cooldown_seconds.toFixed(1), pct(d.utilization),
  ]);
  // What goes first on a narrow terminal: utilisation, p50, cooled seconds, ok, …; share, its trend and failures stay.
  const priority = [Infinity, 55, 100, 95, 30, 90, 40, 20, 70, 50, 60, 35, 25, 10];
  const align: Align[] = ['l', 'r', 'r', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'];
  return fitTable(columns(header, rows, align, priority, layout), layout);
}

export function resultTable(r: SimResult, layout: Layout = PIPE_LAYOUT): string {
  const t = r.totals;
  const out: string[] = [];
  out.push(...wrapItems([`strategy ${r.strategy}`, `seed ${r.seed}`, `${r.simulated_seconds} s simulated${r.warmup_seconds > 0 ? ` (first ${r.warmup_seconds} s excluded)` : ''}`], layout));
  out.push(...wrapItems([
    `requests ${t.requests}`, `succeeded ${t.succeeded} (${ratio(t.succeeded, t.requests)})`, `failed ${t.failed}`, `retries ${t.retries}`,
    `fallbacks ${t.fallbacks}`, `rate-limited ${t.rate_limited}`, `cost ${usd(t.cost_usd)}`,
  ], layout));
  out.push(...wrapItems(['latency ms:', `mean ${ms(t.latency_ms.mean)}`, `p50 ${ms(t.latency_ms.p50)}`, `p95 ${ms(t.latency_ms.p95)}`, `p99 ${ms(t.latency_ms.p99)}`, `max ${ms(t.latency_ms.max)}`], layout));
  out.push(...wrapItems(failureItems(r), layout));
  out.push('', deploymentTable(r, layout));
  if (r.groups.length > 0) {
    const rows = r.groups.map((g) => [g.model_name, g.requests, g.succeeded, g.failed, ratio(g.succeeded, g.requests), ms(g.latency_ms.p50), ms(g.latency_ms.p95), ms(g.latency_ms.p99)]);
    out.push('', fitTable(columns(['group', 'requests', 'ok', 'failed', 'success', 'p50 ms', 'p95 ms', 'p99 ms'], rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'], [Infinity, 50, 30, 80, 90, 20, 70, 60], layout), layout));
  }
  const gateway = multiReplicaGateway(r);
  if (gateway) {
    out.push('', ...wrapItems(replicaSummary(gateway), layout));
    out.push(fitTable(columns([...REPLICA_HEADER], replicaRows(gateway), REPLICA_ALIGN, [Infinity, 90, 80, 85, 70, 60, 65], layout), layout));
  }
  if (r.baseline) out.push('', ...baselineSection(r.baseline, layout));
  return `${out.join('\n')}\n`;
}

/** --baseline: totals before → after, then share moved and the other deltas per deployment. */
function baselineSection(b: BaselineComparison, layout: Layout): string[] {
  return [
    ...wrapItems(['compared with the baseline', b.config, `(strategy ${b.result.strategy}, same traffic and seed):`], layout),
    ...wrapItems(baselineTotals(b), layout),
    '',
    fitTable(columns([...BASELINE_HEADER], baselineRows(b), ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'], [Infinity, 30, 85, 100, 40, 70, 60, 50, 55], layout), layout),
  ];
}

export function compareTable(results: readonly SimResult[], layout: Layout = PIPE_LAYOUT): string {
  const first = results[0];
  const head = first ? [...wrapItems([`seed ${first.seed}`, `${first.simulated_seconds} s simulated`, 'identical traffic for every strategy'], layout), ''] : [];
  const rows = results.map((r) => [
    r.strategy, r.totals.requests, ratio(r.totals.succeeded, r.totals.requests), r.totals.failed, r.totals.retries, r.totals.fallbacks, ms(r.totals.latency_ms.mean),
    ms(r.totals.latency_ms.p50), ms(r.totals.latency_ms.p95), ms(r.totals.latency_ms.p99), usd(r.totals.cost_usd),
  ]);
  const body = fitTable(
    columns(['strategy', 'requests', 'success', 'failed', 'retries', 'fallbacks', 'mean ms', 'p50 ms', 'p95 ms', 'p99 ms', 'cost'], rows, ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'], [Infinity, 50, 100, 70, 40, 35, 20, 15, 90, 65, 80], layout),
    layout,
  );
  return `${[...head, body].join('\n')}\n`;
}
