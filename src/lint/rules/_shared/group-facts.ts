// Facts about the deployments a group or fallback target routes to: mode, context window, price.
import type { DeploymentModel } from '../../../config/model.js';
import { contextWindow, pricePerToken } from '../../../routing/prices.js';
import { toNumber } from './values.js';

/** model_info.mode of each deployment (default chat). */
export function modesOf(deployments: readonly DeploymentModel[]): Set<string> {
  return new Set(deployments.map((d) => (typeof d.info.mode === 'string' ? d.info.mode : 'chat')));
}

/** The model name LiteLLM looks prices and context sizes up by (base_model wins). */
export function lookupName(d: DeploymentModel): string | null {
  for (const candidate of [d.info.base_model, d.params.base_model, d.params.model]) if (typeof candidate === 'string' && candidate !== '') return candidate;
  return null;
}

/** Max input tokens of one deployment: model_info.max_input_tokens, else the price table. */
export function inputWindowOf(d: DeploymentModel): number | null {
  const own = toNumber(d.info.max_input_tokens);
  if (own !== null && own > 0) return own;
  const name = lookupName(d);
  return name ? contextWindow(name) : null;
}

/**
 * Smallest and largest max input tokens among the deployments; null if any is unknown. With
 * enable_pre_call_checks LiteLLM filters deployments one by one by their own window
 * (litellm/router.py::Router._pre_call_checks), so the largest decides what the group can serve.
 */
export function groupInputWindows(deployments: readonly DeploymentModel[]): { min: number; max: number } | null {
  let min = Infinity;
  let max = 0;
  for (const d of deployments) {
    const w = inputWindowOf(d);
    if (w === null) return null;
    min = Math.min(min, w);
    max = Math.max(max, w);
  }
  return Number.isFinite(min) ? { min, max } : null;
}

/** Where a deployment's price comes from for cost-based routing, or null if LiteLLM cannot price it. */
export function priceSourceOf(d: DeploymentModel): 'litellm_params' | 'model_info' | 'price table' | null {
  const priced = (dict: Record<string, unknown>) => toNumber(dict.input_cost_per_token) !== null || toNumber(dict.output_cost_per_token) !== null;
  if (priced(d.params)) return 'litellm_params';
  if (priced(d.info)) return 'model_info';
  const name = lookupName(d);
  return name && pricePerToken(name) ? 'price table' : null;
}
