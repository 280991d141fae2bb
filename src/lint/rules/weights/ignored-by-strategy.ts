// litellm_params.weight only matters to simple-shuffle; other LiteLLM strategies never read it.
import type { Rule } from '../../types.js';
import { strategyOf } from '../_shared/settings.js';
import { weightsOf } from '../_shared/weights.js';
import { tiers, tierLabel } from '../_shared/tiers.js';

/** LiteLLM strategies that do not read weight (gwcfg's own round-robin extensions do). */
const IGNORING = new Set(['least-busy', 'usage-based-routing', 'usage-based-routing-v2', 'latency-based-routing', 'cost-based-routing', 'provider-budget-routing']);

const rule: Rule = {
  meta: {
    id: 'weights/ignored-by-strategy',
    description: 'weights are set but the routing strategy never reads them (only simple-shuffle does)',
    severity: 'warning',
    fixable: false,
    docs: 'docs/rules/weights/ignored-by-strategy.md',
  },
  check({ model, report, release }) {
    const strategy = strategyOf(model);
    if (!IGNORING.has(strategy.name)) return;
    for (const tier of tiers(model, release)) {
      const group = tier.deployments;
      const first = weightsOf(model, group).find((w) => w.location !== null);
      if (!first || group.length < 2) continue;
      report({
        at: first.location!,
        message: `routing_strategy is ${strategy.name}, which never reads weight: the weights of ${tierLabel(tier)} have no effect on its traffic split. Use simple-shuffle for a weighted split, or remove the weights`,
      });
    }
  },
};

export default rule;
