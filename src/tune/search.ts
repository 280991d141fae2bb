// The search: rounds of successive halving (Jamieson & Talwalkar 2016; Li et al., Hyperband) over
// candidates made by mutating the best configs found so far. The resource halved over is seeds:
// a round's candidates all run on seed 1, the better half also on seed 2, and so on until the
// survivors have run on every --seeds seed. Every candidate sees the same seeds (common random
// numbers), so a difference between two candidates is their config, not their luck.
//
// After the rounds, a pruning step tries the winner without each of its changed dimensions (every
// one; at most PRUNE_STEPS of those tries cost runs, the likeliest no-ops first) and keeps the
// simpler config when it ranks at least as well: changes that made no difference are not written
// into the user's file.
//
// Robustness: a few search seeds cannot show a config that collapses on one seed in ten (say,
// allowed_fails: 1 cooling every region down at once when a background 500 meets an outage). So
// the best finalist that meets the SLO is checked on the hold-out seeds (at least HOLDOUT_MIN,
// the same for every candidate) after each round, as racing methods re-run their incumbent
// (Hutter et al., ParamILS/SMAC intensification): it must meet the SLO there at the one-sided
// 95 % confidence bound over the seeds (score.ts conservative). One that fails is rejected:
// it ranks by its bound (so it misses), is no parent for later rounds, and the next finalist is
// checked. The winner is the best finalist that passed its check.
//
// Deterministic: candidates come from a pure-rand stream seeded by --seed, ranking breaks ties by
// candidate id, and the round plan depends only on the budget count, never on timing or -j. A
// wall-clock budget decides how many rounds run (its time per simulation measured on warm runs
// and re-measured after each round and check), and may shrink the last one to what fits.
import { seededUniform } from '../sim/rng.js';
import { aggregate, compareCandidates, conservative, violations, type Metrics, type Objective, type Violation } from './score.js';
import { applyChanges, mergeChanges, mutate, type Change, type Dimension } from './space.js';
import type { Slo } from './slo.js';

export type Budget = { kind: 'evaluations'; count: number } | { kind: 'duration'; ms: number };

export interface SearchOptions {
  slo: Slo;
  objective: Objective;
  /** Number of seeds each finalist runs on. */
  seeds: number;
  budget: Budget;
  dimensions: readonly Dimension[];
  /** Hold-out seeds for the checks (seed indices seeds .. seeds + holdout - 1); 0: no checks. */
  holdout?: number;
  /** Seeds the candidate generator (--seed). */
  seed: number;
  /** Simulations the caller will run after the search (hold-out), for a wall-clock budget. */
  reserve?: number;
  /** Called after each round with the simulations so far and the best finalist. */
  onRound?: (round: number, simulations: number, best: Candidate) => void;
}

export interface Candidate {
  /** 0 is the given config; others in order of generation. */
  id: number;
  changes: Change[];
  /** Metrics per seed index it ran on (a prefix of the seed list). */
  runs: Metrics[];
  /** Aggregate over `runs`. */
  metrics: Metrics;
  round: number;
  /** Its check on the hold-out seeds, once it ran. */
  check?: Check;
}

/** A finalist on the hold-out seeds. */
export interface Check {
  runs: Metrics[];
  /** Aggregate over the hold-out seeds (success pooled, latencies and cost averaged). */
  metrics: Metrics;
  /** The conservative reading (95 % bounds over the seeds). */
  bound: Metrics;
  /** Of `bound` against the SLO; empty: passed. */
  violations: Violation[];
  /** Rounds done when it was checked. */
  afterRound: number;
}

/** The check of a finalist from its runs on the hold-out seeds: judged at the 95 % bounds. */
export function checkOf(runs: Metrics[], slo: Slo, afterRound: number): Check {
  const bound = conservative(runs);
  return { runs, metrics: aggregate(runs), bound, violations: violations(bound, slo), afterRound };
}

