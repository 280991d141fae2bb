import rule from '../../../src/lint/rules/retries/too-many.js';
import { ruleTester, yaml } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    { code: yaml`
        router_settings:
          num_retries: 5
          retry_policy: {RateLimitErrorRetries: 3}
      ` },
    { name: 'option raises the threshold', options: { max: 10 }, code: yaml`
        router_settings:
          num_retries: 8
      ` },
  ],
  invalid: [
    {
      code: yaml`
        model_list:
          - model_name: a
            litellm_params:
              model: openai/gpt-4o
              num_retries: 7
        litellm_settings:
          num_retries: 10
        router_settings:
          retry_policy:
            RateLimitErrorRetries: 20
      `,
      errors: [
        { line: 5, column: 20, messageIncludes: ['num_retries 7', 'up to 8 times'] },
        { line: 7, column: 16, messageIncludes: ['litellm_settings.num_retries is 10', 'up to 11 times', 'about 55.5 s'] },
        { line: 10, column: 28, messageIncludes: 'RateLimitErrorRetries is 20' },
      ],
    },
  ],
});
