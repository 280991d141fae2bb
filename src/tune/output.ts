// Output of `gwcfg tune`: the JSON document (docs/contracts.md, contract 6) and the terminal
// report built from it. Neither holds a time or a path that differs between runs, so identical
// inputs with a --budget count give identical bytes.
import { usd } from '../sim/report/format.js';
import { PIPE_LAYOUT } from '../sim/report/table.js';
import { cut, fitTable, symbols, width, type Column, type Layout } from '../sim/report/fit.js';
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
  /** Its check on the hold-out seeds at the 95 % bounds: passed, failed, or null when it was not checked. */
  holdout_check: 'passed' | 'failed' | null;
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
    /** Rounds of successive halving; a candidate's `round` is 1..rounds, or rounds + 1 when the pruning step made it. */
    rounds: number;
    /** Candidates the pruning step ran (the winner without one of its changed dimensions). */
    pruning_candidates: number;
    stop: 'budget' | 'exhausted';
    /** The --budget count that repeats this search exactly. */
    reproduce_with_budget: number;
  };
  /** Whether tune returns a config: `verdict` is confirmed or unconfirmed. */
  meets_slo: boolean;
  verdict: Verdict;
  baseline: CandidateJson & { holdout: HoldoutJson };
  best: CandidateJson & { holdout: HoldoutJson };
  /**
   * When no config is returned: each constraint with the best value a finalist reached, on the
   * search seeds (`seeds: "search"`), or, when the winner failed its hold-out check, at the 95 %
   * bound of the finalists checked on the hold-out seeds (`seeds: "holdout"`).
   */
  binding: { constraint: string; target: number; best_reachable: number; candidate: number; reachable: boolean; seeds: 'search' | 'holdout' }[];
  pareto: CandidateJson[];
  output: string | null;
  /** --report as written (null without it). */
  report: string | null;
  edit_error: string | null;
  diff: string;
}

/**
 * What tune says of its winner: `confirmed` (meets the SLO on the search seeds and passed its
 * hold-out check), `unconfirmed` (meets it on the search seeds; the budget left no room for the
 * check; the command judges such a winner on its hold-out rows' runs, so only a run made
 * without them reads so), `rejected` (meets it on the search seeds, failed the check, and no
 * finalist passed), `no_candidate` (misses it on the search seeds). Only the first two return a
 * config (exit 0, -o).
 */
export type Verdict = 'confirmed' | 'unconfirmed' | 'rejected' | 'no_candidate';

/** Whether tune returns its winner under this verdict (exit 0, -o written). */
export function returnsConfig(verdict: Verdict): boolean {
  return verdict === 'confirmed' || verdict === 'unconfirmed';
}

export function tuneVerdict(run: Pick<TuneRun, 'best' | 'verified' | 'flags'>): Verdict {
  if (violations(run.best.metrics, run.flags.slo).length > 0) return 'no_candidate';
  if (run.verified) return 'confirmed';
  return run.best.check !== undefined ? 'rejected' : 'unconfirmed';
}

/** On the hold-out seeds: `checked`: the 95 %-bound check ran; `meets_slo` is its verdict then, else the plain figures'. */
interface HoldoutJson {
  metrics: Metrics;
  checked: boolean;
  meets_slo: boolean;
  /** Of `metrics` (the plain aggregate) against the SLO. */
  violations: Violation[];
  /** Of the 95 % bounds against the SLO, when checked (empty otherwise). */
  bound_violations: Violation[];
}

