import rule from '../../../src/lint/rules/cooldowns/all-cooled-no-fallback.js';
import { ruleTester, yaml } from '../rule-tester.js';

const two = yaml`
  model_list:
    - model_name: gpt-4o
      litellm_params:
        model: openai/gpt-4o
    - model_name: gpt-4o
      litellm_params:
        model: azure/gpt-4o
    - model_name: claude
      litellm_params:
        model: anthropic/claude-3-5-sonnet-20241022
`;

ruleTester(rule, {
  valid: [
    { name: 'fallback present', code: `${two}router_settings:\n  fallbacks: [{gpt-4o: [claude]}]\n` },
    { name: 'cooldowns disabled', code: `${two}router_settings:\n  disable_cooldowns: true\n` },
  ],
  invalid: [
    { code: two, errors: [{ line: 2, column: 5, severity: 'info', messageIncludes: ['one rate-limit error (429) on each of its 2 deployments', 'next 5 s'] }] },
    { name: 'count mode', code: `${two}router_settings:\n  allowed_fails: 2\n  cooldown_time: 60\n`, errors: [{ line: 2, column: 5, messageIncludes: '2 × 3 = 6 failures within 60 s' }] },
  ],
});
