import rule from '../../../src/lint/rules/duplicates/model-info-id.js';
import { ruleTester, yaml } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    { code: yaml`
        model_list:
          - model_name: a
            litellm_params: {model: openai/gpt-4o}
            model_info: {id: one}
          - model_name: a
            litellm_params: {model: azure/gpt-4o}
            model_info: {id: two}
      ` },
  ],
  invalid: [
    {
      name: 'numbers and strings are the same id once stringified',
      code: yaml`
        model_list:
          - model_name: a
            litellm_params: {model: openai/gpt-4o}
            model_info: {id: "1"}
          - model_name: b
            litellm_params: {model: azure/gpt-4o}
            model_info:
              id: 1
      `,
      errors: [{ line: 8, column: 11, messageIncludes: ["model_info.id '1' is already used by model_list[0]"] }],
    },
  ],
});
