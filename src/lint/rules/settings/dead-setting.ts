// Settings LiteLLM accepts and never acts on where they are written:
// - rpm_limit/tpm_limit in litellm_params: deployment limits are rpm/tpm (litellm/types/router.py::
//   GenericLiteLLMParams, read by the strategies and Router._pre_call_checks); *_limit are key/
//   team/user budget fields, passed to the provider as unknown kwargs;
// - general_settings.health_check_interval without background_health_checks: the health-check
//   loop starts only when background_health_checks is true (litellm/proxy/proxy_server.py::
//   ProxyConfig.load_config);
// - router_settings.allowed_fails equal to litellm.allowed_fails: count-mode cooldowns start only
//   when they differ (litellm/router_utils/cooldown_handlers.py::_is_allowed_fails_set_on_router).
// - litellm_params.max_retries: the Router's default params carry max_retries: 0 and overwrite the
//   deployment's on every call (litellm/router.py::Router.__init__ `default_litellm_params.
//   setdefault("max_retries", 0)`, Router._update_kwargs_with_deployment, Router._acompletion
//   `{**data, **kwargs}`), and the SDK client takes the call's value (litellm/llms/openai/openai.py::
//   OpenAIChatCompletion._get_openai_client, _set_dynamic_params_on_client, added in 1.61.0);
//   before 1.61.0 the Router's cached OpenAI/Azure clients were built with it, so no finding there;
// - model_info.order before 1.81: _get_order_filtered_deployments read only litellm_params.order
//   (litellm/utils.py, read in 1.80.15); 1.81+ falls back to model_info.order (_get_deployment_order).
// All read in LiteLLM 1.80.15 (and 1.55.0 for health_check_interval and allowed_fails).
import type { Rule } from '../../types.js';
import { describeDeployment, sectionLocation } from '../_shared/locations.js';
import { globalAllowedFails, routerSetting } from '../_shared/settings.js';
import { isTrue, toNumber } from '../_shared/values.js';
import { behaviourFlags, compareReleases, formatRelease } from '../../../routing/releases.js';

/** First release whose SDK clients take the call's max_retries (the Router's 0). */
const MAX_RETRIES_OVERRIDDEN_SINCE = '1.61.0';

const LIMIT_KEYS: Readonly<Record<string, string>> = { rpm_limit: 'rpm', tpm_limit: 'tpm' };

const rule: Rule = {
  meta: {
    id: 'settings/dead-setting',
    description: 'a setting LiteLLM accepts but never acts on where it is written (rpm_limit or max_retries in litellm_params, model_info.order before 1.81, health_check_interval without background_health_checks, allowed_fails equal to the default)',
    severity: 'warning',
    fixable: false,
    docs: 'docs/rules/settings/dead-setting.md',
  },
  check({ model, report, release }) {
    const version = formatRelease(release);
    const maxRetriesDead = compareReleases(release, MAX_RETRIES_OVERRIDDEN_SINCE) >= 0;
    const infoOrderRead = behaviourFlags(release)['model-info-order'];
    for (const d of model.deployments) {
      if (maxRetriesDead && d.params.max_retries !== undefined) {
        report({
          at: model.below(d.location, 'litellm_params', 'max_retries'),
          message: `max_retries has no effect on ${describeDeployment(d)}: the Router sends max_retries: 0 with every call (its defaults override the deployment's) and retries num_retries times itself. Use num_retries here or in router_settings`,
        });
      }
      if (!infoOrderRead && d.info.order !== undefined && d.params.order === undefined) {
        report({
          at: model.below(d.location, 'model_info', 'order'),
          message: `model_info.order is ignored by LiteLLM ${version}: before 1.81 the order filter reads only litellm_params.order, so ${describeDeployment(d)} is in no priority tier. Move order into litellm_params`,
        });
      }
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
        message: `router_settings.allowed_fails: ${ownValue} equals litellm.allowed_fails, so LiteLLM never counts failures to ${ownValue} (it counts only when the two differ) and cools on 429s and failure rates instead. Remove it, or set another number or an allowed_fails_policy`,
      });
    }
  },
};

export default rule;
