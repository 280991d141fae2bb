import rule from '../../../src/lint/rules/weights/partial.js';
import { ruleTester, yaml } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    // Order tiers are picked from separately (litellm/utils.py::_get_order_filtered_deployments).
    { name: 'an unweighted last-resort tier is not a partial weighting', code: `model_list:\n  - {model_name: a, litellm_params: {model: openai/gpt-4o, weight: 2, order: 1}}\n  - {model_name: a, litellm_params: {model: azure/gpt-4o, weight: 1, order: 1}}\n  - {model_name: a, litellm_params: {model: ollama/llama3, order: 2}}\nrouter_settings:\n  enable_pre_call_checks: true\n` },
    { name: 'from 1.81 order tiers apply without pre-call checks', code: `model_list:\n  - {model_name: a, litellm_params: {model: openai/gpt-4o, weight: 2, order: 1}}\n  - {model_name: a, litellm_params: {model: azure/gpt-4o, weight: 1, order: 1}}\n  - {model_name: a, litellm_params: {model: ollama/llama3, order: 2}}\n` },
    { name: 'from 1.81 model_info.order makes a tier too', code: `model_list:\n  - {model_name: a, litellm_params: {model: openai/gpt-4o, weight: 2}, model_info: {order: 1}}\n  - {model_name: a, litellm_params: {model: azure/gpt-4o, weight: 1}, model_info: {order: 1}}\n  - {model_name: a, litellm_params: {model: ollama/llama3}, model_info: {order: 2}}\n` },
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
      name: 'before 1.81, without pre-call checks the order tiers do not apply, so the weights are partial',
      release: '1.80',
      code: `model_list:\n  - {model_name: a, litellm_params: {model: openai/gpt-4o, weight: 2, order: 1}}\n  - {model_name: a, litellm_params: {model: azure/gpt-4o, weight: 1, order: 1}}\n  - {model_name: a, litellm_params: {model: ollama/llama3, order: 2}}\n`,
      errors: [{ line: 4, column: 21, messageIncludes: "group 'a' weighs deployments by weight" }],
    },
    {
      name: 'before 1.81 model_info.order is ignored: one group, partial weights',
      release: '1.80',
      code: `model_list:\n  - {model_name: a, litellm_params: {model: openai/gpt-4o, weight: 2}, model_info: {order: 1}}\n  - {model_name: a, litellm_params: {model: azure/gpt-4o, weight: 1}, model_info: {order: 1}}\n  - {model_name: a, litellm_params: {model: ollama/llama3}, model_info: {order: 2}}\nrouter_settings:\n  enable_pre_call_checks: true\n`,
      errors: [{ line: 4, column: 21, messageIncludes: "group 'a' weighs deployments by weight" }],
    },
    {
      name: 'inside one tier a missing weight still counts as 0',
      code: `model_list:\n  - {model_name: a, litellm_params: {model: openai/gpt-4o, weight: 2, order: 1}}\n  - {model_name: a, litellm_params: {model: azure/gpt-4o, order: 1}}\nrouter_settings:\n  enable_pre_call_checks: true\n`,
      errors: [{ line: 3, column: 21, messageIncludes: "group 'a' (order 1 tier) weighs deployments by weight" }],
    },
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
      errors: [{ line: 3, column: 5, messageIncludes: ['weighs deployments by rpm', 'older releases pick uniformly'] }],
    },
  ],
});
