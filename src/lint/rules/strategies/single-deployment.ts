// latency-based, least-busy and cost-based routing choose among a group's deployments; when
// every group has exactly one, there is nothing to choose and the strategy only adds bookkeeping.
import type { Rule } from '../../types.js';
import { strategyOf } from '../_shared/settings.js';

const CHOOSING = new Set(['latency-based-routing', 'least-busy', 'cost-based-routing']);

const rule: Rule = {
  meta: {
    id: 'strategies/single-deployment',
    description: 'a choosing strategy (latency-based, least-busy, cost-based) where every group has one deployment',
    severity: 'info',
    fixable: false,
    docs: 'docs/rules/strategies/single-deployment.md',
  },
  check({ model, report }) {
    const strategy = strategyOf(model);
    if (!CHOOSING.has(strategy.name) || !strategy.location || model.groups.size === 0) return;
    const sizes = [...model.groups.values()].map((g) => g.length);
    if (sizes.some((n) => n > 1)) return;
    const what = model.groups.size === 1 ? `group '${[...model.groups.keys()][0]}' has one deployment` : `each of the ${model.groups.size} groups has one deployment`;
    report({
      at: strategy.location,
      on: 'value',
      message: `${what}, so ${strategy.name} has nothing to choose between: every request goes to that deployment anyway and the strategy only adds per-request tracking. Add deployments to the group (same model_name) for it to matter, or use the default simple-shuffle`,
    });
  },
};

export default rule;
