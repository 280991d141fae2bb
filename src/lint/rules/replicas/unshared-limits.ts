// Limits that several proxy replicas cannot hold. The user declares the replicas (`replicas:` in
// .gwcfg.yaml), since a config alone does not say how many processes run it. Each replica's Router
// counts usage in its own memory unless it has a Redis (src/routing/shared-state.ts: LiteLLM
// Router.__init__ builds a RedisCache only from redis_url, or redis_host with redis_port, or the
// proxy hands it the litellm_settings.cache Redis), and max_parallel_requests is an in-process
// semaphore per replica even with Redis (client_initalization_utils.py
// InitalizeCachedClient.set_max_parallel_requests_client).
import type { Rule } from '../../types.js';
import { limitOf } from '../_shared/limits.js';
import { isUsageBased, rateLimitsEnforced, strategyOf } from '../_shared/settings.js';
import { describeDeployment, sectionLocation } from '../_shared/locations.js';
import { toNumber } from '../_shared/values.js';
import { routerRedis } from '../../../routing/shared-state.js';

const rule: Rule = {
  meta: {
    id: 'replicas/unshared-limits',
    description: 'with several proxy replicas (`replicas:` in .gwcfg.yaml), rpm/tpm limits without Redis and max_parallel_requests hold per replica, not in total',
    severity: 'warning',
    fixable: false,
    docs: 'docs/rules/replicas/unshared-limits.md',
  },
  check({ model, replicas, report }) {
    const n = replicas ?? 1;
    if (n <= 1) return;
    const redis = routerRedis(model.value);
    const strategy = strategyOf(model).name;
    const limitsCount = isUsageBased(strategy) || rateLimitsEnforced(model);
    if (!redis.configured && limitsCount) {
      const why = redis.problem ? `${redis.problem}, so` : 'no Redis is configured for the Router, so';
      for (const d of model.deployments) {
        for (const name of ['rpm', 'tpm'] as const) {
          const limit = limitOf(model, d, name);
          if (!limit || limit.value === null || limit.value <= 0) continue;
          report({
            at: limit.location,
            on: 'value',
            message: `${name} ${limit.value} on ${describeDeployment(d)} is enforced per replica: ${why} each of the ${n} replicas counts its own usage and the provider can get up to ${n * limit.value} ${name}. Set router_settings.redis_host and redis_port (or redis_url) so the replicas share the counters, or divide the limit by ${n}`,
          });
        }
      }
    }
    const perProcess = (value: unknown) => {
      const v = toNumber(value);
      return v !== null && v > 0 ? v : null;
    };
    for (const d of model.deployments) {
      const v = perProcess(d.params.max_parallel_requests);
      if (v === null) continue;
      report({
        at: model.below(d.location, 'litellm_params', 'max_parallel_requests'),
        on: 'value',
        message: `max_parallel_requests ${v} on ${describeDeployment(d)} is a semaphore in each proxy process: ${n} replicas send up to ${n * v} concurrent calls, with or without Redis. Divide it by ${n} if the provider allows ${v} in total`,
      });
    }
    const fallback = perProcess(model.routerSettings.default_max_parallel_requests);
    if (fallback !== null) {
      report({
        at: sectionLocation(model, 'router_settings', 'default_max_parallel_requests')!,
        on: 'value',
        message: `default_max_parallel_requests ${fallback} is a semaphore per deployment in each proxy process: ${n} replicas send up to ${n * fallback} concurrent calls to a deployment, with or without Redis. Divide it by ${n} if the providers allow ${fallback} in total`,
      });
    }
  },
};

export default rule;
