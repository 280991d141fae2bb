import rule from '../../../src/lint/rules/fallbacks/self-reference.js';
import { ruleTester, yaml } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      code: yaml`
        model_list:
          - model_name: gpt-4o
            litellm_params: {model: openai/gpt-4o}
          - model_name: haiku
            litellm_params: {model: anthropic/claude-3-5-haiku-20241022}
        router_settings:
          fallbacks:
            - gpt-4o: [haiku]
          default_fallbacks: [haiku]
      `,
    },
  ],
  invalid: [
    {
      code: yaml`
        model_list:
          - model_name: gpt-4o
            litellm_params:
              model: openai/gpt-4o
          - model_name: haiku
            litellm_params:
              model: anthropic/claude-3-5-haiku-20241022
        router_settings:
          fallbacks:
            - gpt-4o: ["haiku"]
            - haiku: ["haiku"]
      `,
      errors: [{ line: 11, column: 15, messageIncludes: ['falls back to itself', 'never tried'] }],
    },
  ],
});
