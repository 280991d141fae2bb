// `simulate NEW --baseline OLD`: the two results of one traffic, compared. Deployments are matched
// across the configs by what the user wrote, not by LiteLLM's deployment id: the default id is a
// hash of model_name and every litellm_params key (litellmDeploymentId, src/routing/config.ts),
// so changing a weight gives the same deployment a new id.
import type { DeploymentResult, SimResult } from './result.js';
import { round } from './result.js';
import { modelListEntries } from './labels.js';

/** One number in both runs; null where the run has none (a deployment only one config has, no calls). */
export interface Delta {
  baseline: number | null;
  current: number | null;
  /** current - baseline; null when either is null. */
  delta: number | null;
}

/** How a deployment of the new config was paired with one of the baseline. */
export type MatchedBy = 'key' | 'position' | 'added' | 'removed';

export interface DeploymentDelta {
  /** Label in the new config (the baseline's for a removed deployment). */
  label: string;
  model_name: string;
  /** Index in the new config's deployments (null: removed) and in the baseline's (null: added). */
  index: number | null;
  baseline_index: number | null;
  matched_by: MatchedBy;
  /** Share of all calls (0..1; 0 in a run without the deployment). */
  share: Delta;
  /** Succeeded / calls (0..1). */
  success_rate: Delta;
  p95_ms: Delta;
  p99_ms: Delta;
  cost_usd: Delta;
}

export interface BaselineComparison {
  /** The baseline config file as the user named it. */
  config: string;
  totals: {
    requests: Delta;
    failed: Delta;
    success_rate: Delta;
    p95_ms: Delta;
    p99_ms: Delta;
    cost_usd: Delta;
  };
  deployments: DeploymentDelta[];
  /** The baseline run in full (contract 4). */
  result: SimResult;
}

function delta(baseline: number | null, current: number | null, digits: number): Delta {
  return { baseline, current, delta: baseline === null || current === null ? null : round(current - baseline, digits) };
}

type Obj = Record<string, unknown>;
const field = (o: unknown, key: string): string => (typeof o === 'object' && o !== null && typeof (o as Obj)[key] === 'string' ? ((o as Obj)[key] as string) : '');

/** model_name + litellm_params.model + api_base: what identifies a deployment to its owner. */
function matchKey(entry: Obj): string {
  return JSON.stringify([field(entry, 'model_name'), field(entry.litellm_params, 'model'), field(entry.litellm_params, 'api_base')]);
}

/**
 * Pairs of (new index, baseline index): first deployments with the same model_name,
 * litellm_params.model and api_base (in config order when several share them), then the rest of
 * each model group by position among the unpaired. Indexes are model_list positions among its
 * mapping entries, as the router numbers deployments.
 */
export function matchDeployments(current: unknown, baseline: unknown): { pairs: [number, number, MatchedBy][]; removed: number[] } {
  const cur = modelListEntries(current);
  const old = modelListEntries(baseline);
  const pairs: [number, number, MatchedBy][] = [];
  const pairedCur = new Set<number>();
  const pairedOld = new Set<number>();
  const pairBy = (keyOf: (e: Obj) => string, how: MatchedBy) => {
    const waiting = new Map<string, number[]>();
    old.forEach((e, j) => {
      if (pairedOld.has(j)) return;
      const k = keyOf(e);
      waiting.set(k, [...(waiting.get(k) ?? []), j]);
    });
    cur.forEach((e, i) => {
      if (pairedCur.has(i)) return;
      const j = waiting.get(keyOf(e))?.shift();
      if (j === undefined) return;
      pairs.push([i, j, how]);
      pairedCur.add(i);
      pairedOld.add(j);
    });
  };
  pairBy(matchKey, 'key');
  pairBy((e) => field(e, 'model_name'), 'position');
  pairs.sort((a, b) => a[0] - b[0]);
  return { pairs, removed: old.map((_, j) => j).filter((j) => !pairedOld.has(j)) };
}

const successRate = (d: DeploymentResult | undefined): number | null => (d && d.requests > 0 ? round(d.succeeded / d.requests, 6) : null);
const share = (d: DeploymentResult | undefined, calls: number): number => (d && calls > 0 ? round(d.requests / calls, 6) : 0);
const latency = (d: DeploymentResult | undefined, key: 'p95' | 'p99'): number | null => (d && d.requests > 0 ? d.latency_ms[key] : null);

/** The comparison of `current` (the new config's run) with `baseline` (the old config's, same traffic and seed). */
export function compareWithBaseline(current: { config: unknown; result: SimResult }, baseline: { config: unknown; file: string; result: SimResult }): BaselineComparison {
  const now = current.result;
  const was = baseline.result;
  const calls = (r: SimResult) => r.deployments.reduce((s, d) => s + d.requests, 0);
  const nowCalls = calls(now);
  const wasCalls = calls(was);
  const { pairs, removed } = matchDeployments(current.config, baseline.config);
  const row = (i: number | null, j: number | null, how: MatchedBy): DeploymentDelta => {
    const c = i === null ? undefined : now.deployments[i];
    const b = j === null ? undefined : was.deployments[j];
    const named = (c ?? b) as DeploymentResult;
    return {
      label: named.label,
      model_name: named.model_name,
      index: i,
      baseline_index: j,
      matched_by: how,
      share: delta(share(b, wasCalls), share(c, nowCalls), 6),
      success_rate: delta(successRate(b), successRate(c), 6),
      p95_ms: delta(latency(b, 'p95'), latency(c, 'p95'), 3),
      p99_ms: delta(latency(b, 'p99'), latency(c, 'p99'), 3),
      cost_usd: delta(b ? b.cost_usd : null, c ? c.cost_usd : null, 6),
    };
  };
  const byIndex = new Map(pairs.map(([i, j, how]) => [i, [j, how] as const]));
  const deployments = [
    ...now.deployments.map((_, i) => (byIndex.has(i) ? row(i, byIndex.get(i)![0], byIndex.get(i)![1]) : row(i, null, 'added'))),
    ...removed.map((j) => row(null, j, 'removed')),
  ];
  const rate = (r: SimResult) => round(r.totals.requests > 0 ? r.totals.succeeded / r.totals.requests : 1, 6);
  return {
    config: baseline.file,
    totals: {
      requests: delta(was.totals.requests, now.totals.requests, 0),
      failed: delta(was.totals.failed, now.totals.failed, 0),
      success_rate: delta(rate(was), rate(now), 6),
      p95_ms: delta(was.totals.latency_ms.p95, now.totals.latency_ms.p95, 3),
      p99_ms: delta(was.totals.latency_ms.p99, now.totals.latency_ms.p99, 3),
      cost_usd: delta(was.totals.cost_usd, now.totals.cost_usd, 6),
    },
    deployments,
    result: was,
  };
}
