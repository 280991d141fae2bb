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
const pairs = (n: number) => Array.from({ length: n * 2 }, (_, i) => `  - {model_name: g${i >> 1}, litellm_params: {model: openai/m${i}}}\n`).join('');

ruleTester(rule, {
  valid: [
    { name: 'fallback present', code: `${two}router_settings:\n  fallbacks: [{gpt-4o: [claude]}]\n` },
    { name: 'cooldowns disabled', code: `${two}router_settings:\n  disable_cooldowns: true\n` },
  ],
  invalid: [
    { code: two, errors: [{ line: 2, column: 5, severity: 'info', messageIncludes: ["group 'gpt-4o' has 2 deployments", 'one rate-limit error (429) on each deployment', 'for 5 s its requests fail'] }] },
    { name: 'count mode', code: `${two}router_settings:\n  allowed_fails: 2\n  cooldown_time: 60\n`, errors: [{ line: 2, column: 5, messageIncludes: '3 failures of each deployment within 60 s' }] },
    { name: 'one finding per config, groups listed', code: `model_list:\n${pairs(3)}`, errors: [{ line: 2, column: 6, messageIncludes: "3 multi-deployment groups have no fallback ('g0', 'g1' and 1 more)" }] },
  ],
});
