// The scenario `gwcfg simulate config.yaml` uses without --scenario: every model group gets
// Poisson traffic at half of what its deployments can take (declared rpm/tpm, concurrency caps,
// or the default provider capacity), with default token counts, for five minutes.
import type { Router } from '../routing/router.js';
import { fromSpec } from './distributions.js';
import { DEFAULT_CAPACITY, defaultBehaviour } from './behaviour.js';
import { DEFAULT_INPUT_TOKENS, DEFAULT_OUTPUT_TOKENS, type Scenario } from './scenario.js';
import { DEFAULT_DURATION_MS } from './run.js';

/** Share of a group's capacity the default traffic uses. */
export const DEFAULT_LOAD = 0.5;

/** Requests per second a deployment can sustain under its default behaviour and declared limits. */
export function deploymentCapacityPerSec(router: Router, index: number, meanTokens: number): number {
  const view = router.deployments[index];
  const meanLatencyS = defaultBehaviour(view).latency.mean / 1000;
  const limits = [DEFAULT_CAPACITY / meanLatencyS];
  if (view.rpm) limits.push(view.rpm / 60);
  if (view.tpm) limits.push(view.tpm / 60 / meanTokens);
  const cap = router.concurrencyLimit(index);
  if (cap !== null) limits.push(cap / meanLatencyS);
  return Math.min(...limits);
}

export function defaultScenario(router: Router): Scenario {
  const input = fromSpec(DEFAULT_INPUT_TOKENS);
  const output = fromSpec(DEFAULT_OUTPUT_TOKENS);
  const meanTokens = input.mean + output.mean;
  const capacity = new Map<string, number>();
  for (const d of router.deployments) {
    if (d.isWildcard || d.blocked) continue;
    capacity.set(d.modelName, (capacity.get(d.modelName) ?? 0) + deploymentCapacityPerSec(router, d.index, meanTokens));
  }
  return {
    durationMs: DEFAULT_DURATION_MS,
    warmupMs: 0,
    traffic: [...capacity].map(([model, perSec]) => ({
      model,
      arrival: 'poisson' as const,
      // Round to 0.1/s so the printed scenario reads well; never below 0.1/s.
      ratePerSec: Math.max(0.1, Math.round(perSec * DEFAULT_LOAD * 10) / 10),
      phases: [],
      inputTokens: input,
      outputTokens: output,
      stream: false,
    })),
    deployments: [],
  };
}
