// Output of `gwcfg tune`: the JSON document (docs/contracts.md, contract 6) and the terminal
// report built from it. Neither holds a time or a path that differs between runs, so identical
// inputs with a --budget count give identical bytes.
import { renderTable } from '../sim/report/table.js';
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
      reproduce_with_budget: run.simulations,
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

const pct = (v: number) => `${(v * 100).toFixed(2)}%`;
const msText = (v: number) => v.toFixed(0);
const usdText = (v: number) => `$${v.toFixed(4)}`;

function verdict(v: Violation[]): string {
  if (v.length === 0) return 'meets';
  return `misses ${v.map((x) => (x.constraint === 'success' ? `success (${pct(x.value)} < ${pct(x.target)})` : `${x.constraint} (${msText(x.value)} ms > ${msText(x.target)} ms)`)).join(', ')}`;
}

function changesText(changes: readonly ChangeJson[]): string {
  return changes.length === 0 ? 'as given' : changes.map((c) => `${c.key}: ${JSON.stringify(c.from)} -> ${JSON.stringify(c.to)}`).join('; ');
}

export function tuneTable(run: TuneRun): string {
  const doc = tuneDocument(run);
  const s = doc.search;
  const out: string[] = [];
  const input = doc.scenario ?? `traffic ${doc.traffic}`;
  out.push(`tune ${doc.config} under ${input}: SLO ${doc.slo.text}, objective ${doc.objective}`);
  const stop =
    s.stop === 'exhausted'
      ? 'stopped: no new candidate left in the search space'
      : 'simulations' in s.budget
        ? `stopped: budget of ${s.budget.simulations} simulations`
        : `stopped before the round that would pass the ${s.budget.seconds} s budget; --budget ${s.reproduce_with_budget} repeats this search exactly`;
  out.push(`searched ${s.candidates} candidates in ${s.simulations} simulations (${s.rounds} rounds of successive halving; finalists ran on seeds ${s.seeds.join(', ')}, the same for every candidate); ${stop}`);
  out.push('');
  const row = (label: string, m: Metrics, v: Violation[]) => [label, pct(m.success), msText(m.p95_ms), msText(m.p99_ms), usdText(m.cost_usd), verdict(v)];
  const header = ['', 'success', 'p95 ms', 'p99 ms', 'cost', 'SLO'];
  const align = ['l', 'r', 'r', 'r', 'r', 'l'] as const;
  out.push(`search seeds ${s.seeds.join(', ')}:`);
  out.push(renderTable(header, [row('given config', doc.baseline.metrics, doc.baseline.violations), row(`best #${doc.best.id}`, doc.best.metrics, doc.best.violations)], align));
  out.push('');
  out.push(`hold-out seeds ${s.holdout_seeds.join(', ')} (not used by the search):`);
  out.push(renderTable(header, [row('given config', doc.baseline.holdout.metrics, doc.baseline.holdout.violations), row(`best #${doc.best.id}`, doc.best.holdout.metrics, doc.best.holdout.violations)], align));
  out.push('');
  if (doc.best.changes.length === 0) out.push('the given config is the best found: no change.');
  else {
    out.push(`changes of #${doc.best.id}:`);
    for (const c of doc.best.changes) out.push(`  ${c.key}: ${JSON.stringify(c.from)} -> ${JSON.stringify(c.to)}  (${c.dimension})`);
  }
  if (!doc.meets_slo) {
    out.push('');
    out.push('no candidate meets the SLO. Best reachable value of each constraint (any finalist):');
    for (const b of doc.binding) {
      const value = b.constraint === 'success' ? pct(b.best_reachable) : `${msText(b.best_reachable)} ms`;
      const target = b.constraint === 'success' ? `>= ${pct(b.target)}` : `<= ${msText(b.target)} ms`;
      out.push(`  ${b.constraint} ${target}: best ${value} (#${b.candidate})${b.reachable ? '' : '  <- binds: no candidate reaches it'}`);
    }
    if (doc.binding.every((b) => b.reachable)) out.push('  each constraint is reachable alone, but no candidate meets them together.');
  }
  out.push('');
  out.push(`Pareto front (cost vs p95/p99 vs success) of the ${s.finalists} finalists, search seeds:`);
  out.push(
    renderTable(
      ['cand', 'cost', 'success', 'p95 ms', 'p99 ms', 'SLO', 'changes'],
      [row('', doc.baseline.metrics, doc.baseline.violations), ...doc.pareto.filter((c) => c.id !== 0).map((c) => row('', c.metrics, c.violations))].map((r, i) => {
        const c = i === 0 ? doc.baseline : doc.pareto.filter((x) => x.id !== 0)[i - 1];
        return [c.id === 0 ? 'given' : `#${c.id}${c.id === doc.best.id ? '*' : ''}`, r[4], r[1], r[2], r[3], c.meets_slo ? 'meets' : 'misses', changesText(c.changes)];
      }),
      ['l', 'r', 'r', 'r', 'r', 'l', 'l'],
    ),
  );
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
