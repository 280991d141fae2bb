import rule from '../../../src/lint/rules/strategies/usage-based-without-limits.js';
import { ruleTester, yaml } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'limits at every placement LiteLLM reads (params, top level, model_info)',
      code: yaml`
        model_list:
          - model_name: a
            litellm_params: {model: openai/gpt-4o, rpm: 100}
          - model_name: a
            litellm_params: {model: azure/gpt-4o}
            tpm: 100000
          - model_name: a
            litellm_params: {model: azure/gpt-4o-2}
            model_info: {rpm: 50}
        router_settings:
          routing_strategy: usage-based-routing-v2
      `,
    },
    {
      name: 'a lone deployment has nothing to balance against',
      code: yaml`
        model_list:
          - model_name: a
            litellm_params: {model: openai/gpt-4o}
        router_settings:
          routing_strategy: usage-based-routing
      `,
    },
  ],
  invalid: [
    {
      code: yaml`
        model_list:
          - model_name: claude-3.5-sonnet
            litellm_params:
              model: anthropic/claude-3.5-sonnet-20241022
          - model_name: claude-3.5-sonnet
            litellm_params:
              model: bedrock/anthropic.claude-3-5-sonnet-20241022-v2:0
              rpm: 5000
        router_settings:
          routing_strategy: usage-based-routing
      `,
      errors: [{ line: 3, column: 5, messageIncludes: ['model_list[0]', 'unlimited'] }],
    },
  ],
});
