import rule from '../../../src/lint/rules/settings/timeout-as-circuit-reset.js';
import { ruleTester, yaml } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'a plain request timeout', code: yaml`
        router_settings:
          timeout: 120
      ` },
    { name: 'long enough not to cut requests', code: yaml`
        router_settings:
          enable_circuit_breaker: true
          timeout: 900
      ` },
  ],
  invalid: [
    {
      code: yaml`
        router_settings:
          enable_circuit_breaker: true
          failure_threshold: 10
          success_threshold: 3
          timeout: 120
      `,
      errors: [{ line: 5, column: 3, messageIncludes: ['longer than 120 s is cancelled', 'cooldown_time'] }],
    },
    {
      name: 'threshold option',
      options: { maxSeconds: 1000 },
      code: yaml`
        router_settings:
          failure_threshold: 10
          timeout: 900
      `,
      errors: [{ line: 3, column: 3 }],
    },
  ],
});
