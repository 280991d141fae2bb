import rule from '../../../src/lint/rules/settings/overridden.js';
import { ruleTester, yaml } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'same value in both', code: yaml`
        litellm_settings: {num_retries: 3}
        router_settings: {num_retries: 3}
      ` },
    {
      name: 'an empty router list counts as unset, so litellm_settings applies',
      code: yaml`
        model_list:
          - model_name: a
            litellm_params: {model: openai/gpt-4o}
          - model_name: b
            litellm_params: {model: openai/gpt-4o-mini}
        litellm_settings:
          fallbacks: [{a: [b]}]
        router_settings:
          fallbacks: []
      `,
    },
  ],
  invalid: [
    {
      code: yaml`
        litellm_settings:
          num_retries: 5
          request_timeout: 600
        router_settings:
          num_retries: 2
          timeout: 300
      `,
      errors: [
        { line: 2, column: 3, messageIncludes: 'router_settings.num_retries (2) overrides it' },
        { line: 3, column: 3, messageIncludes: 'router_settings.timeout (300)' },
      ],
    },
  ],
});
