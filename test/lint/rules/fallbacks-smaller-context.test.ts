import rule from '../../../src/lint/rules/fallbacks/smaller-context.js';
import { ruleTester, yaml } from '../rule-tester.js';

const config = (kind: string, a: number, b: number) => yaml`
  model_list:
    - model_name: big
      litellm_params: {model: openai/big}
      model_info: {max_input_tokens: ${a}}
    - model_name: small
      litellm_params: {model: openai/small}
      model_info: {max_input_tokens: ${b}}
  router_settings:
    ${kind}:
      - big: [small]
`;

ruleTester(rule, {
  valid: [
    { name: 'larger fallback', code: config('context_window_fallbacks', 8000, 128000) },
    { name: 'unknown context sizes are not guessed', code: yaml`
        model_list:
          - model_name: big
            litellm_params: {model: openai/my-own-a}
          - model_name: small
            litellm_params: {model: openai/my-own-b}
        router_settings:
          fallbacks: [{big: [small]}]
      ` },
  ],
  invalid: [
    { code: config('context_window_fallbacks', 128000, 8000), errors: [{ line: 10, column: 13, severity: 'warning', messageIncludes: ['fewer (8k)', 'ContextWindowExceededError'] }] },
    { name: 'same size does not help', code: config('context_window_fallbacks', 8000, 8000), errors: [{ line: 10, column: 13, messageIncludes: 'the same' }] },
    { name: 'generic fallback: info', code: config('fallbacks', 128000, 8000), errors: [{ line: 10, column: 13, severity: 'info', messageIncludes: 'prompts over 8k tokens' }] },
  ],
});