export interface SearchOutcome {
  baseline: Candidate;
  /** Candidates that ran on every seed, best first (the baseline among them). */
  finalists: Candidate[];
  /** Every candidate evaluated, in id order. */
  evaluated: Candidate[];
  /** The winner: the best finalist that passed its check, else the best finalist. */
  best: Candidate;
  /** Whether `best` passed its check on the hold-out seeds. */
  verified: boolean;
  /** Finalists checked, in order of checking (a rejected one has violations). */
  checked: Candidate[];
  simulations: number;
  rounds: number;
  stop: 'budget' | 'exhausted';
  /** The --budget count that repeats this search exactly (the rounds plus the pruning reserve). */
  reproduce: number;
}

/** A candidate's key: equal changes, equal key (`seen`, the pool's reuse of results). */
export function candidateKey(changes: readonly Change[]): string {
  return JSON.stringify(changes);
}

/** One simulation: a config on a seed index (search seeds first, then hold-out seeds); `key` names the config (equal keys, equal configs). */
export interface RunRequest {
  config: unknown;
  seedIndex: number;
  key: string;
}

/** A run likely to be asked for soon; its config is made only if it runs. */
export interface SpareRequest {
  seedIndex: number;
  key: string;
  config: () => unknown;
}

/**
 * Runs the configs; results in the same order. `spare` (given the batch's results so far, in
 * its order) lists runs likely to be asked for next, likeliest first: threads with nothing of
 * the batch left may run them, so that a later batch finds their results ready. The results,
 * and so the search, are the same whether or not they do (a run's result depends only on its
 * config and seed).
 */
export type Evaluate = (batch: readonly RunRequest[], spare?: (partial: readonly (Metrics | undefined)[]) => readonly SpareRequest[]) => Promise<Metrics[]>;

/** Simulations one round of successive halving costs for `n` candidates over `seeds` rungs. */
export function roundCost(n: number, seeds: number): number {
  let total = 0;
  for (let alive = n, s = 0; s < seeds && alive > 0; s++, alive = Math.ceil(alive / 2)) total += alive;
  return total;
}

/** Candidates per round after the first (the first tries each dimension once). */
const ROUND_SIZE = 8;
const PARENTS = 3;
/** Dimensions the pruning step may try to drop from the winner; each costs one run per seed. */
export const PRUNE_STEPS = 3;
/** Hold-out seeds: at least this many (and at least --seeds), so that a collapse on one seed in ten shows. */
export const HOLDOUT_MIN = 10;
/** Checks after one round at most (each costs one run per hold-out seed). */
export const CHECKS_PER_ROUND = 2;

export function holdoutCount(seeds: number): number {
  return Math.max(HOLDOUT_MIN, seeds);
}

const meetsOnSearchSeeds = (c: Candidate, slo: Slo) => violations(c.metrics, slo).length === 0;
const rejected = (c: Candidate) => c.check !== undefined && c.check.violations.length > 0;

