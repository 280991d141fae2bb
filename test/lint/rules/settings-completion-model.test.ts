import rule from '../../../src/lint/rules/settings/completion-model.js';
import { ruleTester, yaml } from '../rule-tester.js';

const groups = yaml`
  model_list:
    - {model_name: gpt-5, litellm_params: {model: openai/gpt-5}}
    - {model_name: claude-sonnet, litellm_params: {model: anthropic/claude-sonnet-4-5}}
`;

ruleTester(rule, {
  valid: [
    { name: 'not set', code: groups },
    { name: 'the only group', code: 'model_list:\n  - {model_name: gpt-4o, litellm_params: {model: openai/gpt-4o}}\ngeneral_settings:\n  completion_model: gpt-4o\n' },
  ],
  invalid: [
    {
      // The repro miss-completion-model-override.
      name: 'an unknown group breaks every request',
      code: `${groups}general_settings:\n  completion_model: gpt-5.4\n`,
      errors: [{ line: 5, column: 21, severity: 'error', messageIncludes: ["completion_model 'gpt-5.4' is not a model group", "name an existing group (did you mean 'gpt-5'?)"] }],
    },
    {
      name: 'an existing group makes the others unreachable',
      code: `${groups}general_settings:\n  completion_model: gpt-5\n`,
      errors: [{ line: 5, column: 21, severity: 'warning', messageIncludes: "group 'claude-sonnet' can never be reached" }],
    },
    {
      name: 'models stored in the database: a warning',
      code: `${groups}general_settings:\n  store_model_in_db: true\n  completion_model: other\n`,
      errors: [{ line: 6, column: 21, severity: 'warning', messageIncludes: 'unless it is stored in the database' }],
    },
  ],
});
