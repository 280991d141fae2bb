import rule from '../../../src/lint/rules/weights/ignored-by-strategy.js';
import { ruleTester, yaml } from '../rule-tester.js';

const config = (strategy: string) => yaml`
  model_list:
    - model_name: a
      litellm_params:
        model: openai/gpt-4o
        weight: 9
    - model_name: a
      litellm_params:
        model: azure/gpt-4o
        weight: 1
  router_settings:
    routing_strategy: ${strategy}
`;

ruleTester(rule, {
  valid: [{ code: config('simple-shuffle') }, { name: "gwcfg's weighted-round-robin reads weights", code: config('weighted-round-robin') }],
  invalid: [{ code: config('latency-based-routing'), errors: [{ line: 5, column: 7, messageIncludes: 'never reads weight' }] }],
});
