// Output of `gwcfg tune`: the JSON document (docs/contracts.md, contract 6) and the terminal
// report built from it. Neither holds a time or a path that differs between runs, so identical
// inputs with a --budget count give identical bytes.
import { ms, pct, usd } from '../sim/report/format.js';
import { renderTable } from '../sim/report/table.js';
import { MarkdownBudget, markdownCell, markdownTable } from '../util/markdown-table.js';
import { safeLines, safeText } from '../util/safe-text.js';
import type { TuneRun } from './command.js';
import { paretoFront, violations, type Metrics, type Violation } from './score.js';
import type { Candidate } from './search.js';
import { describeSlo } from './slo.js';
import { valueAtPath, type Change } from './space.js';

interface ChangeJson {
  dimension: string;
  key: string;
  from: unknown;
  to: unknown;
}

interface CandidateJson {
  id: number;
  round: number;
  changes: ChangeJson[];
  metrics: Metrics;
  meets_slo: boolean;
  violations: Violation[];
}

export interface TuneJson {
  version: 1;
  config: string;
  scenario: string | null;
  traffic: string | null;
  slo: { text: string; success: number | null; p95_ms: number | null; p99_ms: number | null; group: string | null };
  objective: string;
  search: {
    budget: { simulations: number } | { seconds: number };
    dimensions: string[];
    seeds: number[];
    holdout_seeds: number[];
    candidates: number;
    finalists: number;
    simulations: number;
    rounds: number;
    stop: 'budget' | 'exhausted';
    /** The --budget count that repeats this search exactly. */
    reproduce_with_budget: number;
  };
  meets_slo: boolean;
  baseline: CandidateJson & { holdout: { metrics: Metrics; meets_slo: boolean; violations: Violation[] } };
  best: CandidateJson & { holdout: { metrics: Metrics; meets_slo: boolean; violations: Violation[] } };
  /** When no candidate meets the SLO: each constraint with the best value any finalist reached. */
  binding: { constraint: string; target: number; best_reachable: number; candidate: number; reachable: boolean }[];
  pareto: CandidateJson[];
  output: string | null;
  edit_error: string | null;
  diff: string;
}

