import rule from '../../../src/lint/rules/weights/partial.js';
import { ruleTester, yaml } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'every deployment weighted',
      code: yaml`
        model_list:
          - model_name: a
            litellm_params: {model: openai/gpt-4o, weight: 2}
          - model_name: a
            litellm_params: {model: azure/gpt-4o, weight: 1}
      `,
    },
    {
      name: 'weights do not matter under latency-based routing',
      code: yaml`
        model_list:
          - model_name: a
            litellm_params: {model: openai/gpt-4o, weight: 2}
          - model_name: a
            litellm_params: {model: azure/gpt-4o}
        router_settings:
          routing_strategy: latency-based-routing
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
              weight: 3
          - model_name: a
            litellm_params:
              model: azure/gpt-4o
      `,
      errors: [{ line: 7, column: 5, messageIncludes: ['model_list[0] 100%', 'model_list[1] 0%', 'never gets traffic'] }],
    },
    {
      name: 'rpm used as weight, first deployment without',
      code: yaml`
        model_list:
          - model_name: a
            litellm_params:
              model: openai/gpt-4o
          - model_name: a
            litellm_params:
              model: azure/gpt-4o
            rpm: 100
      `,
      errors: [{ line: 3, column: 5, messageIncludes: ['weighs deployments by rpm', 'ignore the rpm values entirely'] }],
    },
  ],
});
