import rule from '../../../src/lint/rules/weights/all-zero.js';
import { ruleTester, yaml } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'one zero weight drains a deployment on purpose',
      code: yaml`
        model_list:
          - model_name: a
            litellm_params: {model: openai/gpt-4o, weight: 0}
          - model_name: a
            litellm_params: {model: azure/gpt-4o, weight: 1}
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
              weight: 0
          - model_name: a
            litellm_params:
              model: azure/gpt-4o-mini
              weight: 0.0
      `,
      errors: [
        { line: 5, column: 7, messageIncludes: 'Total of weights must be greater than zero' },
        { line: 9, column: 7 },
      ],
    },
  ],
});
