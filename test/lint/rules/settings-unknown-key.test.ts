import rule from '../../../src/lint/rules/settings/unknown-key.js';
import { ruleTester, yaml } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'module globals and keys the proxy reads', code: yaml`
        litellm_settings:
          drop_params: true
          request_timeout: 600
          set_verbose: false
          cache: true
          success_callback: [prometheus]
        general_settings:
          master_key: os.environ/LITELLM_MASTER_KEY
          database_url: os.environ/DATABASE_URL
          alerting: [slack]
      ` },
    { name: 'near misses are schema/unknown-key errors, other sections settings/wrong-section', code: 'litellm_settings:\n  drop_parms: true\n  routing_strategy: simple-shuffle\n' },
    { name: 'a key added in 1.76 linted for 1.80', release: '1.80', code: 'litellm_settings:\n  prometheus_metrics_config: []\n' },
  ],
  invalid: [
    {
      // The repro miss-unknown-settings-keys.
      name: 'not module globals, not read by the proxy',
      code: yaml`
        litellm_settings:
          default_model: gpt-4o-mini
          default_max_tokens: 4096
          log_level: INFO
        general_settings:
          num_workers: 4
          ttl: 3600
      `,
      errors: [
        { line: 2, column: 3, messageIncludes: ["'default_model' is not a litellm_settings setting", 'a litellm module global that no code reads', 'checked against LiteLLM 1.55.0 to 1.80.15'] },
        { line: 3, column: 3, messageIncludes: "'default_max_tokens'" },
        // Imported from litellm._logging; setattr rebinds litellm.log_level, which nothing reads.
        { line: 4, column: 3, messageIncludes: "'log_level'" },
        { line: 6, column: 3, messageIncludes: ["'num_workers' is not a general_settings setting", 'the proxy never reads it'] },
        { line: 7, column: 3, messageIncludes: "'ttl'" },
      ],
    },
    {
      name: 'a key only later releases read',
      release: '1.63',
      code: 'litellm_settings:\n  prometheus_metrics_config: []\n',
      errors: [{ line: 2, column: 3, messageIncludes: ['only by LiteLLM 1.76.0 and later', 'no effect in 1.63'] }],
    },
  ],
});
