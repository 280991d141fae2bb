// The simulation result (docs/contracts.md, contract 4). Numbers are rounded to 3 decimals and every list
// and map is emitted in a fixed order, so the same config + scenario + seed gives the same bytes.
import type { LatencyHistogram, LatencySummary } from './histogram.js';
import type { SimulationRun } from './run.js';
import { DEPLOYMENT_STATES, type DeploymentState } from './metrics.js';
import { safeText } from '../util/safe-text.js';
import { deploymentLabels } from './labels.js';
import type { BaselineComparison } from './baseline.js';

export interface DeploymentResult {
  index: number;
  id: string;
  model_name: string;
  model: string;
  /** What tells the deployment apart within its group (src/sim/labels.ts): `gpt-4o [eastus2]`. */
  label: string;
  requests: number;
  share: number;
  succeeded: number;
  failed: number;
  rate_limited: number;
  latency_ms: LatencySummary;
  cost_usd: number;
  cooldowns: number;
  cooldown_seconds: number;
  circuit_opens: number;
  // extensions
  timeouts: number;
  utilization: number;
  price_known: boolean;
  failed_by_status: Record<string, number>;
  /** When the router had the deployment cooled down, circuit-open or unhealthy (whole run), by start time. */
  state_intervals: StateInterval[];
  /** True when a state had more than MAX_STATE_INTERVALS intervals and later ones were left out. */
  state_intervals_clipped: boolean;
  /** With a scenario `gateway:`: 429s the provider answered (its rate limit, not the gateway's). */
  provider_rate_limited?: number;
  /** With a scenario `gateway:`: most calls the provider received in one calendar minute. */
  provider_peak_rpm?: number;
}

/** One proxy replica's figures (scenario `gateway:`); totals are the sums over replicas. */
export interface ReplicaResult {
  replica: number;
  requests: number;
  succeeded: number;
  failed: number;
  /** Calls its Router handed out (retries and fallbacks included). */
  calls: number;
  /** Calls its Router refused with 429 before they started (usage-based-routing-v2 pre-call check). */
  gateway_rate_limited: number;
  /** Client requests that failed because its Router had no deployment left to pick (the per-replica
   * share of totals.no_deployment: every deployment cooling down, or over its usage-based-routing-v2
   * limit at the pick, which LiteLLM answers with a 429 before any call). */
  no_deployment: number;
}

export interface GatewayResult {
  replicas: number;
  balancer: 'round-robin' | 'random';
  shared_state: 'auto' | 'none' | 'redis';
  /** Whether the replicas shared the state LiteLLM keeps in Redis in this run. */
  redis: boolean;
  /** The config key that gives the Router a Redis (null: none). */
  redis_from: string | null;
  per_replica: ReplicaResult[];
}

export interface StateInterval {
  state: DeploymentState;
  from_s: number;
  to_s: number;
}

export interface GroupResult {
  model_name: string;
  requests: number;
  succeeded: number;
  failed: number;
  latency_ms: LatencySummary;
}

export interface TimelineBucket {
  t: number;
  requests: number;
  succeeded: number;
  failed: number;
  by_deployment: number[];
  // extensions
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  cost_usd: number;
  failure_causes: Record<string, number>;
}

/** A config key the simulation does not model (see not-simulated.ts), where it is written. */
export interface NotSimulatedNotice {
  key: string;
  reason: string;
  file: string;
  line: number;
  column: number;
}

export interface SimResult {
  version: 1;
  seed: number;
  strategy: string;
  simulated_seconds: number;
  warmup_seconds: number;
  bucket_seconds: number;
  /** Config keys whose effect is left out of this result, in config order. */
  not_simulated: NotSimulatedNotice[];
  totals: {
    requests: number;
    succeeded: number;
    failed: number;
    retries: number;
    fallbacks: number;
    rate_limited: number;
    no_deployment: number;
    latency_ms: LatencySummary;
    cost_usd: number;
    // extensions
    success_rate: number;
    failure_reasons: Record<string, number>;
    failure_causes: Record<string, number>;
    ttft_ms?: LatencySummary;
    /** Streaming calls that broke after their first chunk; present when the scenario sets midstream_error_rate. */
    midstream_errors?: number;
  };
  deployments: DeploymentResult[];
  groups: GroupResult[];
  timeline: TimelineBucket[];
  /** Present when the scenario declares `gateway:` (proxy replicas). */
  gateway?: GatewayResult;
  /** Present when `--traffic` replayed recorded requests instead of the scenario's traffic. */
  replay?: ReplaySummary;
  /** Present with `--baseline OLD`: the old config's run on the same traffic, and the deltas. */
  baseline?: BaselineComparison;
}

export interface ReplaySummary {
  file: string;
  speed: number;
  /** Rows read from the file, requests replayed, rows left out (reason -> count). */
  rows: number;
  replayed: number;
  skipped: Record<string, number>;
}

/** Round half away from zero to `digits` decimals, never producing -0. */
export function round(value: number, digits = 3): number {
  if (!Number.isFinite(value)) return 0;
  const f = 10 ** digits;
  const r = Math.sign(value) * Math.round(Math.abs(value) * f) / f;
  return r === 0 ? 0 : r;
}

function latency(h: LatencyHistogram): LatencySummary {
  const s = h.summary();
  return { mean: round(s.mean), p50: round(s.p50), p95: round(s.p95), p99: round(s.p99), max: round(s.max) };
}

