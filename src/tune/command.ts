// The tune command's body: load the config and the traffic (scenario or recorded), search, check
// the winner on hold-out seeds, print, write -o. Simulations run through the simulator's own job
// (src/sim/job.ts) on this thread and worker threads (src/tune/pool.ts); nothing here simulates by itself.
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { CliError } from '../cli/errors.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { reportInputProblems, type CommandOutput } from '../cli/report.js';
import { guardStdout } from '../cli/stdout.js';
import { loadConfig } from '../config/load.js';
import { resolveRelease } from '../routing/releases.js';
import type { LitellmVersion } from '../routing/router.js';
import { validateConfig } from '../schema/config-schema.js';
import { modelMapFor, recordedTraffic } from '../sim/command.js';
import { DEFAULT_SEED, type SimJob } from '../sim/job.js';
import { prepareScenario, type ScenarioSource } from '../sim/prepare.js';
import { parseDurationMs } from '../sim/units.js';
import { LIMITS as READ_LIMITS, readInput } from '../util/read-input.js';
import { safeText } from '../util/safe-text.js';
import { checkOutputDirectory, checkOutputFiles, writeFilesAtomic } from '../util/write-files.js';
import { Router } from '../routing/router.js';
import { resolveBehaviours } from '../sim/behaviour.js';
import type { SimResult } from '../sim/result.js';
import { VERSION } from '../cli/version.js';
import { EditError, editedConfigText } from './edit.js';
import { count, returnsConfig, tuneDocument, tuneJson, tuneMarkdown, tuneTable, tuneVerdict } from './output.js';
import { aggregate, metricsOf, OBJECTIVES, violations, type Metrics, type Objective } from './score.js';
import { candidateKey, checkOf, holdoutCount, PRUNE_STEPS, roundCost, search, type Budget, type Candidate, type Evaluate } from './search.js';
import { terminalLayout } from '../sim/report/fit.js';
import { checkSloGroup, parseSlo, type Slo } from './slo.js';
import { applyChanges, enabledDimensions, type Dimension } from './space.js';
import { TunePool } from './pool.js';

export interface TuneOptions {
  scenario?: string;
  traffic?: string;
  slo?: string;
  objective?: string;
  budget?: string;
  seeds?: string;
  jobs?: string;
  output?: string;
  force?: boolean;
  format?: 'table' | 'json' | 'markdown';
  vary?: string;
  keep?: string;
  seed?: string;
  litellmVersion?: string;
  modelCostMap?: string;
  progress?: boolean;
  report?: string;
}

export interface TuneIo {
  stdout?: NodeJS.WritableStream & { isTTY?: boolean };
  stderr?: NodeJS.WritableStream;
  /** The global --color / --no-color choice, for the problems of an input tune cannot use. */
  color?: boolean;
  /** COLUMNS, TERM and the locale for the table's layout (default: process.env). */
  env?: NodeJS.ProcessEnv;
}

/** Most seeds per candidate and most simulations one search may plan (docs/limits.md). */
export const TUNE_LIMITS = { seeds: 20, evaluations: 100_000, durationMs: 24 * 3_600_000 };
export const DEFAULT_BUDGET = '100';
export const DEFAULT_SEEDS = 3;

/** `--budget`: a count of simulations (`200`) or a wall-clock duration (`90s`, `2m`). */
export function parseBudget(text: string): Budget {
  const t = text.trim();
  if (/^\d+$/.test(t)) {
    const count = Number(t);
    // A count below the least a search needs (0 included) is refused by parseTuneFlags, which names that least.
    if (count > TUNE_LIMITS.evaluations) throw new CliError(`--budget: a count of simulations must be at most ${TUNE_LIMITS.evaluations}, got '${text}'`);
    return { kind: 'evaluations', count };
  }
  let ms: number;
  try {
    ms = parseDurationMs(t);
  } catch {
    throw new CliError(`--budget takes a number of simulations (e.g. 200) or a duration (e.g. 90s, 2m), got '${text}'`);
  }
  if (!(ms > 0) || ms > TUNE_LIMITS.durationMs) throw new CliError(`--budget: a duration must be positive and at most 24h, got '${text}'`);
  return { kind: 'duration', ms };
}

/**
 * The smallest --budget count that searches at all with `seeds` seeds: the given config and one
 * candidate on every seed, and the pruning reserve (docs/tune.md, "How it searches").
 */
