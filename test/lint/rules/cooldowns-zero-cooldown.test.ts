import rule from '../../../src/lint/rules/cooldowns/zero-cooldown.js';
import { ruleTester, yaml } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'before 1.81 model_info.cooldown_time is not read', release: '1.80', code: `model_list:\n  - {model_name: a, litellm_params: {model: openai/gpt-4o}, model_info: {cooldown_time: 0}}\n` },
    // The repro fp-zero-cooldown-last-resort: the order-100 deployment only serves when the order-1 tier is unavailable.
    { name: 'a deliberate last-resort deployment (higher order tier)', code: `model_list:\n  - {model_name: fast, litellm_params: {model: groq/llama-3.1-8b-instant, order: 1}}\n  - {model_name: fast, litellm_params: {model: ollama/qwen3.5:9b, order: 100, cooldown_time: 0}}\nrouter_settings:\n  enable_pre_call_checks: true\n  allowed_fails: 2\n  cooldown_time: 60\n` },
    { name: 'from 1.81 order tiers apply without pre-call checks: a last resort', code: `model_list:\n  - {model_name: fast, litellm_params: {model: groq/llama-3.1-8b-instant, order: 1}}\n  - {model_name: fast, litellm_params: {model: ollama/qwen3.5:9b, order: 100, cooldown_time: 0}}\n` },
    { code: yaml`
        model_list:
          - model_name: a
            litellm_params: {model: openai/gpt-4o, cooldown_time: 10}
        router_settings:
          cooldown_time: 30
          disable_cooldowns: false
      ` },
  ],
  invalid: [
    { name: 'before 1.81, without pre-call checks every tier shares traffic', release: '1.80', code: `model_list:\n  - {model_name: fast, litellm_params: {model: groq/llama-3.1-8b-instant, order: 1}}\n  - {model_name: fast, litellm_params: {model: ollama/qwen3.5:9b, order: 100, cooldown_time: 0}}\n`, errors: [{ line: 3, column: 94, messageIncludes: 'model_list[1]' }] },
    { name: 'model_info.cooldown_time 0 disables cooldown from 1.81', code: `model_list:\n  - {model_name: a, litellm_params: {model: openai/gpt-4o}, model_info: {cooldown_time: 0}}\n`, errors: [{ line: 2, column: 89, messageIncludes: 'model_list[0]' }] },
    {
      code: yaml`
        model_list:
          - model_name: a
            litellm_params:
              model: openai/gpt-4o
              cooldown_time: 0
        router_settings:
          cooldown_time: 0
      `,
      errors: [
        { line: 5, column: 22, messageIncludes: ['disables cooldown for model_list[0]', 'keeps getting its share'] },
        { line: 7, column: 18, messageIncludes: ['`cooldown_time or 5`', 'disable_cooldowns: true'] },
      ],
    },
  ],
});