function keyOf(path: readonly (string | number)[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function changeJson(base: unknown, c: Change): ChangeJson {
  return { dimension: c.dimension, key: safeText(keyOf(c.path)), from: valueAtPath(base, c.path) ?? null, to: c.value };
}

function candidateJson(run: TuneRun, c: Candidate): CandidateJson {
  const v = violations(c.metrics, run.flags.slo);
  const holdoutCheck = c.check === undefined ? null : c.check.violations.length === 0 ? 'passed' : 'failed';
  return { id: c.id, round: c.round, changes: c.changes.map((x) => changeJson(run.base, x)), metrics: c.metrics, meets_slo: v.length === 0, violations: v, holdout_check: holdoutCheck };
}

function binding(run: TuneRun, holdout: boolean): TuneJson['binding'] {
  const slo = run.flags.slo;
  const out: TuneJson['binding'] = [];
  // A rejected winner: the finalists checked on the hold-out seeds, at their 95 % bounds (what the check judged).
  const pool = holdout ? run.checked.map((c) => ({ id: c.id, metrics: c.check!.bound })) : run.finalists;
  const seeds = holdout ? 'holdout' : 'search';
  const best = (pick: (m: Metrics) => number, better: (a: number, b: number) => boolean) =>
    pool.reduce((acc, c) => (better(pick(c.metrics), pick(acc.metrics)) ? c : acc), pool[0]);
  if (slo.success !== null) {
    const c = best((m) => m.success, (a, b) => a > b);
    out.push({ constraint: 'success', target: slo.success, best_reachable: c.metrics.success, candidate: c.id, reachable: c.metrics.success >= slo.success, seeds });
  }
  for (const [name, target, pick] of [['p95', slo.p95Ms, (m: Metrics) => m.p95_ms], ['p99', slo.p99Ms, (m: Metrics) => m.p99_ms]] as const) {
    if (target === null) continue;
    const c = best(pick, (a, b) => a < b);
    out.push({ constraint: name, target, best_reachable: pick(c.metrics), candidate: c.id, reachable: pick(c.metrics) <= target, seeds });
  }
  return out;
}

export function tuneDocument(run: TuneRun): TuneJson {
  const slo = run.flags.slo;
  const withHoldout = (c: Candidate, h: { metrics: Metrics }) => {
    const v = violations(h.metrics, slo);
    const bound = c.check?.violations ?? [];
    const holdout: HoldoutJson = { metrics: h.metrics, checked: c.check !== undefined, meets_slo: c.check !== undefined ? bound.length === 0 : v.length === 0, violations: v, bound_violations: bound };
    return { ...candidateJson(run, c), holdout };
  };
  const verdict = tuneVerdict(run);
  const returned = returnsConfig(verdict);
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
      pruning_candidates: run.evaluated.filter((c) => c.round > run.rounds).length,
      stop: run.stop,
      reproduce_with_budget: run.reproduce,
    },
    meets_slo: returned,
    verdict,
    baseline: withHoldout(run.baseline, run.holdout.baseline),
    best: withHoldout(run.best, run.holdout.best),
    binding: returned ? [] : binding(run, verdict === 'rejected'),
    pareto: front.map((c) => candidateJson(run, c)),
    output: run.output === null ? null : safeText(run.output),
    report: run.report == null ? null : safeText(run.report),
    edit_error: run.editError,
    diff: safeLines(run.diff),
  };
}

export function tuneJson(run: TuneRun): string {
  return `${JSON.stringify(tuneDocument(run), null, 2)}\n`;
}

/** `n` and a noun, plural unless n is 1: `1 round`, `4 rounds`. */
export const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
/** `seed 7` or `seeds 7, 8, 9`. */
export const seedList = (seeds: readonly number[]) => `${seeds.length === 1 ? 'seed' : 'seeds'} ${seeds.join(', ')}`;
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Most decimals a success rate (in percent) or a latency (in ms) gets to tell it from its bound. */
const MAX_PCT_DECIMALS = 6;
const MAX_MS_DECIMALS = 3;

/** How one report prints each metric: every value of a metric with the same decimals (see formats). */
interface Formats {
  success: (fraction: number) => string;
  p95: (ms: number) => string;
  p99: (ms: number) => string;
}

/**
 * The fewest decimals from `start` (at most `max`) at which no value other than the bound reads
 * the same as the bound, and `fits` holds for every value and for the bound itself (a bound of
 * 99.999% must not read 100.00%).
 */
function decimals(values: readonly number[], bound: number | null, scale: number, start: number, max: number, fits: (text: string, v: number) => boolean): number {
  let d = start;
  const text = (v: number) => (v * scale).toFixed(d);
  const clash = (v: number) => (bound !== null && v !== bound && text(v) === text(bound)) || !fits(text(v), v);
  while (d < max && (values.some(clash) || (bound !== null && !fits(text(bound), bound)))) d++;
  return d;
}

