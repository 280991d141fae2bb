// `simulate --format markdown`: a compact summary for $GITHUB_STEP_SUMMARY and pull-request
// comments. Same numbers as the table, in GitHub-flavoured Markdown tables with escaped cells,
// bounded in size (src/util/markdown-table.ts).
import type { SimResult } from '../result.js';
import { MarkdownBudget, markdownCell, markdownTable } from '../../util/markdown-table.js';
import { ms, ratio, usd } from './format.js';
import type { BaselineComparison } from '../baseline.js';
import { BASELINE_HEADER, baselineRows, baselineTotals } from './baseline-rows.js';
import { REPLICA_ALIGN, REPLICA_HEADER, multiReplicaGateway, replicaRows, replicaSummary } from './replica-rows.js';

export interface MarkdownContext {
  /** The config file as the user named it. */
  config: string;
}

const cell = (s: string) => markdownCell(s);
const n = (v: number) => v.toLocaleString('en-US');

function runLine(r: SimResult): string {
  const warmup = r.warmup_seconds > 0 ? ` (first ${r.warmup_seconds} s excluded)` : '';
  return `strategy \`${cell(r.strategy)}\` · seed ${r.seed} · ${r.simulated_seconds} s simulated${warmup}`;
}

function headline(r: SimResult): string {
  const t = r.totals;
  return `**${ratio(t.succeeded, t.requests)} succeeded** (${n(t.succeeded)} of ${n(t.requests)} requests) · p95 ${ms(t.latency_ms.p95)} ms · p99 ${ms(t.latency_ms.p99)} ms · cost ${usd(t.cost_usd)}`;
}

function totalsTable(r: SimResult, budget: MarkdownBudget): string {
  const t = r.totals;
  return markdownTable({
    header: ['requests', 'succeeded', 'failed', 'success', 'retries', 'fallbacks', 'rate-limited', 'p50 ms', 'p95 ms', 'p99 ms', 'cost'],
    align: ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    rows: [[n(t.requests), n(t.succeeded), n(t.failed), ratio(t.succeeded, t.requests), n(t.retries), n(t.fallbacks), n(t.rate_limited), ms(t.latency_ms.p50), ms(t.latency_ms.p95), ms(t.latency_ms.p99), usd(t.cost_usd)]],
    noun: 'rows',
  }, budget);
}

function deploymentsTable(r: SimResult, budget: MarkdownBudget): string {
  const calls = r.deployments.reduce((s, x) => s + x.requests, 0);
  return markdownTable({
    header: ['deployment', 'model', 'share', 'calls', 'success', 'p95 ms', 'p99 ms', 'cost'],
    align: ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r'],
    rows: r.deployments.map((d) => [
      cell(d.label), cell(d.model), ratio(d.requests, calls, 0), n(d.requests), ratio(d.succeeded, d.requests),
      ms(d.latency_ms.p95), ms(d.latency_ms.p99), d.price_known ? usd(d.cost_usd) : 'unknown',
    ]),
    noun: 'deployments',
  }, budget);
}

function failuresSection(r: SimResult, budget: MarkdownBudget): string {
  const reasons = Object.entries(r.totals.failure_reasons);
  if (reasons.length === 0) return 'No request failed.';
  const causes = Object.entries(r.totals.failure_causes);
  const parts = [
    markdownTable({ header: ['why the request failed', 'requests'], align: ['l', 'r'], rows: reasons.map(([k, v]) => [cell(k), n(v)]), noun: 'reasons' }, budget),
  ];
  if (causes.length > 0) {
    parts.push(markdownTable({ header: ['error of the last call', 'requests'], align: ['l', 'r'], rows: causes.map(([k, v]) => [cell(k), n(v)]), noun: 'errors' }, budget));
  }
  return parts.join('\n\n');
}

function replicasSection(r: SimResult, budget: MarkdownBudget): string[] {
  const g = multiReplicaGateway(r);
  if (!g) return [];
  return [
    '', '#### Replicas', '', replicaSummary(g).map(cell).join(' · '), '',
    markdownTable({ header: [...REPLICA_HEADER], align: [...REPLICA_ALIGN], rows: replicaRows(g).map((row) => row.map((v) => (typeof v === 'number' ? n(v) : cell(v)))), noun: 'replicas' }, budget),
  ];
}

function notSimulated(r: SimResult): string[] {
  if (r.not_simulated.length === 0) return [];
  const items = r.not_simulated.slice(0, 50).map((x) => `- \`${cell(x.key)}\` (${cell(`${x.file}:${x.line}:${x.column}`)}): ${cell(x.reason)}`);
  if (r.not_simulated.length > 50) items.push(`- *${r.not_simulated.length - 50} more*`);
  return ['', '#### Not simulated', '', 'These keys are left out of the result:', '', ...items];
}

function baselineSection(b: BaselineComparison, budget: MarkdownBudget): string[] {
  return [
    '',
    `#### Compared with the baseline ${cell(b.config)}`,
    '',
    `Same traffic and seed; the baseline routes with \`${cell(b.result.strategy)}\`.`,
    '',
    baselineTotals(b).map((item) => `- ${cell(item)}`).join('\n'),
    '',
    markdownTable({
      header: BASELINE_HEADER.map(cell),
      align: ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      rows: baselineRows(b).map((row) => row.map(cell)),
      noun: 'deployments',
    }, budget),
  ];
}

/** Markdown summary of one run: headline, totals, deployments, failure causes, baseline deltas, keys not simulated. */
export function resultMarkdown(r: SimResult, context: MarkdownContext, budget = new MarkdownBudget()): string {
  const out = [
    `### gwcfg simulate: ${cell(context.config)}`,
    '',
    headline(r),
    '',
    runLine(r),
    '',
    totalsTable(r, budget),
    '',
    '#### Deployments',
    '',
    deploymentsTable(r, budget),
    '',
    '#### Failures',
    '',
    failuresSection(r, budget),
    ...replicasSection(r, budget),
    ...(r.baseline ? baselineSection(r.baseline, budget) : []),
    ...notSimulated(r),
  ];
  return `${out.join('\n')}\n`;
}

/** Markdown summary of --compare: one row per strategy, on identical traffic. */
export function compareMarkdown(results: readonly SimResult[], context: MarkdownContext, budget = new MarkdownBudget()): string {
  const first = results[0];
  const out = [`### gwcfg simulate --compare: ${cell(context.config)}`, ''];
  if (first) out.push(`seed ${first.seed} · ${first.simulated_seconds} s simulated · identical traffic for every strategy`, '');
  out.push(
    markdownTable({
      header: ['strategy', 'requests', 'success', 'failed', 'retries', 'fallbacks', 'p50 ms', 'p95 ms', 'p99 ms', 'cost'],
      align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      rows: results.map((r) => {
        const t = r.totals;
        return [cell(r.strategy), n(t.requests), ratio(t.succeeded, t.requests), n(t.failed), n(t.retries), n(t.fallbacks), ms(t.latency_ms.p50), ms(t.latency_ms.p95), ms(t.latency_ms.p99), usd(t.cost_usd)];
      }),
      noun: 'strategies',
    }, budget),
  );
  return `${out.join('\n')}\n`;
}
