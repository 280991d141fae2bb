import rule from '../../../src/lint/rules/cooldowns/single-deployment-no-fallback.js';
import { ruleTester, yaml } from '../rule-tester.js';

const one = yaml`
  model_list:
    - model_name: gpt-4o
      litellm_params:
        model: openai/gpt-4o
    - model_name: backup
      litellm_params:
        model: azure/gpt-4o
    - model_name: backup
      litellm_params:
        model: azure/gpt-4o-eu
`;

ruleTester(rule, {
  valid: [
    { name: 'percentage mode exempts single deployments', code: `${one}router_settings:\n  allowed_fails: 3\n` },
    { name: 'a fallback catches the cooled group', code: `${one}router_settings:\n  allowed_fails: 1\n  fallbacks: [{gpt-4o: [backup]}]\n` },
    { name: 'default fallbacks count', code: `${one}router_settings:\n  allowed_fails: 1\n  default_fallbacks: [backup]\n` },
    { name: 'cooldowns disabled', code: `${one}router_settings:\n  allowed_fails: 1\n  disable_cooldowns: true\n` },
  ],
  invalid: [
    {
      code: `${one}router_settings:\n  allowed_fails: 1\n  cooldown_time: 30\n`,
      errors: [{ line: 2, column: 5, messageIncludes: ['allowed_fails: 1', 'after 2 failures within 30 s', 'cooled for 30 s', 'No deployments available'] }],
    },
    {
      name: 'a policy switches to count mode too (litellm_settings allowed_fails counts)',
      code: `${one}router_settings:\n  allowed_fails_policy: {RateLimitErrorAllowedFails: 10}\n`,
      errors: [{ line: 2, column: 5, messageIncludes: 'allowed_fails_policy' }],
    },
  ],
});
