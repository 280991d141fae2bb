import rule from '../../../src/lint/rules/values/unreplaced-placeholder.js';
import { ruleTester, yaml } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'real values', code: 'model_list:\n  - {model_name: gpt-4o, litellm_params: {model: azure/prod-gpt-4o, api_key: os.environ/AZURE_API_KEY}}\n' },
    { name: 'chat-template tokens are not placeholders', code: 'model_list:\n  - model_name: m\n    litellm_params:\n      model: huggingface/m\n      stop: ["<|im_end|>", "</s>", "<s>"]\n' },
  ],
  invalid: [
    {
      // The repro miss-template-placeholders.
      name: 'placeholders in the model and in credentials',
      code: yaml`
        model_list:
          - model_name: gpt-4o
            litellm_params:
              model: azure/<your-azure-deployment-name>
          - model_name: claude
            litellm_params:
              model: bedrock/anthropic.claude-3-haiku-20240307-v1:0
              aws_access_key_id: "<replace_with_your_access_key>"
      `,
      errors: [
        { line: 4, column: 14, messageIncludes: ["'<your-azure-deployment-name>' is a template placeholder", 'sends model exactly as written'] },
        { line: 8, column: 26, messageIncludes: '<replace_with_your_access_key>' },
      ],
    },
  ],
});