/**
 * Success rates with two decimals, latencies whole above 100 ms (one decimal below), and more of
 * either where a value would read the same as its SLO bound: a miss reads `99.85% < 99.90%`,
 * never `99.9% < 99.9%`. A rate short of 100% (a value or the bound) never reads 100.00%. The same decimals throughout
 * one report (table, markdown), so a column lines up.
 */
function formats(doc: TuneJson): Formats {
  const shown = [doc.baseline, doc.best, ...doc.pareto].flatMap((c) => [c.metrics]).concat([doc.baseline.holdout.metrics, doc.best.holdout.metrics]);
  const bounds = [doc.baseline, doc.best].flatMap((c) => c.holdout.bound_violations);
  const reached = (name: string) => [...doc.binding, ...bounds.map((b) => ({ constraint: b.constraint, best_reachable: b.value }))].filter((b) => b.constraint === name).map((b) => b.best_reachable);
  const success = [...shown.map((m) => m.success), ...reached('success')];
  const pd = decimals(success, doc.slo.success, 100, 2, MAX_PCT_DECIMALS, (t, v) => (v >= 1 || Number(t) < 100) && (v <= 0 || Number(t) > 0));
  // The values shown decide whole or one decimal (p95 and p99 alike); the bound adds decimals
  // only where a value would read the same as it. A bound that needs more than the column's
  // decimals to read as written (10.5 in a whole column) gets them, the values keep theirs.
  const latency = (values: number[], bound: number | null) => {
    const start = values.every((v) => v >= 100) ? 0 : 1;
    const d = decimals(values, bound, 1, start, MAX_MS_DECIMALS, () => true);
    const boundText = bound === null ? '' : bound.toFixed(Math.max(d, decimals([], bound, 1, d, MAX_MS_DECIMALS, (t, v) => Number(t) === v)));
    return (v: number) => (v === bound ? boundText : v.toFixed(d));
  };
  return {
    success: (v) => `${(v * 100).toFixed(pd)}%`,
    p95: latency([...shown.map((m) => m.p95_ms), ...reached('p95')], doc.slo.p95_ms),
    p99: latency([...shown.map((m) => m.p99_ms), ...reached('p99')], doc.slo.p99_ms),
  };
}

/** `meets`, or what is missed with value and bound; `compact`: only the constraint names. */
function verdict(v: Violation[], f: Formats, compact = false): string {
  if (v.length === 0) return 'meets';
  if (compact) return `misses ${v.map((x) => x.constraint).join(', ')}`;
  return `misses ${v.map((x) => (x.constraint === 'success' ? `success (${f.success(x.value)} < ${f.success(x.target)})` : `${x.constraint} (${f[x.constraint](x.value)} ms > ${f[x.constraint](x.target)} ms)`)).join(', ')}`;
}

/**
 * The SLO cell of a hold-out row: `meets` only when the 95 %-bound check passed (or, for the given
 * config, when it was not checked and its figures meet the SLO); a winner that failed its check or
 * was not checked reads `not confirmed on hold-out seeds`, never `meets`.
 */
function holdoutVerdict(doc: TuneJson, c: TuneJson['best'], f: Formats, compact: boolean): string {
  const h = c.holdout;
  if (h.violations.length > 0) return verdict(h.violations, f, compact);
  if (h.checked && h.bound_violations.length > 0) {
    if (compact) return 'not confirmed';
    const missed = h.bound_violations.map((x) => (x.constraint === 'success' ? `success ${f.success(x.value)} < ${f.success(x.target)}` : `${x.constraint} ${f[x.constraint](x.value)} ms > ${f[x.constraint](x.target)} ms`));
    return `not confirmed on hold-out seeds (95 % bound: ${missed.join(', ')})`;
  }
  if (!h.checked && c === doc.best && doc.verdict === 'unconfirmed') return compact ? 'not confirmed' : 'not confirmed on hold-out seeds (not checked)';
  return 'meets';
}

