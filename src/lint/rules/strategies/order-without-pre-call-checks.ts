// `order` is a priority filter applied only by the pre-call checks before LiteLLM 1.81; without
// enable_pre_call_checks every tier shares traffic (Router.async_get_available_deployment in
// litellm/router.py; _get_order_filtered_deployments in litellm/utils.py; BerriAI/litellm#18444).
// From 1.81 the order filter always runs (releases.ts order-always-applied), so the rule is silent.
import type { Rule } from '../../types.js';
import { routerFlag } from '../_shared/settings.js';
import { orderOf } from '../_shared/tiers.js';
import { behaviourFlags, formatRelease } from '../../../routing/releases.js';

const rule: Rule = {
  meta: {
    id: 'strategies/order-without-pre-call-checks',
    description: '`order` priorities without enable_pre_call_checks, which LiteLLM before 1.81 needs to apply them',
    severity: 'warning',
    fixable: false,
    docs: 'docs/rules/strategies/order-without-pre-call-checks.md',
  },
  check({ model, report, release }) {
    if (routerFlag(model, 'enable_pre_call_checks') || behaviourFlags(release)['order-always-applied']) return;
    for (const [name, group] of model.groups) {
      if (group.length < 2) continue;
      const d = group.find((x) => orderOf(x, release) !== null);
      if (!d) continue;
      report({
        at: model.below(d.location, 'litellm_params', 'order'),
        message: `'${name}' sets order priorities, but LiteLLM ${formatRelease(release)} applies order only with enable_pre_call_checks (1.81 and later always do), so every tier shares the traffic. Set router_settings.enable_pre_call_checks: true`,
      });
    }
  },
};

export default rule;
