import rule from '../../../src/lint/rules/retries/no-backoff.js';
import { ruleTester, yaml } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    { code: yaml`
        router_settings:
          routing_strategy: usage-based-routing-v2
          retry_after: 5
      ` },
    { name: 'no retries', code: yaml`
        router_settings:
          routing_strategy: usage-based-routing-v2
          num_retries: 0
      ` },
    { name: 'not rate-limit driven', code: yaml`
        router_settings:
          routing_strategy: latency-based-routing
          num_retries: 3
      ` },
  ],
  invalid: [
    {
      name: 'default 2 retries, at the strategy',
      code: yaml`
        router_settings:
          routing_strategy: usage-based-routing-v2
      `,
      errors: [{ line: 2, column: 21, messageIncludes: ['2 retries', 'retry_after unset'] }],
    },
    {
      name: 'explicit num_retries',
      code: yaml`
        router_settings:
          routing_strategy: usage-based-routing
          num_retries: 5
      `,
      errors: [{ line: 3, column: 3, messageIncludes: ['5 retries', 'next minute'] }],
    },
    {
      name: 'explicit retry_after 0',
      code: yaml`
        router_settings:
          routing_strategy: usage-based-routing
          retry_after: 0
      `,
      errors: [{ line: 3, column: 16, messageIncludes: 'retry_after 0' }],
    },
  ],
});