/** The sentence under the winner's changes when it is not confirmed or not returned (null when confirmed). */
function verdictLine(doc: TuneJson): string | null {
  const id = `#${doc.best.id}`;
  switch (doc.verdict) {
    case 'confirmed':
      return null;
    case 'unconfirmed':
      return `${id} meets the SLO on the search seeds but is not confirmed on hold-out seeds: the budget left no room for its check (a larger --budget runs it).`;
    case 'rejected':
      return `no candidate meets the SLO: ${id} met it on the search seeds but is not confirmed on hold-out seeds (it missed at the 95 % bound), and no finalist passed that check. Best reachable value of each constraint (finalists checked on the hold-out seeds, at the 95 % bound):`;
    case 'no_candidate':
      return 'no candidate meets the SLO. Best reachable value of each constraint (any finalist):';
  }
}

const changeText = (c: ChangeJson) => `${c.key}: ${JSON.stringify(c.from)} -> ${JSON.stringify(c.to)}`;

function changesText(changes: readonly ChangeJson[]): string {
  return changes.length === 0 ? 'as given' : changes.map(changeText).join('; ');
}

/** The search in one sentence (lower case, as the terminal prints it): what ran, and why it stopped. */
function summary(doc: TuneJson): string {
  const s = doc.search;
  const budget = 'simulations' in s.budget ? `the budget of ${count(s.budget.simulations, 'simulation')}` : `the ${s.budget.seconds} s budget`;
  const stop =
    s.stop === 'exhausted'
      ? 'stopped: no new candidate left in the search space'
      : s.rounds === 0
        ? `stopped: ${budget} left no room for a round, so only the given config ran${'simulations' in s.budget ? '' : `; --budget ${s.reproduce_with_budget} repeats this search exactly`}`
        : 'simulations' in s.budget
          ? s.simulations < s.budget.simulations
            ? `stopped: no further round fit ${budget} beside the room held back for pruning and the winner's last check, which needed less (${s.simulations} of ${s.budget.simulations} used)`
            : `stopped: ${budget}`
          : `stopped before the round that would pass ${budget}; --budget ${s.reproduce_with_budget} repeats this search exactly`;
  // The candidates counted: the given config, those of the rounds, those of the pruning step.
  const inRounds = `${s.candidates - 1 - s.pruning_candidates} in ${count(s.rounds, 'round')} of successive halving`;
  const parts =
    s.pruning_candidates > 0 ? `the given config, ${inRounds}, ${s.pruning_candidates} in pruning` : s.rounds === 0 ? 'the given config only' : `the given config and ${inRounds}`;
  return `searched ${count(s.candidates, 'candidate')} in ${count(s.simulations, 'simulation')} (${parts}; finalists ran on ${seedList(s.seeds)}, the same for every candidate); ${stop}.`;
}

/** When no candidate meets the SLO: one line per constraint, the binding ones marked. */
function bindingLines(doc: TuneJson, f: Formats): string[] {
  const lines = doc.binding.map((b) => {
    const value = b.constraint === 'success' ? f.success(b.best_reachable) : `${f[b.constraint as 'p95' | 'p99'](b.best_reachable)} ms`;
    const target = b.constraint === 'success' ? `>= ${f.success(b.target)}` : `<= ${f[b.constraint as 'p95' | 'p99'](b.target)} ms`;
    return `${b.constraint} ${target}: best ${value} (#${b.candidate})${b.reachable ? '' : '  <- binds: no candidate reaches it'}`;
  });
  if (doc.binding.every((b) => b.reachable)) lines.push('each constraint is reachable alone, but no candidate meets them together.');
  return lines;
}

const metricCells = (m: Metrics, v: Violation[], f: Formats, compact = false) => [f.success(m.success), f.p95(m.p95_ms), f.p99(m.p99_ms), usd(m.cost_usd), verdict(v, f, compact)];

/** The front's rows, the given config first. */
const frontCandidates = (doc: TuneJson) => [doc.baseline, ...doc.pareto.filter((c) => c.id !== 0)];
const candidateLabel = (doc: TuneJson, c: CandidateJson) => (c.id === 0 ? 'given' : `#${c.id}${c.id === doc.best.id ? '*' : ''}`);