function sortedRecord(map: Map<string | number, number>): Record<string, number> {
  const entries = [...map].map(([k, v]) => [String(k), v] as const).sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  return Object.fromEntries(entries);
}

/** A deployment's state intervals in seconds, by start time (ties in DEPLOYMENT_STATES order). */
function stateIntervals(run: SimulationRun, d: number, endMs: number): StateInterval[] {
  const order = (s: DeploymentState) => DEPLOYMENT_STATES.indexOf(s);
  return run
    .stateIntervals(d, endMs)
    .sort((a, b) => a.fromMs - b.fromMs || order(a.state) - order(b.state) || a.toMs - b.toMs)
    .map((i) => ({ state: i.state, from_s: round(i.fromMs / 1000), to_s: round(i.toMs / 1000) }));
}

export function buildResult(run: SimulationRun, notSimulated: readonly NotSimulatedNotice[] = []): SimResult {
  const m = run.metrics;
  const endMs = Math.max(run.simulatedMs, run.sim.now);
  const totalCalls = m.deployments.reduce((s, d) => s + d.calls, 0);
  const t = m.totals;
  const labels = deploymentLabels(run.input.config);
  const result: SimResult = {
    version: 1,
    seed: run.input.seed,
    strategy: run.router.config.settings.routingStrategy ?? 'invalid',
    simulated_seconds: round(run.simulatedMs / 1000),
    warmup_seconds: round(run.warmupMs / 1000),
    bucket_seconds: round(m.bucketMs / 1000),
    not_simulated: notSimulated.map((n) => ({ ...n })),
    totals: {
      requests: t.requests,
      succeeded: t.succeeded,
      failed: t.failed,
      retries: t.retries,
      fallbacks: t.fallbacks,
      rate_limited: t.rateLimited,
      no_deployment: t.noDeployment,
      latency_ms: latency(m.totalLatency()),
      cost_usd: round(t.costUsd, 6),
      success_rate: round(t.requests > 0 ? t.succeeded / t.requests : 1, 6),
      failure_reasons: sortedRecord(t.failureReasons),
      failure_causes: sortedRecord(t.failureCauses),
    },
    deployments: run.router.deployments.map((view, i) => {
      const d = m.deployments[i];
      return {
        index: i,
        // Config strings, masked and escaped like every other output (src/util/safe-text.ts).
        id: safeText(view.id),
        model_name: safeText(view.modelName),
        model: safeText(view.model),
        label: labels[i] ?? safeText(`${view.modelName}#${i}`),
        requests: d.calls,
        share: round(totalCalls > 0 ? d.calls / totalCalls : 0, 6),
        succeeded: d.succeeded,
        failed: d.failed,
        rate_limited: d.rateLimited,
        latency_ms: latency(d.latency),
        cost_usd: round(d.costUsd, 6),
        cooldowns: d.cooldowns,
        cooldown_seconds: round(Math.max(0, d.cooldownMs - run.cooldownOverrunMs(i, endMs)) / 1000),
        circuit_opens: d.circuitOpens,
        timeouts: d.timeouts,
        utilization: round(run.utilisation(i), 6),
        price_known: view.inputCostPerToken !== null && view.outputCostPerToken !== null,
        failed_by_status: sortedRecord(d.statuses),
        state_intervals: stateIntervals(run, i, endMs),
        state_intervals_clipped: d.states !== null && DEPLOYMENT_STATES.some((s) => d.states![s].clipped),
      };
    }),
    groups: [...m.groups.values()].map((g) => ({
      model_name: safeText(g.name),
      requests: g.requests,
      succeeded: g.succeeded,
      failed: g.failed,
      latency_ms: latency(g.latency),
    })),
    timeline: m.buckets.map((b, i) => ({
      t: round((i * m.bucketMs) / 1000),
      requests: b.requests,
      succeeded: b.succeeded,
      failed: b.failed,
      by_deployment: b.byDeployment.slice(),
      p50_ms: round(b.latency.percentile(50)),
      p95_ms: round(b.latency.percentile(95)),
      p99_ms: round(b.latency.percentile(99)),
      cost_usd: round(b.costUsd, 6),
      failure_causes: sortedRecord(b.failureCauses),
    })),
  };
  if (t.ttft.count > 0) result.totals.ttft_ms = latency(t.ttft);
  if (run.behaviours.some((b) => b.midstreamErrorRate > 0)) result.totals.midstream_errors = t.midstreamErrors;
  const gateway = run.input.scenario.gateway;
  if (gateway) {
    result.gateway = {
      replicas: gateway.replicas,
      balancer: gateway.balancer,
      shared_state: gateway.sharedState,
      redis: run.sharedState,
      redis_from: run.redis?.configured ? run.redis.key : null,
      per_replica: m.replicas.map((r, i) => ({
        replica: i,
        requests: r.requests,
        succeeded: r.succeeded,
        failed: r.failed,
        calls: r.calls,
        gateway_rate_limited: r.gatewayRateLimited,
        no_deployment: r.noDeployment,
      })),
    };
    result.deployments.forEach((d, i) => {
      d.provider_rate_limited = m.deployments[i].providerRateLimited;
      d.provider_peak_rpm = m.deployments[i].providerPeakRpm;
    });
  }
  const replay = run.input.traffic;
  if (replay) {
    result.replay = { file: replay.file, speed: replay.speed, rows: replay.rows, replayed: run.requestsIssued, skipped: sortedRecord(new Map(Object.entries(replay.skipped))) };
  }
  return result;
}
