// `gwcfg calibrate`: fit a simulation scenario to what a LiteLLM proxy logged.
// Per deployment (matched by model_id = gwcfg's deployment id, else by api_base + model):
// latency as TTFT + per-output-token time when streams were logged, else whole latency; error
// rate and dominant status. Per model group: arrival rate with phases, token counts, streaming.
import { readLogRows, LogInputError, isStream, type LogRow } from '../traffic/spend-logs.js';
import { Sample, type LognormalFit } from './fit.js';
import { safeText } from '../util/safe-text.js';
import { ArrivalCounter, type RatePhase } from './arrivals.js';

/** What calibration needs of the config: its deployments (index order) and routable names. */
export interface CalibrationTarget {
  deployments: ReadonlyArray<{ index: number; id: string; modelName: string; model: string; apiBase: string | null }>;
  isRoutable(name: string): boolean;
}

export interface DeploymentFit {
  index: number;
  id: string;
  modelName: string;
  model: string;
  /** Successful calls the latency fit used. */
  calls: number;
  /** Set when streams were logged (completionStartTime before endTime): latency = ttft + tokens × per_token. */
  ttft: LognormalFit | null;
  perToken: LognormalFit | null;
  /** Set otherwise: whole call latency. */
  latency: LognormalFit | null;
  failures: number;
  errorRate: number;
  /** Most frequent failure status (HTTP code) when known. */
  errorStatus: number | null;
  failuresByStatus: Record<string, number>;
}

export interface GroupFit {
  model: string;
  requests: number;
  /** Segments whose rate differs from the base rate (the scenario's phases). */
  phases: RatePhase[];
  /** Base rate: pooled over the segments that do not differ from the longest one. */
  ratePerSec: number;
  inputTokens: LognormalFit | null;
  outputTokens: LognormalFit | null;
  streamShare: number;
}

export interface Calibration {
  spendLog: string;
  errorLog: string | null;
  rows: number;
  /** Epoch ms of the first and last logged start time. */
  firstMs: number;
  lastMs: number;
  durationMs: number;
  deployments: DeploymentFit[];
  groups: GroupFit[];
  /** What could not be used, with counts: shown in the report and the scenario's header. */
  unfitted: string[];
}

interface DeploymentAcc {
  ttft: Sample;
  perToken: Sample;
  latency: Sample;
  streams: number;
  successes: number;
  failures: number;
  statuses: Map<string, number>;
}

interface GroupAcc {
  arrivals: ArrivalCounter | null;
  pending: number[];
  input: Sample;
  output: Sample;
  streams: number;
  successes: number;
  requests: number;
}

const FAILURE_STATUS = new Set(['failure', 'error', 'failed']);

/** Minimum successful calls for a latency fit; fewer and the scenario keeps the simulator default. */
export const MIN_CALLS = 20;

function normBase(s: string | null | undefined): string {
  return (s ?? '').trim().replace(/\/+$/, '').toLowerCase();
}

/** Resolves a log row to a deployment index: model_id first, else a unique api_base + model match. */
export function deploymentMatcher(target: CalibrationTarget): (row: Pick<LogRow, 'modelId' | 'apiBase' | 'model' | 'modelGroup'>) => number | null {
  const byId = new Map(target.deployments.map((d) => [d.id, d.index]));
  const byBaseModel = new Map<string, number[]>();
  for (const d of target.deployments) {
    const bare = d.model.includes('/') ? d.model.slice(d.model.indexOf('/') + 1) : d.model;
    for (const m of new Set([d.model, bare])) {
      const key = `${normBase(d.apiBase)}\u0000${m}`;
      byBaseModel.set(key, [...(byBaseModel.get(key) ?? []), d.index]);
    }
  }
  return (row) => {
    if (row.modelId && byId.has(row.modelId)) return byId.get(row.modelId)!;
    const hits = byBaseModel.get(`${normBase(row.apiBase)}\u0000${row.model}`);
    if (hits && hits.length === 1) return hits[0];
    if (hits && row.modelGroup) {
      const inGroup = hits.filter((i) => target.deployments[i].modelName === row.modelGroup);
      if (inGroup.length === 1) return inGroup[0];
    }
    return null;
  };
}

