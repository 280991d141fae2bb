// In count mode (Router.allowed_fails differs from litellm.allowed_fails, or allowed_fails_policy
// is set) cooldown has no single-deployment exemption (litellm/router_utils/cooldown_handlers.py::_should_cooldown_deployment; PR #8668): a lone
// deployment can be cooled, and its group is then empty until cooldown_time passes. Reported
// once per config, at the setting that switched to count mode, with the groups it exposes.
// Releases 1.44.26 to 1.61.17 never cooled a lone deployment in count mode (releases.ts rows
// single-deployment-never-cooled, single-deployment-count-mode-exempt), so the rule is silent there.
import type { Rule } from '../../types.js';
import { behaviourFlags } from '../../../routing/releases.js';
import { hasFallback, fallbackEdges } from '../_shared/fallbacks.js';
import { isWildcardName } from '../_shared/limits.js';
import { cooldownMode, cooldownsDisabled, routerCooldownSeconds } from '../_shared/settings.js';
import { nameList, toNumber } from '../_shared/values.js';

const rule: Rule = {
  meta: {
    id: 'cooldowns/single-deployment-no-fallback',
    description: 'count-mode cooldowns (allowed_fails or a policy in router_settings) with one-deployment groups that have no fallback',
    severity: 'warning',
    fixable: false,
    docs: 'docs/rules/cooldowns/single-deployment-no-fallback.md',
  },
  check({ model, report, release }) {
    if (cooldownsDisabled(model)) return;
    const has = behaviourFlags(release);
    if (has['single-deployment-never-cooled'] || has['single-deployment-count-mode-exempt']) return;
    const mode = cooldownMode(model);
    if (mode.mode !== 'count' || !mode.cause) return;
    const edges = fallbackEdges(model);
    const seconds = routerCooldownSeconds(model);
    const exposed: string[] = [];
    for (const [name, group] of model.groups) {
      if (group.length !== 1 || isWildcardName(name)) continue;
      const d = group[0];
      if (toNumber(d.params.cooldown_time) === 0 || toNumber(d.info.cooldown_time) === 0) continue;
      if (hasFallback(model, name, edges)) continue;
      exposed.push(name);
    }
    if (exposed.length === 0) return;
    const cause = mode.cause.key === 'allowed_fails' ? `${mode.cause.section}.allowed_fails: ${mode.allowedFails}` : `${mode.cause.section}.${mode.cause.key}`;
    const groups = exposed.length === 1 ? `group ${nameList(exposed)} has` : `${exposed.length} groups (${nameList(exposed, 2)}) have`;
    report({
      at: mode.cause.location,
      message: `${cause} turns on count-mode cooldowns, which also cool a lone deployment: ${groups} one and no fallback, so ${mode.allowedFails + 1} failures in ${seconds} s fail all their requests for ${seconds} s. Add fallbacks or a second deployment, or remove the setting`,
    });
  },
};

export default rule;
