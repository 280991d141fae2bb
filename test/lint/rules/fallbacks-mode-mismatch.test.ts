import rule from '../../../src/lint/rules/fallbacks/mode-mismatch.js';
import { ruleTester, yaml } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      code: yaml`
        model_list:
          - model_name: embed
            litellm_params: {model: openai/text-embedding-3-small}
            model_info: {mode: embedding}
          - model_name: embed-backup
            litellm_params: {model: azure/text-embedding-3-small}
            model_info: {mode: embedding}
        router_settings:
          fallbacks: [{embed: [embed-backup]}]
      `,
    },
  ],
  invalid: [
    {
      code: yaml`
        model_list:
          - model_name: gpt-4o
            litellm_params: {model: openai/gpt-4o}
          - model_name: embed
            litellm_params: {model: openai/text-embedding-3-small}
            model_info: {mode: embedding}
        router_settings:
          fallbacks:
            - gpt-4o: [embed]
      `,
      errors: [{ line: 9, column: 16, messageIncludes: ["'gpt-4o' serves chat", "'embed' is embedding"] }],
    },
    {
      name: 'default fallback of another mode',
      code: yaml`
        model_list:
          - model_name: gpt-4o
            litellm_params: {model: openai/gpt-4o}
          - model_name: embed
            litellm_params: {model: openai/text-embedding-3-small}
            model_info: {mode: embedding}
        router_settings:
          default_fallbacks: [embed]
      `,
      errors: [{ line: 8, column: 23 }],
    },
  ],
});
