import rule from '../../../src/lint/rules/strategies/single-deployment.js';
import { ruleTester, yaml } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'one group has two deployments',
      code: yaml`
        model_list:
          - model_name: a
            litellm_params: {model: openai/gpt-4o-mini}
          - model_name: a
            litellm_params: {model: azure/gpt-4o-mini}
          - model_name: b
            litellm_params: {model: openai/gpt-4o}
        router_settings:
          routing_strategy: least-busy
      `,
    },
    {
      name: 'default strategy',
      code: yaml`
        model_list:
          - model_name: a
            litellm_params: {model: openai/gpt-4o-mini}
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
          routing_strategy: latency-based-routing
      `,
      errors: [{ line: 6, column: 21, severity: 'info', messageIncludes: ["group 'a' has one deployment", 'nothing to choose'] }],
    },
  ],
});
