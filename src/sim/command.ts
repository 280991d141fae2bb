// The simulate command's body: load config and scenario, run (or compare), print, exit code.
import { availableParallelism } from 'node:os';
import { dirname } from 'node:path';
import { findRc, loadRc } from '../lint/rc.js';
import { readModelMapRows } from '../model-map/load.js';
import { CliError } from '../cli/errors.js';
import { reportInputProblems } from '../cli/report.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { SimulateOptions } from '../cli/simulate.js';
import { loadConfig, positionInConfig, type LoadedConfig } from '../config/load.js';
import { findNotSimulated } from './not-simulated.js';
import { guardStdout } from '../cli/stdout.js';
import { LIMITS as READ_LIMITS, readInput } from '../util/read-input.js';
import { ALL_STRATEGIES, RouterConfigError } from '../routing/config.js';
import { resolveRelease } from '../routing/releases.js';
import type { StrategyName } from '../routing/types.js';
import { runCompare } from './compare.js';
import { createRun, DEFAULT_SEED, type SimJob } from './job.js';
import { prepareScenario, type ScenarioSource } from './prepare.js';
import { runWithPlainProgress } from './progress.js';
import { compareJson, resultJson } from './report/json.js';
import { compareTable, resultTable } from './report/table.js';
import { terminalLayout } from './report/fit.js';
import { compareMarkdown, resultMarkdown } from './report/markdown.js';
import { buildResult, type NotSimulatedNotice, type SimResult } from './result.js';
import { compareWithBaseline } from './baseline.js';
import { modelListEntries } from './labels.js';
import type { SimulationRun } from './run.js';
import type { Scenario } from './scenario.js';
import { parseDurationMs } from './units.js';
import { LIMITS, count, seconds } from './limits.js';
import { configTargets } from './targets.js';
import { Router } from '../routing/router.js';
import { loadRecordedTraffic, type RecordedTraffic } from '../traffic/replay.js';
import { LogInputError } from '../traffic/spend-logs.js';
import { safeText } from '../util/safe-text.js';
import { checkOutputFiles, writeFilesAtomic } from '../util/write-files.js';
import { resolveBehaviours } from './behaviour.js';
import { VERSION } from '../cli/version.js';

export { ALL_STRATEGIES };

export interface CommandEnv {
  color?: boolean;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
  env?: NodeJS.ProcessEnv;
}

function strategyName(name: string, flag: string): StrategyName {
  const trimmed = name.trim();
  if (!(ALL_STRATEGIES as readonly string[]).includes(trimmed)) {
    throw new CliError(`${flag}: unknown strategy '${trimmed}' (known: ${ALL_STRATEGIES.join(', ')})`);
  }
  return trimmed as StrategyName;
}

function positiveInteger(value: string | undefined, flag: string, allowZero = false): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < (allowZero ? 0 : 1)) throw new CliError(`${flag} must be a ${allowZero ? 'non-negative' : 'positive'} integer, got '${value}'`);
  return n;
}

function atMost(value: number | undefined, limit: number, flag: string): number | undefined {
  if (value !== undefined && value > limit) throw new CliError(`${flag} must be at most ${count(limit)} (gwcfg's limit per run), got ${count(value)}`);
  return value;
}

/** Parses the flags into a job template (config and scenario filled in later). */
export function parseFlags(options: SimulateOptions): Omit<SimJob, 'config' | 'scenario'> & { compare: StrategyName[] | null; jobs: number } {
  let durationMs: number | undefined;
  if (options.duration !== undefined) {
    try {
      const asNumber = Number(options.duration);
      durationMs = parseDurationMs(Number.isFinite(asNumber) ? asNumber : options.duration);
    } catch {
      throw new CliError(`--duration must be seconds or a duration like 90s, 10m; got '${options.duration}'`);
    }
    if (durationMs <= 0) throw new CliError('--duration must be positive');
    if (durationMs > LIMITS.durationMs) throw new CliError(`--duration must be at most ${seconds(LIMITS.durationMs)} (gwcfg's limit per run), got '${options.duration}'`);
  }
  const seed = options.seed === undefined ? undefined : Number(options.seed);
  if (seed !== undefined && (!Number.isInteger(seed) || Math.abs(seed) > 2 ** 31 - 1)) {
    throw new CliError(`--seed must be an integer between -2147483647 and 2147483647, got '${options.seed}'`);
  }
  let compare: StrategyName[] | null = null;
  if (options.compare !== undefined && options.compare !== false) {
    compare = options.compare === true ? [...ALL_STRATEGIES] : options.compare.split(',').filter((s) => s.trim() !== '').map((s) => strategyName(s, '--compare'));
    if (compare.length === 0) throw new CliError('--compare needs at least one strategy');
  }
  if (compare && options.strategy) throw new CliError('use either --strategy or --compare, not both');
  if (compare && options.baseline !== undefined) throw new CliError('use either --compare or --baseline, not both');
  const version = options.litellmVersion;
  if (version !== undefined) {
    try {
      resolveRelease(version);
    } catch (e) {
      throw new CliError(`--litellm-version: ${(e as Error).message}`);
    }
  }
  return {
    seed,
    strategy: options.strategy ? strategyName(options.strategy, '--strategy') : undefined,
    litellmVersion: version,
    durationMs,
    requests: atMost(positiveInteger(options.requests, '--requests'), LIMITS.requests, '--requests'),
    compare,
    jobs: positiveInteger(options.jobs, '--jobs') ?? availableParallelism(),
  };
}

