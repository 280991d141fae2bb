import rule from '../../../src/lint/rules/health/keys-in-router-settings.js';
import { ruleTester, yaml } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      code: yaml`
        general_settings:
          background_health_checks: true
          health_check_interval: 30
        router_settings:
          enable_health_check_routing: true
      `,
    },
  ],
  invalid: [
    {
      code: yaml`
        model_list:
          - model_name: a
            litellm_params:
              model: openai/gpt-4o-mini
        router_settings:
          health_check_interval: 30
          health_check_timeout: 5
          background_health_checks: true
      `,
      errors: [
        { line: 6, column: 3, messageIncludes: ['drops it', 'general_settings.health_check_interval'] },
        { line: 7, column: 3, messageIncludes: 'model_info.health_check_timeout' },
        { line: 8, column: 3, messageIncludes: 'general_settings.background_health_checks' },
      ],
    },
  ],
});
