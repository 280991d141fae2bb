// Under usage-based routing a 429 means a deployment hit its per-minute limit. LiteLLM retries
// at once while healthy deployments remain, then backs off 0.5 s, 1 s, … (LiteLLM Router._time_to_sleep_before_retry in litellm/router.py; _calculate_retry_after in litellm/utils.py), and
// retry_after 0 adds nothing: all retries are spent long before the minute window resets.
import type { Rule } from '../../types.js';
import { isUsageBased, routerNumber, routerSetting, strategyOf } from '../_shared/settings.js';
import { toNumber } from '../_shared/values.js';
import { sectionLocation } from '../_shared/locations.js';

const rule: Rule = {
  meta: {
    id: 'retries/no-backoff',
    description: 'usage-based routing with retries but retry_after 0: retries are spent within milliseconds of a 429',
    severity: 'warning',
    fixable: false,
    docs: 'docs/rules/retries/no-backoff.md',
  },
  check({ model, report }) {
    const strategy = strategyOf(model);
    if (!isUsageBased(strategy.name) || !strategy.location) return;
    const retries = routerNumber(model, 'num_retries').value;
    if (retries === null || retries <= 0) return;
    const retryAfter = model.routerSettings.retry_after;
    if (retryAfter !== undefined && retryAfter !== null && toNumber(retryAfter) !== 0) return;
    const explicit = retryAfter !== undefined && retryAfter !== null;
    const retriesSetting = routerSetting(model, 'num_retries');
    const at = explicit ? sectionLocation(model, 'router_settings', 'retry_after')! : (retriesSetting?.location ?? strategy.location);
    report({
      at,
      on: explicit || !retriesSetting ? 'value' : 'key',
      message: `${strategy.name} with ${retries} retries and retry_after ${explicit ? '0' : 'unset (0)'}: after a 429 LiteLLM retries immediately while any deployment is left, then waits only 0.5 s, 1 s, …, so a burst spends all ${retries} retries within about ${Math.min(0.5 * (2 ** retries - 1), 8 * retries)} s while the rpm/tpm limits reset only at the next minute. Set router_settings.retry_after to a few seconds, or add fallbacks`,
    });
  },
};

export default rule;
