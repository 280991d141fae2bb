import rule from '../../../src/lint/rules/retries/no-backoff.js';
import { ruleTester, yaml } from '../rule-tester.js';

const limited = `model_list:\n  - {model_name: m, litellm_params: {model: openai/gpt-4o, rpm: 60}}\n`;

ruleTester(rule, {
  valid: [
    { name: 'eight retries of at least 8 s span the minute', code: `${limited}router_settings:\n  routing_strategy: usage-based-routing\n  num_retries: 8\n  retry_after: 8\n` },
    { name: 'no retries', code: `${limited}router_settings:\n  routing_strategy: usage-based-routing\n  num_retries: 0\n` },
    { name: 'not rate-limit driven', code: `${limited}router_settings:\n  routing_strategy: latency-based-routing\n  num_retries: 3\n` },
    // The repro fp-retry-after-unset: LiteLLM's default retries, no limits.
    { name: 'default retries (num_retries not set)', code: yaml`
        model_list:
          - model_name: gpt-4.1
            litellm_params:
              model: openai/gpt-4.1
        router_settings:
          routing_strategy: usage-based-routing
      ` },
    { name: 'empty model_list', code: `model_list: []\nrouter_settings:\n  routing_strategy: usage-based-routing\n  num_retries: 3\n` },
    { name: 'no deployment has a limit: v1 never runs out', code: `model_list:\n  - {model_name: m, litellm_params: {model: openai/gpt-4o}}\nrouter_settings:\n  routing_strategy: usage-based-routing\n  num_retries: 3\n` },
    { name: 'v2: its no-deployments 429 carries retry-after 60', code: `${limited}router_settings:\n  routing_strategy: usage-based-routing-v2\n  num_retries: 3\n` },
  ],
  invalid: [
    {
      name: 'explicit num_retries, retry_after unset',
      code: `${limited}router_settings:\n  routing_strategy: usage-based-routing\n  num_retries: 5\n`,
      errors: [{ line: 5, column: 16, messageIncludes: ['spends its 5 retries in about 15.5 s', 'has no Retry-After'] }],
    },
    {
      name: 'num_retries from litellm_settings, retry_after 0',
      code: `${limited}litellm_settings:\n  num_retries: 2\nrouter_settings:\n  routing_strategy: usage-based-routing\n  retry_after: 0\n`,
      errors: [{ line: 7, column: 16, messageIncludes: 'about 1.5 s' }],
    },
    {
      name: 'retry_after above 8 s is capped at 8 s per wait',
      code: `${limited}router_settings:\n  routing_strategy: usage-based-routing\n  num_retries: 3\n  retry_after: 30\n`,
      errors: [{ line: 6, column: 16, messageIncludes: 'about 24 s' }],
    },
  ],
});
