// Usage-based routing balances on rpm/tpm headroom; a deployment without limits has infinite
// headroom (LiteLLM litellm/router_strategy/lowest_tpm_rpm.py; litellm/router_strategy/lowest_tpm_rpm_v2.py), so it is never rate-limited and the strategy cannot balance it.
import type { Rule } from '../../types.js';
import { hasAnyLimit, isWildcardName } from '../_shared/limits.js';
import { describeDeployment, paramsLocation } from '../_shared/locations.js';
import { isUsageBased, strategyOf } from '../_shared/settings.js';
import { tiers, tierLabel } from '../_shared/tiers.js';

const rule: Rule = {
  meta: {
    id: 'strategies/usage-based-without-limits',
    description: 'usage-based routing with a deployment that sets neither rpm nor tpm',
    severity: 'warning',
    fixable: false,
    docs: 'docs/rules/strategies/usage-based-without-limits.md',
  },
  check({ model, report, release }) {
    const strategy = strategyOf(model);
    if (!isUsageBased(strategy.name)) return;
    for (const tier of tiers(model, release)) {
      const { name, deployments: group } = tier;
      // A lone deployment has nothing to be balanced against.
      if (group.length < 2 || isWildcardName(name)) continue;
      for (const d of group) {
      if (hasAnyLimit(model, d)) continue;
      report({
        at: paramsLocation(model, d),
        message: `${describeDeployment(d)} sets neither rpm nor tpm under ${strategy.name}, so LiteLLM counts it as unlimited: within ${tierLabel(tier)} it takes every request while its usage is lowest, until the provider answers 429. Set rpm and/or tpm to the provider's limits`,
      });
      }
    }
  },
};

export default rule;