export function minimumBudget(seeds: number): number {
  return seeds + roundCost(1, seeds) + PRUNE_STEPS * seeds;
}

function integerFlag(value: string | undefined, flag: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new CliError(`${flag} must be an integer from ${min} to ${max}, got '${value}'`);
  return n;
}

export interface TuneFlags {
  slo: Slo;
  objective: Objective;
  budget: Budget;
  seeds: number;
  jobs: number;
  dimensions: Dimension[];
  seed: number | undefined;
  litellmVersion: LitellmVersion | undefined;
}

/** Checks every flag before any file is read; CliError (exit 2) on the first bad one. */
export function parseTuneFlags(options: TuneOptions): TuneFlags {
  if (options.slo === undefined) throw new CliError('tune needs --slo, e.g. --slo "success>=99.9%,p95<=3s"');
  if ((options.scenario === undefined) === (options.traffic === undefined)) throw new CliError('tune needs exactly one of --scenario FILE or --traffic FILE');
  const objective = options.objective ?? 'cost';
  if (!(OBJECTIVES as readonly string[]).includes(objective)) throw new CliError(`--objective must be one of ${OBJECTIVES.join(', ')}, got '${objective}'`);
  let dimensions: Dimension[];
  try {
    dimensions = enabledDimensions(options.vary, options.keep);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  if (dimensions.length === 0) throw new CliError('--keep leaves nothing to vary');
  if (options.litellmVersion !== undefined) {
    try {
      resolveRelease(options.litellmVersion);
    } catch (e) {
      throw new CliError(`--litellm-version: ${(e as Error).message}`);
    }
  }
  const seeds = integerFlag(options.seeds, '--seeds', 1, TUNE_LIMITS.seeds, DEFAULT_SEEDS);
  const budget = parseBudget(options.budget ?? DEFAULT_BUDGET);
  const least = minimumBudget(seeds);
  if (budget.kind === 'evaluations' && budget.count < least) {
    throw new CliError(
      `--budget ${budget.count} is too small: with --seeds ${seeds} a search needs at least ${least} simulations (${seeds} for the given config, ${seeds} for one candidate, ${PRUNE_STEPS * seeds} set aside for pruning)`,
    );
  }
  return {
    slo: parseSlo(options.slo),
    objective: objective as Objective,
    budget,
    seeds,
    jobs: integerFlag(options.jobs, '--jobs', 1, 256, availableParallelism()),
    dimensions,
    seed: options.seed === undefined ? undefined : integerFlag(options.seed, '--seed', -(2 ** 31 - 1), 2 ** 31 - 1, 0),
    litellmVersion: options.litellmVersion,
  };
}

/**
 * A count budget under this runs on this thread alone, whatever -j says: a worker's start (loading
 * the simulator, warming its JIT up, V8's compiler and GC helpers sharing the cores) costs about
 * as much CPU as 30 simulations, more than it saves there (docs/tune.md, -j).
 */
export const SOLO_BELOW = 40;

/** Threads the search runs on: -j, or 1 for a count budget under SOLO_BELOW. */
export function tuneThreads(flags: Pick<TuneFlags, 'jobs' | 'budget'>): number {
  return flags.budget.kind === 'evaluations' && flags.budget.count < SOLO_BELOW ? 1 : flags.jobs;
}

/** One candidate on the hold-out seeds. */
export interface HoldOut {
  /** Aggregate over the hold-out seeds. */
  metrics: Metrics;
}

/** Everything the output formats print (docs/contracts.md, contract 6). */
export interface TuneRun {
  configFile: string;
  scenarioFile: string | null;
  trafficFile: string | null;
  flags: TuneFlags;
  seeds: number[];
  holdoutSeeds: number[];
  baseline: Candidate;
  best: Candidate;
  evaluated: Candidate[];
  finalists: Candidate[];
  simulations: number;
  rounds: number;
  stop: 'budget' | 'exhausted';
  reproduce: number;
  holdout: { baseline: HoldOut; best: HoldOut };
  /** Finalists checked on the hold-out seeds, in order (search.ts); `best` passed its check when `verified`. */
  checked: Candidate[];
  verified: boolean;
  output: string | null;
  /** --report once written (null without it). */
  report?: string | null;
  /** -o as given (null without -o). */
  requestedOutput: string | null;
  diff: string;
  /** Why the tuned config could not be written as an edit (null when it was, or was not asked for). */
  editError: string | null;
  base: unknown;
}

/**
 * An input tune cannot use (its config or scenario `file`, with errors): every problem as simulate
 * and validate print them (code frames; contract 2 under --format json), one stderr line saying
 * why nothing was searched, and exit 1.
 */
async function refuseInput(kind: 'config' | 'scenario', file: string, diagnostics: Diagnostic[], sources: readonly { file: string; text: string }[], format: string, out: CommandOutput, stderr: NodeJS.WritableStream): Promise<number> {
  await reportInputProblems(diagnostics, file, sources, format, out);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  stderr.write(`gwcfg: nothing was searched: ${safeText(file)} has ${errors === 1 ? 'an error' : `${errors} errors`}, and tune needs a ${kind} without errors\n`);
  return 1;
}

export async function executeTune(configFile: string, options: TuneOptions, io: TuneIo = {}): Promise<number> {
  if (!io.stdout) guardStdout();
  const stdout = io.stdout ?? process.stdout;
  const stderr = (io.stderr ?? process.stderr) as NodeJS.WriteStream;
  const flags = parseTuneFlags(options);
  // -o is checked before the search, not after minutes of it (writeFilesAtomic checks again when writing).
  if (options.output !== undefined) {
    checkFolderExists(options.output, '-o');
    checkOutputDirectory(dirname(options.output));
    if (options.force !== true && existsSync(options.output)) throw new CliError(`${options.output} already exists; use --force to overwrite (nothing was searched or written)`);
  }
  if (options.report !== undefined) {
    if (options.report === '-' || options.report.trim() === '') throw new CliError(`--report needs a file name (the report is an HTML file, not printed), got '${options.report}'`);
    checkFolderExists(options.report, '--report');
    await checkOutputFiles([options.report], { force: options.force === true });
  }

  const out: CommandOutput = { stdout, env: io.env ?? process.env, color: io.color };
  const format = options.format ?? 'table';
  const loaded = await loadConfig(configFile);
  const hasErrors = loaded.diagnostics.some((d) => d.severity === 'error');
  if (loaded.value === undefined || loaded.value === null || hasErrors || !loaded.source) {
    if (!hasErrors) throw new CliError(`${safeText(loaded.file)}: no config to tune`, 1);
    return refuseInput('config', loaded.file, loaded.diagnostics, loaded.sources, format, out, stderr);
  }
  const base = loaded.value;
  if (flags.slo.group !== null) {
    const list = (base as { model_list?: unknown }).model_list;
    const names = Array.isArray(list) ? [...new Set(list.map((e) => (e as { model_name?: unknown })?.model_name).filter((n): n is string => typeof n === 'string'))] : [];
    checkSloGroup(flags.slo, names, safeText(loaded.file));
  }

  let scenario: ScenarioSource | null = null;
  if (options.scenario !== undefined) {
    const bytes = await readInput(options.scenario, READ_LIMITS.scenario);
    scenario = { file: options.scenario, text: new TextDecoder().decode(bytes) };
  }
  let prepared;
  try {
    prepared = prepareScenario(base, scenario, { litellmVersion: flags.litellmVersion });
  } catch (error) {
    throw new CliError(`cannot simulate ${loaded.file}: ${(error as Error).message}`);
  }
  if (!prepared.ok) return refuseInput('scenario', scenario!.file, prepared.diagnostics, [scenario!], format, out, stderr);
  const template: Omit<SimJob, 'config' | 'seed'> = { scenario, litellmVersion: flags.litellmVersion, modelMap: await modelMapFor(configFile, options.modelCostMap) };
  if (options.traffic !== undefined) {
    const traffic = await recordedTraffic(base, options.traffic, undefined, stderr);
    if (traffic === null) return 1;
    template.traffic = traffic;
  }

  const first = flags.seed ?? prepared.scenario.seed ?? DEFAULT_SEED;
  const seeds = Array.from({ length: flags.seeds }, (_, i) => first + i);
  const holdoutSeeds = Array.from({ length: holdoutCount(flags.seeds) }, (_, i) => first + flags.seeds + i);
  const say = (line: string) => options.progress !== false && stderr.write(`${line}\n`);
  const pool = new TunePool(tuneThreads(flags));
  // The pool keeps results by config (the search's key for it) and seed: every job of this command has the same template.
  const poolKey = (key: string, seedIndex: number) => `${seedIndex} ${key}`;
  const evaluate: Evaluate = async (batch, spare) => {
    const outcomes = await pool.run(
      batch.map(({ config, seedIndex, key }) => ({ ...template, config, seed: first + seedIndex, key: poolKey(key, seedIndex) })),
      spare &&
        ((partial) =>
          spare(partial.map((o) => (o?.ok ? metricsOf(o.result, flags.slo.group) : undefined))).map((r) => ({
            key: poolKey(r.key, r.seedIndex),
            job: () => ({ ...template, config: r.config(), seed: first + r.seedIndex }),
          }))),
    );
    return outcomes.map((o) => {
      if (!o.ok) throw new CliError(`simulation failed: ${o.error}`);
      unpriced ??= o.result.deployments.filter((d) => !d.price_known).map((d) => `#${d.index} ${d.model}`);
      return metricsOf(o.result, flags.slo.group);
    });
  };
  // Deployments the model map has no price for cost nothing in the simulation (said once, from the first run).
  let unpriced: string[] | undefined;
  let outcome;
  let holdout: TuneRun['holdout'];
  let chosen: SimResult | null = null;
  try {
    outcome = await search(
      base,
      (config) => validateConfig(config) === true,
      evaluate,
      {
        slo: flags.slo,
        objective: flags.objective,
        seeds: flags.seeds,
        budget: flags.budget,
        dimensions: flags.dimensions,
        seed: flags.seed ?? DEFAULT_SEED,
        holdout: holdoutSeeds.length,
        // The given config's hold-out runs, for the comparison rows.
        reserve: holdoutSeeds.length,
        onRound: (round, simulations, best) => say(`tune: round ${round} done, ${simulations} simulations; best so far #${best.id} (${count(best.changes.length, 'change')})`),
      },
    );
    // The hold-out rows: the checks' runs, and runs for the given config and an unchecked winner.
    const best = outcome.best;
    const unchecked = [outcome.baseline, best].filter((c, i, all) => !c.check && all.indexOf(c) === i);
    // (The given config's were run on threads the search left idle, as a rule: search.ts, `background`.)
    const runs = await evaluate(unchecked.flatMap((c) => holdoutSeeds.map((_, i) => ({ config: applyChanges(base, c.changes), seedIndex: flags.seeds + i, key: candidateKey(c.changes) }))));
    /** An unchecked candidate's runs on the hold-out seeds (from the batch above). */
    const runsOf = (k: number) => runs.slice(k * holdoutSeeds.length, (k + 1) * holdoutSeeds.length);
    const holdoutOf = (c: Candidate): HoldOut => {
      const i = unchecked.indexOf(c);
      return { metrics: i < 0 ? c.check!.metrics : aggregate(runsOf(i)) };
    };
    // A winner the budget left unchecked has just run on the hold-out seeds all the same (for its
    // row): judge those runs as its check would, so it is never returned when they fail the SLO.
    const i = unchecked.indexOf(best);
    if (i >= 0 && holdoutSeeds.length > 0 && violations(best.metrics, flags.slo).length === 0) {
      best.check = checkOf(runsOf(i), flags.slo, outcome.rounds);
      outcome.checked.push(best);
      outcome.verified = best.check.violations.length === 0;
    }
    holdout = { baseline: holdoutOf(outcome.baseline), best: holdoutOf(best) };
    if (options.report !== undefined) {
      // The report's timeline: the chosen config once more, on the first search seed, with its full result.
      const [one] = await pool.run([{ ...template, config: applyChanges(base, best.changes), seed: seeds[0], key: poolKey(candidateKey(best.changes), 0) }]);
      if (!one.ok) throw new CliError(`simulation failed: ${one.error}`);
      chosen = one.result;
    }
  } finally {
    await pool.close();
  }
  if (unpriced && unpriced.length > 0 && flags.objective === 'cost') {
    stderr.write(`gwcfg: warning: no price for ${unpriced.join(', ')}: the cost objective counts them as free (pass --model-cost-map, or give the deployment input_cost_per_token/output_cost_per_token)\n`);
  }
  const best = outcome.best;
  // A winner that met the SLO on the search seeds but failed its hold-out check is not returned
  // (exit 1, no -o), like a search where no candidate meets it (an unchecked winner was judged above).
  const verdict = tuneVerdict({ best, verified: outcome.verified, flags });
  const meets = returnsConfig(verdict);

  // The tuned config as an edit of the user's file, its diff, and -o.
  let text = loaded.source.text;
  let editError: string | null = null;
  if (best.changes.length > 0) {
    try {
      text = await editedConfigText(loaded, best.changes, options.output ?? loaded.file);
    } catch (e) {
      if (!(e instanceof EditError)) throw e;
      editError = e.message;
    }
  }
  // Only a returned config gets a diff: one that misses the SLO is described, not offered as an edit.
  // Without -o it is an edit of the config itself (`patch -p0` applies it there), not of a made-up file.
  const diff = meets && editError === null && best.changes.length > 0 ? createTwoFilesPatch(loaded.file, options.output ?? loaded.file, loaded.source.text, text, undefined, undefined, { context: 3 }) : '';
  const run: TuneRun = {
    configFile: loaded.file,
    scenarioFile: options.scenario ?? null,
    trafficFile: options.traffic ?? null,
    flags,
    seeds,
    holdoutSeeds,
    baseline: outcome.baseline,
    best,
    evaluated: outcome.evaluated,
    finalists: outcome.finalists,
    simulations: outcome.simulations,
    rounds: outcome.rounds,
    stop: outcome.stop,
    reproduce: outcome.reproduce,
    holdout,
    checked: outcome.checked,
    verified: outcome.verified,
    output: null,
    requestedOutput: options.output ?? null,
    diff,
    editError,
    base,
  };
  if (options.output !== undefined && meets && editError === null) {
    await writeFilesAtomic([{ path: options.output, content: text }], { force: options.force === true });
    run.output = options.output;
  }
  if (options.report !== undefined && chosen !== null) {
    const { tuneReportHtml } = await import('./report.js');
    const { scenarioWindows, deploymentLegend } = await import('../sim/report/html.js');
    const router = Router.fromConfig(base, { random: () => 0.5, litellmVersion: flags.litellmVersion });
    const windows = scenarioWindows(prepared.scenario, resolveBehaviours(router.deployments, prepared.scenario), chosen.deployments.map(deploymentLegend), chosen.replay !== undefined);
    const html = tuneReportHtml({ doc: tuneDocument(run), chosen, windows, release: router.config.settings.release, gwcfgVersion: VERSION });
    await writeFilesAtomic([{ path: options.report, content: html }], { force: options.force === true });
    run.report = options.report;
  }
  const holdoutRange = `${holdoutSeeds[0]}-${holdoutSeeds[holdoutSeeds.length - 1]}`;
  for (const c of outcome.checked) {
    if (c.check!.violations.length === 0) continue;
    stderr.write(`gwcfg: note: #${c.id} met the SLO on the search seeds but not on the hold-out seeds ${holdoutRange} (${describeBound(c)}): rejected\n`);
  }
  const advice = `try a larger --budget, more --seeds or a longer scenario`;
  if (verdict === 'rejected') {
    stderr.write(`gwcfg: warning: no finalist passed the hold-out check on seeds ${holdoutRange}, so no config is returned (#${best.id}, the best, is not confirmed: the margin is within the noise of ${count(flags.seeds, 'search seed')}): ${advice}\n`);
  }
  if (editError !== null) stderr.write(`gwcfg: warning: ${safeText(editError)}; the changes are listed, apply them by hand\n`);
  stdout.write(options.format === 'json' ? tuneJson(run) : options.format === 'markdown' ? tuneMarkdown(run) : tuneTable(run, terminalLayout(stdout, io.env ?? process.env)));
  return meets ? 0 : 1;
}

/** -o and --report write into an existing folder only: a typo in a folder name is a usage error, not a new folder. */
function checkFolderExists(file: string, flag: string): void {
  const dir = dirname(file);
  let info;
  try {
    info = statSync(dir);
  } catch {
    throw new CliError(`${flag} ${safeText(file)}: the folder ${safeText(dir)} does not exist (create it first; nothing was searched or written)`);
  }
  if (!info.isDirectory()) throw new CliError(`${flag} ${safeText(file)}: ${safeText(dir)} is not a folder (nothing was searched or written)`);
}

/** What a finalist missed on the hold-out seeds: each constraint at its 95 % bound over the seeds. */
function describeBound(c: Candidate): string {
  return c.check!.violations
    .map((x) => (x.constraint === 'success' ? `success ${pctText(x.value)} at the 95 % lower bound < ${pctText(x.target)}` : `${x.constraint} ${Math.round(x.value)} ms at the 95 % upper bound > ${Math.round(x.target)} ms`))
    .join(', ');
}

function pctText(share: number): string {
  return `${+(share * 100).toFixed(3)}%`;
}
