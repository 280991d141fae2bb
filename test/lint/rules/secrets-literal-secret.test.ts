import { it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import rule from '../../../src/lint/rules/secrets/literal-secret.js';
import { findSecret, mask } from '../../../src/lint/rules/_shared/secrets.js';
import { lintWith, ruleTester, yaml } from '../rule-tester.js';

const ANTHROPIC = 'sk-ant-api03-Zx81mQpL0vTnR2cYb7WkEa9sJd4HfUg6';
const AWS = 'AKIAQ3EGUIYZ4XVB7KPD';
const AZURE = '3f9c1b2a8d7e4f60a1b2c3d4e5f60718';
const ENTROPY = 'Hq8#vT2!pLm9@xR4$wZ6';

ruleTester(rule, {
  valid: [
    {
      name: 'env references, placeholders and short test keys',
      code: yaml`
        model_list:
          - model_name: a
            litellm_params:
              model: openai/gpt-4o
              api_key: os.environ/OPENAI_API_KEY
          - model_name: b
            litellm_params:
              model: openai/gpt-4o
              api_key: sk-1234
          - model_name: c
            litellm_params:
              model: openai/gpt-4o
              api_key: fake-key
              max_tokens: 4096
        general_settings:
          master_key: os.environ/LITELLM_MASTER_KEY
          database_url: "postgresql://user:password@localhost:5432/litellm"
      `,
    },
    {
      // The repro fp-placeholder-api-key: the openai/ provider needs a non-empty api_key even for a keyless server.
      name: 'word-made placeholders for keyless local servers',
      code: yaml`
        model_list:
          - model_name: local
            litellm_params:
              model: openai/qwen2.5-7b
              api_base: http://vllm:8000/v1
              api_key: "sk-no-auth-required"
          - model_name: local
            litellm_params:
              model: openai/qwen2.5-7b
              api_key: none
          - model_name: local
            litellm_params:
              model: openai/qwen2.5-7b
              api_key: sk-no-authentication-required-locally
          - model_name: local
            litellm_params:
              model: openai/qwen2.5-7b
              api_key: local-vllm-key-2
      `,
    },
    { name: 'a shell-style master_key is left to env/shell-style-reference', code: 'general_settings:\n  master_key: ${LITELLM_MASTER_KEY}\n' },
  ],
  invalid: [
    {
      code: yaml`
        model_list:
          - model_name: sonnet
            litellm_params:
              model: anthropic/claude-3-5-sonnet-20241022
              api_key: "${ANTHROPIC}"
      `,
      errors: [{ line: 5, column: 16, severity: 'error', messageIncludes: ['Anthropic API key', '(sk-a…)', 'os.environ/ANTHROPIC_API_KEY'] }],
    },
    {
      name: 'cloud keys, hex keys, entropy and URL passwords',
      code: yaml`
        model_list:
          - model_name: claude
            litellm_params:
              model: bedrock/anthropic.claude-3-5-sonnet-20241022-v2:0
              aws_access_key_id: ${AWS}
          - model_name: gpt
            litellm_params:
              model: azure/gpt-4o
              api_key: ${AZURE}
        general_settings:
          master_key: "${ENTROPY}"
          database_url: postgresql://llm:Tr0ub4dor-x9@db.internal:5432/litellm
        router_settings:
          redis_password: "${ENTROPY}"
        litellm_settings:
          cache_params:
            type: redis
            url: redis://:s3cr3t-9vQ@localhost:6379
      `,
      errors: [
        { line: 5, column: 26, messageIncludes: 'AWS access key id' },
        { line: 9, column: 16, messageIncludes: 'Azure-style 32-hex key' },
        { line: 11, column: 15, severity: 'error', messageIncludes: "general_settings.master_key is written literally (Hq8#…): it is the proxy's admin key" },
        { line: 12, column: 17, severity: 'error', messageIncludes: 'password in a connection URL' },
        { line: 14, column: 19 },
        { line: 18, column: 10, severity: 'warning', messageIncludes: 'local host' },
      ],
    },
    {
      name: 'entropy of the random part only: words around a key do not hide it',
      code: 'model_list:\n  - model_name: a\n    litellm_params:\n      model: openai/gpt-4o\n      api_key: \"prod-key-x7Qp2LrT9vWb4NcZ8kYd\"\n',
      errors: [{ line: 5, column: 16, messageIncludes: ['random-looking 20-character secret', 'bits of entropy per character'] }],
    },
    {
      // The repro miss-literal-master-key-short: sk-1234 is a placeholder as an api_key, but as the admin key it is the real one.
      name: 'a literal master_key of any length',
      code: 'general_settings:\n  master_key: sk-1234\n',
      errors: [{ line: 2, column: 15, severity: 'warning', messageIncludes: ['master_key is written literally: it is', 'os.environ/LITELLM_MASTER_KEY'] }],
    },
  ],
});

it('secrets/literal-secret never echoes more than four characters of a secret', async () => {
  const secrets = [ANTHROPIC, AWS, AZURE, ENTROPY, 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8', 'xoxb-1234567890-abcdefghij'];
  const code = `general_settings:\n${secrets.map((s, i) => `  token_${i}: "${s}"`).join('\n')}\n`;
  const found = await lintWith(rule, code);
  assert.equal(found.length, secrets.length);
  for (const d of found) for (const s of secrets) assert.ok(!d.message.includes(s.slice(0, 5)), `message leaks ${s.slice(0, 5)}: ${d.message}`);
});

it('mask shows at most four characters of any value', () => {
  fc.assert(
    fc.property(fc.string({ minLength: 0, maxLength: 80 }), (value) => {
      const shown = mask(value).replace('…', '');
      assert.ok(shown.length <= 4);
      assert.ok(value.trim().startsWith(shown));
    }),
  );
});

it('every detected secret is reported with a masked message (property)', async () => {
  await fc.assert(
    fc.asyncProperty(fc.stringMatching(/^[A-Za-z0-9]{24,40}$/), async (tail) => {
      const secret = `sk-proj-${tail}`;
      fc.pre(findSecret('api_key', secret) !== null);
      const found = await lintWith(rule, `model_list:\n  - model_name: a\n    litellm_params:\n      model: openai/gpt-4o\n      api_key: ${secret}\n`);
      assert.equal(found.length, 1);
      assert.ok(!found[0].message.includes(secret.slice(0, 5)));
    }),
    { numRuns: 40 },
  );
});
