// When every deployment of a group is cooled, requests fail fast with "No deployments available"
// (LiteLLM Router.async_get_available_deployment in litellm/router.py; BerriAI/litellm#3646) and without a fallback nothing catches them. Most configs
// have such groups, so this is one finding per config listing them (issue 9: a rule that fires
// on every group is a banner).
import type { Rule } from '../../types.js';
import { fallbackEdges, hasFallback } from '../_shared/fallbacks.js';
import { isWildcardName } from '../_shared/limits.js';
import { nameLocation } from '../_shared/locations.js';
import { cooldownMode, cooldownsDisabled, routerCooldownSeconds } from '../_shared/settings.js';
import { nameList, toNumber } from '../_shared/values.js';
import type { DeploymentModel } from '../../../config/model.js';

const rule: Rule = {
  meta: {
    id: 'cooldowns/all-cooled-no-fallback',
    description: 'multi-deployment groups whose deployments can all be cooled down at once and that have no fallback (one finding per config)',
    severity: 'info',
    fixable: false,
    docs: 'docs/rules/cooldowns/all-cooled-no-fallback.md',
  },
  check({ model, report }) {
    if (cooldownsDisabled(model)) return;
    const mode = cooldownMode(model);
    const edges = fallbackEdges(model);
    const seconds = routerCooldownSeconds(model);
    const exposed: Array<[string, DeploymentModel[]]> = [];
    for (const [name, group] of model.groups) {
      if (group.length < 2 || isWildcardName(name)) continue;
      if (group.some((d) => toNumber(d.params.cooldown_time) === 0 || toNumber(d.info.cooldown_time) === 0)) continue;
      if (hasFallback(model, name, edges)) continue;
      exposed.push([name, group]);
    }
    if (exposed.length === 0) return;
    const names = exposed.map(([name]) => name);
    const trigger = mode.mode === 'count' ? `${mode.allowedFails + 1} failures of each deployment within ${seconds} s` : 'one rate-limit error (429) on each deployment';
    const what = exposed.length === 1 ? `group ${nameList(names)} has ${exposed[0][1].length} deployments and no fallback` : `${exposed.length} multi-deployment groups have no fallback (${nameList(names, 2)})`;
    report({
      at: nameLocation(model, exposed[0][1][0]),
      message: `${what}: ${trigger} ${mode.mode === 'count' ? 'cool' : 'cools'} them all, and for ${seconds} s ${exposed.length === 1 ? 'its' : 'their'} requests fail with "No deployments available". Add fallbacks (or default_fallbacks) if they must survive`,
    });
  },
};

export default rule;
