import rule from '../../../src/lint/rules/weights/outside-litellm-params.js';
import { it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from 'yaml';
import { applyEdits } from '../../../src/lint/rules/_shared/edits.js';
import { lintWith, ruleTester, yaml } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      code: yaml`
        model_list:
          - model_name: claude
            litellm_params:
              model: anthropic/claude-3-5-sonnet-20241022
              weight: 90
          - model_name: claude
            litellm_params:
              model: vertex_ai/claude-3-5-sonnet@20241022
              weight: 10
      `,
    },
  ],
  invalid: [
    {
      name: 'seed-doc split: both weights moved, comments kept',
      code: yaml`
        model_list:
          - model_name: claude
            litellm_params:
              model: anthropic/claude-3-5-sonnet-20241022
              api_key: os.environ/ANTHROPIC_API_KEY
            weight: 90 # primary
          - model_name: claude
            litellm_params:
              model: vertex_ai/claude-3-5-sonnet@20241022
            weight: 10
      `,
      errors: [
        { line: 6, column: 5, messageIncludes: ['gets 50%', 'intended 90%'] },
        { line: 10, column: 5, messageIncludes: 'intended 10%' },
      ],
      output: yaml`
        model_list:
          - model_name: claude
            litellm_params:
              model: anthropic/claude-3-5-sonnet-20241022
              api_key: os.environ/ANTHROPIC_API_KEY
              weight: 90 # primary
          - model_name: claude
            litellm_params:
              model: vertex_ai/claude-3-5-sonnet@20241022
              weight: 10
      `,
    },
    {
      name: 'weight written before litellm_params',
      code: yaml`
        model_list:
          - model_name: a
            weight: 3
            litellm_params:
              model: openai/gpt-4o
            model_info:
              id: a-1
      `,
      errors: [{ line: 3, column: 5 }],
      output: yaml`
        model_list:
          - model_name: a
            litellm_params:
              model: openai/gpt-4o
              weight: 3
            model_info:
              id: a-1
      `,
    },
    {
      name: 'flow-style litellm_params: reported, no fix',
      code: yaml`
        model_list:
          - model_name: a
            litellm_params: {model: openai/gpt-4o}
            weight: 3
      `,
      errors: [{ line: 4, column: 5 }],
      output: null,
    },
    {
      name: 'litellm_params already has a weight: no fix',
      code: yaml`
        model_list:
          - model_name: a
            litellm_params:
              model: openai/gpt-4o
              weight: 1
            weight: 3
      `,
      errors: [{ line: 6, column: 5, messageIncludes: 'already has weight 1' }],
      output: null,
    },
  ],
});


it('weights/outside-litellm-params: the fix moves every weight inside and changes nothing else', async () => {
  const entry = fc.record({
    weight: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constantFrom(0.5, 0.25, 1.5)),
    comment: fc.constantFrom('', ' # share', ' # 70% of traffic'),
    before: fc.boolean(),
    extra: fc.boolean(),
  });
  await fc.assert(
    fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 4 }), async (entries) => {
      const code =
        'model_list:\n' +
        entries
          .map((e, i) => {
            const weight = `    weight: ${e.weight}${e.comment}\n`;
            const params = `    litellm_params:\n      model: openai/m${i}\n${e.extra ? '      api_base: http://h:1/v1\n' : ''}`;
            return `  - model_name: g\n${e.before ? weight + params : params + weight}    model_info:\n      id: d${i}\n`;
          })
          .join('');
      const found = await lintWith(rule, code);
      assert.equal(found.length, entries.length);
      const fixed = applyEdits(code, found.flatMap((d) => d.fix ?? []));
      assert.equal((await lintWith(rule, fixed)).length, 0);
      const before = parse(code) as { model_list: Record<string, unknown>[] };
      const after = parse(fixed) as { model_list: Record<string, unknown>[] };
      after.model_list.forEach((d, i) => {
        const { weight, ...rest } = before.model_list[i];
        const params = d.litellm_params as Record<string, unknown>;
        assert.equal(params.weight, weight);
        assert.deepEqual({ ...d, litellm_params: { ...params, weight: undefined } }, { ...rest, litellm_params: { ...(rest.litellm_params as object), weight: undefined } });
      });
      for (const e of entries) if (e.comment) assert.ok(fixed.includes(e.comment));
    }),
    { numRuns: 60 },
  );
});
