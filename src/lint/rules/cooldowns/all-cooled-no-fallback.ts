// When every deployment of a group is cooled, requests fail fast with "No deployments available"
// (LiteLLM Router.async_get_available_deployment in litellm/router.py; BerriAI/litellm#3646). Without a fallback nothing catches them.
import type { Rule } from '../../types.js';
import { fallbackEdges, hasFallback } from '../_shared/fallbacks.js';
import { isWildcardName } from '../_shared/limits.js';
import { nameLocation } from '../_shared/locations.js';
import { cooldownMode, cooldownsDisabled, routerCooldownSeconds } from '../_shared/settings.js';
import { toNumber } from '../_shared/values.js';

const rule: Rule = {
  meta: {
    id: 'cooldowns/all-cooled-no-fallback',
    description: 'a multi-deployment group whose deployments can all be cooled down at once, with no fallback',
    severity: 'info',
    fixable: false,
    docs: 'docs/rules/cooldowns/all-cooled-no-fallback.md',
  },
  check({ model, report }) {
    if (cooldownsDisabled(model)) return;
    const mode = cooldownMode(model);
    const edges = fallbackEdges(model);
    const seconds = routerCooldownSeconds(model);
    for (const [name, group] of model.groups) {
      if (group.length < 2 || isWildcardName(name)) continue;
      if (group.some((d) => toNumber(d.params.cooldown_time) === 0 || toNumber(d.info.cooldown_time) === 0)) continue;
      if (hasFallback(model, name, edges)) continue;
      const n = group.length;
      const trigger =
        mode.mode === 'count'
          ? `${n} × ${mode.allowedFails + 1} = ${n * (mode.allowedFails + 1)} failures within ${seconds} s`
          : `one rate-limit error (429) on each of its ${n} deployments`;
      report({
        at: nameLocation(model, group[0]),
        message: `all ${n} deployments of '${name}' can be cooled down at once (${trigger} is enough), and '${name}' has no fallback: for the next ${seconds} s every request for it fails with "No deployments available". Add a fallback group for '${name}'`,
      });
    }
  },
};

export default rule;
