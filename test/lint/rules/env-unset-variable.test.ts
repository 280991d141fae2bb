import rule from '../../../src/lint/rules/env/unset-variable.js';
import { ruleTester, yaml } from '../rule-tester.js';

const config = yaml`
  environment_variables:
    LOCAL_BASE: http://localhost:8000
  model_list:
    - model_name: a
      litellm_params:
        model: openai/gpt-4o
        api_key: os.environ/OPENAI_API_KEY
        api_base: os.environ/LOCAL_BASE
  general_settings:
    master_key: os.environ/LITELLM_MASTER_KEY
`;

ruleTester(rule, {
  valid: [
    { name: 'not asked for: no environment given', code: config },
    { name: 'everything set (LOCAL_BASE by environment_variables)', code: config, env: { OPENAI_API_KEY: 'x', LITELLM_MASTER_KEY: 'y' } },
  ],
  invalid: [
    {
      code: config,
      env: { OPENAI_API_KEY: 'x' },
      errors: [{ line: 10, column: 15, messageIncludes: ['LITELLM_MASTER_KEY is not set', 'None', 'authentication errors'] }],
    },
    {
      name: 'empty environment',
      code: config,
      env: {},
      errors: [{ line: 7, column: 16, messageIncludes: 'OPENAI_API_KEY' }, { line: 10, column: 15 }],
    },
  ],
});
