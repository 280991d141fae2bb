import rule from '../../../src/lint/rules/weights/mixed-scale.js';
import { ruleTester, yaml } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      code: yaml`
        model_list:
          - model_name: a
            litellm_params: {model: openai/gpt-4o, weight: 0.7}
          - model_name: a
            litellm_params: {model: azure/gpt-4o, weight: 0.3}
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
              weight: 30
          - model_name: a
            litellm_params:
              model: azure/gpt-4o
              weight: 0.7
      `,
      errors: [{ line: 9, column: 7, messageIncludes: ['30 → 97.7%', '0.7 → 2.3%'] }],
    },
  ],
});