function keyOf(path: readonly (string | number)[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function changeJson(base: unknown, c: Change): ChangeJson {
  return { dimension: c.dimension, key: safeText(keyOf(c.path)), from: valueAtPath(base, c.path) ?? null, to: c.value };
}

function candidateJson(run: TuneRun, c: Candidate): CandidateJson {
  const v = violations(c.metrics, run.flags.slo);
  return { id: c.id, round: c.round, changes: c.changes.map((x) => changeJson(run.base, x)), metrics: c.metrics, meets_slo: v.length === 0, violations: v };
}

function binding(run: TuneRun): TuneJson['binding'] {
  const slo = run.flags.slo;
  const out: TuneJson['binding'] = [];
  const best = <T>(pick: (m: Metrics) => number, better: (a: number, b: number) => boolean) =>
    run.finalists.reduce((acc, c) => (better(pick(c.metrics), pick(acc.metrics)) ? c : acc), run.finalists[0]);
  if (slo.success !== null) {
    const c = best((m) => m.success, (a, b) => a > b);
    out.push({ constraint: 'success', target: slo.success, best_reachable: c.metrics.success, candidate: c.id, reachable: c.metrics.success >= slo.success });
  }
  for (const [name, target, pick] of [['p95', slo.p95Ms, (m: Metrics) => m.p95_ms], ['p99', slo.p99Ms, (m: Metrics) => m.p99_ms]] as const) {
    if (target === null) continue;
    const c = best(pick, (a, b) => a < b);
    out.push({ constraint: name, target, best_reachable: pick(c.metrics), candidate: c.id, reachable: pick(c.metrics) <= target });
  }
  return out;
}

export function tuneDocument(run: TuneRun): TuneJson {
  const slo = run.flags.slo;
  const withHoldout = (c: Candidate, h: { metrics: Metrics }) => {
    const v = violations(h.metrics, slo);
    return { ...candidateJson(run, c), holdout: { metrics: h.metrics, meets_slo: v.length === 0, violations: v } };
  };
  const best = candidateJson(run, run.best);
  // Finalists come best first, so of identical ones the front keeps the best-ranked (fewest changes on ties).
  const front = paretoFront(run.finalists).sort((a, b) => a.metrics.cost_usd - b.metrics.cost_usd || a.id - b.id);
  return {
    version: 1,
    config: safeText(run.configFile),
    scenario: run.scenarioFile === null ? null : safeText(run.scenarioFile),
    traffic: run.trafficFile === null ? null : safeText(run.trafficFile),
    slo: { text: describeSlo(slo), success: slo.success, p95_ms: slo.p95Ms, p99_ms: slo.p99Ms, group: slo.group === null ? null : safeText(slo.group) },
    objective: run.flags.objective,
    search: {
      budget: run.flags.budget.kind === 'evaluations' ? { simulations: run.flags.budget.count } : { seconds: run.flags.budget.ms / 1000 },
      dimensions: [...run.flags.dimensions],
      seeds: run.seeds,
      holdout_seeds: run.holdoutSeeds,
      candidates: run.evaluated.length,
      finalists: run.finalists.length,
      simulations: run.simulations,
      rounds: run.rounds,
      stop: run.stop,
      reproduce_with_budget: run.reproduce,
    },
    meets_slo: best.meets_slo,
    baseline: withHoldout(run.baseline, run.holdout.baseline),
    best: withHoldout(run.best, run.holdout.best),
    binding: best.meets_slo ? [] : binding(run),
    pareto: front.map((c) => candidateJson(run, c)),
    output: run.output === null ? null : safeText(run.output),
    edit_error: run.editError,
    diff: safeLines(run.diff),
  };
}

export function tuneJson(run: TuneRun): string {
  return `${JSON.stringify(tuneDocument(run), null, 2)}\n`;
}


function verdict(v: Violation[]): string {
  if (v.length === 0) return 'meets';
  return `misses ${v.map((x) => (x.constraint === 'success' ? `success (${pct(x.value)} < ${pct(x.target)})` : `${x.constraint} (${ms(x.value)} ms > ${ms(x.target)} ms)`)).join(', ')}`;
}

function changesText(changes: readonly ChangeJson[]): string {
  return changes.length === 0 ? 'as given' : changes.map((c) => `${c.key}: ${JSON.stringify(c.from)} -> ${JSON.stringify(c.to)}`).join('; ');
}

/** The search in one sentence: what ran, and why it stopped. */
function summary(doc: TuneJson): string {
  const s = doc.search;
  const stop =
    s.stop === 'exhausted'
      ? 'stopped: no new candidate left in the search space'
      : 'simulations' in s.budget
        ? `stopped: budget of ${s.budget.simulations} simulations`
        : `stopped before the round that would pass the ${s.budget.seconds} s budget; --budget ${s.reproduce_with_budget} repeats this search exactly`;
  return `Searched ${s.candidates} candidates in ${s.simulations} simulations (${s.rounds} rounds of successive halving; finalists ran on seeds ${s.seeds.join(', ')}, the same for every candidate); ${stop}.`;
}

/** When no candidate meets the SLO: one line per constraint, the binding ones marked. */
function bindingLines(doc: TuneJson): string[] {
  const lines = doc.binding.map((b) => {
    const value = b.constraint === 'success' ? pct(b.best_reachable) : `${ms(b.best_reachable)} ms`;
    const target = b.constraint === 'success' ? `>= ${pct(b.target)}` : `<= ${ms(b.target)} ms`;
    return `${b.constraint} ${target}: best ${value} (#${b.candidate})${b.reachable ? '' : '  <- binds: no candidate reaches it'}`;
  });
  if (doc.binding.every((b) => b.reachable)) lines.push('each constraint is reachable alone, but no candidate meets them together.');
  return lines;
}

const metricCells = (m: Metrics, v: Violation[]) => [pct(m.success), ms(m.p95_ms), ms(m.p99_ms), usd(m.cost_usd), verdict(v)];

/** Pareto front rows, the given config first: candidate, cost, success, p95, p99, SLO, changes. */
function frontRows(doc: TuneJson): string[][] {
  const rows = [doc.baseline, ...doc.pareto.filter((c) => c.id !== 0)];
  return rows.map((c) => {
    const [success, p95, p99, cost] = metricCells(c.metrics, c.violations);
    return [c.id === 0 ? 'given' : `#${c.id}${c.id === doc.best.id ? '*' : ''}`, cost, success, p95, p99, c.meets_slo ? 'meets' : 'misses', changesText(c.changes)];
  });
}

/** Given config and winner on the search seeds, then on the hold-out seeds. */
function comparisonRows(doc: TuneJson, withSeeds: boolean): { search: string[][]; holdout: string[][] } {
  const seeds = (list: number[]) => (withSeeds ? `, seeds ${list.join(', ')}` : '');
  return {
    search: [
      [`given config${seeds(doc.search.seeds)}`, ...metricCells(doc.baseline.metrics, doc.baseline.violations)],
      [`best #${doc.best.id}${seeds(doc.search.seeds)}`, ...metricCells(doc.best.metrics, doc.best.violations)],
    ],
    holdout: [
      [`given config${seeds(doc.search.holdout_seeds)}`, ...metricCells(doc.baseline.holdout.metrics, doc.baseline.holdout.violations)],
      [`best #${doc.best.id}${seeds(doc.search.holdout_seeds)}`, ...metricCells(doc.best.holdout.metrics, doc.best.holdout.violations)],
    ],
  };
}

const COMPARISON_HEADER = ['', 'success', 'p95 ms', 'p99 ms', 'cost', 'SLO'];
const COMPARISON_ALIGN = ['l', 'r', 'r', 'r', 'r', 'l'] as const;
const FRONT_HEADER = ['cand', 'cost', 'success', 'p95 ms', 'p99 ms', 'SLO', 'changes'];
const FRONT_ALIGN = ['l', 'r', 'r', 'r', 'r', 'l', 'l'] as const;

export function tuneTable(run: TuneRun): string {
  const doc = tuneDocument(run);
  const s = doc.search;
  const out: string[] = [];
  const input = doc.scenario ?? `traffic ${doc.traffic}`;
  out.push(`tune ${doc.config} under ${input}: SLO ${doc.slo.text}, objective ${doc.objective}`);
  out.push(summary(doc));
  out.push('');
  const rows = comparisonRows(doc, false);
  out.push(`search seeds ${s.seeds.join(', ')}:`);
  out.push(renderTable(COMPARISON_HEADER, rows.search, COMPARISON_ALIGN));
  out.push('');
  out.push(`hold-out seeds ${s.holdout_seeds.join(', ')} (not used by the search):`);
  out.push(renderTable(COMPARISON_HEADER, rows.holdout, COMPARISON_ALIGN));
  out.push('');
  if (doc.best.changes.length === 0) out.push('the given config is the best found: no change.');
  else {
    out.push(`changes of #${doc.best.id}:`);
    for (const c of doc.best.changes) out.push(`  ${c.key}: ${JSON.stringify(c.from)} -> ${JSON.stringify(c.to)}  (${c.dimension})`);
  }
  if (!doc.meets_slo) {
    out.push('');
    out.push('no candidate meets the SLO. Best reachable value of each constraint (any finalist):');
    for (const line of bindingLines(doc)) out.push(`  ${line}`);
  }
  out.push('');
  out.push(`Pareto front (cost vs p95/p99 vs success) of the ${s.finalists} finalists, search seeds:`);
  out.push(renderTable(FRONT_HEADER, frontRows(doc), FRONT_ALIGN));
  if (doc.diff !== '') {
    out.push('');
    out.push(doc.diff.trimEnd());
  }
  if (doc.output !== null) {
    out.push('');
    out.push(`wrote ${doc.output}`);
  } else if (doc.edit_error !== null) {
    out.push('');
    out.push(`not written: ${doc.edit_error}`);
  } else if (run.requestedOutput !== null && !doc.meets_slo) {
    out.push('');
    out.push(`not written to ${safeText(run.requestedOutput)}: no candidate meets the SLO`);
  }
  return `${out.join('\n')}\n`;
}

/** `--format markdown`: the same report for a pull request comment or $GITHUB_STEP_SUMMARY (cells escaped, size bounded). */
export function tuneMarkdown(run: TuneRun): string {
  const doc = tuneDocument(run);
  const budget = new MarkdownBudget();
  const cell = (text: string) => markdownCell(text);
  // Inline code shows backslashes literally, so it is not cell-escaped: only a backtick (which would end it) is replaced.
  const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;
  const table = (header: readonly string[], rows: readonly string[][], align: readonly ('l' | 'r')[], noun: string) =>
    markdownTable({ header, align, rows: rows.map((r) => r.map(cell)), noun }, budget);
  const out: string[] = [];
  out.push(`## gwcfg tune: ${code(doc.config)}`);
  out.push('');
  const input = doc.scenario !== null ? `scenario ${code(doc.scenario)}` : `recorded traffic ${code(doc.traffic ?? '')}`;
  out.push(`Under ${input}; SLO ${code(doc.slo.text)}, objective ${doc.objective}. ${cell(summary(doc))}`);
  out.push('');
  const rows = comparisonRows(doc, true);
  out.push(table(COMPARISON_HEADER, [...rows.search, ...rows.holdout], COMPARISON_ALIGN, 'rows'));
  out.push('');
  out.push('The hold-out seeds were not used by the search.');
  out.push('');
  out.push(`### Changes of #${doc.best.id}`);
  out.push('');
  if (doc.best.changes.length === 0) out.push('None: the given config is the best found.');
  for (const c of doc.best.changes) out.push(`- ${code(c.key)}: ${code(JSON.stringify(c.from))} → ${code(JSON.stringify(c.to))} (${c.dimension})`);
  if (!doc.meets_slo) {
    out.push('');
    out.push('**No candidate meets the SLO.** Best reachable value of each constraint:');
    out.push('');
    for (const line of bindingLines(doc)) out.push(`- ${cell(line)}`);
  }
  out.push('');
  out.push(`### Pareto front (cost vs p95/p99 vs success) of the ${doc.search.finalists} finalists`);
  out.push('');
  out.push(table(FRONT_HEADER, frontRows(doc), FRONT_ALIGN, 'candidates'));
  if (doc.diff !== '') {
    // A fence longer than any run of backticks in the diff, so the file's text cannot close it.
    const fence = '`'.repeat(Math.max(3, ...(doc.diff.match(/`+/g) ?? []).map((r) => r.length + 1)));
    out.push('');
    out.push('<details><summary>diff</summary>');
    out.push('');
    out.push(`${fence}diff`);
    out.push(doc.diff.trimEnd());
    out.push(fence);
    out.push('');
    out.push('</details>');
  }
  if (doc.output !== null) {
    out.push('');
    out.push(`Wrote ${code(doc.output)}.`);
  }
  return `${out.join('\n')}\n`;
}