/** --model-cost-map, else model_cost_map of the config's .gwcfg.yaml, distilled; undefined = built-in map. */
export async function modelMapFor(configFile: string, flag: string | undefined): Promise<SimJob['modelMap']> {
  let file = flag ?? null;
  if (file === null) {
    const rcPath = await findRc(configFile === '-' ? process.cwd() : dirname(configFile));
    file = rcPath ? (await loadRc(rcPath)).modelCostMap : null;
  }
  if (file === null) return undefined;
  return { name: file, ...readModelMapRows(file) };
}

export async function executeSimulate(configFile: string, options: SimulateOptions, io: CommandEnv = {}): Promise<number> {
  if (!io.stdout) guardStdout();
  const stdout = io.stdout ?? process.stdout;
  const stderr = io.stderr ?? process.stderr;
  const env = io.env ?? process.env;
  const flags = parseFlags(options);
  const format = options.format ?? 'table';
  const out = { stdout, env, color: io.color };
  if (options.report !== undefined) await checkReportFile(options.report, options.force === true);

  const loaded = await loadConfig(configFile);
  if (loaded.value === undefined || loaded.value === null) {
    return reportInputProblems(loaded.diagnostics, loaded.file, loaded.sources, format, out);
  }
  const configErrors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
  if (configErrors > 0) stderr.write(`gwcfg: warning: ${safeText(loaded.file)} has ${configErrors} validation error(s); simulating anyway (see gwcfg validate)\n`);

  let scenario: ScenarioSource | null = null;
  if (options.scenario) {
    const bytes = await readInput(options.scenario, READ_LIMITS.scenario);
    scenario = { file: options.scenario, text: new TextDecoder().decode(bytes) };
  }
  let prepared;
  try {
    prepared = prepareScenario(loaded.value, scenario, flags);
  } catch (error) {
    throw cannotSimulate(loaded, error);
  }
  if (!prepared.ok) {
    return reportInputProblems(prepared.diagnostics, scenario!.file, [scenario!], format, out);
  }
  const job: SimJob = { ...flags, config: loaded.value, scenario, modelMap: await modelMapFor(configFile, options.modelCostMap) };
  if (options.traffic !== undefined) {
    const loadedTraffic = await recordedTraffic(loaded.value, options.traffic, options.speed, stderr);
    if (loadedTraffic === null) return 1;
    job.traffic = loadedTraffic;
  } else if (options.speed !== undefined) {
    throw new CliError('--speed needs --traffic');
  }
  const interactive = options.progress !== false && Boolean(stdout.isTTY) && !env.CI;
  const plainProgress = options.progress !== false && !interactive;
  const say = (line: string) => plainProgress && stderr.write(`${line}\n`);
  // With `gateway:` replicas the Redis keys are simulated (docs/simulate.md, "Replicas").
  const redisKeys = new Set(['router_settings.redis_host', 'router_settings.redis_url']);
  const notices = notSimulatedNotices(loaded).filter((n) => !(prepared.scenario.gateway && redisKeys.has(n.key)));
  for (const n of notices) stderr.write(`gwcfg: notice: ${n.file}:${n.line}:${n.column}: ${n.key} is not simulated (${n.reason}); the result leaves it out\n`);
  let baseline: BaselineInput | null = null;
  if (options.baseline !== undefined) {
    const b = await loadBaseline(options.baseline, loaded, scenario, prepared.scenario, flags, (d, file, text) => reportInputProblems(d, file, [{ file, text }], format, out), stderr);
    if (typeof b === 'number') return b;
    baseline = b;
  }

  if (flags.compare) {
    // Per finished strategy on stderr, on a terminal too: the strategies run for seconds with no other sign of life.
    const progress = (line: string) => options.progress !== false && stderr.write(`${line}\n`);
    progress(`simulate --compare: ${flags.compare.length} strategies, ${Math.min(flags.jobs, flags.compare.length)} at a time`);
    const outcomes = await runCompare(job, flags.compare, flags.jobs, (strategy, done, total) => progress(`simulate: ${strategy} finished (${done}/${total})`));
    const failed = outcomes.find((o) => !o.ok);
    if (failed && !failed.ok) throw new CliError(`simulation failed: ${failed.error}`);
    const runNotices = new Set(outcomes.flatMap((o) => (o.ok ? o.notices.map((n) => `${o.result.strategy}: ${n}`) : [])));
    for (const notice of runNotices) stderr.write(`gwcfg: note: ${notice}\n`);
    const results = outcomes.map((o) => ({ ...(o as { ok: true; result: SimResult }).result, not_simulated: notices }));
    stdout.write(format === 'json' ? compareJson(results) : format === 'markdown' ? compareMarkdown(results, { config: safeText(loaded.file) }) : compareTable(results, terminalLayout(stdout, env)));
    if (options.report !== undefined) await writeReport(options.report, options, loaded, prepared.scenario, results);
    return 0;
  }

  let run;
  try {
    run = createRun({ ...job, seed: job.seed ?? prepared.scenario.seed ?? DEFAULT_SEED });
  } catch (error) {
    throw cannotSimulate(loaded, error);
  }
  const drive = async (r: SimulationRun, prefix = '') => {
    const title = `${prefix}${r.router.config.settings.routingStrategy ?? 'invalid strategy'} (seed ${r.input.seed})`;
    if (interactive) {
      const { runWithInk } = await import('../ui/live.js');
      await runWithInk(r, { title, stdout });
    } else if (plainProgress) {
      runWithPlainProgress(r, title, say);
    } else {
      r.advance(Infinity);
    }
  };
  await drive(run);
  const result = buildResult(run, notices);
  for (const notice of run.notices) stderr.write(`gwcfg: note: ${notice}\n`);
  if (baseline) {
    let old;
    try {
      old = createRun({ ...job, config: baseline.loaded.value, seed: run.input.seed }, baseline.scenario);
    } catch (error) {
      throw cannotSimulate(baseline.loaded, error);
    }
    await drive(old, `baseline ${safeText(baseline.loaded.file)}: `);
    for (const notice of old.notices) stderr.write(`gwcfg: note: baseline: ${notice}\n`);
    result.baseline = compareWithBaseline({ config: loaded.value, result }, { config: baseline.loaded.value, file: safeText(baseline.loaded.file), result: buildResult(old, notSimulatedNotices(baseline.loaded)) });
  }
  stdout.write(format === 'json' ? resultJson(result) : format === 'markdown' ? resultMarkdown(result, { config: safeText(loaded.file) }) : resultTable(result, terminalLayout(stdout, env)));
  if (options.report !== undefined) await writeReport(options.report, options, loaded, prepared.scenario, [result]);
  return 0;
}

