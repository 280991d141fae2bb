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

// Two groups of two deployments each; `preCall` switches enable_pre_call_checks.
const twoByTwo = (a: [number, number], b: [number, number], preCall: boolean) => yaml`
  model_list:
    - {model_name: tools, litellm_params: {model: openai/t1}, model_info: {max_input_tokens: ${a[0]}}}
    - {model_name: tools, litellm_params: {model: openai/t2}, model_info: {max_input_tokens: ${a[1]}}}
    - {model_name: big, litellm_params: {model: openai/b1}, model_info: {max_input_tokens: ${b[0]}}}
    - {model_name: big, litellm_params: {model: openai/b2}, model_info: {max_input_tokens: ${b[1]}}}
  router_settings:
    enable_pre_call_checks: ${preCall}
    context_window_fallbacks:
      - tools: [big]
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
    // The repro: the smallest deployments tie (32k) but the target's 1M deployment takes the prompt.
    { name: 'pre-call checks: the largest target deployment decides', code: twoByTwo([32000, 128000], [32000, 1048576], true) },
    { name: 'no pre-call checks: a prompt over the smallest source window can fail; a larger target deployment helps', code: twoByTwo([32000, 128000], [64000, 64000], false) },
  ],
  invalid: [
    { code: config('context_window_fallbacks', 128000, 8000), errors: [{ line: 10, column: 13, severity: 'warning', messageIncludes: ["'small' takes at most 8k", 'ContextWindowExceededError'] }] },
    { name: 'same size does not help', code: config('context_window_fallbacks', 8000, 8000), errors: [{ line: 10, column: 13, messageIncludes: "prompts too long for 'big' fail again" }] },
    { name: 'generic fallback: info', code: config('fallbacks', 128000, 8000), errors: [{ line: 10, column: 13, severity: 'info', messageIncludes: ['takes at most 8k input tokens', 'longer prompts'] }] },
    { name: 'pre-call checks: every target deployment is below the largest source deployment', code: twoByTwo([32000, 128000], [64000, 64000], true), errors: [{ line: 9, column: 15, messageIncludes: ['its largest deployment takes 128k', 'takes at most 64k'] }] },
  ],
});
