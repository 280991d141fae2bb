import rule from '../../../src/lint/rules/env/shell-style-reference.js';
import { ruleTester, yaml } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'os.environ references', code: yaml`
        environment_variables:
          OPENAI_API_KEY: os.environ/OPENAI_API_KEY
        model_list:
          - model_name: chat
            litellm_params:
              model: openai/gpt-4o
              api_key: os.environ/OPENAI_API_KEY
        general_settings:
          master_key: os.environ/LITELLM_MASTER_KEY
      ` },
    { name: 'a dollar sign inside other text is not a reference', code: yaml`
        model_list:
          - model_name: chat
            litellm_params:
              model: openai/gpt-4o
              api_key: os.environ/KEY
              metadata: {note: "costs $5 per 1M tokens"}
      ` },
  ],
  invalid: [
    {
      // The repro miss-shell-style-env-refs.
      name: 'environment_variables, litellm_params and master_key',
      code: yaml`
        environment_variables:
          OPENAI_API_KEY: \${OPENAI_API_KEY}
        model_list:
          - model_name: claude
            litellm_params:
              model: bedrock/anthropic.claude-3-haiku-20240307-v1:0
              aws_region_name: $AWS_REGION
        general_settings:
          master_key: "\${LITELLM_MASTER_KEY:-sk-local}"
      `,
      errors: [
        { line: 2, column: 19, messageIncludes: ['is not expanded', 'OPENAI_API_KEY is overwritten with the literal text', 'Remove the entry'] },
        { line: 7, column: 24, messageIncludes: ["'$AWS_REGION' is not expanded", 'passes the text itself as aws_region_name', 'os.environ/AWS_REGION'] },
        { line: 9, column: 15, messageIncludes: ["the proxy's admin key is that literal text", 'os.environ/LITELLM_MASTER_KEY'] },
      ],
      output: yaml`
        environment_variables:
          OPENAI_API_KEY: \${OPENAI_API_KEY}
        model_list:
          - model_name: claude
            litellm_params:
              model: bedrock/anthropic.claude-3-haiku-20240307-v1:0
              aws_region_name: os.environ/AWS_REGION
        general_settings:
          master_key: os.environ/LITELLM_MASTER_KEY
      `,
    },
    {
      name: 'a reference inside a longer value (reported, not fixed)',
      code: yaml`
        model_list:
          - model_name: chat
            litellm_params:
              model: openai/gpt-4o
              api_base: https://\${VLLM_HOST}/v1
      `,
      errors: [{ line: 5, column: 17, messageIncludes: 'the ${VLLM_HOST} in this value is not expanded' }],
      output: null,
    },
  ],
});