/** --report: refused before the run when the file exists (without --force) or cannot be written. */
async function checkReportFile(file: string, force: boolean): Promise<void> {
  if (file === '-' || file.trim() === '') throw new CliError(`--report needs a file name (the report is an HTML file, not printed), got '${file}'`);
  await checkOutputFiles([file], { force });
}

/** --report: the HTML page of the results (src/sim/report/html.ts, loaded only here), written atomically. */
async function writeReport(file: string, options: SimulateOptions, loaded: LoadedConfig, scenario: Scenario, results: readonly SimResult[]): Promise<void> {
  const { deploymentLegend, scenarioWindows, simulateReportHtml } = await import('./report/html.js');
  // A throwaway router: the deployments the scenario's rules apply to, and the release it models.
  const router = Router.fromConfig(loaded.value, { random: () => 0.5, litellmVersion: options.litellmVersion });
  const labels = results[0].deployments.map(deploymentLegend);
  const html = simulateReportHtml({
    config: safeText(loaded.file),
    scenario: options.scenario === undefined ? null : safeText(options.scenario),
    release: router.config.settings.release,
    gwcfgVersion: VERSION,
    results,
    windows: scenarioWindows(scenario, resolveBehaviours(router.deployments, scenario), labels, results[0].replay !== undefined),
  });
  await writeFilesAtomic([{ path: file, content: html }], { force: options.force === true });
}