/** Pareto front rows: candidate, cost, success, p95, p99, SLO, changes (`compact`: their number only). */
function frontRows(doc: TuneJson, f: Formats, compact = false): string[][] {
  return frontCandidates(doc).map((c) => {
    const [success, p95, p99, cost] = metricCells(c.metrics, c.violations, f);
    const changes = compact && c.changes.length > 0 ? count(c.changes.length, 'change') : changesText(c.changes);
    return [candidateLabel(doc, c), cost, success, p95, p99, frontSlo(c), changes];
  });
}

/** The Pareto table's SLO cell: on the search seeds, and the hold-out check where one ran. */
function frontSlo(c: CandidateJson): string {
  if (!c.meets_slo) return 'misses';
  return c.holdout_check === 'passed' ? 'confirmed' : c.holdout_check === 'failed' ? 'rejected' : 'meets';
}

/** What the Pareto table's SLO words mean, when it shows one that is not plain (null: none). */
function frontLegend(doc: TuneJson): string | null {
  const words = new Set(frontCandidates(doc).map(frontSlo));
  if (!words.has('meets') && !words.has('rejected')) return null;
  return 'SLO: confirmed = meets it on the search seeds and passed the hold-out check; meets = on the search seeds, not checked on the hold-out seeds; rejected = failed that check. The winner (*) is the best confirmed finalist.';
}

/** Given config and winner on the search seeds, then on the hold-out seeds. */
function comparisonRows(doc: TuneJson, f: Formats, withSeeds: boolean, compact = false): { search: string[][]; holdout: string[][] } {
  const seeds = (list: number[]) => (withSeeds ? `, ${seedList(list)}` : '');
  return {
    search: [
      [`given config${seeds(doc.search.seeds)}`, ...metricCells(doc.baseline.metrics, doc.baseline.violations, f, compact)],
      [`best #${doc.best.id}${seeds(doc.search.seeds)}`, ...metricCells(doc.best.metrics, doc.best.violations, f, compact)],
    ],
    holdout: [
      [`given config${seeds(doc.search.holdout_seeds)}`, ...metricCells(doc.baseline.holdout.metrics, doc.baseline.holdout.violations, f, compact).slice(0, 4), holdoutVerdict(doc, doc.baseline, f, compact)],
      [`best #${doc.best.id}${seeds(doc.search.holdout_seeds)}`, ...metricCells(doc.best.holdout.metrics, doc.best.holdout.violations, f, compact).slice(0, 4), holdoutVerdict(doc, doc.best, f, compact)],
    ],
  };
}

const COMPARISON_HEADER = ['', 'success', 'p95 ms', 'p99 ms', 'cost', 'SLO'];
const COMPARISON_ALIGN = ['l', 'r', 'r', 'r', 'r', 'l'] as const;
const FRONT_HEADER = ['cand', 'cost', 'success', 'p95 ms', 'p99 ms', 'SLO', 'changes'];
const FRONT_ALIGN = ['l', 'r', 'r', 'r', 'r', 'l', 'l'] as const;

/**
 * Which columns a narrow terminal drops first (lowest first): p99, then p95, cost and success,
 * except that the objective's column and the SLO's constrained ones outrank the others.
 */
function metricPriority(doc: TuneJson): Record<'success' | 'p95' | 'p99' | 'cost', number> {
  const boost = (name: string, constrained: boolean) => (constrained || doc.objective === name ? 100 : 0);
  return {
    success: 60 + boost('success', doc.slo.success !== null),
    p95: 50 + boost('p95', doc.slo.p95_ms !== null),
    p99: 30 + boost('p99', doc.slo.p99_ms !== null),
    cost: 55 + boost('cost', false),
  };
}

/** A table through simulate's fitting (src/sim/report/fit.ts): low-priority columns go first, no line passes the width. */
function fitted(header: readonly string[], rows: readonly string[][], align: readonly ('l' | 'r')[], priority: readonly number[], layout: Layout): string {
  const columns: Column[] = header.map((h, i) => ({ header: h, cells: rows.map((r) => r[i]), align: align[i], priority: priority[i] }));
  return fitTable(columns, layout);
}

