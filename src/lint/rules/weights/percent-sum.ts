// Integer weights that read like percentages but do not add up to 100: LiteLLM normalises by
// the sum, so every share differs from the number written.
import type { Rule } from '../../types.js';
import { percent } from '../_shared/values.js';
import { sharesOf, weightsOf } from '../_shared/weights.js';
import { tiers, tierLabel } from '../_shared/tiers.js';

const rule: Rule = {
  meta: {
    id: 'weights/percent-sum',
    description: 'weights that look like percentages do not add up to 100, so the real shares differ from the numbers written',
    severity: 'warning',
    fixable: false,
    docs: 'docs/rules/weights/percent-sum.md',
    options: {
      type: 'object',
      properties: { tolerance: { type: 'number', minimum: 0, description: 'how far from 100 (in points) a sum may be and still read as percentages' } },
      additionalProperties: false,
    },
    defaults: { tolerance: 20 },
  },
  check({ model, report, options, release }) {
    const tolerance = typeof options.tolerance === 'number' ? options.tolerance : 20;
    for (const tier of tiers(model, release)) {
      const group = tier.deployments;
      const weights = weightsOf(model, group);
      if (group.length < 2 || weights.some((w) => w.value === null)) continue;
      const values = weights.map((w) => w.value as number);
      if (!values.every((v) => Number.isInteger(v) && v >= 1 && v <= 100)) continue;
      const sum = values.reduce((a, b) => a + b, 0);
      if (sum === 100 || Math.abs(sum - 100) > tolerance) continue;
      const shares = sharesOf(values);
      const split = weights.map((w, i) => `${values[i]} → ${percent(shares[i])}`).join(', ');
      report({
        at: weights[0].location!,
        message: `the weights of ${tierLabel(tier)} add up to ${sum}, not 100: LiteLLM divides each by the sum, so the traffic shares are ${split}. Make them add up to 100 if they are meant as percentages`,
      });
    }
  },
};

export default rule;
