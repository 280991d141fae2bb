import rule from '../../../src/lint/rules/fallbacks/too-deep.js';
import { ruleTester } from '../rule-tester.js';

const models = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((n) => `  - model_name: ${n}\n    litellm_params: {model: openai/${n}}\n`).join('');

ruleTester(rule, {
  valid: [
    { name: 'five hops is the default limit', code: `model_list:\n${models}router_settings:\n  fallbacks:\n    - a: [b]\n    - b: [c]\n    - c: [d]\n    - d: [e]\n    - e: [f]\n` },
    // run_async_fallback checks the depth only when it enters a list: b and c are both tried.
    { name: 'every entry of an entered list is tried (max_fallbacks 1)', code: `model_list:\n${models}router_settings:\n  max_fallbacks: 1\n  fallbacks:\n    - a: [b, c]\n` },
    { name: 'a long list with a low max_fallbacks', code: `model_list:\n${models}router_settings:\n  max_fallbacks: 2\n  fallbacks:\n    - a: [b, c, d, e]\n` },
    // Before 1.61.5 every entry of a list runs at the list's depth + 1, so c (depth 1) still enters its list.
    { name: 'before 1.61.5 the second entry runs at depth 1', release: '1.57', code: `model_list:\n${models}router_settings:\n  max_fallbacks: 2\n  fallbacks:\n    - a: [b, c]\n    - c: [d]\n` },
    { name: 'the entered list of a fallback is within the budget', code: `model_list:\n${models}router_settings:\n  max_fallbacks: 2\n  fallbacks:\n    - a: [b]\n    - b: [c]\n` },
  ],
  invalid: [
    {
      name: 'six hops: the list of f is entered at depth 5',
      code: `model_list:\n${models}router_settings:\n  fallbacks:\n    - a: [b]\n    - b: [c]\n    - c: [d]\n    - d: [e]\n    - e: [f]\n    - f: [g]\n`,
      errors: [{ line: 23, column: 11, messageIncludes: ["request for 'a' reaches 'f' at fallback depth 5", 'a → b → c → d → e → f', 'with max_fallbacks 5', "never tries 'g'"] }],
    },
    {
      name: 'the second entry is called at depth 2, so its own list is cut at max_fallbacks 2',
      code: `model_list:\n${models}router_settings:\n  max_fallbacks: 2\n  fallbacks:\n    - a: [b, c]\n    - c: [d]\n`,
      errors: [{ line: 20, column: 11, messageIncludes: ["reaches 'c' at fallback depth 2 (a → c)", 'LiteLLM 1.61.5 and later', "never tries 'd' from its fallbacks", "fallbacks of 'a'"] }],
    },
  ],
});