/** Whether the table fits the width with every column and every cell whole. */
function fitsWhole(header: readonly string[], rows: readonly string[][], layout: Layout): boolean {
  const natural = fitted(header, rows, header.map(() => 'l'), header.map(() => Infinity), { ...layout, width: Infinity });
  return natural.split('\n').every((line) => width(line) <= layout.width);
}

/**
 * Prose wrapped between words at the layout's width, continuation lines indented two more than
 * the first; a single word longer than the width is cut (simulate's `cut`).
 */
function wrapText(text: string, layout: Layout): string[] {
  const t = symbols(text, layout);
  const lead = /^ */.exec(t)![0];
  const lines: string[] = [];
  let current = '';
  for (const word of t.slice(lead.length).split(' ')) {
    const next = current === '' ? `${lead}${word}` : `${current} ${word}`;
    if (current !== '' && width(next) > layout.width) {
      lines.push(current.trimEnd());
      current = `${lead}  ${word}`;
    } else current = next;
  }
  lines.push(current.trimEnd());
  return lines.map((l) => cut(l, layout.width, layout));
}

/**
 * The terminal report. Tables and prose fit `layout` (simulate's: 120 columns into a pipe or
 * file, else COLUMNS or the terminal's width; ASCII without a UTF-8 locale): the SLO column
 * names only the missed constraints and the Pareto front lists the changes under the table when
 * the whole text does not fit, and narrow terminals drop low-priority columns. The diff is
 * printed as it is (a cut line would not apply).
 */
export function tuneTable(run: TuneRun, layout: Layout = PIPE_LAYOUT): string {
  const doc = tuneDocument(run);
  const f = formats(doc);
  const s = doc.search;
  const out: string[] = [];
  const say = (text: string) => out.push(...wrapText(text, layout));
  const input = doc.scenario ?? `traffic ${doc.traffic}`;
  say(`tune ${doc.config} under ${input}: SLO ${doc.slo.text}, objective ${doc.objective}`);
  say(summary(doc));
  out.push('');
  const p = metricPriority(doc);
  const comparison = (rows: string[][], compactRows: string[][]) => {
    const whole = fitsWhole(COMPARISON_HEADER, rows, layout);
    return fitted(COMPARISON_HEADER, whole ? rows : compactRows, COMPARISON_ALIGN, [Infinity, p.success, p.p95, p.p99, p.cost, 90], layout);
  };
  const rows = comparisonRows(doc, f, false);
  const compact = comparisonRows(doc, f, false, true);
  say(`search ${seedList(s.seeds)}:`);
  out.push(comparison(rows.search, compact.search));
  out.push('');
  say(`hold-out ${seedList(s.holdout_seeds)} (not used for ranking, only to check the winner):`);
  out.push(comparison(rows.holdout, compact.holdout));
  out.push('');
  if (doc.best.changes.length === 0) say('the given config is the best found: no change.');
  else {
    say(`changes of #${doc.best.id}:`);
    for (const c of doc.best.changes) say(`  ${changeText(c)}  (${c.dimension})`);
  }
  const line = verdictLine(doc);
  if (line !== null) {
    out.push('');
    say(line);
    if (!doc.meets_slo) for (const b of bindingLines(doc, f)) say(`  ${b}`);
  }
  out.push('');
  say(`Pareto front (cost vs p95/p99 vs success) of the ${count(s.finalists, 'finalist')}, search seeds:`);
  const front = frontRows(doc, f);
  const whole = fitsWhole(FRONT_HEADER, front, layout);
  out.push(fitted(FRONT_HEADER, whole ? front : frontRows(doc, f, true), FRONT_ALIGN, [Infinity, p.cost, p.success, p.p95, p.p99, 90, 80], layout));
  if (!whole) {
    // The changes did not fit in the table: one line each under it, by candidate.
    const changed = frontCandidates(doc).filter((x) => x.changes.length > 0);
    const labelWidth = Math.max(...changed.map((c) => candidateLabel(doc, c).length));
    for (const c of changed) c.changes.forEach((change, k) => say(`  ${(k === 0 ? candidateLabel(doc, c) : '').padEnd(labelWidth)}  ${changeText(change)}`));
  }
  const legend = frontLegend(doc);
  if (legend !== null) {
    out.push('');
    say(legend);
  }
  if (doc.diff !== '') {
    out.push('');
    out.push(doc.diff.trimEnd());
  }
  if (doc.output !== null) {
    out.push('');
    say(`wrote ${doc.output}`);
  } else if (doc.edit_error !== null) {
    out.push('');
    say(`not written: ${doc.edit_error}`);
  } else if (run.requestedOutput !== null && !doc.meets_slo) {
    out.push('');
    say(`not written to ${safeText(run.requestedOutput)}: ${notWritten(doc)}`);
  }
  if (doc.report !== null) {
    if (doc.output === null) out.push('');
    say(`wrote ${doc.report}`);
  }
  return `${out.join('\n')}\n`;
}

