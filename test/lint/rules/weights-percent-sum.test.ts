import rule from '../../../src/lint/rules/weights/percent-sum.js';
import { ruleTester, yaml } from '../rule-tester.js';

const group = (a: number, b: number) => yaml`
  model_list:
    - model_name: a
      litellm_params:
        model: openai/gpt-4o
        weight: ${a}
    - model_name: a
      litellm_params:
        model: azure/gpt-4o
        weight: ${b}
`;

ruleTester(rule, {
  valid: [
    { name: 'sums to 100', code: group(70, 30) },
    { name: 'small ratios are not percentages', code: group(2, 1) },
    { name: 'far from 100 by default', code: group(300, 100) },
  ],
  invalid: [
    { code: group(70, 40), errors: [{ line: 5, column: 7, messageIncludes: ['add up to 110', '70 → 63.6%', '40 → 36.4%'] }] },
    { name: 'tighter tolerance option still reports 95', code: group(60, 35), options: { tolerance: 5 }, errors: [{ line: 5, column: 7, messageIncludes: 'add up to 95' }] },
  ],
});
