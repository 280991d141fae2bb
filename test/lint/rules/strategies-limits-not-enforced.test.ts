import rule from '../../../src/lint/rules/strategies/limits-not-enforced.js';
import { ruleTester, yaml } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'pre-call checks enforce rpm',
      code: yaml`
        model_list:
          - model_name: a
            litellm_params: {model: openai/gpt-4o, rpm: 60}
        router_settings:
          enable_pre_call_checks: true
      `,
    },
    {
      name: 'usage-based routing enforces them',
      code: yaml`
        model_list:
          - model_name: a
            litellm_params: {model: openai/gpt-4o, rpm: 60}
        router_settings:
          routing_strategy: usage-based-routing-v2
      `,
    },
  ],
  invalid: [
    {
      code: yaml`
        model_list:
          - model_name: a
            litellm_params:
              model: openai/gpt-4o
              rpm: 300
          - model_name: a
            litellm_params:
              model: azure/gpt-4o
              rpm: 100
      `,
      errors: [{ line: 5, column: 7, severity: 'info', messageIncludes: ['model_list[0] 75%', 'model_list[1] 25%', 'enable_pre_call_checks'] }],
    },
  ],
});
