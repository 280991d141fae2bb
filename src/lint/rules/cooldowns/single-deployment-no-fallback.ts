// In count mode (allowed_fails ≠ 3 or allowed_fails_policy) cooldown has no single-deployment
// exemption (LiteLLM _should_cooldown_deployment and should_cooldown_based_on_allowed_fails_policy in litellm/router_utils/cooldown_handlers.py; PR #8668): a lone deployment can be cooled, and the group is
// then empty until cooldown_time passes.
import type { Rule } from '../../types.js';
import { hasFallback, fallbackEdges } from '../_shared/fallbacks.js';
import { isWildcardName } from '../_shared/limits.js';
import { nameLocation } from '../_shared/locations.js';
import { cooldownMode, cooldownsDisabled, routerCooldownSeconds } from '../_shared/settings.js';
import { toNumber } from '../_shared/values.js';

const rule: Rule = {
  meta: {
    id: 'cooldowns/single-deployment-no-fallback',
    description: 'a one-deployment group that can be cooled down (allowed_fails or a policy is set) and has no fallback',
    severity: 'warning',
    fixable: false,
    docs: 'docs/rules/cooldowns/single-deployment-no-fallback.md',
  },
  check({ model, report }) {
    if (cooldownsDisabled(model)) return;
    const mode = cooldownMode(model);
    if (mode.mode !== 'count') return;
    const edges = fallbackEdges(model);
    const seconds = routerCooldownSeconds(model);
    const cause = mode.cause!.key === 'allowed_fails' ? `${mode.cause!.key}: ${mode.allowedFails}` : mode.cause!.key;
    for (const [name, group] of model.groups) {
      if (group.length !== 1 || isWildcardName(name)) continue;
      const d = group[0];
      if (toNumber(d.params.cooldown_time) === 0 || toNumber(d.info.cooldown_time) === 0) continue;
      if (hasFallback(model, name, edges)) continue;
      report({
        at: nameLocation(model, d),
        message: `'${name}' has one deployment and ${cause} switches cooldowns to count mode, which has no single-deployment exemption: after ${mode.allowedFails + 1} failures within ${seconds} s the only deployment is cooled for ${seconds} s and every request for '${name}' fails with "No deployments available". Add a fallback for '${name}', or a second deployment`,
      });
    }
  },
};

export default rule;
