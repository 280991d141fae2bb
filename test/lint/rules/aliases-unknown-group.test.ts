import rule from '../../../src/lint/rules/aliases/unknown-group.js';
import { ruleTester, yaml } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      code: yaml`
        model_list:
          - model_name: gpt-4o
            litellm_params: {model: openai/gpt-4o}
          - model_name: anthropic/*
            litellm_params: {model: anthropic/*}
        router_settings:
          model_group_alias:
            fast: gpt-4o
            claude: {model: anthropic/claude-3-5-haiku-20241022, hidden: true}
      `,
    },
  ],
  invalid: [
    {
      code: yaml`
        model_list:
          - model_name: gpt-4o
            litellm_params: {model: openai/gpt-4o}
        router_settings:
          model_group_alias:
            fast: gpt4o
            hidden-one: {model: missing, hidden: true}
      `,
      errors: [
        { line: 6, column: 11, messageIncludes: ["'fast' points at 'gpt4o'", "did you mean 'gpt-4o'?"] },
        { line: 7, column: 25, messageIncludes: 'every request for' },
      ],
    },
  ],
});
