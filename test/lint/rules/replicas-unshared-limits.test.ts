import rule from '../../../src/lint/rules/replicas/unshared-limits.js';
import { ruleTester, yaml } from '../rule-tester.js';

const V2 = yaml`
  model_list:
    - model_name: chat
      litellm_params: {model: openai/gpt-4o, rpm: 60}
  router_settings:
    routing_strategy: usage-based-routing-v2
`;

ruleTester(rule, {
  valid: [
    { name: 'no replicas declared: a config alone does not say', code: V2 },
    { name: 'one replica', code: V2, replicas: 1 },
    { name: 'Redis shares the counters', code: `${V2}  redis_host: os.environ/REDIS_HOST\n  redis_port: 6379\n`, replicas: 4 },
    { name: 'redis_url', code: `${V2}  redis_url: os.environ/REDIS_URL\n`, replicas: 4 },
    { name: 'the cache Redis is handed to the Router', code: `${V2}litellm_settings:\n  cache: true\n`, replicas: 4 },
    { name: 'simple-shuffle without pre-call checks: rpm is a weight, not a limit', code: 'model_list:\n  - {model_name: chat, litellm_params: {model: openai/gpt-4o, rpm: 60}}\n', replicas: 4 },
  ],
  invalid: [
    { code: V2, replicas: 4, errors: [{ line: 3, column: 49, messageIncludes: ['per replica', 'up to 240 rpm', 'redis_host and redis_port'] }] },
    {
      name: 'redis_host without redis_port does not connect',
      code: `${V2}  redis_host: redis\n`,
      replicas: 2,
      errors: [{ line: 3, column: 49, messageIncludes: ['without redis_port', 'up to 120 rpm'] }],
    },
    {
      name: 'pre-call checks enforce rpm per replica',
      code: 'model_list:\n  - {model_name: chat, litellm_params: {model: openai/gpt-4o, tpm: 1000}}\nrouter_settings:\n  enable_pre_call_checks: true\n',
      replicas: 3,
      errors: [{ line: 2, column: 68, messageIncludes: 'up to 3000 tpm' }],
    },
    {
      name: 'max_parallel_requests is per process even with Redis',
      code: 'model_list:\n  - {model_name: chat, litellm_params: {model: openai/gpt-4o, max_parallel_requests: 10}}\nrouter_settings:\n  redis_url: redis://r\n  default_max_parallel_requests: 5\n',
      replicas: 4,
      errors: [
        { line: 2, column: 86, messageIncludes: ['up to 40 concurrent calls', 'with or without Redis'] },
        { line: 5, column: 34, messageIncludes: 'up to 20 concurrent calls' },
      ],
    },
  ],
});
