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
  /** Latency of calls as the gateway sees them (provider queue included). */
  readonly latency = new LatencyHistogram(3);
  /** Failed calls by status code. */
  readonly statuses = new Map<number, number>();
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

export type FailureCause = ProviderCause | 'gateway-limit' | 'no-deployment-available';

export function increment<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

export class Metrics {
  readonly totals = new Totals();
  readonly deployments: DeploymentStats[];
  readonly groups = new Map<string, GroupStats>();
  readonly buckets: Bucket[] = [];

  constructor(
    deploymentCount: number,
    readonly bucketMs: number,
    /** Upper bound on buckets, so memory stays bounded for any run length. */
    readonly maxBuckets = 2000,
  ) {
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
