// Config keys whose effect on routing or on the answer a client gets the simulator does not model.
// `simulate` names each one it finds (stderr, and `not_simulated` in the JSON result) instead of
// giving a confident answer that may be wrong. Keys come from schemas/litellm-config.schema.json.
import type { PathSegment } from '../config/document.js';

type Obj = Record<string, unknown>;

interface Entry {
  /** Path below the section (or below a model_list entry for litellm_params / model_info keys). */
  key: string;
  /** What LiteLLM does with it that the simulation leaves out. */
  reason: string;
  /** Whether the written value turns the feature on (default: any value but null/false/empty). */
  on?: (value: unknown) => boolean;
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const enabled = (v: unknown) => v !== null && v !== undefined && v !== false && v !== 'false' && v !== 'False' && !(Array.isArray(v) && v.length === 0) && !(isObj(v) && Object.keys(v).length === 0);
const positive = (v: unknown) => (typeof v === 'number' || typeof v === 'string') && Number(v) > 0;
// Built-in logging integrations only observe calls; a dotted Python path is custom code that may
// also reject requests or change the deployment picked (async_pre_call_hook, async_filter_deployments).
const customCallback = (v: unknown) => (Array.isArray(v) ? v : [v]).some((c) => typeof c === 'string' && c.includes('.'));

const SECTIONS: Record<string, Entry[]> = {
  router_settings: [
    { key: 'optional_pre_call_checks', reason: 'pre-call filters (prompt-cache and deployment affinity, region and responses-API checks) change which deployment is picked' },
    { key: 'deployment_affinity_ttl_seconds', reason: 'deployment affinity pins a session or key to one deployment' },
    { key: 'model_group_affinity_config', reason: 'model-group affinity pins traffic to a deployment' },
    { key: 'provider_budget_config', reason: 'budget routing skips providers over their spend budget' },
    { key: 'default_priority', reason: 'priority queueing reorders waiting requests' },
    { key: 'polling_interval', reason: 'the priority-queue scheduler polls instead of routing at once' },
    { key: 'cache_responses', reason: 'response caching answers repeated requests without calling a deployment' },
    { key: 'caching_groups', reason: 'response caching across groups answers requests without calling a deployment' },
    { key: 'redis_host', reason: 'Redis shares usage, cooldowns and limits across proxy instances; the simulation is one instance unless the scenario declares gateway: { replicas: N }' },
    { key: 'redis_url', reason: 'Redis shares usage, cooldowns and limits across proxy instances; the simulation is one instance unless the scenario declares gateway: { replicas: N }' },
    { key: 'enable_tag_filtering', reason: 'scenario traffic carries no tags, so tag routing is simulated for untagged requests only' },
    { key: 'enable_weighted_failover', reason: 'weighted failover across deployments is not modelled' },
    { key: 'guardrail_list', reason: 'guardrails can reject requests before or after the call' },
  ],
  litellm_settings: [
    { key: 'cache', reason: 'response caching answers repeated requests without calling a deployment' },
    { key: 'callbacks', reason: 'custom callbacks can reject requests or change the deployment picked', on: customCallback },
    { key: 'success_callback', reason: 'custom callbacks can change routing', on: customCallback },
    { key: 'failure_callback', reason: 'custom callbacks can change routing', on: customCallback },
    { key: 'input_callback', reason: 'custom callbacks can reject requests', on: customCallback },
    { key: 'guardrails', reason: 'guardrails can reject requests before or after the call' },
    { key: 'post_call_rules', reason: 'post-call rules can reject responses' },
    { key: 'max_budget', reason: 'a proxy budget rejects requests once spent', on: positive },
    { key: 'max_end_user_budget', reason: 'end-user budgets reject requests once spent', on: positive },
    { key: 'max_internal_user_budget', reason: 'internal-user budgets reject requests once spent', on: positive },
    { key: 'default_team_settings', reason: 'team settings (team models, budgets, callbacks) change what a team key can reach' },
  ],
  general_settings: [
    { key: 'max_parallel_requests', reason: 'the proxy-wide parallel request limiter rejects requests over the cap' },
    { key: 'global_max_parallel_requests', reason: 'the proxy-wide parallel request limiter rejects requests over the cap' },
    { key: 'custom_auth', reason: 'custom auth can reject requests' },
    { key: 'enforced_params', reason: 'requests without the enforced params are rejected' },
  ],
};

const TOP_LEVEL: Entry[] = [
  { key: 'guardrails', reason: 'guardrails can reject requests before or after the call' },
  { key: 'policies', reason: 'guardrail policies can reject requests' },
  { key: 'policy_attachments', reason: 'guardrail policies can reject requests' },
];

const PER_DEPLOYMENT: Array<Entry & { in: 'litellm_params' | 'model_info' }> = [
  { in: 'litellm_params', key: 'max_retries', reason: "the provider SDK's own retries inside one call (OpenAI/Azure clients)", on: positive },
  { in: 'litellm_params', key: 'max_budget', reason: 'a deployment budget takes it out of routing once spent', on: positive },
  { in: 'litellm_params', key: 'cache_control_injection_points', reason: 'prompt caching changes latency and cost' },
  { in: 'litellm_params', key: 'auto_router_config', reason: 'the semantic auto-router picks the model from the prompt' },
  { in: 'litellm_params', key: 'auto_router_config_path', reason: 'the semantic auto-router picks the model from the prompt' },
  { in: 'litellm_params', key: 'adaptive_router_config', reason: 'the adaptive router picks the model from feedback' },
  { in: 'litellm_params', key: 'oracle_router_config', reason: 'the oracle router picks the model from the prompt' },
  { in: 'model_info', key: 'team_id', reason: 'team models are reachable only with that team\'s keys' },
  { in: 'model_info', key: 'access_groups', reason: 'access groups limit which keys reach the deployment' },
  { in: 'model_info', key: 'supported_environments', reason: 'LITELLM_ENVIRONMENT decides whether the deployment is loaded at all' },
];

/** One config key the simulation does not model, at its path in the merged config. */
export interface NotSimulatedKey {
  /** Dotted key, e.g. `router_settings.optional_pre_call_checks` or `model_list[2].litellm_params.max_retries`. */
  key: string;
  reason: string;
  path: PathSegment[];
}

/** Every not-simulated key the config sets (table order; the command sorts them by position). */
export function findNotSimulated(config: unknown): NotSimulatedKey[] {
  const root = isObj(config) ? config : {};
  const found: NotSimulatedKey[] = [];
  const check = (holder: unknown, entry: Entry, path: PathSegment[], dotted: string) => {
    if (!isObj(holder) || !Object.hasOwn(holder, entry.key)) return;
    if ((entry.on ?? enabled)(holder[entry.key])) found.push({ key: dotted, reason: entry.reason, path: [...path, entry.key] });
  };
  for (const [section, entries] of Object.entries(SECTIONS)) {
    for (const entry of entries) check(root[section], entry, [section], `${section}.${entry.key}`);
  }
  for (const entry of TOP_LEVEL) check(root, entry, [], entry.key);
  const list = Array.isArray(root.model_list) ? root.model_list : [];
  list.forEach((item, i) => {
    if (!isObj(item)) return;
    for (const entry of PER_DEPLOYMENT) check(item[entry.in], entry, ['model_list', i, entry.in], `model_list[${i}].${entry.in}.${entry.key}`);
  });
  return found;
}