export async function search(base: unknown, isValid: (config: unknown) => boolean, evaluate: Evaluate, options: SearchOptions, now: () => number = Date.now): Promise<SearchOutcome> {
  const started = now();
  const rng = seededUniform(options.seed ^ 0x7475_6e65); // 'tune': its own stream, apart from the simulation seeds
  // A rejected finalist ranks by its bound on the hold-out seeds, which misses the SLO.
  const view = (c: Candidate) => (rejected(c) ? { id: c.id, changes: c.changes, metrics: c.check!.bound } : c);
  const compare = (a: Candidate, b: Candidate) => compareCandidates(view(a), view(b), options.slo, options.objective);
  const rank = (list: Candidate[]) => [...list].sort(compare);
  const checked: Candidate[] = [];
  const H = options.holdout ?? 0;
  const seen = new Set<string>();
  const evaluated: Candidate[] = [];
  let simulations = 0;
  type Spare = (partial: readonly (Metrics | undefined)[]) => readonly SpareRequest[];
  const request = (c: Candidate, seedIndex: number): RunRequest => ({ config: applyChanges(base, c.changes), seedIndex, key: candidateKey(c.changes) });
  const spareRun = (changes: readonly Change[], seedIndex: number): SpareRequest => ({ seedIndex, key: candidateKey(changes), config: () => applyChanges(base, changes) });
  /** A candidate's runs on the seeds it lacks (seed indices from `from` to `to` - 1). */
  const spareRuns = (changes: readonly Change[], from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => spareRun(changes, from + i));
  const holdoutRuns = (c: Candidate | undefined) => (c === undefined || H === 0 ? [] : spareRuns(c.changes, options.seeds, options.seeds + H));

  const runRung = async (alive: Candidate[], seedIndex: number, spare?: Spare) => {
    const results = await evaluate(
      alive.map((c) => request(c, seedIndex)),
      spare,
    );
    simulations += alive.length;
    alive.forEach((c, i) => {
      c.runs.push(results[i]);
      c.metrics = aggregate(c.runs);
    });
  };

  /** One candidate on every seed it has not run yet, in one batch (parallel across seeds). */
  const runEverySeed = async (c: Candidate, spare?: Spare) => {
    const config = applyChanges(base, c.changes);
    const key = candidateKey(c.changes);
    const from = c.runs.length;
    const missing = options.seeds - from;
    c.runs.push(...(await evaluate(Array.from({ length: missing }, (_, i) => ({ config, seedIndex: from + i, key })), spare)));
    c.metrics = aggregate(c.runs);
    simulations += missing;
  };

  const baseline: Candidate = { id: 0, changes: [], runs: [], metrics: aggregate([]), round: 0 };
  seen.add(candidateKey([]));
  evaluated.push(baseline);
  const finalists: Candidate[] = [baseline];
  // What idle threads may run (Evaluate's spare): the given config's hold-out runs are always
  // asked for in the end (its check, or the caller's comparison rows), so they fill in anywhere;
  // then per phase the runs likeliest next (see each call).
  const background = holdoutRuns(baseline);
  // Pruning and the winner's last check are budgeted up front, so a count budget plans the same
  // rounds a wall-clock one ran. A count with no room for the check beside the given config, one
  // candidate and pruning spends it all on the search (the winner is then reported unchecked):
  // a check reserved with no candidate beside it would check nothing and search nothing.
  const checkReserve = options.budget.kind === 'duration' || options.budget.count >= options.seeds * (1 + PRUNE_STEPS) + roundCost(1, options.seeds) + H ? H : 0;
  const pruneReserve = PRUNE_STEPS * options.seeds + checkReserve;
  /** A count budget: how many of `n` candidates a round runs after `used` simulations, beside the reserves. */
  const fitting = (n: number, used: number) => {
    if (options.budget.kind !== 'evaluations') return n;
    let k = n;
    while (k > 0 && roundCost(k, options.seeds) > options.budget.count - used - pruneReserve) k--;
    return k;
  };
  // The first round's candidates do not depend on any result: made now, so that threads the
  // given config's batch leaves idle can start on those the round will run.
  const firstRound = generate(true);
  const firstRung: Spare = () => [...firstRound.slice(0, fitting(firstRound.length, options.seeds)).map((c) => spareRun(c.changes, 0)), ...background];
  // Wall time per simulation of the latest batch of work, for a duration budget. The first batch
  // pays for starting the workers, so the first estimate comes from the baseline's later seeds
  // (a warm batch); results per seed are the same however the seeds are batched. These two
  // batches offer no spare runs: a worker starting cold on one would slow the warm batch down and
  // spoil the estimate (a round shrunk for nothing).
  let msPerSimulation: number;
  if (options.budget.kind === 'duration' && options.seeds > 1) {
    await runRung([baseline], 0);
    const warmStart = now();
    await runEverySeed(baseline);
    msPerSimulation = (now() - warmStart) / (options.seeds - 1);
  } else {
    await runEverySeed(baseline, firstRung);
    msPerSimulation = (now() - started) / options.seeds;
  }

  // A duration budget: wall time left, and what the reserves (pruning, last check, the caller's hold-out runs) need.
  const msLeft = () => (options.budget.kind === 'duration' ? options.budget.ms - (now() - started) : Infinity);
  const fixedReserve = pruneReserve + (options.reserve ?? 0);
  let rounds = 0;
  let lastRound = false;
  let stop: SearchOutcome['stop'] = 'budget';
  for (;;) {
    const candidates = rounds === 0 ? firstRound : generate(false);
    if (candidates.length === 0) {
      stop = 'exhausted';
      break;
    }
    let cost = roundCost(candidates.length, options.seeds);
    if (options.budget.kind === 'evaluations') {
      candidates.length = fitting(candidates.length, simulations);
      if (candidates.length === 0) break;
    } else {
      // The whole round when it fits beside the reserves at the latest rate; else it shrinks to
      // the candidates that fit and is the last, with no checks (a count budget of the same total
      // plans the same: its last round gets exactly what is left).
      while (candidates.length > 0 && (cost + fixedReserve) * msPerSimulation > msLeft()) {
        cost = roundCost(--candidates.length, options.seeds);
        lastRound = true;
      }
      if (candidates.length === 0) break;
    }
    for (const c of candidates) {
      c.id = evaluated.length;
      c.round = rounds + 1;
      evaluated.push(c);
    }
    const roundStart = now();
    const before = simulations;
    let alive = candidates;
    for (let s = 0; s < options.seeds; s++) {
      await runRung(alive, s, s < options.seeds - 1 ? nextRung(alive, s) : lastRung(alive));
      if (s < options.seeds - 1) alive = rank(alive).slice(0, Math.ceil(alive.length / 2));
    }
    finalists.push(...alive);
    rounds++;
    msPerSimulation = (now() - roundStart) / (simulations - before);
    // A count budget runs the checks it has room for. A wall-clock budget runs those that fit
    // beside the reserves; one that does not fit makes this round the last, so that the count
    // it reports (a count budget with no room left after this round) repeats the same checks.
    for (let n = 0; n < CHECKS_PER_ROUND && !lastRound; n++) {
      const top = rank(finalists)[0];
      if (H === 0 || !meetsOnSearchSeeds(top, options.slo) || top.check || rejected(top)) break;
      if (options.budget.kind === 'evaluations' && options.budget.count - simulations - pruneReserve < H) break;
      if (options.budget.kind === 'duration' && (H + fixedReserve) * msPerSimulation > msLeft()) {
        lastRound = true;
        break;
      }
      const checkStart = now();
      await check(top, () => [...background, ...holdoutRuns(checkTarget(rank(finalists).filter((c) => c !== top)))]);
      msPerSimulation = (now() - checkStart) / H;
    }
    options.onRound?.(rounds, simulations, rank(finalists)[0]);
    if (lastRound) break;
  }
  const reproduce = simulations + pruneReserve;
  const pruneLeft = options.budget.kind === 'evaluations' ? options.budget.count - simulations - checkReserve : PRUNE_STEPS * options.seeds;
  const winner = await prune(Math.min(pruneLeft, PRUNE_STEPS * options.seeds));
  // The winner's last check (reserved): a pruned winner is a config the checks have not seen.
  const left = () => (options.budget.kind === 'evaluations' ? options.budget.count - simulations : Infinity);
  if (H > 0 && meetsOnSearchSeeds(winner, options.slo) && !winner.check && left() >= H) await check(winner, () => background);
  const ranked = rank(finalists);
  const passed = ranked.find((c) => c.check !== undefined && !rejected(c) && meetsOnSearchSeeds(c, options.slo));
  // A pruned winner that failed falls back to the best finalist that passed (its unpruned parent, often).
  const best = passed ?? ranked[0];
  return { baseline, finalists: ranked, evaluated, best, verified: passed !== undefined, checked, simulations, rounds, stop, reproduce };

  /**
   * Spare runs while rung `s` (not the last) runs: the next rung's runs of the candidates sure to
   * survive halving whatever the results still to come (at most as many ranked before them as
   * the halving keeps, counting every missing result as better), then the hold-out fill-in,
   * then those that survive unless a missing result beats them.
   */
  function nextRung(alive: Candidate[], s: number): Spare {
    const keep = Math.ceil(alive.length / 2);
    return (partial) => {
      const missing = partial.filter((m) => m === undefined).length;
      const known = withResults(alive, partial).sort(compare);
      const sure = known.slice(0, Math.max(0, keep - missing));
      return [...sure.map((c) => spareRun(c.changes, s + 1)), ...background, ...known.slice(sure.length, keep).map((c) => spareRun(c.changes, s + 1))];
    };
  }

  /** Spare runs while the last rung runs: the hold-out fill-in, then the hold-out runs of the likely first check. */
  function lastRung(alive: Candidate[]): Spare {
    return (partial) => {
      return [...background, ...holdoutRuns(checkTarget(rank([...finalists, ...withResults(alive, partial)])))];
    };
  }

  /** The rung's candidates whose run is in (`partial`, in their order), as copies that include it. */
  function withResults(alive: Candidate[], partial: readonly (Metrics | undefined)[]): Candidate[] {
    return alive.flatMap((c, i) => {
      const run = partial[i];
      if (run === undefined) return [];
      const runs = [...c.runs, run];
      return [{ ...c, runs, metrics: aggregate(runs) }];
    });
  }

  /** The finalist a check would run on, from a ranking: the first, when it meets the SLO and has not been checked. */
  function checkTarget(ranked: Candidate[]): Candidate | undefined {
    const top = ranked[0];
    return top !== undefined && meetsOnSearchSeeds(top, options.slo) && !top.check && !rejected(top) ? top : undefined;
  }

  /** Runs a finalist on every hold-out seed (one batch) and judges it at its conservative bound. */
  async function check(c: Candidate, spare?: Spare): Promise<void> {
    const config = applyChanges(base, c.changes);
    const key = candidateKey(c.changes);
    const runs = await evaluate(
      Array.from({ length: H }, (_, i) => ({ config, seedIndex: options.seeds + i, key })),
      spare,
    );
    simulations += H;
    c.check = checkOf(runs, options.slo, rounds);
    checked.push(c);
  }

  /**
   * Drops whole dimensions from the winner while the simpler config ranks at least as well;
   * returns the pruned winner. Every changed dimension is tried; a simpler config already run on
   * every seed costs nothing, one that lost a halving rung is run on its missing seeds, a new one
   * on every seed; at most PRUNE_STEPS of those runs, within `allowance` simulations.
   */
  async function prune(allowance: number): Promise<Candidate> {
    let best = rank(finalists)[0];
    let steps = 0;
    // Dimensions whose round-1 move left the given config's figures exactly as they were go first:
    // the likeliest to make no difference here too (the rest keep their order).
    const same = (a: Metrics, b: Metrics) => JSON.stringify(a) === JSON.stringify(b);
    const inert = (d: Dimension) =>
      evaluated.some((c) => c.round === 1 && c.changes.length > 0 && c.changes.every((x) => x.dimension === d) && c.runs.every((r, i) => same(r, baseline.runs[i])));
    const changed = [...new Set(best.changes.map((c) => c.dimension))];
    const dimensions = [...changed.filter(inert), ...changed.filter((d) => !inert(d))];
    /**
     * Spare runs while the step dropping dimensions[j] runs: the hold-out fill-in, then guesses:
     * the next step's runs whichever way this one goes (the drop kept first, likelier for the
     * inert dimensions that come first), and the hold-out runs of the winner if this step keeps
     * it (its last check runs them, or else the caller, for the comparison rows).
     */
    const nextStep =
      (j: number, simpler: Candidate): Spare =>
      () => {
        const next = dimensions[j + 1];
        const runsWithout = (from: Candidate) => {
          if (next === undefined || steps + 1 >= PRUNE_STEPS) return [];
          const changes = from.changes.filter((c) => c.dimension !== next);
          const key = candidateKey(changes);
          if (changes.length === from.changes.length || finalists.some((c) => candidateKey(c.changes) === key)) return [];
          return spareRuns(changes, evaluated.find((c) => candidateKey(c.changes) === key)?.runs.length ?? 0, options.seeds);
        };
        return [...background, ...runsWithout(simpler), ...runsWithout(best), ...holdoutRuns(best.check ? undefined : best)];
      };
    for (const [j, dimension] of dimensions.entries()) {
      const changes = best.changes.filter((c) => c.dimension !== dimension);
      const key = candidateKey(changes);
      let simpler = finalists.find((c) => candidateKey(c.changes) === key);
      if (!simpler) {
        const partial = evaluated.find((c) => candidateKey(c.changes) === key);
        const cost = options.seeds - (partial?.runs.length ?? 0);
        if (steps >= PRUNE_STEPS || allowance < cost) continue;
        if (partial) {
          simpler = partial;
          await runEverySeed(partial, nextStep(j, partial));
        } else {
          // (It may be in `seen` without having run: a round that shrank to fit dropped it.)
          if (!isValid(applyChanges(base, changes))) continue;
          seen.add(key);
          simpler = { id: evaluated.length, changes, runs: [], metrics: aggregate([]), round: rounds + 1 };
          evaluated.push(simpler);
          await runEverySeed(simpler, nextStep(j, simpler));
        }
        steps++;
        allowance -= cost;
        finalists.push(simpler);
      }
      if (compare(simpler, best) <= 0) best = simpler;
    }
    return best;
  }

  /** New, schema-valid, never-seen candidates: the first round moves each dimension once from the given config. */
  function generate(first: boolean): Candidate[] {
    const out: Candidate[] = [];
    const fresh = (changes: Change[]): boolean => {
      const key = candidateKey(changes);
      if (changes.length === 0 || seen.has(key)) return false;
      seen.add(key);
      return isValid(applyChanges(base, changes));
    };
    const add = (changes: Change[]) => out.push({ id: -1, changes, runs: [], metrics: aggregate([]), round: 0 });
    if (first) {
      for (const dimension of options.dimensions) {
        for (let attempt = 0; attempt < 5; attempt++) {
          const move = mutate(base, dimension, rng);
          if (move === null) break;
          const changes = mergeChanges(base, [], move);
          if (fresh(changes)) {
            add(changes);
            break;
          }
        }
      }
      return out;
    }
    const size = ROUND_SIZE;
    // Rejected finalists are no parents (unless nothing else is left).
    const ranked = rank(finalists);
    const fit = ranked.filter((c) => !rejected(c));
    const parents = (fit.length > 0 ? fit : ranked).slice(0, PARENTS);
    for (let attempt = 0; out.length < size && attempt < size * 25; attempt++) {
      const parent = parents[Math.floor(rng() * parents.length)];
      let changes = parent.changes;
      const moves = rng() < 0.5 ? 1 : 2;
      for (let m = 0; m < moves; m++) {
        const dimension = options.dimensions[Math.floor(rng() * options.dimensions.length)];
        const move = mutate(applyChanges(base, changes), dimension, rng, base);
        if (move !== null) changes = mergeChanges(base, changes, move);
      }
      if (fresh(changes)) add(changes);
    }
    return out;
  }
}