const notWritten = (doc: TuneJson) => (doc.verdict === 'rejected' ? `#${doc.best.id} is not confirmed on hold-out seeds and no finalist passed that check` : 'no candidate meets the SLO');

/** `--format markdown`: the same report for a pull request comment or $GITHUB_STEP_SUMMARY (cells escaped, size bounded). */
export function tuneMarkdown(run: TuneRun): string {
  const doc = tuneDocument(run);
  const f = formats(doc);
  const budget = new MarkdownBudget();
  // Markdown has no width: text is escaped, never cut (the budget bounds the tables by rows).
  const cell = (text: string) => markdownCell(text, Infinity);
  // Inline code shows backslashes literally, so it is not cell-escaped: only a backtick (which would end it) is replaced.
  const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;
  const table = (header: readonly string[], rows: readonly string[][], align: readonly ('l' | 'r')[], noun: string) =>
    markdownTable({ header, align, rows: rows.map((r) => r.map(cell)), noun }, budget);
  const out: string[] = [];
  out.push(`## gwcfg tune: ${code(doc.config)}`);
  out.push('');
  const input = doc.scenario !== null ? `scenario ${code(doc.scenario)}` : `recorded traffic ${code(doc.traffic ?? '')}`;
  out.push(`Under ${input}; SLO ${code(doc.slo.text)}, objective ${doc.objective}. ${cell(capitalised(summary(doc)))}`);
  out.push('');
  const rows = comparisonRows(doc, f, true);
  out.push(table(COMPARISON_HEADER, [...rows.search, ...rows.holdout], COMPARISON_ALIGN, 'rows'));
  out.push('');
  out.push('The hold-out seeds were not used for ranking, only to check the winner.');
  out.push('');
  out.push(`### Changes of #${doc.best.id}`);
  out.push('');
  if (doc.best.changes.length === 0) out.push('None: the given config is the best found.');
  for (const c of doc.best.changes) out.push(`- ${code(c.key)}: ${code(JSON.stringify(c.from))} → ${code(JSON.stringify(c.to))} (${c.dimension})`);
  const line = verdictLine(doc);
  if (line !== null) {
    out.push('');
    out.push(doc.verdict === 'unconfirmed' ? `**Not confirmed on hold-out seeds.** ${cell(line)}` : `**No candidate meets the SLO.** ${cell(capitalised(line.replace(/^no candidate meets the SLO[.:] /, '')))}`);
    if (!doc.meets_slo) {
      out.push('');
      for (const b of bindingLines(doc, f)) out.push(`- ${cell(capitalised(b))}`);
    }
  }
  out.push('');
  out.push(`### Pareto front (cost vs p95/p99 vs success) of the ${count(doc.search.finalists, 'finalist')}`);
  out.push('');
  out.push(table(FRONT_HEADER, frontRows(doc, f), FRONT_ALIGN, 'candidates'));
  const legend = frontLegend(doc);
  if (legend !== null) {
    out.push('');
    out.push(cell(legend));
  }
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
  } else if (doc.edit_error !== null) {
    out.push('');
    out.push(`Not written: ${cell(doc.edit_error)}.`);
  } else if (run.requestedOutput !== null && !doc.meets_slo) {
    out.push('');
    out.push(`Not written to ${code(safeText(run.requestedOutput))}: ${notWritten(doc)}.`);
  }
  if (doc.report !== null) {
    out.push('');
    out.push(`Wrote ${code(doc.report)}.`);
  }
  return `${out.join('\n')}\n`;
}
