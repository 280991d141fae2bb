import rule from '../../../src/lint/rules/fallbacks/unknown-group.js';
import { ruleTester, yaml } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'targets by model_name, wildcard group, model_info.id and alias',
      code: yaml`
        model_list:
          - model_name: gpt-4o
            litellm_params: {model: openai/gpt-4o}
          - model_name: openai/*
            litellm_params: {model: openai/*}
          - model_name: backup
            litellm_params: {model: azure/gpt-4o}
            model_info: {id: azure-east}
        router_settings:
          model_group_alias: {fast: gpt-4o}
          fallbacks:
            - gpt-4o: [openai/gpt-4o-mini, azure-east, fast]
          default_fallbacks: [backup]
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
        router_settings:
          fallbacks: [{"gpt-4o": ["claude-3-haiku"]}]
      `,
      errors: [{ line: 6, column: 27, messageIncludes: ["'claude-3-haiku' is not a model_name", "when 'gpt-4o' fails"] }],
    },
    {
      name: 'typo in target and in the entry key, litellm_settings fallbacks',
      code: yaml`
        model_list:
          - model_name: gpt-4o
            litellm_params: {model: openai/gpt-4o}
          - model_name: claude-haiku
            litellm_params: {model: anthropic/claude-3-5-haiku-20241022}
        litellm_settings:
          fallbacks:
            - gpt-4o: [claude-haiku]
            - gpt4o-mini: [claude-haikuu]
      `,
      errors: [
        { line: 9, column: 7, severity: 'warning', messageIncludes: 'never applies' },
        { line: 9, column: 20, severity: 'error', messageIncludes: "did you mean 'claude-haiku'?" },
      ],
    },
    {
      name: 'models may live in the database: warning',
      code: yaml`
        general_settings:
          store_model_in_db: true
        router_settings:
          default_fallbacks: [gpt-4o]
      `,
      errors: [{ line: 4, column: 23, severity: 'warning', messageIncludes: 'store_model_in_db' }],
    },
  ],
});
