import rule from '../../../src/lint/rules/fallbacks/too-deep.js';
import { ruleTester } from '../rule-tester.js';

const models = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((n) => `  - model_name: ${n}\n    litellm_params: {model: openai/${n}}\n`).join('');

ruleTester(rule, {
  valid: [
    { name: 'five hops is the default limit', code: `model_list:\n${models}router_settings:\n  fallbacks:\n    - a: [b]\n    - b: [c]\n    - c: [d]\n    - d: [e]\n    - e: [f]\n` },
  ],
  invalid: [
    {
      name: 'six hops',
      code: `model_list:\n${models}router_settings:\n  fallbacks:\n    - a: [b]\n    - b: [c]\n    - c: [d]\n    - d: [e]\n    - e: [f]\n    - f: [g]\n`,
      errors: [{ line: 23, column: 11, messageIncludes: ["request for 'a' reaches fallback 'g' only as attempt 6", 'a → b → c → d → e → f → g', 'max_fallbacks is 5'] }],
    },
    {
      name: 'a long list with a lower max_fallbacks',
      code: `model_list:\n${models}router_settings:\n  max_fallbacks: 2\n  fallbacks:\n    - a: [b, c, d]\n`,
      errors: [{ line: 19, column: 17, messageIncludes: 'attempt 3' }],
    },
  ],
});
