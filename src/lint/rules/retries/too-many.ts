// Every retry re-runs selection and waits a backoff (0.5 s doubling, capped at 8 s; LiteLLM Router.async_function_with_retries and Router._time_to_sleep_before_retry in litellm/router.py),
// so a high num_retries multiplies load on failing providers and delays the error.
import type { Rule } from '../../types.js';
import { describeDeployment, sectionLocation } from '../_shared/locations.js';
import { routerSetting } from '../_shared/settings.js';
import { asDict, toNumber } from '../_shared/values.js';
import { backoffSeconds } from '../_shared/retries.js';

const rule: Rule = {
  meta: {
    id: 'retries/too-many',
    description: 'num_retries (or a retry_policy count) above a sane maximum',
    severity: 'warning',
    fixable: false,
    docs: 'docs/rules/retries/too-many.md',
    options: {
      type: 'object',
      properties: { max: { type: 'integer', minimum: 0, description: 'largest retry count not reported' } },
      additionalProperties: false,
    },
    defaults: { max: 5 },
  },
  check({ model, report, options }) {
    const max = typeof options.max === 'number' ? options.max : 5;
    const say = (n: number) =>
      `a failing request is sent up to ${n + 1} times before fallbacks, multiplying an outage's load ${n + 1}× and, with no healthy deployment left, making the client wait about ${backoffSeconds(n)} s for the error. Keep it at ${max} or less (LiteLLM's default is 2) and use fallbacks`;
    const setting = routerSetting(model, 'num_retries');
    const n = setting ? toNumber(setting.value) : null;
    if (setting && n !== null && n > max) report({ at: setting.location, on: 'value', message: `${setting.section}.${setting.key} is ${n}: ${say(n)}` });
    const policies: Array<[Record<string, unknown> | null, (string | number)[]]> = [[asDict(model.routerSettings.retry_policy), ['retry_policy']]];
    for (const [group, p] of Object.entries(asDict(model.routerSettings.model_group_retry_policy) ?? {})) policies.push([asDict(p), ['model_group_retry_policy', group]]);
    for (const [policy, path] of policies) {
      for (const [name, v] of Object.entries(policy ?? {})) {
        const count = toNumber(v);
        if (count === null || count <= max) continue;
        report({ at: sectionLocation(model, 'router_settings', ...path, name)!, on: 'value', message: `${name} is ${count}: for that error type ${say(count)}` });
      }
    }
    for (const d of model.deployments) {
      const count = toNumber(d.params.num_retries);
      if (count !== null && count > max) report({ at: model.below(d.location, 'litellm_params', 'num_retries'), on: 'value', message: `${describeDeployment(d)} sets num_retries ${count}: after it fails, ${say(count)}` });
    }
  },
};

export default rule;
