// cooldown_time 0 means two different things (LiteLLM _set_cooldown_deployments in litellm/router_utils/cooldown_handlers.py): router-level 0 becomes the 5 s
// default (`cooldown_time or 5`); a deployment-level 0 disables cooldown for that deployment.
import type { Rule } from '../../types.js';
import { describeDeployment } from '../_shared/locations.js';
import { sectionLocation } from '../_shared/locations.js';
import { toNumber } from '../_shared/values.js';
import { tiers } from '../_shared/tiers.js';
import { behaviourFlags } from '../../../routing/releases.js';

const rule: Rule = {
  meta: {
    id: 'cooldowns/zero-cooldown',
    description: 'cooldown_time: 0 — ignored at router level (becomes 5 s), disables cooldown per deployment',
    severity: 'warning',
    fixable: false,
    docs: 'docs/rules/cooldowns/zero-cooldown.md',
  },
  check({ model, report, release }) {
    if (toNumber(model.routerSettings.cooldown_time) === 0) {
      report({
        at: sectionLocation(model, 'router_settings', 'cooldown_time')!,
        on: 'value',
        message: 'router_settings.cooldown_time: 0 does not turn cooldowns off: LiteLLM reads it as `cooldown_time or 5`, so failing deployments are still cooled for 5 s. Use disable_cooldowns: true to turn them off, or a positive number of seconds',
      });
    }
    // A last-resort deployment (a higher order tier) gets traffic only when every lower tier is
    // unavailable: it has no share to keep, and exempting it from cooldown is deliberate.
    const lastResort = new Set(tiers(model, release).filter((t) => t.tiered && !t.first).flatMap((t) => t.deployments));
    for (const d of model.deployments) {
      if (lastResort.has(d)) continue;
      // model_info.cooldown_time is read only from 1.81 (releases.ts deployment-cooldown-policy).
      const paths = behaviourFlags(release)['deployment-cooldown-policy'] ? [['litellm_params', 'cooldown_time'], ['model_info', 'cooldown_time']] : [['litellm_params', 'cooldown_time']];
      for (const path of paths) {
        const dict = path[0] === 'litellm_params' ? d.params : d.info;
        if (toNumber(dict.cooldown_time) !== 0) continue;
        report({
          at: model.below(d.location, ...path),
          on: 'value',
          message: `cooldown_time: 0 disables cooldown for ${describeDeployment(d)}: when it fails (429s, 5xx, auth errors) it keeps getting its share of traffic and retries can pick it again, so those requests fail too. Remove it to use the router's cooldown, or set a positive number of seconds`,
        });
      }
    }
  },
};

export default rule;
