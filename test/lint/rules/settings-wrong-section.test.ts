import rule from '../../../src/lint/rules/settings/wrong-section.js';
import { ruleTester, yaml } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'shared keys are fine in either section',
      code: yaml`
        litellm_settings:
          num_retries: 3
          drop_params: true
        router_settings:
          num_retries: 3
          routing_strategy: simple-shuffle
        general_settings:
          master_key: os.environ/LITELLM_MASTER_KEY
      `,
    },
  ],
  invalid: [
    {
      // The repros miss-litellm-settings-cooldown-time and miss-misplaced-mcp-servers-drop-params.
      name: 'litellm_settings keys that are no module global: cooldown_time, mcp_servers, additional_drop_params',
      code: yaml`
        litellm_settings:
          allowed_fails: 3
          cooldown_time: 30
          additional_drop_params: [provider]
          mcp_servers:
            fabric: {url: https://mcp.example.com/mcp}
      `,
      errors: [
        { line: 3, column: 3, messageIncludes: ["'cooldown_time' is not a litellm_settings setting", 'Move it to router_settings'] },
        { line: 4, column: 3, messageIncludes: "Move it to each deployment's litellm_params" },
        { line: 5, column: 3, messageIncludes: 'Move it to the top level of the config' },
      ],
    },
    {
      code: yaml`
        litellm_settings:
          routing_strategy: latency-based-routing
          database_url: os.environ/DATABASE_URL
        router_settings:
          drop_params: true
        general_settings:
          enable_pre_call_checks: true
      `,
      errors: [
        { line: 2, column: 3, messageIncludes: ['module global', 'Move it to router_settings'] },
        { line: 3, column: 3, messageIncludes: 'Move it to general_settings' },
        { line: 5, column: 3, messageIncludes: ['Router drops', 'Move it to litellm_settings'] },
        { line: 7, column: 3, messageIncludes: 'Move it to router_settings' },
      ],
    },
  ],
});
