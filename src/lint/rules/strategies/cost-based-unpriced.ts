// cost-based-routing sorts by input+output price per token; a model LiteLLM cannot price gets a
// high default, so it only serves when every priced deployment is unavailable (LiteLLM LowestCostLoggingHandler.async_get_available_deployments in litellm/router_strategy/lowest_cost.py).
import type { Rule } from '../../types.js';
import { priceSourceOf } from '../_shared/group-facts.js';
import { isWildcardName } from '../_shared/limits.js';
import { describeDeployment, paramsLocation } from '../_shared/locations.js';
import { strategyOf } from '../_shared/settings.js';
import { tiers, tierLabel } from '../_shared/tiers.js';

const rule: Rule = {
  meta: {
    id: 'strategies/cost-based-unpriced',
    description: "cost-based routing with a deployment whose price is neither configured nor under its exact model name in LiteLLM's model map",
    severity: 'warning',
    fixable: false,
    docs: 'docs/rules/strategies/cost-based-unpriced.md',
  },
  check({ model, report }) {
    if (strategyOf(model).name !== 'cost-based-routing') return;
    for (const tier of tiers(model)) {
      const { name, deployments: group } = tier;
      if (group.length < 2 || isWildcardName(name)) continue;
      const unpriced = group.filter((d) => priceSourceOf(d, model.deployments) === null);
      if (unpriced.length === 0) continue;
      const allUnpriced = unpriced.length === group.length;
      for (const d of unpriced) {
        const consequence = allUnpriced
          ? `no deployment of ${tierLabel(tier)} has a known price, so they all tie and cost-based routing always sends traffic to the first healthy one`
          : `LiteLLM prices unknown models at a high default, so it only gets traffic when every priced deployment of ${tierLabel(tier)} is unavailable`;
        report({
          at: paramsLocation(model, d),
          message: `${describeDeployment(d)} has no price for cost-based routing (no input_cost_per_token/output_cost_per_token in litellm_params, and LiteLLM's model map has no key exactly '${typeof d.params.model === 'string' ? d.params.model : ''}': cost-based routing does not strip a provider prefix such as openai/): ${consequence}. Add input_cost_per_token and output_cost_per_token to its litellm_params, or write the model as the map spells it (e.g. gpt-4o, not openai/gpt-4o)`,
        });
      }
    }
  },
};

export default rule;
