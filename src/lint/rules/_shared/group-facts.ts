// Facts about the deployments a group or fallback target routes to: mode, context window, price.
// Context windows and prices come from LiteLLM's model map, looked up as LiteLLM does (model-map/lookup.ts).
import type { DeploymentModel } from '../../../config/model.js';
import { activeModelMap } from '../../../model-map/index.js';
import { contextWindowOf, registeredPrices, routingPrice, type PriceOrigin } from '../../../model-map/lookup.js';

/** model_info.mode of each deployment (default chat). */
export function modesOf(deployments: readonly DeploymentModel[]): Set<string> {
  return new Set(deployments.map((d) => (typeof d.info.mode === 'string' ? d.info.mode : 'chat')));
}

const factsOf = (d: DeploymentModel) => ({ litellm_params: d.params, model_info: d.info });

/** max_input_tokens LiteLLM's pre-call check uses for one deployment (model_info, else the model map); null = unknown. */
export function inputWindowOf(d: DeploymentModel): number | null {
  const window = contextWindowOf(activeModelMap(), factsOf(d));
  return window !== null && window > 0 ? window : null;
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

/**
 * Where cost-based routing finds a deployment's price (the input half; the output half must be
 * found too), or null when LiteLLM falls back to its 5.0 USD-per-token default for either half.
 * `all` is the whole model_list: Router registers every deployment's model_info prices.
 */
export function priceSourceOf(d: DeploymentModel, all: readonly DeploymentModel[] = [d]): Exclude<PriceOrigin, 'default'> | null {
  const map = activeModelMap();
  const price = routingPrice(map, registeredPrices(map, all.map(factsOf)), factsOf(d));
  if (price.inputFrom === 'default' || price.outputFrom === 'default') return null;
  return price.inputFrom;
}
