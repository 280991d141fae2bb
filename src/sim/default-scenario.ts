// The scenario `gwcfg simulate config.yaml` uses without --scenario: every model group gets
// Poisson traffic at half of what the deployments serving it in normal operation can take
// (declared rpm/tpm, concurrency caps, or the default provider capacity), with default token
// counts, for five minutes or less: the run stays within DEFAULT_MAX_REQUESTS client requests.
import type { Router } from '../routing/router.js';
import type { DeploymentView } from '../routing/types.js';
import { fromSpec } from './distributions.js';
import { DEFAULT_CAPACITY, defaultBehaviour } from './behaviour.js';
import { DEFAULT_INPUT_TOKENS, DEFAULT_OUTPUT_TOKENS, type Scenario } from './scenario.js';
import { DEFAULT_DURATION_MS, count, seconds } from './limits.js';
import { minOf } from '../util/extrema.js';

/** Share of a group's capacity the default traffic uses. */
export const DEFAULT_LOAD = 0.5;
/** Client requests the default scenario sends at most, so it takes seconds on any config. */
export const DEFAULT_MAX_REQUESTS = 200_000;

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

/**
 * The deployments that serve each group in normal operation. With `order`, LiteLLM routes to the
 * lowest order only (litellm/utils.py `_get_order_filtered_deployments`, applied by router.py's
 * deployment selection, Router.async_get_healthy_deployments; deployments without an order are
 * left out); higher tiers take traffic only on failover. The modelled release applies that filter
 * always (1.81.0 and later) or only with enable_pre_call_checks (before): docs/fidelity.md,
 * `order-always-applied`.
 */
export function servingDeployments(router: Router): Map<string, DeploymentView[]> {
  const groups = new Map<string, DeploymentView[]>();
  for (const d of router.deployments) {
    if (d.isWildcard || d.blocked) continue;
    const members = groups.get(d.modelName) ?? [];
    members.push(d);
    groups.set(d.modelName, members);
  }
  const settings = router.config.settings;
  if (!settings.orderFallback && !settings.enablePreCallChecks) return groups;
  for (const [name, members] of groups) {
    const orders = members.map((d) => d.order).filter((o): o is number => o !== null);
    if (orders.length === 0) continue;
    const lowest = minOf(orders);
    groups.set(name, members.filter((d) => d.order === lowest));
  }
  return groups;
}

export function defaultScenario(router: Router): Scenario {
  const input = fromSpec(DEFAULT_INPUT_TOKENS);
  const output = fromSpec(DEFAULT_OUTPUT_TOKENS);
  const meanTokens = input.mean + output.mean;
  const traffic = [...servingDeployments(router)].map(([model, members]) => {
    const perSec = members.reduce((s, d) => s + deploymentCapacityPerSec(router, d.index, meanTokens), 0);
    return {
      model,
      arrival: 'poisson' as const,
      // Round to 0.1/s so the printed scenario reads well; never below 0.1/s.
      ratePerSec: Math.max(0.1, Math.round(perSec * DEFAULT_LOAD * 10) / 10),
      phases: [],
      inputTokens: input,
      outputTokens: output,
      stream: false,
    };
  });
  const totalPerSec = traffic.reduce((s, t) => s + t.ratePerSec, 0);
  let durationMs = DEFAULT_DURATION_MS;
  const notices: string[] = [];
  if ((totalPerSec * durationMs) / 1000 > DEFAULT_MAX_REQUESTS) {
    durationMs = Math.max(1, Math.floor((DEFAULT_MAX_REQUESTS / totalPerSec) * 1000));
    notices.push(
      `default scenario: ${seconds(durationMs)} of traffic instead of 5 minutes, so the run stays within ${count(DEFAULT_MAX_REQUESTS)} requests at ${count(totalPerSec)} requests/s (${DEFAULT_LOAD * 100} % of the config's capacity); use --duration or a scenario file for longer`,
    );
  }
  return { durationMs, warmupMs: 0, traffic, deployments: [], notices };
}

/**
 * Said by a run whose scenario sends nothing: only a derived one can (a scenario file lists at
 * least one traffic entry), when the config has no deployment with a concrete model_name.
 */
export const NO_TRAFFIC_NOTICE =
  "default scenario: the config has no deployment to send requests to (model_list is missing or empty, or holds only wildcard or blocked deployments), so no request was simulated; give traffic with --scenario";
