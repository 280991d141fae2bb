// simple-shuffle is an independent random pick per request, not a rotation (LiteLLM simple_shuffle in litellm/router_strategy/simple_shuffle.py); the
// source document calls it "Round Robin" and promises A, B, C, A.
import type { Rule } from '../../types.js';
import { hasAnyLimit } from '../_shared/limits.js';
import { strategyOf } from '../_shared/settings.js';
import { percent } from '../_shared/values.js';
import { tiers, tierLabel } from '../_shared/tiers.js';

const rule: Rule = {
  meta: {
    id: 'strategies/shuffle-not-round-robin',
    description: 'simple-shuffle is a random pick per request, not the strict rotation some docs describe',
    severity: 'info',
    fixable: false,
    docs: 'docs/rules/strategies/shuffle-not-round-robin.md',
  },
  check({ model, report, release }) {
    const strategy = strategyOf(model);
    if (strategy.name !== 'simple-shuffle' || !strategy.location) return;
    const plain = tiers(model, release).find((t) => t.deployments.length >= 2 && t.deployments.every((d) => d.params.weight === undefined && !hasAnyLimit(model, d)));
    if (!plain) return;
    const n = plain.deployments.length;
    report({
      at: strategy.location,
      on: 'value',
      message: `simple-shuffle picks one of the ${n} deployments of ${tierLabel(plain)} at random per request, not in rotation, so two requests in a row share a deployment ${percent(1 / n)} of the time and short bursts can be uneven. Fine for spreading load; LiteLLM has no strict rotation`,
    });
  },
};

export default rule;
