// Bounds on the work of one simulation, so any scenario ends in bounded time and memory
// (docs/simulate.md, "Limits"). The scenario check refuses values past them with a positioned
// message; the run itself caps what no static check can foresee (Poisson luck, config-driven
// retries and health checks) and says so in a notice.

export const LIMITS = {
  /** `duration`, `--duration`: one simulated day. */
  durationMs: 24 * 3_600_000,
  /** `requests`, `--requests`, and the expected client requests of a scenario (rates x duration). */
  requests: 5_000_000,
  /** One traffic source's rate, also times a phase multiplier (per second). */
  ratePerSec: 100_000,
  /** A phase `multiplier`. */
  multiplier: 1_000,
  /** `phases` of one traffic source, `outages` of one behaviour. */
  windows: 100,
  /** Entries of `traffic`. */
  trafficSources: 1_000,
  /** Entries of `deployments`. */
  deploymentRules: 10_000,
  /** A latency parameter (value, mean, max, p99, empirical value); every sampled call is also capped to it. */
  latencyMs: 3_600_000,
  /** A token-count parameter; every sampled count is also capped to it. */
  tokens: 10_000_000,
  /** Timeline buckets (`duration` / `bucket`). */
  buckets: 2_000,
  /** `gateway.replicas`: proxy replicas, each with its own Router. */
  replicas: 256,
  /** Events (plus health-check probes) one run may process before it stops with a notice. */
  work: 60_000_000,
} as const;

/** `n` with thousands separators, as the messages print limits. */
export function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A duration in words for messages: `86,400 s (24 h)`. */
export function seconds(ms: number): string {
  const s = ms / 1000;
  const text = `${s >= 1e6 ? s.toExponential(2) : count(s)} s`;
  return s >= 3600 && s < 1e6 ? `${text} (${+(s / 3600).toFixed(1)} h)` : text;
}

/** Simulated time of a run when neither scenario nor flags say. */
export const DEFAULT_DURATION_MS = 5 * 60_000;
