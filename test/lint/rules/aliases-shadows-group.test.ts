import rule from '../../../src/lint/rules/aliases/shadows-group.js';
import { ruleTester, yaml } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    { code: yaml`
        model_list:
          - model_name: gpt-4o
            litellm_params: {model: openai/gpt-4o}
        router_settings:
          model_group_alias: {gpt-4: gpt-4o}
      ` },
  ],
  invalid: [
    {
      code: yaml`
        model_list:
          - model_name: gpt-4o
            litellm_params: {model: openai/gpt-4o}
          - model_name: gpt-4
            litellm_params: {model: openai/gpt-4}
        router_settings:
          model_group_alias:
            gpt-4: gpt-4o
      `,
      errors: [{ line: 8, column: 5, messageIncludes: ["requests for 'gpt-4' go to 'gpt-4o'", 'never reached'] }],
    },
  ],
});
