import rule from '../../../src/lint/rules/settings/dead-setting.js';
import { ruleTester, yaml } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'rpm/tpm are the deployment limits', code: 'model_list:\n  - {model_name: m, litellm_params: {model: openai/m, rpm: 60, tpm: 100000}}\n' },
    { name: 'general_settings without health_check_interval', code: 'general_settings:\n  master_key: os.environ/K\n' },
    { name: 'health_check_interval with background_health_checks', code: 'general_settings:\n  background_health_checks: true\n  health_check_interval: 30\n' },
    { name: 'allowed_fails different from the global switches to count mode', code: 'router_settings:\n  allowed_fails: 2\n' },
    { name: 'allowed_fails equal to the global, with a policy', code: 'router_settings:\n  allowed_fails: 3\n  allowed_fails_policy: {RateLimitErrorAllowedFails: 5}\n' },
    { name: 'allowed_fails in litellm_settings only (the global itself)', code: 'litellm_settings:\n  allowed_fails: 5\n' },
    { name: 'num_retries is the deployment retry setting', code: 'model_list:\n  - {model_name: m, litellm_params: {model: openai/m, num_retries: 3}}\n' },
    { name: 'before 1.61 the Router built OpenAI/Azure clients with max_retries', release: '1.55', code: 'model_list:\n  - {model_name: m, litellm_params: {model: openai/m, max_retries: 3}}\n' },
    { name: 'from 1.81 model_info.order is read', code: 'model_list:\n  - {model_name: m, litellm_params: {model: openai/m}, model_info: {order: 1}}\n' },
    { name: 'before 1.81 order in litellm_params', release: '1.80', code: 'model_list:\n  - {model_name: m, litellm_params: {model: openai/m, order: 1}}\n' },
  ],
  invalid: [
    {
      // The repro miss-litellm-params-rpm-limit.
      name: 'rpm_limit/tpm_limit in litellm_params',
      code: yaml`
        model_list:
          - model_name: base-mind
            litellm_params:
              model: openai/base-mind
              rpm_limit: 60
              tpm_limit: 100000
      `,
      errors: [
        { line: 5, column: 7, messageIncludes: ['rpm_limit is not a deployment setting', 'Rename it to rpm'] },
        { line: 6, column: 7, messageIncludes: 'Rename it to tpm' },
      ],
    },
    {
      // The repro miss-health-check-interval-only.
      name: 'health_check_interval without background_health_checks',
      code: 'general_settings:\n  master_key: os.environ/K\n  health_check_interval: 30\n',
      errors: [{ line: 3, column: 3, messageIncludes: 'background_health_checks is true' }],
    },
    {
      name: 'max_retries in litellm_params (the Router sends 0)',
      code: 'model_list:\n  - {model_name: m, litellm_params: {model: openai/m, max_retries: 3}}\n',
      errors: [{ line: 2, column: 55, messageIncludes: ['max_retries has no effect on model_list[0]', 'Use num_retries'] }],
    },
    {
      name: 'model_info.order before 1.81',
      release: '1.80',
      code: 'model_list:\n  - {model_name: m, litellm_params: {model: openai/m}, model_info: {order: 1}}\n',
      errors: [{ line: 2, column: 69, messageIncludes: ['model_info.order is ignored by LiteLLM 1.80.15', 'Move order into litellm_params'] }],
    },
    {
      name: 'allowed_fails equal to the default 3',
      code: 'router_settings:\n  allowed_fails: 3\n',
      errors: [{ line: 2, column: 18, messageIncludes: ['equals litellm.allowed_fails', 'never counts failures to 3'] }],
    },
    {
      name: 'allowed_fails equal to the litellm_settings global',
      code: 'litellm_settings:\n  allowed_fails: 5\nrouter_settings:\n  allowed_fails: 5\n',
      errors: [{ line: 4, column: 18, messageIncludes: 'allowed_fails: 5 equals' }],
    },
  ],
});
