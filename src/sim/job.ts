// One complete simulation from plain, cloneable inputs: what a worker thread runs, and what the
// command runs in-process when --jobs is 1.
import type { LitellmVersion } from '../routing/router.js';
import type { StrategyName } from '../routing/types.js';
import { modelMapFromRows, type ModelRow } from '../model-map/index.js';
import { prepareScenario, type Prepared, type ScenarioSource } from './prepare.js';
import type { Scenario } from './scenario.js';
import { buildResult, type SimResult } from './result.js';
import { SimulationRun } from './run.js';
import type { RecordedTraffic } from '../traffic/replay.js';

export interface SimJob {
  config: unknown;
  scenario: ScenarioSource | null;
  seed?: number;
  strategy?: StrategyName;
  litellmVersion?: LitellmVersion;
  durationMs?: number;
  requests?: number;
  /** A user's model map (--model-cost-map), distilled; plain data so it crosses to worker threads. */
  modelMap?: { name: string; date: string | null; rows: ModelRow[] };
  /** Recorded requests replayed instead of the scenario's traffic. */
  traffic?: RecordedTraffic;
}

export const DEFAULT_SEED = 1;

export type JobOutcome = { ok: true; result: SimResult; notices: string[] } | { ok: false; error: string };

/** `scenario`: a scenario already prepared (for another config: --baseline runs the new config's default scenario). */
export function createRun(job: SimJob, scenario?: Scenario): SimulationRun {
  const prepared: Prepared = scenario ? { ok: true, scenario } : prepareScenario(job.config, job.scenario, job);
  if (!prepared.ok) throw new Error(`scenario is invalid: ${prepared.diagnostics[0]?.message ?? 'unknown error'}`);
  return new SimulationRun({
    config: job.config,
    scenario: prepared.scenario,
    seed: job.seed ?? prepared.scenario.seed ?? DEFAULT_SEED,
    strategy: job.strategy,
    litellmVersion: job.litellmVersion,
    durationMs: job.durationMs,
    requests: job.requests,
    modelMap: job.modelMap ? modelMapFromRows(job.modelMap.name, job.modelMap.date, job.modelMap.rows) : undefined,
    traffic: job.traffic,
  });
}

export function runJob(job: SimJob): JobOutcome {
  try {
    const run = createRun(job);
    run.advance(Infinity);
    return { ok: true, result: buildResult(run), notices: run.notices };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}
