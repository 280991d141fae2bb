import rule from '../../../src/lint/rules/strategies/cost-based-unpriced.js';
import { ruleTester, yaml } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: "priced in litellm_params, model_info under an unmapped name, and LiteLLM's map by the exact model name",
      code: yaml`
        model_list:
          - model_name: local
            litellm_params:
              model: openai/my-finetuned-mistral
              input_cost_per_token: 0.0000002
              output_cost_per_token: 0.0000006
          - model_name: local
            litellm_params:
              model: azure/my-deployment
            model_info:
              input_cost_per_token: 0.0000002
              output_cost_per_token: 0.0000006
          - model_name: local
            litellm_params:
              model: gpt-4o-mini
          - model_name: local
            litellm_params:
              model: deepseek/deepseek-chat
        router_settings:
          routing_strategy: cost-based-routing
      `,
    },
    {
      name: 'other strategies do not price',
      code: yaml`
        model_list:
          - model_name: local
            litellm_params: {model: openai/my-finetuned-mistral}
          - model_name: local
            litellm_params: {model: openai/gpt-4o-mini}
      `,
    },
  ],
  invalid: [
    {
      code: yaml`
        model_list:
          - model_name: local
            litellm_params:
              model: openai/my-finetuned-mistral
              api_base: http://10.0.0.5:8000/v1
          - model_name: local
            litellm_params:
              model: gpt-4o-mini
        router_settings:
          routing_strategy: cost-based-routing
      `,
      errors: [{ line: 3, column: 5, messageIncludes: ['has no price', 'serves only when every priced deployment'] }],
    },
    {
      name: 'LiteLLM lowest_cost (main 2026-07) looks the exact model name up: openai/gpt-4o-mini and an Azure base_model are unpriced',
      code: yaml`
        model_list:
          - model_name: local
            litellm_params: {model: gpt-4o}
          - model_name: local
            litellm_params: {model: openai/gpt-4o-mini}
          - model_name: local
            litellm_params: {model: azure/my-deployment}
            model_info: {base_model: azure/gpt-4o-mini}
        router_settings:
          routing_strategy: cost-based-routing
      `,
      errors: [
        { line: 5, column: 5, messageIncludes: ["model_list[1] (openai/gpt-4o-mini) has no price", 'no model-map key spelt exactly so'] },
        { line: 7, column: 5 },
      ],
    },
    {
      name: 'nothing priced: ties go to the first',
      code: yaml`
        model_list:
          - model_name: local
            litellm_params: {model: openai/model-x-unknown}
          - model_name: local
            litellm_params: {model: openai/model-y-unknown}
        router_settings:
          routing_strategy: cost-based-routing
      `,
      errors: [
        { line: 3, column: 5, messageIncludes: 'the first healthy one takes every request' },
        { line: 5, column: 5 },
      ],
    },
  ],
});