/**
 * Reads the logs (streaming) and fits every deployment and group.
 * Throws LogInputError (positioned) on unreadable input.
 */
export async function calibrate(target: CalibrationTarget, spendLog: string, errorLog: string | null): Promise<Calibration> {
  const match = deploymentMatcher(target);
  const deployments: DeploymentAcc[] = target.deployments.map((d) => ({
    ttft: new Sample(d.index * 3 + 1),
    perToken: new Sample(d.index * 3 + 2),
    latency: new Sample(d.index * 3 + 3),
    streams: 0,
    successes: 0,
    failures: 0,
    statuses: new Map(),
  }));
  const groups = new Map<string, GroupAcc>();
  let origin: number | null = null;
  let firstMs = Infinity;
  let lastMs = -Infinity;
  let rows = 0;
  let unmatched = 0;
  let noGroup = 0;
  const unknownGroups = new Map<string, number>();

  for await (const row of readLogRows(spendLog, 'spend')) {
    rows++;
    firstMs = Math.min(firstMs, row.startMs);
    lastMs = Math.max(lastMs, row.startMs);
    const failed = FAILURE_STATUS.has(row.status.toLowerCase());
    if (!row.modelGroup) noGroup++;
    else if (!target.isRoutable(row.modelGroup)) unknownGroups.set(row.modelGroup, (unknownGroups.get(row.modelGroup) ?? 0) + 1);
    else {
      let g = groups.get(row.modelGroup);
      if (!g) {
        g = { arrivals: null, pending: [], input: new Sample(groups.size * 2 + 101), output: new Sample(groups.size * 2 + 102), streams: 0, successes: 0, requests: 0 };
        groups.set(row.modelGroup, g);
      }
      origin ??= row.startMs;
      if (g.arrivals === null) g.arrivals = new ArrivalCounter(origin);
      g.arrivals.add(row.startMs);
      g.requests++;
      g.input.add(row.promptTokens);
      if (!failed) {
        // Failed calls log no completion, so streaming and output size are read from successes.
        g.successes++;
        g.output.add(row.completionTokens);
        if (isStream(row)) g.streams++;
      }
    }
    const i = match(row);
    if (i === null) {
      unmatched++;
      continue;
    }
    const d = deployments[i];
    if (failed) {
      // With --error-logs the failures (and their status codes) come from there, once.
      if (errorLog === null) d.failures++;
      continue;
    }
    d.successes++;
    if (row.endMs === null) continue;
    const latency = row.endMs - row.startMs;
    if (isStream(row)) {
      d.streams++;
      d.ttft.add(row.completionStartMs! - row.startMs);
      if (row.completionTokens > 0) d.perToken.add((row.endMs - row.completionStartMs!) / row.completionTokens);
    }
    d.latency.add(latency);
  }
  if (rows === 0) throw new LogInputError(spendLog, null, 'no rows');

  let errorRows = 0;
  let errorUnmatched = 0;
  if (errorLog !== null) {
    for await (const row of readLogRows(errorLog, 'error')) {
      errorRows++;
      const i = match(row);
      if (i === null) {
        errorUnmatched++;
        continue;
      }
      const d = deployments[i];
      d.failures++;
      if (row.status) d.statuses.set(row.status, (d.statuses.get(row.status) ?? 0) + 1);
    }
  }

  // Groups share one origin (the first row of a routable group); durations run from it.
  const originMs = origin ?? firstMs;
  const durationMs = Math.max(1000, Math.ceil((lastMs - originMs) / 1000) * 1000 + 1000);
  const unfitted: string[] = [];
  if (unmatched > 0) unfitted.push(`${unmatched} spend-log row(s) match no deployment of the config (neither model_id nor api_base + model)`);
  if (errorUnmatched > 0) unfitted.push(`${errorUnmatched} of ${errorRows} error-log row(s) match no deployment`);
  if (noGroup > 0) unfitted.push(`${noGroup} row(s) without model_group (not client traffic to a group) left out of arrival rates`);
  for (const [name, n] of [...unknownGroups].sort()) unfitted.push(`${n} row(s) for model group '${name}', which the config does not serve`);

  const deploymentFits: DeploymentFit[] = target.deployments.map((t, i) => {
    const d = deployments[i];
    const streamed = d.streams >= Math.max(MIN_CALLS, d.successes / 2);
    const fit = (s: Sample) => (s.count >= MIN_CALLS ? s.fitLognormal() : null);
    const calls = d.successes;
    const attempts = d.successes + d.failures;
    const statuses = Object.fromEntries([...d.statuses].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
    const dominant = [...d.statuses].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
    const fitted: DeploymentFit = {
      index: t.index,
      id: t.id,
      modelName: t.modelName,
      model: t.model,
      calls,
      ttft: streamed ? fit(d.ttft) : null,
      perToken: streamed ? fit(d.perToken) : null,
      latency: streamed ? null : fit(d.latency),
      failures: d.failures,
      errorRate: attempts > 0 ? d.failures / attempts : 0,
      errorStatus: dominant && /^\d{3}$/.test(dominant[0]) ? Number(dominant[0]) : null,
      failuresByStatus: statuses,
    };
    if (attempts === 0) unfitted.push(`deployment ${t.index} (${t.modelName}, ${t.model}): no logged calls; the simulator's default behaviour applies`);
    else if (!fitted.latency && !fitted.ttft) unfitted.push(`deployment ${t.index} (${t.modelName}, ${t.model}): ${calls} successful call(s), fewer than ${MIN_CALLS} needed for a latency fit`);
    return fitted;
  });

  const groupFits: GroupFit[] = [...groups]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([model, g]) => {
      const { ratePerSec, phases } = baseAndPhases(g.arrivals!.phases(0, durationMs));
      return {
        model,
        requests: g.requests,
        phases,
        ratePerSec,
        inputTokens: g.input.count >= MIN_CALLS ? g.input.fitLognormal() : null,
        outputTokens: g.output.count >= MIN_CALLS ? g.output.fitLognormal() : null,
        streamShare: g.successes > 0 ? g.streams / g.successes : 0,
      };
    });

  // Group names and models come from the log and the config: shown in comments and reports.
  return { spendLog, errorLog, rows, firstMs, lastMs, durationMs, deployments: deploymentFits, groups: groupFits, unfitted: unfitted.map((u) => safeText(u)) };
}


