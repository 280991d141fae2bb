// Some deployments of a group weighted and others not: newer LiteLLM gives the unweighted ones
// weight 0 (never picked); older releases used weights only when the first deployment had one
// (LiteLLM simple_shuffle in litellm/router_strategy/simple_shuffle.py; BerriAI/litellm#33329).
import type { Rule } from '../../types.js';
import { paramsLocation } from '../_shared/locations.js';
import { strategyOf } from '../_shared/settings.js';
import { percent } from '../_shared/values.js';
import { joinList } from '../../../util/join-list.js';
import { sharesOf, shuffleWeights } from '../_shared/weights.js';
import { tiers, tierLabel } from '../_shared/tiers.js';

const rule: Rule = {
  meta: {
    id: 'weights/partial',
    description: 'only some deployments of a group set the weight simple-shuffle uses; the others get no traffic (or the weights are ignored, depending on order)',
    severity: 'warning',
    fixable: false,
    docs: 'docs/rules/weights/partial.md',
  },
  check({ model, report, release }) {
    if (strategyOf(model).name !== 'simple-shuffle') return;
    for (const tier of tiers(model, release)) {
      const group = tier.deployments;
      if (group.length < 2) continue;
      const weights = shuffleWeights(model, group);
      if (!weights) continue;
      const missing = weights.entries.filter((e) => e.value === null);
      if (missing.length === 0) continue;
      const shares = sharesOf(weights.entries.map((e) => e.value));
      const split = joinList(weights.entries.map((e, i) => `model_list[${e.deployment.index}] ${percent(shares[i])}`));
      const firstHas = weights.entries[0].value !== null;
      const older = firstHas
        ? 'older releases too'
        : `older releases pick uniformly, as the first has none`;
      for (const e of missing) {
        report({
          at: paramsLocation(model, e.deployment),
          message: `group ${tierLabel(tier)} weighs deployments by ${weights.source}, but model_list[${e.deployment.index}] sets none, so LiteLLM counts it as 0 and it never gets traffic (${split}; ${older}). Set ${weights.source} on every deployment of the group`,
        });
      }
    }
  },
};

export default rule;
