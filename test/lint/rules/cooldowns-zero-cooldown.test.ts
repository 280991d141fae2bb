import rule from '../../../src/lint/rules/cooldowns/zero-cooldown.js';
import { ruleTester, yaml } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
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
