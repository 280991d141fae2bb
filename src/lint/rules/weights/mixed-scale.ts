// Fractions (0.7) mixed with whole numbers (30) in one group: LiteLLM normalises them on one
// scale, so the fractional deployments get almost nothing.
import type { Rule } from '../../types.js';
import { percent } from '../_shared/values.js';
import { joinList } from '../../../util/join-list.js';
import { sharesOf, weightsOf } from '../_shared/weights.js';
import { tiers, tierLabel } from '../_shared/tiers.js';

const rule: Rule = {
  meta: {
    id: 'weights/mixed-scale',
    description: 'a group mixes fractional weights (0.7) with whole-number weights (30)',
    severity: 'warning',
    fixable: false,
    docs: 'docs/rules/weights/mixed-scale.md',
  },
  check({ model, report, release }) {
    for (const tier of tiers(model, release)) {
      const group = tier.deployments;
      const weights = weightsOf(model, group).filter((w) => w.value !== null && w.value > 0);
      const fractions = weights.filter((w) => (w.value as number) < 1);
      const wholes = weights.filter((w) => (w.value as number) >= 1);
      if (fractions.length === 0 || wholes.length === 0) continue;
      const shares = sharesOf(weights.map((w) => w.value));
      const split = joinList(weights.map((w, i) => `${w.value} → ${percent(shares[i])}`));
      report({
        at: fractions[0].location!,
        message: `group ${tierLabel(tier)} mixes fractional and whole-number weights; LiteLLM puts them on one scale, so the shares are ${split}. Write all weights on the same scale (all fractions or all whole numbers)`,
      });
    }
  },
};

export default rule;