/** Where each key the simulation does not model is written (included files keep their own positions). */
function notSimulatedNotices(loaded: LoadedConfig): NotSimulatedNotice[] {
  const order = (file: string) => loaded.sources.findIndex((s) => s.file === file);
  return findNotSimulated(loaded.value)
    .flatMap(({ key, reason, path }) => {
      const at = positionInConfig(loaded, path);
      return at ? [{ key, reason, ...at }] : [];
    })
    .sort((a, b) => order(a.file) - order(b.file) || a.line - b.line || a.column - b.column);
}

/** The CLI error for a config the Router refuses, pointing at the offending value when it can. */
function cannotSimulate(loaded: LoadedConfig, error: unknown): CliError {
  const message = (error as Error).message;
  const at = error instanceof RouterConfigError ? positionInConfig(loaded, error.path, 'value') : null;
  return new CliError(`cannot simulate ${at ? `${at.file}:${at.line}:${at.column}` : loaded.file}: ${message}`);
}

interface BaselineInput {
  loaded: LoadedConfig;
  /** The new config's default scenario (undefined: the scenario file, prepared against the baseline). */
  scenario?: Scenario;
}

/**
 * --baseline: loads the old config and checks that the traffic fits it. A scenario file is checked
 * against the old config too (positioned errors, exit 1); the default scenario is the new
 * config's, and each of its model groups the old config lacks is a positioned notice (its
 * requests fail there with no deployment).
 */
async function loadBaseline(
  file: string, current: LoadedConfig, scenarioFile: ScenarioSource | null, scenario: Scenario, flags: ReturnType<typeof parseFlags>,
  printErrors: (diagnostics: Diagnostic[], file: string, text: string) => Promise<number>, stderr: NodeJS.WriteStream,
): Promise<BaselineInput | number> {
  const loaded = await loadConfig(file);
  if (loaded.value === undefined || loaded.value === null) {
    return printErrors(loaded.diagnostics, loaded.file, loaded.source?.text ?? '');
  }
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) stderr.write(`gwcfg: warning: ${safeText(loaded.file)} (baseline) has ${errors} validation error(s); simulating anyway (see gwcfg validate)\n`);
  if (scenarioFile !== null) {
    let prepared;
    try {
      prepared = prepareScenario(loaded.value, scenarioFile, flags);
    } catch (error) {
      throw cannotSimulate(loaded, error);
    }
    if (!prepared.ok) {
      const against = ` (checked against the baseline ${safeText(loaded.file)}: the scenario must fit both configs)`;
      return printErrors(prepared.diagnostics.map((d) => ({ ...d, message: `${d.message}${against}` })), scenarioFile.file, scenarioFile.text);
    }
    return { loaded };
  }
  const oldGroups = new Set(modelListEntries(loaded.value).map((e) => e.model_name));
  const entries = Array.isArray((current.value as { model_list?: unknown }).model_list) ? (current.value as { model_list: unknown[] }).model_list : [];
  for (const traffic of scenario.traffic) {
    if (oldGroups.has(traffic.model)) continue;
    const i = entries.findIndex((e) => typeof e === 'object' && e !== null && (e as { model_name?: unknown }).model_name === traffic.model);
    const at = (i >= 0 ? positionInConfig(current, ['model_list', i, 'model_name']) : null) ?? { file: current.file, line: 1, column: 1 };
    stderr.write(`gwcfg: notice: ${safeText(`${at.file}:${at.line}:${at.column}: model group '${traffic.model}' is not in the baseline ${loaded.file}; its requests fail there (no deployment)`)}\n`);
  }
  return { loaded, scenario };
}

/** Reads `--traffic`; null after printing a positioned input error (exit 1). */
export async function recordedTraffic(config: unknown, file: string, speedFlag: string | undefined, stderr: NodeJS.WriteStream): Promise<RecordedTraffic | null> {
  const speed = speedFlag === undefined ? 1 : Number(speedFlag);
  if (!(speed > 0) || !Number.isFinite(speed)) throw new CliError(`--speed must be a positive number, got '${speedFlag}'`);
  const router = Router.fromConfig(config, { random: () => 0.5 });
  try {
    const traffic = await loadRecordedTraffic(file, configTargets(config, router).isRoutable, speed);
    for (const [why, n] of Object.entries(traffic.skipped)) stderr.write(`gwcfg: warning: ${safeText(`${file}: ${n} row(s) not replayed: ${why}`)}\n`);
    if (traffic.timesMs.length === 0) {
      stderr.write(`${safeText(file)}: no row names a model group the config serves (column model_group); nothing to replay\n`);
      return null;
    }
    return traffic;
  } catch (error) {
    if (error instanceof LogInputError) {
      stderr.write(`${error.format()}\n`);
      return null;
    }
    throw error;
  }
}

