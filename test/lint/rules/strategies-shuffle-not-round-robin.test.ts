import rule from '../../../src/lint/rules/strategies/shuffle-not-round-robin.js';
import { ruleTester, yaml } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'weighted groups are not claimed as rotation',
      code: yaml`
        model_list:
          - model_name: a
            litellm_params: {model: openai/gpt-4o, weight: 3}
          - model_name: a
            litellm_params: {model: azure/gpt-4o, weight: 1}
        router_settings:
          routing_strategy: simple-shuffle
      `,
    },
    {
      name: 'strategy left at its default',
      code: yaml`
        model_list:
          - model_name: a
            litellm_params: {model: openai/gpt-4o}
          - model_name: a
            litellm_params: {model: azure/gpt-4o}
      `,
    },
  ],
  invalid: [
    {
      code: yaml`
        model_list:
          - model_name: a
            litellm_params: {model: openai/gpt-4o}
          - model_name: a
            litellm_params: {model: azure/gpt-4o}
          - model_name: a
            litellm_params: {model: bedrock/gpt-4o}
        router_settings:
          routing_strategy: "simple-shuffle" # Round-robin
      `,
      errors: [{ line: 9, column: 21, severity: 'info', messageIncludes: ['at random', '33.3%', 'not in rotation'] }],
    },
  ],
});
