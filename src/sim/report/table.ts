// Terminal tables for one run and for --compare. Plain text (no colour codes), so it reads the
// same in CI logs.
import type { SimResult } from '../result.js';
import { ms, pct, ratio, usd } from './format.js';
import type { BaselineComparison } from '../baseline.js';
import { BASELINE_HEADER, baselineRows, baselineTotals } from './baseline-rows.js';

type Cell = string | number;
type Align = 'l' | 'r';

export function renderTable(header: readonly string[], rows: readonly Cell[][], align: readonly Align[]): string {
  const text = rows.map((r) => r.map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...text.map((r) => r[i].length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (align[i] === 'r' ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...text.map(line)].join('\n');
}


function failureLine(r: SimResult): string {
  const reasons = Object.entries(r.totals.failure_reasons).map(([k, v]) => `${k} ${v}`);
  const causes = Object.entries(r.totals.failure_causes).map(([k, v]) => `${k} ${v}`);
  if (reasons.length === 0) return 'failures: none';
  return `failures: ${reasons.join(', ')} (last call: ${causes.join(', ')})`;
}

export function resultTable(r: SimResult): string {
  const t = r.totals;
  const out: string[] = [];
  out.push(`strategy ${r.strategy}, seed ${r.seed}, ${r.simulated_seconds} s simulated${r.warmup_seconds > 0 ? ` (first ${r.warmup_seconds} s excluded)` : ''}`);
  out.push(
    `requests ${t.requests}  succeeded ${t.succeeded} (${ratio(t.succeeded, t.requests)})  failed ${t.failed}  retries ${t.retries}  fallbacks ${t.fallbacks}  rate-limited ${t.rate_limited}  cost ${usd(t.cost_usd)}`,
  );
  out.push(`latency ms: mean ${ms(t.latency_ms.mean)}  p50 ${ms(t.latency_ms.p50)}  p95 ${ms(t.latency_ms.p95)}  p99 ${ms(t.latency_ms.p99)}  max ${ms(t.latency_ms.max)}`);
  out.push(failureLine(r));
  out.push('');
  out.push(
    renderTable(
      ['deployment', 'calls', 'share', 'ok', 'failed', '429', 'p50 ms', 'p95 ms', 'p99 ms', 'cost', 'cooldowns', 'cooled s', 'util'],
      r.deployments.map((d) => [
        d.label, d.requests, pct(d.share), d.succeeded, d.failed, d.rate_limited, ms(d.latency_ms.p50), ms(d.latency_ms.p95),
        ms(d.latency_ms.p99), d.price_known ? usd(d.cost_usd) : '?', d.cooldowns, d.cooldown_seconds.toFixed(1), pct(d.utilization),
      ]),
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
  );
  if (r.groups.length > 0) {
    out.push('');
    out.push(
      renderTable(
        ['group', 'requests', 'ok', 'failed', 'success', 'p50 ms', 'p95 ms', 'p99 ms'],
        r.groups.map((g) => [
          g.model_name, g.requests, g.succeeded, g.failed, ratio(g.succeeded, g.requests), ms(g.latency_ms.p50), ms(g.latency_ms.p95), ms(g.latency_ms.p99),
        ]),
        ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      ),
    );
  }
  if (r.baseline) out.push('', ...baselineSection(r.baseline));
  return `${out.join('\n')}\n`;
}

/** --baseline: totals before → after, then share moved and the other deltas per deployment. */
function baselineSection(b: BaselineComparison): string[] {
  return [
    `compared with the baseline ${b.config} (strategy ${b.result.strategy}, same traffic and seed):`,
    baselineTotals(b).join('  '),
    '',
    renderTable([...BASELINE_HEADER], baselineRows(b), ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r']),
  ];
}

export function compareTable(results: readonly SimResult[]): string {
  const first = results[0];
  const head = first ? `seed ${first.seed}, ${first.simulated_seconds} s simulated, identical traffic for every strategy\n\n` : '';
  const body = renderTable(
    ['strategy', 'requests', 'success', 'failed', 'retries', 'fallbacks', 'mean ms', 'p50 ms', 'p95 ms', 'p99 ms', 'cost'],
    results.map((r) => [
      r.strategy, r.totals.requests, ratio(r.totals.succeeded, r.totals.requests), r.totals.failed, r.totals.retries, r.totals.fallbacks, ms(r.totals.latency_ms.mean),
      ms(r.totals.latency_ms.p50), ms(r.totals.latency_ms.p95), ms(r.totals.latency_ms.p99), usd(r.totals.cost_usd),
    ]),
    ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
  );
  return `${head}${body}\n`;
}
