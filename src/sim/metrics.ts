// Counters the run collects: totals, per deployment, per requested group, timeline buckets.
// Everything is O(deployments + groups + buckets) in memory, independent of the request count.
import { LatencyHistogram } from './histogram.js';
import type { ProviderCause } from './deployment.js';

export class DeploymentStats {
  calls = 0;
  succeeded = 0;
  failed = 0;
  rateLimited = 0;
  timeouts = 0;
  costUsd = 0;
  inputTokens = 0;
  outputTokens = 0;
  cooldowns = 0;
  cooldownMs = 0;
  circuitOpens = 0;
  /** 429s the provider itself answered (its rate limit), not the gateway's pre-call check. */
  providerRateLimited = 0;
  /** Most calls the provider received in one calendar minute (all calls, warm-up included). */
  providerPeakRpm = 0;
  /** When the deployment was cooled down, circuit-open or unhealthy (whole run, warm-up included); null until it first was. */
  states: StateTracks | null = null;
  /** Latency of calls as the gateway sees them (provider queue included). */
  readonly latency = new LatencyHistogram(3);
  /** Failed calls by status code. */
  readonly statuses = new Map<number, number>();
}

/** One proxy replica's share of the run (scenario `gateway:`). */
export class ReplicaStats {
  requests = 0;
  succeeded = 0;
  failed = 0;
  calls = 0;
  /** Calls its own Router refused with 429 before they started (usage-based-routing-v2 pre-call check). */
  gatewayRateLimited = 0;
  /** Client requests that failed because this replica's Router had no deployment to pick (e.g. every
   * deployment over its usage-based-routing-v2 limit, or cooling down): totals.no_deployment, per replica. */
  noDeployment = 0;
}

export class GroupStats {
  requests = 0;
  succeeded = 0;
  failed = 0;
  readonly latency = new LatencyHistogram(3);
  constructor(readonly name: string) {}
}

export class Bucket {
  requests = 0;
  succeeded = 0;
  failed = 0;
  /** Cost (USD) of the calls that succeeded in the bucket. */
  costUsd = 0;
  /** Client failures finishing in the bucket by what the last call ran into (a handful of keys). */
  readonly failureCauses = new Map<string, number>();
  readonly byDeployment: number[];
  readonly latency = new LatencyHistogram(2);
  constructor(deployments: number) {
    this.byDeployment = new Array<number>(deployments).fill(0);
  }
}

export class Totals {
  requests = 0;
  succeeded = 0;
  failed = 0;
  retries = 0;
  fallbacks = 0;
  rateLimited = 0;
  noDeployment = 0;
  costUsd = 0;
  /** Streaming calls that broke after their first chunk (rescued by a fallback or not). */
  midstreamErrors = 0;
  /** Client latency of all groups together: the merge of the group histograms (see Metrics.totalLatency). */
  /** Client failures by the router's reason (retries-exhausted, all-cooled-down, ...). */
  readonly failureReasons = new Map<string, number>();
  /** Client failures by what the last call ran into (outage, rate-limit, error, ...). */
  readonly failureCauses = new Map<string, number>();
  /** Time to first token of successful streaming requests. */
  readonly ttft = new LatencyHistogram(3);
}

/** Router states a report draws as intervals per deployment. */
export const DEPLOYMENT_STATES = ['cooldown', 'circuit-open', 'unhealthy'] as const;
export type DeploymentState = (typeof DEPLOYMENT_STATES)[number];

/** Intervals kept per deployment and state; later ones are dropped (and the track marked clipped). */
export const MAX_STATE_INTERVALS = 100;

/**
 * Time intervals (ms) of one state, in the order they start, overlapping or touching ones merged.
 * Bounded: at most MAX_STATE_INTERVALS, so memory is O(deployments) whatever the run length.
 */
export class StateTrack {
  /** Flat [from0, to0, from1, to1, ...]. */
  readonly spans: number[] = [];
  clipped = false;

  /**
   * Adds [fromMs, toMs]. Intervals come in the order they are seen (ends of sampled ones later);
   * one that overlaps the last is merged into it (the union, as over several replicas).
   */
  add(fromMs: number, toMs: number): void {
    const n = this.spans.length;
    if (n > 0 && fromMs <= this.spans[n - 1] && toMs >= this.spans[n - 2]) {
      if (fromMs < this.spans[n - 2]) this.spans[n - 2] = fromMs;
      if (toMs > this.spans[n - 1]) this.spans[n - 1] = toMs;
      return;
    }
    if (n / 2 >= MAX_STATE_INTERVALS) {
      this.clipped = true;
      return;
    }
    this.spans.push(fromMs, toMs);
  }
}

export type StateTracks = Record<DeploymentState, StateTrack>;

export function stateTracks(): StateTracks {
  return { cooldown: new StateTrack(), 'circuit-open': new StateTrack(), unhealthy: new StateTrack() };
}

export type FailureCause = ProviderCause | 'gateway-limit' | 'no-deployment-available';

export function increment<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

export class Metrics {
  readonly totals = new Totals();
  readonly deployments: DeploymentStats[];
  readonly groups = new Map<string, GroupStats>();
  readonly buckets: Bucket[] = [];
  readonly replicas: ReplicaStats[];

  constructor(
    deploymentCount: number,
    readonly bucketMs: number,
    /** Upper bound on buckets, so memory stays bounded for any run length. */
    readonly maxBuckets = 2000,
    replicaCount = 1,
  ) {
    this.replicas = Array.from({ length: replicaCount }, () => new ReplicaStats());
    this.deployments = Array.from({ length: deploymentCount }, () => new DeploymentStats());
  }

  group(name: string): GroupStats {
    let g = this.groups.get(name);
    if (!g) {
      g = new GroupStats(name);
      this.groups.set(name, g);
    }
    return g;
  }

  /** Client latency over all groups, merged from the per-group histograms (exact: HDR merges add counts). */
  totalLatency(): LatencyHistogram {
    const all = new LatencyHistogram(3);
    for (const g of this.groups.values()) all.merge(g.latency);
    return all;
  }

  bucket(now: number): Bucket {
    const i = Math.min(this.maxBuckets - 1, Math.floor(now / this.bucketMs));
    while (this.buckets.length <= i) this.buckets.push(new Bucket(this.deployments.length));
    return this.buckets[i];
  }
}
