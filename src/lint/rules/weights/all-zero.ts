// Every weight of a group is 0: newer LiteLLM skips the weights (uniform pick or rpm/tpm);
// older releases pass all-zero weights to random.choices, which raises on every request.
import type { Rule } from '../../types.js';
import { weightsOf } from '../_shared/weights.js';
import { tiers, tierLabel } from '../_shared/tiers.js';

const rule: Rule = {
  meta: {
    id: 'weights/all-zero',
    description: 'every deployment of a group has weight 0',
    severity: 'error',
    fixable: false,
    docs: 'docs/rules/weights/all-zero.md',
  },
  check({ model, report, release }) {
    for (const tier of tiers(model, release)) {
      const group = tier.deployments;
      const weights = weightsOf(model, group).filter((w) => w.location !== null);
      if (weights.length === 0 || weights.length !== group.length) continue;
      if (!weights.every((w) => w.value === 0)) continue;
      for (const w of weights) {
        report({
          at: w.location!,
          message: `every deployment of ${tierLabel(tier)} has weight 0: newer LiteLLM ignores all-zero weights and picks ${group.length > 1 ? 'uniformly (or by rpm/tpm)' : 'the only deployment anyway'}, while older releases raise 'Total of weights must be greater than zero' on every request to ${tierLabel(tier)}. Give the deployments positive weights, or remove the weights`,
        });
      }
    }
  },
};

export default rule;
