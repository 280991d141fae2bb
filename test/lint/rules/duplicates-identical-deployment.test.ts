import rule from '../../../src/lint/rules/duplicates/identical-deployment.js';
import { ruleTester, yaml } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'different params, or distinct ids',
      code: yaml`
        model_list:
          - model_name: a
            litellm_params: {model: openai/gpt-4o-mini, api_key: os.environ/KEY_1}
          - model_name: a
            litellm_params: {model: openai/gpt-4o-mini, api_key: os.environ/KEY_2}
          - model_name: b
            litellm_params: {model: openai/gpt-4o-mini}
            model_info: {id: b-1}
          - model_name: b
            litellm_params: {model: openai/gpt-4o-mini}
            model_info: {id: b-2}
      `,
    },
  ],
  invalid: [
    {
      code: yaml`
        model_list:
          - model_name: a
            litellm_params:
              model: openai/gpt-4o-mini
              api_key: os.environ/OPENAI_API_KEY
          - model_name: a
            litellm_params:
              api_key: os.environ/OPENAI_API_KEY
              model: openai/gpt-4o-mini
      `,
      errors: [{ line: 6, column: 5, messageIncludes: ['repeats model_list[0]', 'gives both one id', 'one cooldown and usage state'] }],
    },
  ],
});
