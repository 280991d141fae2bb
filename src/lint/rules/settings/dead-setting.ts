// Settings LiteLLM accepts and never acts on where they are written:
// - rpm_limit/tpm_limit in litellm_params: deployment limits are rpm/tpm (litellm/types/router.py::
//   GenericLiteLLMParams, read by the strategies and Router._pre_call_checks); *_limit are key/
//   team/user budget fields, passed to the provider as unknown kwargs;
// - general_settings.health_check_interval without background_health_checks: the health-check
//   loop starts only when background_health_checks is true (litellm/proxy/proxy_server.py::
//   ProxyConfig.load_config);
// - router_settings.allowed_fails equal to litellm.allowed_fails: count-mode cooldowns start only
//   when they differ (litellm/router_utils/cooldown_handlers.py::_is_allowed_fails_set_on_router).
// All read in LiteLLM 1.80.15 (and 1.55.0 for the last two).
import type { Rule } from '../../types.js';
import { describeDeployment, sectionLocation } from '../_shared/locations.js';
import { globalAllowedFails, routerSetting } from '../_shared/settings.js';
import { isTrue, toNumber } from '../_shared/values.js';

const LIMIT_KEYS: Readonly<Record<string, string>> = { rpm_limit: 'rpm', tpm_limit: 'tpm' };

const rule: Rule = {
  meta: {
    id: 'settings/dead-setting',
    description: 'a setting LiteLLM accepts but never acts on where it is written (rpm_limit in litellm_params, health_check_interval without background_health_checks, allowed_fails equal to the default)',
    severity: 'warning',
    fixable: false,
    docs: 'docs/rules/settings/dead-setting.md',
  },
  check({ model, report }) {
    for (const d of model.deployments) {
      for (const [key, real] of Object.entries(LIMIT_KEYS)) {
        if (d.params[key] === undefined) continue;
        const also = d.params[real] !== undefined ? ` (this deployment's ${real} is the limit that applies)` : '';
        report({
          at: model.below(d.location, 'litellm_params', key),
          message: `${key} is not a deployment setting: LiteLLM limits deployments by ${real}${also} and passes ${key} on to the provider as an unknown parameter, so ${describeDeployment(d)} gets no ${real.toUpperCase()} limit from it. Rename it to ${real} (${key} belongs to keys, teams and users)`,
        });
      }
    }
    const interval = model.generalSettings.health_check_interval;
    if (interval !== undefined && interval !== null && !isTrue(model.generalSettings.background_health_checks)) {
      report({
        at: sectionLocation(model, 'general_settings', 'health_check_interval')!,
        message: 'health_check_interval has no effect: the proxy starts its background health-check loop only when general_settings.background_health_checks is true, so no deployment is checked on this interval. Set background_health_checks: true, or remove health_check_interval',
      });
    }
    const own = model.routerSettings.allowed_fails;
    const ownValue = own === undefined || own === null ? null : toNumber(own);
    if (ownValue !== null && ownValue === globalAllowedFails(model) && !routerSetting(model, 'allowed_fails_policy')) {
      report({
        at: sectionLocation(model, 'router_settings', 'allowed_fails')!,
        on: 'value',
        message: `router_settings.allowed_fails: ${ownValue} equals litellm.allowed_fails, so LiteLLM never counts failures to ${ownValue}: it counts per deployment only when the two differ, and otherwise cools deployments on 429s and failure rates. Remove it, or set another number or an allowed_fails_policy to cool after a count of failures`,
      });
    }
  },
};

export default rule;
