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
const lone = (n: number) => Array.from({ length: n }, (_, i) => `  - {model_name: m${i}, litellm_params: {model: openai/m${i}}}\n`).join('');

ruleTester(rule, {
  valid: [
    { name: 'allowed_fails equal to the default keeps failure-rate mode', code: `${one}router_settings:\n  allowed_fails: 3\n` },
    { name: 'a fallback catches the cooled group', code: `${one}router_settings:\n  allowed_fails: 1\n  fallbacks: [{gpt-4o: [backup]}]\n` },
    { name: 'default fallbacks count', code: `${one}router_settings:\n  allowed_fails: 1\n  default_fallbacks: [backup]\n` },
    { name: 'cooldowns disabled', code: `${one}router_settings:\n  allowed_fails: 1\n  disable_cooldowns: true\n` },
    // The repro fp-allowed-fails-in-litellm-settings: Router.allowed_fails falls back to litellm.allowed_fails.
    { name: 'allowed_fails only in litellm_settings is the global itself: no count mode', code: `${one}litellm_settings:\n  allowed_fails: 5\n` },
    { name: 'router allowed_fails equal to the litellm_settings global', code: `${one}litellm_settings:\n  allowed_fails: 5\nrouter_settings:\n  allowed_fails: 5\n` },
    // 1.44.26–1.59.0: Router._is_cooldown_required never cooled a group of one; 1.59.1–1.61.17 count mode skipped it.
    { name: '1.55.8 never cools a lone deployment', release: '1.55.8', code: `${one}router_settings:\n  allowed_fails: 1\n` },
    { name: '1.61.17 count mode skips a lone deployment', release: '1.61.17', code: `${one}router_settings:\n  allowed_fails: 1\n` },
  ],
  invalid: [
    {
      code: `${one}router_settings:\n  allowed_fails: 1\n  cooldown_time: 30\n`,
      errors: [{ line: 12, column: 3, messageIncludes: ['router_settings.allowed_fails: 1', "group 'gpt-4o' has one and no fallback", '2 failures in 30 s fail all their requests for 30 s'] }],
    },
    {
      name: 'from 1.61.18 count mode cools a lone deployment',
      release: '1.61.18',
      code: `${one}router_settings:\n  allowed_fails: 1\n`,
      errors: [{ line: 12, column: 3, messageIncludes: "group 'gpt-4o' has one and no fallback" }],
    },
    {
      name: 'a policy switches to count mode too',
      code: `${one}router_settings:\n  allowed_fails_policy: {RateLimitErrorAllowedFails: 10}\n`,
      errors: [{ line: 12, column: 3, messageIncludes: 'router_settings.allowed_fails_policy' }],
    },
    {
      name: 'router allowed_fails differing from the litellm_settings global',
      code: `${one}litellm_settings:\n  allowed_fails: 5\nrouter_settings:\n  allowed_fails: 3\n`,
      errors: [{ line: 14, column: 3, messageIncludes: 'allowed_fails: 3' }],
    },
    {
      name: 'one finding per config, with the groups listed',
      code: `model_list:\n${lone(7)}router_settings:\n  allowed_fails: 1\n`,
      errors: [{ line: 10, column: 3, messageIncludes: "7 groups ('m0', 'm1' and 5 more)" }],
    },
  ],
});
