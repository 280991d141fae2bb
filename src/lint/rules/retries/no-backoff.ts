// How LiteLLM waits between retries (litellm/router.py::Router._time_to_sleep_before_retry and
// litellm/utils.py::_calculate_retry_after, read in 1.80.15): at once while the group has other
// healthy deployments; otherwise the provider's Retry-After header when it is 0-60 s, else an
// exponential backoff 0.5 s, 1 s, … raised to at least retry_after, then capped at 8 s
// (MAX_RETRY_DELAY), so retry_after cannot stretch one wait past 8 s.
// usage-based-routing-v2 puts `retry-after: 60` on its own "no deployments" 429
// (lowest_tpm_rpm_v2.py), but usage-based-routing (v1) raises RouterRateLimitError with no
// header: when every deployment is over its rpm/tpm, explicit retries run out within seconds,
// long before the per-minute limits reset.
import type { Rule } from '../../types.js';
import { hasAnyLimit } from '../_shared/limits.js';
import { backoffSeconds } from '../_shared/retries.js';
import { routerSetting, strategyOf } from '../_shared/settings.js';
import { toNumber } from '../_shared/values.js';
import { sectionLocation } from '../_shared/locations.js';

const rule: Rule = {
  meta: {
    id: 'retries/no-backoff',
    description: 'usage-based-routing (v1) with explicit retries: when every deployment is over its limit, the retries run out long before the limits reset',
    severity: 'warning',
    fixable: false,
    docs: 'docs/rules/retries/no-backoff.md',
  },
  check({ model, report }) {
    const strategy = strategyOf(model);
    if (strategy.name !== 'usage-based-routing' || !strategy.location) return;
    // Without a limit v1 never runs out of deployments, and LiteLLM's default retries are not the author's choice.
    if (!model.deployments.some((d) => hasAnyLimit(model, d))) return;
    const setting = routerSetting(model, 'num_retries');
    const retries = setting ? toNumber(setting.value) : null;
    if (!setting || retries === null || retries <= 0) return;
    const retryAfter = model.routerSettings.retry_after;
    const explicit = retryAfter !== undefined && retryAfter !== null;
    const floor = explicit ? toNumber(retryAfter) : 0;
    if (floor === null || backoffSeconds(retries, floor) >= 60) return;
    const waited = Math.round(backoffSeconds(retries, floor) * 10) / 10;
    report({
      at: explicit ? sectionLocation(model, 'router_settings', 'retry_after')! : setting.location,
      on: 'value',
      message: `usage-based-routing spends its ${retries} retries in about ${waited} s when a group is over its rpm/tpm: its own "No deployments available" error has no Retry-After, so LiteLLM backs off 0.5 s, 1 s, … while the limits reset only next minute. Use usage-based-routing-v2 (it asks for 60 s) or add fallbacks`,
    });
  },
};

export default rule;
