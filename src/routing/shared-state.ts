// State that several LiteLLM proxy replicas share through Redis, and whether a config gives the
// Router a Redis. Pure data and decisions: the simulator builds one Router per replica and hands
// each the same objects (RouterOptions.shared); the core knows no replicas.
//
// What LiteLLM keeps in Redis (its Router cache is a DualCache: in-memory + Redis; a write without
// local_only goes to both, a read looks in memory first and in Redis only for a missing key):
// - cooldowns: router_utils/cooldown_cache.py CooldownCache.add_deployment_to_cooldown (set_cache
//   on the DualCache) and async_get_active_deployment_cooldowns (batch get): shared.
// - usage-based-routing-v2 rpm/tpm counters: router_strategy/lowest_tpm_rpm_v2.py
//   LowestTPMLoggingHandler_v2.async_pre_call_check increments the minute's rpm key in Redis and
//   answers 429 over the limit; async_log_success_event adds tpm: shared.
// Per replica (docs/simulate.md has the table): the {id}:successes / {id}:fails counters
// (track_deployment_metrics.py, local_only=True), Router.failed_calls (an InMemoryCache) for
// allowed_fails, the enable_pre_call_checks rpm window (Router._update_usage, local_only=True),
// max_parallel_requests semaphores (in-process), and the maps v1 usage, least-busy and latency
// routing read from memory first (their key is always in the replica's own memory).
import type { MinuteUsage } from './limits.js';
import type { CooldownList } from './cooldown.js';

/** Objects a Router may share with other Routers built from the same config. */
export interface SharedRouterState {
  /** usage-based-routing-v2's per-minute rpm/tpm counters. */
  readonly usage?: MinuteUsage;
  /** Deployments in cooldown, and until when. */
  readonly cooldowns?: CooldownList;
}

/** Where a config gives LiteLLM's Router a Redis, or why it does not. */
export interface RouterRedis {
  configured: boolean;
  /** The config key that configures it (dotted path), or that almost does. */
  key: string | null;
  /** Set when a key is there but LiteLLM does not connect the Router with it. */
  problem?: string;
}

type Dict = Record<string, unknown>;
const dict = (v: unknown): Dict | null => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Dict) : null);
const given = (v: unknown): boolean => v !== undefined && v !== null;

/**
 * Does LiteLLM's Router get a Redis from this config? Router.__init__ (litellm/router.py) builds
 * its RedisCache when `redis_url` is set or both `redis_host` and `redis_port` are; otherwise the
 * proxy hands it the cache Redis (proxy_server.py ProxyConfig._init_cache keeps
 * `litellm_settings.cache: true` with cache_params.type redis, the default, as redis_usage_cache,
 * and the router loader calls Router._update_redis_cache with it when the Router has none).
 * Checked in every stored version of those files; no release boundary found.
 */
export function routerRedis(config: unknown): RouterRedis {
  const root = dict(config) ?? {};
  const rs = dict(root.router_settings) ?? {};
  if (given(rs.redis_url)) return { configured: true, key: 'router_settings.redis_url' };
  if (given(rs.redis_host) && given(rs.redis_port)) return { configured: true, key: 'router_settings.redis_host' };
  const ls = dict(root.litellm_settings) ?? {};
  const params = dict(ls.cache_params) ?? {};
  if (ls.cache === true && (params.type === undefined || params.type === 'redis')) {
    return { configured: true, key: 'litellm_settings.cache' };
  }
  if (given(rs.redis_host)) {
    return {
      configured: false,
      key: 'router_settings.redis_host',
      problem: 'router_settings.redis_host without redis_port: LiteLLM\'s Router connects only with redis_url or both redis_host and redis_port',
    };
  }
  return { configured: false, key: null };
}
