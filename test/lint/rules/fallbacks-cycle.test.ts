import rule from '../../../src/lint/rules/fallbacks/cycle.js';
import { ruleTester, yaml } from '../rule-tester.js';

const models = yaml`
  model_list:
    - model_name: a
      litellm_params: {model: openai/gpt-4o}
    - model_name: b
      litellm_params: {model: azure/gpt-4o}
    - model_name: c
      litellm_params: {model: anthropic/claude-3-5-haiku-20241022}
`;

ruleTester(rule, {
  valid: [
    { name: 'a chain that ends', code: `${models}router_settings:\n  fallbacks:\n    - a: [b]\n    - b: [c]\n` },
    { name: 'one default target', code: `${models}router_settings:\n  default_fallbacks: [c]\n` },
  ],
  invalid: [
    {
      name: 'three-group loop, reported once',
      code: `${models}router_settings:\n  fallbacks:\n    - a: [b]\n    - b: [c]\n    - c: [a]\n`,
      errors: [{ line: 12, column: 11, messageIncludes: 'a → b → c → a' }],
    },
    {
      name: 'two default targets fall back to each other',
      code: `${models}router_settings:\n  default_fallbacks: [b, c]\n`,
      errors: [{ line: 9, column: 23, messageIncludes: ['b → c → b', 'default_fallbacks'] }],
    },
    {
      name: 'separate loops per kind',
      code: `${models}router_settings:\n  context_window_fallbacks:\n    - a: [b]\n    - b: [a]\n`,
      errors: [{ line: 11, column: 11, messageIncludes: 'context_window_fallbacks: a → b → a' }],
    },
  ],
});
