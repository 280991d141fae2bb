import rule from '../../../src/lint/rules/health/checks-not-routing.js';
import { ruleTester, yaml } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    { code: yaml`
        general_settings:
          background_health_checks: true
          enable_health_check_routing: true
      ` },
    { name: 'checks off', code: yaml`
        general_settings:
          health_check_interval: 60
      ` },
  ],
  invalid: [
    {
      code: yaml`
        general_settings:
          background_health_checks: true
          health_check_interval: 60
      `,
      errors: [{ line: 2, column: 3, severity: 'info', messageIncludes: ['still gets traffic', 'enable_health_check_routing'] }],
    },
  ],
});
