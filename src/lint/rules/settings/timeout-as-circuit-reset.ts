// router_settings.timeout is LiteLLM's per-request timeout, not a circuit-breaker reset time
// (LiteLLM Router.__init__ in litellm/router.py); written next to circuit-breaker keys it is almost always meant as a reset.
import type { Rule } from '../../types.js';
import { sectionLocation } from '../_shared/locations.js';
import { toNumber } from '../_shared/values.js';

const BREAKER_KEYS = ['enable_circuit_breaker', 'failure_threshold', 'success_threshold'];

const rule: Rule = {
  meta: {
    id: 'settings/timeout-as-circuit-reset',
    description: '`timeout` next to circuit-breaker settings: in LiteLLM it is the request timeout, not a reset time',
    severity: 'warning',
    fixable: false,
    docs: 'docs/rules/settings/timeout-as-circuit-reset.md',
    options: {
      type: 'object',
      properties: { maxSeconds: { type: 'number', minimum: 0, description: 'timeouts at or below this many seconds are reported' } },
      additionalProperties: false,
    },
    defaults: { maxSeconds: 600 },
  },
  check({ model, report, options }) {
    const rs = model.routerSettings;
    if (!BREAKER_KEYS.some((k) => k in rs)) return;
    const timeout = toNumber(rs.timeout);
    const max = typeof options.maxSeconds === 'number' ? options.maxSeconds : 600;
    if (timeout === null || timeout > max) return;
    report({
      at: sectionLocation(model, 'router_settings', 'timeout')!,
      message: `router_settings.timeout is LiteLLM's request timeout, not a circuit-breaker reset: every LLM call running longer than ${timeout} s is cancelled with a Timeout error (408), retried and counted toward cooldown (the default is 6000 s). The time a failing deployment stays out is cooldown_time`,
    });
  },
};

export default rule;
