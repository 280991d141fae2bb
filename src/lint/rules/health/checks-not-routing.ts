// Background health checks only feed /health; routing ignores them unless the 2026 opt-in
// enable_health_check_routing is set (LiteLLM perform_health_check in litellm/proxy/health_check.py; BerriAI/litellm#3202).
import type { Rule } from '../../types.js';
import { sectionLocation } from '../_shared/locations.js';
import { isTrue } from '../_shared/values.js';

const rule: Rule = {
  meta: {
    id: 'health/checks-not-routing',
    description: 'background health checks are on, but their results do not affect routing',
    severity: 'info',
    fixable: false,
    docs: 'docs/rules/health/checks-not-routing.md',
  },
  check({ model, report }) {
    if (!isTrue(model.generalSettings.background_health_checks)) return;
    if (isTrue(model.generalSettings.enable_health_check_routing) || isTrue(model.routerSettings.enable_health_check_routing)) return;
    report({
      at: sectionLocation(model, 'general_settings', 'background_health_checks')!,
      message: 'background_health_checks only report on /health: a deployment that fails its health check still gets traffic until real requests fail often enough to cool it down. To route around unhealthy deployments set enable_health_check_routing: true (LiteLLM 2026 and later)',
    });
  },
};

export default rule;
