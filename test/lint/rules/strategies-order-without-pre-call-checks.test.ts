import rule from '../../../src/lint/rules/strategies/order-without-pre-call-checks.js';
import { ruleTester, yaml } from '../rule-tester.js';

const config = (extra: string) => yaml`
  model_list:
    - model_name: a
      litellm_params:
        model: openai/gpt-4o
        order: 1
    - model_name: a
      litellm_params:
        model: azure/gpt-4o
        order: 2
  ${extra}
`;

ruleTester(rule, {
  valid: [{ code: config('router_settings: {enable_pre_call_checks: true}') }],
  invalid: [
    { code: config(''), errors: [{ line: 5, column: 7, messageIncludes: ['every tier shares the traffic', 'enable_pre_call_checks: true'] }] },
    {
      name: 'order in model_info',
      code: yaml`
        model_list:
          - model_name: a
            litellm_params: {model: openai/gpt-4o}
            model_info: {order: 1}
          - model_name: a
            litellm_params: {model: azure/gpt-4o}
      `,
      errors: [{ line: 4, column: 18 }],
    },
  ],
});
