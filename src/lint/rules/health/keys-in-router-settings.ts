// Health-check settings belong in general_settings (or model_info); the Router drops them from
// router_settings, so the checks keep their defaults (LiteLLM Router.__init__ in litellm/router.py; perform_health_check in litellm/proxy/health_check.py).
import type { Rule } from '../../types.js';
import { sectionLocation } from '../_shared/locations.js';
import { isTrue } from '../_shared/values.js';

/** Where each health-check key really lives. */
const HOME: Readonly<Record<string, string>> = {
  health_check_interval: 'general_settings.health_check_interval (default 300 s)',
  background_health_checks: 'general_settings.background_health_checks (default off)',
  health_check_details: 'general_settings.health_check_details',
  health_check_concurrency: 'general_settings.health_check_concurrency',
  use_shared_health_check: 'general_settings.use_shared_health_check',
  health_check_skip_disabled_background_models: 'general_settings.health_check_skip_disabled_background_models',
  health_check_timeout: 'model_info.health_check_timeout on each deployment (default 60 s)',
};

const rule: Rule = {
  meta: {
    id: 'health/keys-in-router-settings',
    description: 'health-check settings written in router_settings, where LiteLLM drops them',
    severity: 'warning',
    fixable: false,
    docs: 'docs/rules/health/keys-in-router-settings.md',
  },
  check({ model, report }) {
    const enabled = isTrue(model.generalSettings.background_health_checks);
    for (const key of Object.keys(model.routerSettings)) {
      const home = HOME[key];
      if (!home) continue;
      const effect =
        key === 'health_check_timeout'
          ? 'health checks keep the 60 s default timeout'
          : enabled
            ? 'the background health checks keep their defaults'
            : 'background health checks stay off (general_settings.background_health_checks is not true) and nothing here changes that';
      report({
        at: sectionLocation(model, 'router_settings', key)!,
        message: `router_settings.${key} is not a Router setting, so LiteLLM drops it and ${effect}; it belongs in ${home}`,
      });
    }
  },
};

export default rule;
