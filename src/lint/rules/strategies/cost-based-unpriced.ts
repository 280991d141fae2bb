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
  check({ model, report, release }) {
    if (strategyOf(model).name !== 'cost-based-routing') return;
    for (const tier of tiers(model, release)) {
      const { name, deployments: group } = tier;
      if (group.length < 2 || isWildcardName(name)) continue;
      const unpriced = group.filter((d) => priceSourceOf(d, model.deployments) === null);
      if (unpriced.length === 0) continue;
      const allUnpriced = unpriced.length === group.length;
      for (const d of unpriced) {
        const consequence = allUnpriced
          ? `all of ${tierLabel(tier)} tie and the first healthy one takes every request`
          : `it serves only when every priced deployment of ${tierLabel(tier)} is down`;
        report({
          at: paramsLocation(model, d),
          message: `${describeDeployment(d)} has no price for cost-based routing (no input_cost_per_token, no model-map key spelt exactly so), so ${consequence}. Set input_cost_per_token and output_cost_per_token in its litellm_params`,
        });
      }
    }
  },
};

export default rule;
