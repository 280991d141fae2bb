// Resolves each config deployment's simulated behaviour: built-in defaults, then the scenario's
// `defaults`, then every matching `deployments` rule in file order (later rules win per field).
import type { DeploymentView } from '../routing/types.js';
import { lognormalFromPercentiles } from './distributions.js';
import type { ProviderBehaviour } from './deployment.js';
import { matchingDeployments, type Behaviour, type Scenario } from './scenario.js';

/** Documented defaults (docs/simulate.md, "Default behaviour"). */
export const DEFAULT_LATENCY = { p50Ms: 800, p99Ms: 4000 };
export const DEFAULT_CAPACITY = 64;
export const DEFAULT_ERROR_RATE = 0.001;
export const DEFAULT_ERROR_STATUS = 500;
export const DEFAULT_MIDSTREAM_STATUS = 500;

export function defaultBehaviour(d: DeploymentView): ProviderBehaviour {
  return {
    latency: lognormalFromPercentiles(DEFAULT_LATENCY.p50Ms, DEFAULT_LATENCY.p99Ms),
    errorRate: DEFAULT_ERROR_RATE,
    errorStatus: DEFAULT_ERROR_STATUS,
    capacity: DEFAULT_CAPACITY,
    queue: Infinity,
    // The rpm/tpm a config declares are taken to be the provider's quota.
    rateLimit: { rpm: d.rpm ?? undefined, tpm: d.tpm ?? undefined },
    outages: [],
    midstreamErrorRate: 0,
    midstreamStatus: DEFAULT_MIDSTREAM_STATUS,
  };
}

function overlay(base: ProviderBehaviour, b: Behaviour): ProviderBehaviour {
  const out: ProviderBehaviour = { ...base, rateLimit: { ...base.rateLimit } };
  if (b.latency) {
    out.latency = b.latency;
    out.ttft = undefined;
    out.perToken = undefined;
  }
  if (b.ttft) {
    out.ttft = b.ttft;
    out.perToken = b.perToken;
  }
  if (b.errorRate !== undefined) out.errorRate = b.errorRate;
  if (b.errorStatus !== undefined) out.errorStatus = b.errorStatus;
  if (b.capacity !== undefined) out.capacity = b.capacity;
  if (b.queue !== undefined) out.queue = b.queue;
  if (b.rateLimit) out.rateLimit = { ...b.rateLimit };
  if (b.midstreamErrorRate !== undefined) out.midstreamErrorRate = b.midstreamErrorRate;
  if (b.midstreamStatus !== undefined) out.midstreamStatus = b.midstreamStatus;
  if (b.outages) out.outages = [...b.outages].sort((x, y) => x.fromMs - y.fromMs);
  return out;
}

export function resolveBehaviours(deployments: readonly DeploymentView[], scenario: Scenario): ProviderBehaviour[] {
  const targets = { deployments: deployments.map((d) => ({ index: d.index, id: d.id, modelName: d.modelName, params: {} as Record<string, unknown> })) };
  const out = deployments.map((d) => (scenario.defaults ? overlay(defaultBehaviour(d), scenario.defaults) : defaultBehaviour(d)));
  for (const rule of scenario.deployments) {
    const indexes = rule.matched ?? matchingDeployments(rule.match, targets);
    for (const i of indexes) out[i] = overlay(out[i], rule.behaviour);
  }
  return out;
}
