// `order` is a priority filter applied by the pre-call checks in 2025-era LiteLLM; without
// enable_pre_call_checks every tier shares traffic (LiteLLM Router.async_get_available_deployment in litellm/router.py; _get_order_filtered_deployments in litellm/utils.py; BerriAI/litellm#18444).
import type { Rule } from '../../types.js';
import { routerFlag } from '../_shared/settings.js';

const rule: Rule = {
  meta: {
    id: 'strategies/order-without-pre-call-checks',
    description: '`order` priorities without enable_pre_call_checks, which 2025-era LiteLLM needs to apply them',
    severity: 'warning',
    fixable: false,
    docs: 'docs/rules/strategies/order-without-pre-call-checks.md',
  },
  check({ model, report }) {
    if (routerFlag(model, 'enable_pre_call_checks')) return;
    for (const [name, group] of model.groups) {
      if (group.length < 2) continue;
      const ordered = group.filter((d) => d.params.order !== undefined || d.info.order !== undefined);
      if (ordered.length === 0) continue;
      const d = ordered[0];
      const at = model.below(d.location, ...(d.params.order !== undefined ? ['litellm_params', 'order'] : ['model_info', 'order']));
      report({
        at,
        message: `'${name}' sets order priorities, but enable_pre_call_checks is off: LiteLLM releases up to 2025 apply order only in the pre-call checks, so every tier shares the traffic (the backup gets requests while the primary is healthy). Set router_settings.enable_pre_call_checks: true`,
      });
    }
  },
};

export default rule;
