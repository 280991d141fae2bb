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
  valid: [
    { code: config('router_settings: {enable_pre_call_checks: true}'), release: '1.80' },
    { name: '1.81 and later always apply order tiers', code: config('') },
    { name: 'the 2026 default release', code: config(''), release: '1.81.0' },
    {
      name: 'model_info.order is ignored before 1.81: no tiers to apply',
      code: yaml`
        model_list:
          - model_name: a
            litellm_params: {model: openai/gpt-4o}
            model_info: {order: 1}
          - model_name: a
            litellm_params: {model: azure/gpt-4o}
      `,
      release: '1.80',
    },
  ],
  invalid: [
    { code: config(''), release: '1.80', errors: [{ line: 5, column: 7, messageIncludes: ['LiteLLM 1.80.15 applies order only with enable_pre_call_checks', 'every tier shares the traffic', 'enable_pre_call_checks: true'] }] },
    { code: config(''), release: '2024', errors: [{ line: 5, column: 7, messageIncludes: 'LiteLLM 1.55.8' }] },
  ],
});
