// The --baseline comparison as rows of text, shared by the terminal table and the Markdown summary.
import type { BaselineComparison, Delta } from '../baseline.js';
import { ms, pct, points, signed, usd } from './format.js';

const or = (v: number | null, f: (x: number) => string) => (v === null ? '–' : f(v));
const money = (v: number) => (v < 0 ? `-${usd(-v)}` : `+${usd(v)}`);

/** `before → after` of a Delta. */
export const change = (d: Delta, f: (x: number) => string): string => `${or(d.baseline, f)} → ${or(d.current, f)}`;

/** The totals as `name: before → after (delta)` items. */
export function baselineTotals(b: BaselineComparison): string[] {
  const t = b.totals;
  return [
    `success ${change(t.success_rate, pct)} (${points(t.success_rate.delta)})`,
    `failed ${change(t.failed, String)} (${signed(t.failed.delta ?? 0, 0)})`,
    `p95 ${change(t.p95_ms, ms)} ms (${signed(t.p95_ms.delta ?? 0, 1)})`,
    `p99 ${change(t.p99_ms, ms)} ms (${signed(t.p99_ms.delta ?? 0, 1)})`,
    `cost ${change(t.cost_usd, usd)} (${t.cost_usd.delta === null ? '–' : t.cost_usd.delta === 0 ? '0' : money(t.cost_usd.delta)})`,
  ];
}

export const BASELINE_HEADER = ['deployment', 'match', 'share', 'moved', 'success', 'success Δ', 'p95 Δ ms', 'p99 Δ ms', 'cost Δ'] as const;

/** One row per deployment of either config, cells in BASELINE_HEADER order. */
export function baselineRows(b: BaselineComparison): string[][] {
  return b.deployments.map((d) => [
    d.label,
    d.matched_by,
    change(d.share, pct),
    points(d.share.delta),
    change(d.success_rate, pct),
    points(d.success_rate.delta),
    or(d.p95_ms.delta, (v) => signed(v, 1)),
    or(d.p99_ms.delta, (v) => signed(v, 1)),
    or(d.cost_usd.delta, (v) => (v === 0 ? '0' : money(v))),
  ]);
}