/** A segment differs from the base when its rate is off by more than 10 % and more than 4 Poisson standard deviations. */
const PHASE_MIN_RELATIVE = 0.1;
const PHASE_MIN_Z = 4;

/**
 * Splits rate segments into the base rate (pooled over the longest segment and every segment not
 * distinguishable from it) and the phases that differ.
 */
export function baseAndPhases(segments: readonly RatePhase[]): { ratePerSec: number; phases: RatePhase[] } {
  const seconds = (p: RatePhase) => (p.toMs - p.fromMs) / 1000;
  const longest = segments.reduce((a, b) => (seconds(b) > seconds(a) ? b : a));
  const differs = (p: RatePhase) => {
    const expected = longest.ratePerSec * seconds(p);
    const z = expected > 0 ? Math.abs(p.ratePerSec * seconds(p) - expected) / Math.sqrt(expected) : Infinity;
    const relative = longest.ratePerSec > 0 ? Math.abs(p.ratePerSec / longest.ratePerSec - 1) : Infinity;
    return z > PHASE_MIN_Z && relative > PHASE_MIN_RELATIVE;
  };
  const base = segments.filter((p) => !differs(p));
  const count = base.reduce((n, p) => n + p.ratePerSec * seconds(p), 0);
  const time = base.reduce((t, p) => t + seconds(p), 0);
  return { ratePerSec: time > 0 ? count / time : 0, phases: segments.filter(differs) };
}
