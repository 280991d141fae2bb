/* Generated from schemas/litellm-config.schema.json by scripts/gen-types.mjs. Do not edit; run `npm run gen:types`. */

/**
 * Reference to an environment variable (or secret manager entry): `os.environ/NAME`, resolved when LiteLLM loads the config.
 */
export type EnvRef = string;
/**
 * Arguments of litellm.Router. LiteLLM passes only Router.__init__ parameter names and silently drops any other key.
 */
export type RouterSettings = {
  /**
   * How a deployment is picked within a model group. Default: `simple-shuffle` (weighted random).
   */
  routing_strategy?:
    | "simple-shuffle"
    | "least-busy"
    | "usage-based-routing"
    | "usage-based-routing-v2"
    | "latency-based-routing"
    | "cost-based-routing"
    | "provider-budget-routing"
    | "weighted-round-robin"
    | "round-robin";
  routing_strategy_args?: RoutingStrategyArgs;
  /**
   * Retries per request within the model group (re-selecting each time). Default: litellm.num_retries, else 2.
   */
  num_retries?: number | EnvRef;
  /**
   * Minimum seconds to sleep before a retry. Default: 0.
   */
  retry_after?: number | EnvRef;
  retry_policy?: RetryPolicy;
  /**
   * Retry policy per model group, overriding retry_policy. Default: {}.
   */
  model_group_retry_policy?: {
    [k: string]: RetryPolicy;
  };
  /**
   * Failures allowed per deployment before cooldown; any value other than 3 switches cooldown to count mode. Default: 3.
   */
  allowed_fails?: number | EnvRef;
  allowed_fails_policy?: AllowedFailsPolicy;
  /**
   * Seconds a failing deployment stays out of rotation; 0 becomes the default. Default: 5.
   */
  cooldown_time?: number | EnvRef;
  /**
   * Never cool deployments down. Default: false.
   */
  disable_cooldowns?: boolean | EnvRef;
  /**
   * Request timeout in seconds for LLM calls (not a cooldown). Default: litellm.request_timeout (6000).
   */
  timeout?: number | EnvRef;
  /**
   * Timeout in seconds for streaming calls. Default: unset (uses timeout).
   */
  stream_timeout?: number | EnvRef;
  fallbacks?: FallbackList;
  context_window_fallbacks?: FallbackList;
  content_policy_fallbacks?: FallbackList;
  /**
   * Fallback groups for every group (added as `{"*": [...]}`). Default: unset.
   */
  default_fallbacks?: string[];
  /**
   * Maximum fallback depth per request. Default: 5.
   */
  max_fallbacks?: number | EnvRef;
  /**
   * Filter deployments before the call (context window, rpm, region, order). Default: false.
   */
  enable_pre_call_checks?: boolean | EnvRef;
  /**
   * Extra pre-call checks to run. Default: none.
   */
  optional_pre_call_checks?: (
    | "prompt_caching"
    | "router_budget_limiting"
    | "responses_api_deployment_check"
    | "forward_client_headers_by_model_group"
    | "enforce_model_rate_limits"
    | "session_affinity"
    | "deployment_affinity"
    | "encrypted_content_affinity"
  )[];
  /**
   * Route by request tags against litellm_params.tags. Default: false.
   */
  enable_tag_filtering?: boolean | EnvRef;
  /**
   * [2026] Tag filtering matches a deployment sharing any tag instead of all. Default: false.
   */
  tag_filtering_match_any?: boolean | EnvRef;
  model_group_alias?: ModelGroupAlias;
  /**
   * Budget per provider for provider-budget-routing. Default: unset.
   */
  provider_budget_config?: {
    [k: string]: ProviderBudget;
  };
  /**
   * Concurrency cap for deployments with no max_parallel_requests/rpm/tpm. Default: unlimited.
   */
  default_max_parallel_requests?: number | EnvRef;
  /**
   * litellm_params merged into every call. Default: {timeout, max_retries: 0}.
   */
  default_litellm_params?: {
    [k: string]: unknown;
  };
  /**
   * Default request priority; setting it enables the request scheduler. Default: unset.
   */
  default_priority?: number | EnvRef;
  /**
   * Scheduler poll interval in seconds. Default: 0.03.
   */
  polling_interval?: number | EnvRef;
  /**
   * Redis URL used to share cooldowns and usage across instances. Default: unset.
   */
  redis_url?: string;
  /**
   * Redis host (with redis_port) for shared router state. Default: unset.
   */
  redis_host?: string;
  /**
   * Redis port for shared router state. Default: unset.
   */
  redis_port?: number | string;
  /**
   * Redis password. Default: unset.
   */
  redis_password?: string | null;
  /**
   * Cache LLM responses in the router cache. Default: false.
   */
  cache_responses?: boolean | EnvRef;
  /**
   * Arguments of the router response cache. Default: {}.
   */
  cache_kwargs?: {};
  /**
   * Groups of model groups that share cached responses. Default: unset.
   */
  caching_groups?: string[][];
  /**
   * Seconds SDK clients are cached. Default: 3600.
   */
  client_ttl?: number | EnvRef;
  alerting_config?: AlertingConfig;
  router_general_settings?: RouterGeneralSettings;
  /**
   * Provider config for the Assistants API. Default: unset.
   */
  assistants_config?: {};
  /**
   * Search tools known to the router (the proxy fills this from top-level search_tools). Default: unset.
   */
  search_tools?: unknown[];
  /**
   * [2026] Guardrails known to the router. Default: unset.
   */
  guardrail_list?: unknown[];
  /**
   * Skip deployments that fail to initialise instead of raising. Default: false.
   */
  ignore_invalid_deployments?: boolean | EnvRef;
  /**
   * Verbose router logging (deprecated; use LITELLM_LOG). Default: false.
   */
  set_verbose?: boolean | EnvRef;
  /**
   * Router log level. Default: `INFO`.
   */
  debug_level?: "DEBUG" | "INFO";
  /**
   * [2026] Filter out deployments whose latest health check failed. Default: false.
   */
  enable_health_check_routing?: boolean | EnvRef;
  /**
   * [2026] Seconds after which a health-check result no longer counts. Default: 600 (docs).
   */
  health_check_staleness_threshold?: number | EnvRef;
  /**
   * [2026] Ignore 429/408-type health-check failures for routing. Default: false.
   */
  health_check_ignore_transient_errors?: boolean | EnvRef;
  /**
   * [2026] Lifetime in seconds of session/deployment affinity. Default: unset.
   */
  deployment_affinity_ttl_seconds?: number | EnvRef;
  /**
   * [2026] Per-model-group affinity settings. Default: unset.
   */
  model_group_affinity_config?: {};
  /**
   * [2026] Weight failover targets. Default: false.
   */
  enable_weighted_failover?: boolean | EnvRef;
  /**
   * gwcfg extension: latency sample window size for the simulator.
   */
  window_size?: number | EnvRef;
  /**
   * gwcfg extension: strategy used to choose among fallback candidates / break ties.
   */
  fallback_strategy?:
    | "simple-shuffle"
    | "least-busy"
    | "usage-based-routing"
    | "usage-based-routing-v2"
    | "latency-based-routing"
    | "cost-based-routing"
    | "provider-budget-routing"
    | "weighted-round-robin"
    | "round-robin";
  /**
   * gwcfg extension: relative score tolerance within which fallback_strategy breaks ties between candidates of routing_strategy. Default: 0.1.
   */
  fallback_strategy_tolerance?: number;
  /**
   * gwcfg extension: seconds between simulated router-level active health checks.
   */
  health_check_interval?: number | EnvRef;
  /**
   * gwcfg extension: timeout in seconds of simulated router-level health checks.
   */
  health_check_timeout?: number | EnvRef;
  /**
   * gwcfg extension: enable the simulated per-deployment circuit breaker.
   */
  enable_circuit_breaker?: boolean | EnvRef;
  /**
   * gwcfg extension: failures that open the simulated circuit breaker.
   */
  failure_threshold?: number | EnvRef;
  /**
   * gwcfg extension: successes that close the simulated half-open circuit breaker.
   */
  success_threshold?: number | EnvRef;
  /**
   * gwcfg extension: global requests-per-minute cap of the simulated router.
   */
  rpm?: number | EnvRef;
  /**
   * gwcfg extension: global tokens-per-minute cap of the simulated router.
   */
  tpm?: number | EnvRef;
} | null;
/**
 * Ordered fallback rules, a list of single-key maps `{group: [target, ...]}` (key `*` matches any group; a target is a model group or deployment id). `fallbacks` applies to any error after retries, `context_window_fallbacks` to context-window-exceeded errors, `content_policy_fallbacks` to content-policy violations. Router values win over litellm_settings values. Default: [].
 */
export type FallbackList = FallbackRule[];
/**
 * Module-level LiteLLM settings. A few keys are special-cased; every other key is applied as `litellm.<key> = value` without validation.
 */
export type LitellmSettings = {
  /**
   * Enable the response cache (see cache_params). Default: false.
   */
  cache?: boolean | EnvRef;
  cache_params?: CacheParams;
  /**
   * Callbacks for success and failure logging (e.g. `prometheus`, `otel`, or a custom `module.instance`). Default: none.
   */
  callbacks?: string | string[];
  /**
   * Callbacks run on success (e.g. `langfuse`). Default: none.
   */
  success_callback?: string | string[];
  /**
   * Callbacks run on failure. Default: none.
   */
  failure_callback?: string | string[];
  /**
   * Service-health callbacks (e.g. `prometheus_system`). Default: none.
   */
  service_callback?: string | string[];
  /**
   * Callbacks run before the call. Default: none.
   */
  input_callback?: string | string[];
  /**
   * Callbacks that receive audit logs. Default: none.
   */
  audit_log_callbacks?: string | string[];
  /**
   * Legacy (v1) guardrail definitions. Default: none.
   */
  guardrails?: unknown[];
  /**
   * Functions (`module.fn`) run on every response. Default: none.
   */
  post_call_rules?: string | string[];
  /**
   * Per-team callback settings (list of `{team_id, success_callback, ...}`). Default: none.
   */
  default_team_settings?: unknown[];
  /**
   * Upper bounds enforced on /key/generate params. Default: unset.
   */
  upperbound_key_generate_params?: {};
  /**
   * Defaults applied by /key/generate. Default: unset.
   */
  default_key_generate_params?: {};
  /**
   * Who may generate keys (team/personal key rules). Default: unset.
   */
  key_generation_settings?: {};
  /**
   * Defaults for new internal users. Default: unset.
   */
  default_internal_user_params?: {};
  /**
   * Maximum budget (USD) of internal users. Default: unset.
   */
  max_internal_user_budget?: number | EnvRef;
  /**
   * Default budget (USD) of internal users. Default: unset.
   */
  default_max_internal_user_budget?: number | EnvRef;
  /**
   * Budget window of internal users, e.g. `1mo`. Default: unset.
   */
  internal_user_budget_duration?: string;
  /**
   * Maximum budget (USD) per end user. Default: unset.
   */
  max_end_user_budget?: number | EnvRef;
  /**
   * Custom LLM providers (`{provider, custom_handler}`). Default: none.
   */
  custom_provider_map?: unknown[];
  /**
   * Global retry count; used by the router when router_settings.num_retries is unset. Default: unset (router uses 2).
   */
  num_retries?: number | EnvRef;
  /**
   * Global request timeout in seconds; the router default timeout. Default: 6000.
   */
  request_timeout?: number | EnvRef;
  fallbacks?: FallbackList;
  context_window_fallbacks?: FallbackList;
  content_policy_fallbacks?: FallbackList;
  /**
   * Global fallbacks for every group. Default: none.
   */
  default_fallbacks?: string[];
  /**
   * Global maximum fallback depth. Default: 5.
   */
  max_fallbacks?: number | EnvRef;
  /**
   * Global allowed failures before cooldown. Default: 3.
   */
  allowed_fails?: number | EnvRef;
  /**
   * Drop OpenAI params a provider does not support instead of failing. Default: false.
   */
  drop_params?: boolean | EnvRef;
  /**
   * Let LiteLLM rewrite messages a provider would reject. Default: false.
   */
  modify_params?: boolean | EnvRef;
  /**
   * Verbose debug logging (deprecated; use LITELLM_LOG). Default: false.
   */
  set_verbose?: boolean | EnvRef;
  /**
   * Log as JSON. Default: false.
   */
  json_logs?: boolean | EnvRef;
  /**
   * Do not send message content to logging callbacks. Default: false.
   */
  turn_off_message_logging?: boolean | EnvRef;
  /**
   * Redact key/user/team info from logging callbacks. Default: false.
   */
  redact_user_api_key_info?: boolean | EnvRef;
  /**
   * Redact message content from exception messages. Default: false.
   */
  redact_messages_in_exceptions?: boolean | EnvRef;
  /**
   * Log the raw provider request and response. Default: false.
   */
  log_raw_request_response?: boolean | EnvRef;
  /**
   * Global proxy budget in USD per budget_duration. Default: unlimited.
   */
  max_budget?: number | EnvRef;
  /**
   * Window of max_budget, e.g. `30d`. Default: unset.
   */
  budget_duration?: string;
  /**
   * Force IPv4 for provider connections. Default: false.
   */
  force_ipv4?: boolean | EnvRef;
  /**
   * Verify TLS certificates, or the path of a CA bundle (an os.environ/ reference is a string). Default: true.
   */
  ssl_verify?: boolean | string;
  /**
   * Send anonymous usage telemetry. Default: true.
   */
  telemetry?: boolean | EnvRef;
  /**
   * Return provider response headers to the client. Default: false.
   */
  return_response_headers?: boolean | EnvRef;
  /**
   * Store audit logs of management changes (enterprise). Default: false.
   */
  store_audit_logs?: boolean | EnvRef;
  /**
   * Default TTL in seconds of Redis entries written by the proxy. Default: unset.
   */
  default_redis_ttl?: number | EnvRef;
  /**
   * Cache auth objects in Redis. Default: false.
   */
  enable_redis_auth_cache?: boolean | EnvRef;
  /**
   * Add cost to the usage block of streaming responses. Default: false.
   */
  include_cost_in_streaming_usage?: boolean | EnvRef;
  /**
   * Mock provider network calls (benchmarks). Default: false.
   */
  network_mock?: boolean | EnvRef;
  /**
   * Enable preview features. Default: false.
   */
  enable_preview_features?: boolean | EnvRef;
  /**
   * Do not track spend per end user. Default: false.
   */
  disable_end_user_cost_tracking?: boolean | EnvRef;
  /**
   * Validate JSON responses against response_format. Default: false.
   */
  enable_json_schema_validation?: boolean | EnvRef;
  /**
   * Request metadata fields exported as Prometheus labels. Default: none.
   */
  custom_prometheus_metadata_labels?: string[];
  /**
   * Emit budget metrics for every key/team at startup. Default: false.
   */
  prometheus_initialize_budget_metrics?: boolean | EnvRef;
  /**
   * Labels removed from every Prometheus metric; wins over prometheus_metrics_config (LiteLLM releases after 1.83.7). Default: none.
   */
  prometheus_exclude_labels?: string[];
  /**
   * Prometheus metrics not exported; wins over prometheus_metrics_config (LiteLLM releases after 1.83.7). Default: none.
   */
  prometheus_exclude_metrics?: string[];
  /**
   * [2026] Require a key for /metrics. Default: false.
   */
  require_auth_for_metrics_endpoint?: boolean | EnvRef;
  /**
   * Settings of the `s3` logging callback (bucket, region, credentials). Default: unset.
   */
  s3_callback_params?: {};
  /**
   * Settings of the advisor_interception callback. Default: unset.
   */
  advisor_interception_params?: {};
  /**
   * Settings of the code_interpreter_interception callback. Default: unset.
   */
  code_interpreter_interception_params?: {};
  /**
   * Settings of the websearch_interception callback. Default: unset.
   */
  websearch_interception_params?: {};
  [k: string]: unknown;
} | null;
/**
 * Proxy server settings (auth, database, alerting, health checks, limits). LiteLLM reads known keys and ignores the rest.
 */
export type GeneralSettings = {
  /**
   * Admin key of the proxy; enables auth. Default: LITELLM_MASTER_KEY env var, else no auth.
   */
  master_key?: string | null;
  /**
   * Postgres URL for keys, spend and stored models. Default: DATABASE_URL env var.
   */
  database_url?: string;
  /**
   * Database connection pool size. Default: 10.
   */
  database_connection_pool_limit?: number | EnvRef;
  /**
   * Database connection timeout in seconds. Default: 60.
   */
  database_connection_timeout?: number | EnvRef;
  /**
   * Extra database arguments. Default: unset.
   */
  database_args?: {};
  /**
   * Keep serving requests when the database is down. Default: false.
   */
  allow_requests_on_db_unavailable?: boolean | EnvRef;
  /**
   * Load and store models and settings in the database too. Default: false.
   */
  store_model_in_db?: boolean | EnvRef;
  /**
   * Store request and response bodies in spend logs. Default: false.
   */
  store_prompts_in_spend_logs?: boolean | EnvRef;
  /**
   * Do not write spend logs. Default: false.
   */
  disable_spend_logs?: boolean | EnvRef;
  /**
   * Do not write error logs to the database. Default: false.
   */
  disable_error_logs?: boolean | EnvRef;
  /**
   * Do not return the master key on the UI. Default: false.
   */
  disable_master_key_return?: boolean | EnvRef;
  /**
   * Disable the budget-reset job. Default: false.
   */
  disable_reset_budget?: boolean | EnvRef;
  /**
   * Do not store the master key hash in the database. Default: false.
   */
  disable_adding_master_key_hash_to_db?: boolean | EnvRef;
  /**
   * Skip the database migration at startup. Default: false.
   */
  disable_prisma_schema_update?: boolean | EnvRef;
  /**
   * Do not refresh model info from the cost map. Default: false.
   */
  disable_model_info_refresh?: boolean | EnvRef;
  /**
   * Do not retry when max_parallel_requests is hit. Default: false.
   */
  disable_retry_on_max_parallel_request_limit_error?: boolean | EnvRef;
  /**
   * How long spend logs are kept, e.g. `60d`. Default: forever.
   */
  maximum_spend_logs_retention_period?: string;
  /**
   * Cron schedule of the spend-log cleanup job. Default: unset.
   */
  maximum_spend_logs_cleanup_cron?: string;
  /**
   * Custom auth function (`module.fn`). Default: unset.
   */
  custom_auth?: string;
  /**
   * Custom key-generation check (`module.fn`). Default: unset.
   */
  custom_key_generate?: string;
  /**
   * Custom SSO handler (`module.fn`). Default: unset.
   */
  custom_sso?: string;
  /**
   * Function (`module.fn`) validating team metadata. Default: unset.
   */
  custom_team_metadata_validate?: string;
  /**
   * Timeout in seconds of custom_team_metadata_validate. Default: unset.
   */
  team_metadata_validation_timeout?: number | EnvRef;
  /**
   * Error shown when team metadata validation is unavailable. Default: unset.
   */
  team_metadata_validation_error_message?: string;
  /**
   * Alerting integrations, e.g. `["slack"]`. Default: none.
   */
  alerting?: string[];
  /**
   * Seconds after which a slow or hanging request alerts. Default: 300.
   */
  alerting_threshold?: number | EnvRef;
  /**
   * Alert types to send (e.g. llm_exceptions, budget_alerts). Default: all.
   */
  alert_types?: string[];
  /**
   * Webhook URL per alert type. Default: unset.
   */
  alert_to_webhook_url?: {};
  /**
   * Alerting tuning arguments. Default: unset.
   */
  alerting_args?: {};
  /**
   * Run health checks of every deployment in the background. Default: false.
   */
  background_health_checks?: boolean | EnvRef;
  /**
   * Seconds between background health checks (with background_health_checks). Default: 300.
   */
  health_check_interval?: number | EnvRef;
  /**
   * Include details in /health responses. Default: true.
   */
  health_check_details?: boolean | EnvRef;
  /**
   * Maximum concurrent health-check requests. Default: unset.
   */
  health_check_concurrency?: number | EnvRef;
  /**
   * Share health-check results across instances via Redis. Default: false.
   */
  use_shared_health_check?: boolean | EnvRef;
  /**
   * Skip deployments with disable_background_health_check in /health. Default: false.
   */
  health_check_skip_disabled_background_models?: boolean | EnvRef;
  /**
   * [2026] Seconds after which a health-check result counts as stale. Default: 600.
   */
  health_check_staleness_threshold?: number | EnvRef;
  /**
   * [2026] Use health-check results for routing. Default: false.
   */
  enable_health_check_routing?: boolean | EnvRef;
  /**
   * [2026] Ignore 429/408-type health-check failures for routing. Default: false.
   */
  health_check_ignore_transient_errors?: boolean | EnvRef;
  /**
   * Maximum concurrent requests per key. Default: unlimited.
   */
  max_parallel_requests?: number | EnvRef;
  /**
   * Maximum concurrent requests for the whole proxy. Default: unlimited.
   */
  global_max_parallel_requests?: number | EnvRef;
  /**
   * Maximum request body size in MB. Default: unlimited.
   */
  max_request_size_mb?: number | EnvRef;
  /**
   * Maximum response size in MB. Default: unlimited.
   */
  max_response_size_mb?: number | EnvRef;
  /**
   * Seconds between batched spend writes to the database. Default: 10.
   */
  proxy_batch_write_at?: number | EnvRef;
  /**
   * Seconds between batch-job status polls. Default: unset.
   */
  proxy_batch_polling_interval?: number | EnvRef;
  /**
   * Minimum seconds between budget-reset checks. Default: 597.
   */
  proxy_budget_rescheduler_min_time?: number | EnvRef;
  /**
   * Maximum seconds between budget-reset checks. Default: 605.
   */
  proxy_budget_rescheduler_max_time?: number | EnvRef;
  /**
   * Seconds between config reloads from the database. Default: unset.
   */
  proxy_config_reload_interval_seconds?: number | EnvRef;
  /**
   * Buffer spend updates in Redis before writing to the database. Default: false.
   */
  use_redis_transaction_buffer?: boolean | EnvRef;
  /**
   * Secret manager (e.g. `aws_secret_manager`, `azure_key_vault`, `google_kms`). Default: environment variables.
   */
  key_management_system?: string;
  /**
   * Settings of the secret manager. Default: unset.
   */
  key_management_settings?: {};
  /**
   * Decrypt secrets with Google KMS. Default: false.
   */
  use_google_kms?: boolean | EnvRef;
  /**
   * Read secrets from Azure Key Vault. Default: false.
   */
  use_azure_key_vault?: boolean | EnvRef;
  /**
   * Who may use the admin UI (`admin_only`, `all`). Default: `all`.
   */
  ui_access_mode?: string;
  /**
   * IP allow-list of the proxy. Default: all.
   */
  allowed_ips?: string[];
  /**
   * Routes the proxy exposes. Default: all.
   */
  allowed_routes?: string[];
  /**
   * Routes that need no auth. Default: a built-in list.
   */
  public_routes?: string[];
  /**
   * Routes only admins may call. Default: a built-in list.
   */
  admin_only_routes?: string[];
  /**
   * Request params every client must send. Default: none.
   */
  enforced_params?: string[];
  /**
   * Require the `user` param on every request. Default: false.
   */
  enforce_user_param?: boolean | EnvRef;
  /**
   * Infer the model from provider keys. Default: false.
   */
  infer_model_from_keys?: boolean | EnvRef;
  /**
   * Pass-through routes (`{path, target, headers, forward_headers}`). Default: none.
   */
  pass_through_endpoints?: unknown[];
  /**
   * Forward client headers to the provider. Default: false.
   */
  forward_client_headers_to_llm_api?: boolean | EnvRef;
  /**
   * Accept JWTs as keys. Default: false.
   */
  enable_jwt_auth?: boolean | EnvRef;
  /**
   * JWT auth settings. Default: unset.
   */
  litellm_jwtauth?: {};
  /**
   * Accept OAuth2 tokens. Default: false.
   */
  enable_oauth2_auth?: boolean | EnvRef;
  /**
   * Permissions per JWT role. Default: none.
   */
  role_permissions?: unknown[];
  /**
   * Seconds keys are cached in memory. Default: 60.
   */
  user_api_key_cache_ttl?: number | EnvRef;
  /**
   * Header carrying the end-user id. Default: unset.
   */
  user_header_name?: string;
  /**
   * Header carrying the LiteLLM key. Default: `Authorization`.
   */
  litellm_key_header_name?: string;
  /**
   * Enterprise license key. Default: LITELLM_LICENSE env var.
   */
  litellm_license?: string;
  /**
   * Settings of service-account keys. Default: unset.
   */
  service_account_settings?: {};
  /**
   * Reject requests that carry metadata tags. Default: false.
   */
  reject_metadata_tags?: boolean | EnvRef;
  /**
   * Reject tags sent by clients in request metadata. Default: false.
   */
  reject_clientside_metadata_tags?: boolean | EnvRef;
  /**
   * Periodic reload of the model cost map. Default: unset.
   */
  model_cost_map_reload_config?: {};
  /**
   * Legacy switch for OpenTelemetry logging. Default: false.
   */
  otel?: boolean | EnvRef;
  /**
   * Debug mode of the proxy. Default: false.
   */
  debug?: boolean | EnvRef;
  /**
   * Control-plane URL (newer multi-instance feature). Default: unset.
   */
  control_plane_url?: string;
  /**
   * Redis used to coordinate proxy instances (newer). Default: unset.
   */
  coordination_redis?: {};
  /**
   * Run the sidecar process (newer). Default: false.
   */
  use_sidecar?: boolean | EnvRef;
  /**
   * Port of the sidecar process (newer). Default: unset.
   */
  sidecar_port?: number | EnvRef;
  /**
   * Queue requests through the worker queue (legacy). Default: false.
   */
  use_queue?: boolean | EnvRef;
  /**
   * How often spend reports are sent, e.g. `1d`. Default: unset.
   */
  spend_report_frequency?: string;
  [k: string]: unknown;
} | null;
/**
 * Environment variables set before anything else is loaded. Default: none.
 */
export type EnvironmentVariables = {
  [k: string]: string | number | boolean | null;
} | null;
/**
 * Per-callback settings, e.g. `otel: {message_logging: false}`. Default: none.
 */
export type CallbackSettings = {
  [k: string]: {} | null;
} | null;
/**
 * Guardrail definitions (`{guardrail_name, litellm_params: {guardrail, mode, ...}}`). Default: none.
 */
export type Guardrails =
  | {
      /**
       * Name requests use to select the guardrail.
       */
      guardrail_name?: string;
      /**
       * Guardrail settings: `guardrail` (provider), `mode` (pre_call, during_call, post_call, logging_only), `default_on`, credentials, ...
       */
      litellm_params?: {};
      /**
       * Metadata of the guardrail.
       */
      guardrail_info?: {};
      [k: string]: unknown;
    }[]
  | null;
/**
 * Named credential sets that deployments reference with litellm_params.litellm_credential_name. Default: none.
 */
export type Credentials =
  | {
      /**
       * Name deployments refer to.
       */
      credential_name?: string;
      /**
       * Credential values (api_key, api_base, ...), merged into the deployment litellm_params.
       */
      credential_values?: {};
      /**
       * Metadata of the credential.
       */
      credential_info?: {};
      [k: string]: unknown;
    }[]
  | null;
/**
 * MCP servers exposed by the proxy, by name. Default: none.
 */
export type McpServers = {
  [k: string]: {};
} | null;
/**
 * Search tools for /search and web-search interception (`{search_tool_name, litellm_params: {search_provider, ...}}`). Default: none.
 */
export type SearchTools =
  | {
      /**
       * Name of the search tool.
       */
      search_tool_name?: string;
      /**
       * Search tool settings: `search_provider`, api_key, api_base, ...
       */
      litellm_params?: {};
      [k: string]: unknown;
    }[]
  | null;
/**
 * Code-execution sandboxes (`{sandbox_tool_name, litellm_params: {sandbox_provider, ...}}`; newer feature). Default: none.
 */
export type SandboxTools =
  | {
      [k: string]: unknown;
    }[]
  | null;
/**
 * Provider credentials for /fine_tuning endpoints (list of `{custom_llm_provider, api_key, ...}`). Default: none.
 */
export type FinetuneSettings =
  | {
      [k: string]: unknown;
    }[]
  | null;
/**
 * Provider credentials for /files endpoints (list of `{custom_llm_provider, api_key, ...}`). Default: none.
 */
export type FilesSettings =
  | {
      [k: string]: unknown;
    }[]
  | null;
/**
 * Vector stores available to requests (`{vector_store_name, litellm_params}`). Default: none.
 */
export type VectorStoreRegistry =
  | {
      [k: string]: unknown;
    }[]
  | null;
/**
 * Attachments of policies to models/keys/teams (newer feature). Default: none.
 */
export type PolicyAttachments =
  | {
      [k: string]: unknown;
    }[]
  | null;

/**
 * LiteLLM proxy config file (`litellm --config`). Unknown top-level keys are ignored by LiteLLM; `x-*` keys are extension sections for YAML anchors.
 */
export interface LitellmConfig {
  /**
   * Deployments. Entries sharing a model_name form a model group. Default: none (models may come from the database).
   */
  model_list?: Deployment[] | null;
  router_settings?: RouterSettings;
  litellm_settings?: LitellmSettings;
  general_settings?: GeneralSettings;
  environment_variables?: EnvironmentVariables;
  callback_settings?: CallbackSettings;
  guardrails?: Guardrails;
  credentials?: Credentials;
  /**
   * Other config files merged into this one (paths relative to this file). Default: none.
   */
  include?: string[];
  mcp_servers?: McpServers;
  /**
   * Built-in MCP servers to enable, by name (newer feature). Default: none.
   */
  mcp_builtin_servers?: {
    [k: string]: {} | null;
  } | null;
  search_tools?: SearchTools;
  sandbox_tools?: SandboxTools;
  /**
   * Provider settings for the Assistants API (`{custom_llm_provider, litellm_params}`). Default: none.
   */
  assistant_settings?: {} | null;
  finetune_settings?: FinetuneSettings;
  files_settings?: FilesSettings;
  /**
   * Default Vertex AI settings (vertex_project, vertex_location, vertex_credentials) for pass-through routes. Default: none.
   */
  default_vertex_config?: {} | null;
  vector_store_registry?: VectorStoreRegistry;
  /**
   * Agent runtime settings (newer feature). Default: none.
   */
  agent_settings?: {} | null;
  /**
   * Guardrail policies by name (newer feature). Default: none.
   */
  policies?: {} | null;
  policy_attachments?: PolicyAttachments;
  /**
   * This interface was referenced by `LitellmConfig`'s JSON-Schema definition
   * via the `patternProperty` "^x-".
   */
  [k: string]: unknown;
}
/**
 * One deployment. LiteLLM reads model_name, litellm_params, model_info and copies entry-level rpm/tpm into litellm_params; any other key is ignored.
 */
export interface Deployment {
  /**
   * Model group name clients request; may contain `*` wildcards (`openai/*`, `*`). Required.
   */
  model_name: string;
  litellm_params?: LitellmParams;
  model_info?: ModelInfo;
  /**
   * Requests-per-minute limit; copied into litellm_params.rpm when that is unset. Default: unset.
   */
  rpm?: number | EnvRef;
  /**
   * Tokens-per-minute limit; copied into litellm_params.tpm when that is unset. Default: unset.
   */
  tpm?: number | EnvRef;
}
/**
 * Parameters of one deployment: passed to litellm.completion() and read by the router (limits, weight, order, timeouts). LiteLLM allows any extra key and passes it to the provider.
 */
export interface LitellmParams {
  /**
   * Provider model, usually `provider/model-name` (e.g. `azure/gpt-4o`, `openai/*`). Required.
   */
  model: string;
  /**
   * Base URL of the provider endpoint. Default: the provider default (or its env var).
   */
  api_base?: string | null;
  /**
   * Provider API key; use `os.environ/NAME` rather than a literal. Default: the provider env var (e.g. OPENAI_API_KEY).
   */
  api_key?: string | null;
  /**
   * Provider API version (Azure). Default: the LiteLLM Azure default.
   */
  api_version?: string | null;
  /**
   * Legacy OpenAI api_type. Default: unset.
   */
  api_type?: string | null;
  /**
   * OpenAI organization id; a list creates one deployment per organization. Default: unset.
   */
  organization?: string | string[];
  /**
   * Provider name when it cannot be inferred from the model prefix. Default: inferred.
   */
  custom_llm_provider?: string;
  /**
   * Requests-per-minute limit of this deployment; simple-shuffle weight when no weight is set, limit for usage/latency/cost strategies and pre-call checks. Default: unlimited.
   */
  rpm?: number | EnvRef;
  /**
   * Tokens-per-minute limit of this deployment; simple-shuffle weight when neither weight nor rpm is set, limit for usage-based strategies. Default: unlimited.
   */
  tpm?: number | EnvRef;
  /**
   * simple-shuffle weight (relative pick probability). Only litellm_params.weight is read. Default: unset (rpm, then tpm, then uniform).
   */
  weight?: number | EnvRef;
  /**
   * Priority tier: the lowest order among available deployments wins; deployments without order are dropped when any has one. Default: unset.
   */
  order?: number | EnvRef;
  /**
   * Maximum concurrent in-flight requests to this deployment. Default: rpm, else tpm/1000*6, else router default_max_parallel_requests, else unlimited.
   */
  max_parallel_requests?: number | EnvRef;
  /**
   * Request timeout for this deployment in seconds. Default: router timeout (litellm.request_timeout, 6000 s).
   */
  timeout?: number | EnvRef;
  /**
   * Timeout for streaming requests in seconds. Default: router stream_timeout, else timeout.
   */
  stream_timeout?: number | EnvRef;
  /**
   * Alias of timeout read by the router. Default: unset.
   */
  request_timeout?: number | EnvRef;
  /**
   * Retries inside the provider SDK for one call (not the router retries). Default: 0 under the router.
   */
  max_retries?: number | EnvRef;
  /**
   * Router retries after this deployment fails; overrides router num_retries. Default: router num_retries.
   */
  num_retries?: number | EnvRef;
  /**
   * Cooldown length in seconds after this deployment fails; 0 disables its cooldown. Default: router cooldown_time (5 s).
   */
  cooldown_time?: number | EnvRef;
  /**
   * Custom price per input token (USD); copied into model_info and litellm.model_cost; used by cost-based-routing and spend tracking. Default: from the model cost map.
   */
  input_cost_per_token?: number | EnvRef;
  /**
   * Custom price per output token (USD); used by cost-based-routing and spend tracking. Default: from the model cost map.
   */
  output_cost_per_token?: number | EnvRef;
  /**
   * Custom price per second of input (USD), e.g. SageMaker/Replicate. Default: unset.
   */
  input_cost_per_second?: number | EnvRef;
  /**
   * Custom price per second of output (USD). Default: unset.
   */
  output_cost_per_second?: number | EnvRef;
  /**
   * Custom price per input pixel (USD), image models. Default: unset.
   */
  input_cost_per_pixel?: number | EnvRef;
  /**
   * Custom price per output pixel (USD), image models. Default: unset.
   */
  output_cost_per_pixel?: number | EnvRef;
  /**
   * Custom price per input character (USD). Default: unset.
   */
  input_cost_per_character?: number | EnvRef;
  /**
   * Custom price per output character (USD). Default: unset.
   */
  output_cost_per_character?: number | EnvRef;
  /**
   * Custom price per input audio token (USD). Default: unset.
   */
  input_cost_per_audio_token?: number | EnvRef;
  /**
   * Custom price per output audio token (USD). Default: unset.
   */
  output_cost_per_audio_token?: number | EnvRef;
  /**
   * Custom price per input token for batch requests (USD). Default: unset.
   */
  input_cost_per_token_batches?: number | EnvRef;
  /**
   * Custom price per output token for batch requests (USD). Default: unset.
   */
  output_cost_per_token_batches?: number | EnvRef;
  /**
   * Custom price per cache-write input token (USD). Default: unset.
   */
  cache_creation_input_token_cost?: number | EnvRef;
  /**
   * Custom price per cache-read input token (USD). Default: unset.
   */
  cache_read_input_token_cost?: number | EnvRef;
  /**
   * Region of the deployment, for the allowed_model_region pre-call check (e.g. `eu`). Default: unset.
   */
  region_name?: string;
  /**
   * AWS region (Bedrock/SageMaker). Default: AWS_REGION_NAME env var.
   */
  aws_region_name?: string;
  /**
   * AWS access key id. Default: AWS env/credential chain.
   */
  aws_access_key_id?: string | null;
  /**
   * AWS secret access key. Default: AWS env/credential chain.
   */
  aws_secret_access_key?: string | null;
  /**
   * AWS session token. Default: unset.
   */
  aws_session_token?: string | null;
  /**
   * AWS STS session name. Default: unset.
   */
  aws_session_name?: string;
  /**
   * AWS role ARN to assume. Default: unset.
   */
  aws_role_name?: string;
  /**
   * AWS profile name. Default: unset.
   */
  aws_profile_name?: string;
  /**
   * AWS web identity token for OIDC. Default: unset.
   */
  aws_web_identity_token?: string;
  /**
   * AWS STS endpoint. Default: the global STS endpoint.
   */
  aws_sts_endpoint?: string;
  /**
   * Custom Bedrock runtime endpoint. Default: the regional endpoint.
   */
  aws_bedrock_runtime_endpoint?: string;
  /**
   * External id used when assuming an AWS role. Default: unset.
   */
  aws_external_id?: string;
  /**
   * IAM role Bedrock batch jobs run with. Default: unset.
   */
  aws_batch_role_arn?: string;
  /**
   * Google Cloud project (Vertex AI). Default: VERTEXAI_PROJECT env var.
   */
  vertex_project?: string;
  /**
   * Vertex AI region (e.g. `us-central1`). Default: VERTEXAI_LOCATION env var.
   */
  vertex_location?: string;
  /**
   * Vertex AI service-account credentials (JSON string, file path or env ref). Default: application default credentials.
   */
  vertex_credentials?: string | {};
  /**
   * IBM watsonx region. Default: WATSONX_REGION env var.
   */
  watsonx_region_name?: string;
  /**
   * Provider project id (e.g. IBM watsonx). Default: env var.
   */
  project_id?: string;
  /**
   * Azure deployment name, when it differs from the model name. Default: from model.
   */
  deployment_id?: string;
  /**
   * Azure AD token for Azure OpenAI. Default: unset.
   */
  azure_ad_token?: string;
  /**
   * Azure AD token provider. Default: unset.
   */
  azure_ad_token_provider?: string;
  /**
   * Azure AD scope. Default: the Cognitive Services scope.
   */
  azure_scope?: string;
  /**
   * Azure AD tenant id (client-credential auth). Default: unset.
   */
  tenant_id?: string;
  /**
   * Azure AD client id (client-credential auth). Default: unset.
   */
  client_id?: string;
  /**
   * Azure AD client secret (client-credential auth). Default: unset.
   */
  client_secret?: string;
  /**
   * Azure AD username (password auth). Default: unset.
   */
  azure_username?: string;
  /**
   * Azure AD password (password auth). Default: unset.
   */
  azure_password?: string;
  /**
   * S3 bucket used for batch/file uploads. Default: unset.
   */
  s3_bucket_name?: string;
  /**
   * Region of the S3 bucket. Default: unset.
   */
  s3_region_name?: string;
  /**
   * Access key id for the S3 bucket. Default: AWS credential chain.
   */
  s3_access_key_id?: string;
  /**
   * Secret key for the S3 bucket. Default: AWS credential chain.
   */
  s3_secret_access_key?: string;
  /**
   * KMS key id for S3 uploads. Default: unset.
   */
  s3_encryption_key_id?: string;
  /**
   * GCS bucket used for batch/file uploads. Default: unset.
   */
  gcs_bucket_name?: string;
  /**
   * Vector store attached to this deployment. Default: unset.
   */
  vector_store_id?: string;
  /**
   * Tags for tag-based routing (router enable_tag_filtering); `default` marks the fallback deployment. Default: none.
   */
  tags?: string[];
  /**
   * Testing: return this response (or raise the named error, e.g. `litellm.RateLimitError`) without calling the provider. Default: unset.
   */
  mock_response?: {
    [k: string]: unknown;
  };
  /**
   * Testing: simulate a timeout instead of calling the provider. Default: false.
   */
  mock_timeout?: boolean | EnvRef;
  /**
   * Real model name for cost and context-window lookup (e.g. for Azure deployments). Default: unset.
   */
  base_model?: string;
  /**
   * Budget (USD) of this deployment per budget_duration; adds the router_budget_limiting pre-call check. Default: unlimited.
   */
  max_budget?: number | EnvRef;
  /**
   * Budget window of max_budget, e.g. `1d`, `30d`. Default: unset.
   */
  budget_duration?: string;
  /**
   * Maximum upload size for this deployment in MB. Default: unlimited.
   */
  max_file_size_mb?: number | EnvRef;
  /**
   * Drop OpenAI params the provider does not support instead of failing. Default: litellm_settings.drop_params (false).
   */
  drop_params?: boolean | EnvRef;
  /**
   * Extra params to drop before the provider call. Default: none.
   */
  additional_drop_params?: unknown[];
  /**
   * Use these credentials for pass-through endpoints of the provider. Default: false.
   */
  use_in_pass_through?: boolean | EnvRef;
  /**
   * Route this deployment through another LiteLLM proxy. Default: false.
   */
  use_litellm_proxy?: boolean | EnvRef;
  /**
   * Name of a top-level `credentials` entry whose values fill in this deployment. Default: unset.
   */
  litellm_credential_name?: string;
  /**
   * Auth params (e.g. api_base) a client may override per request. Default: none.
   */
  configurable_clientside_auth_params?: unknown[];
  /**
   * Merge reasoning_content into the message content. Default: false.
   */
  merge_reasoning_content_in_choices?: boolean | EnvRef;
  /**
   * auto_router: path of the semantic-router config. Default: unset.
   */
  auto_router_config_path?: string;
  /**
   * auto_router: inline semantic-router config. Default: unset.
   */
  auto_router_config?: {
    [k: string]: unknown;
  };
  /**
   * auto_router: model group used when no route matches. Default: unset.
   */
  auto_router_default_model?: string;
  /**
   * auto_router: embedding model group used for route matching. Default: unset.
   */
  auto_router_embedding_model?: string;
  /**
   * adaptive_router: configuration of the adaptive router deployment (newer feature). Default: unset.
   */
  adaptive_router_config?: {};
  /**
   * oracle_router: configuration of the oracle router deployment (newer feature). Default: unset.
   */
  oracle_router_config?: {};
  /**
   * User-Agent header sent to the provider. Default: the LiteLLM/SDK user agent.
   */
  custom_user_agent?: string;
  /**
   * Realtime API protocol version (e.g. `GA`, `beta`). Default: provider default.
   */
  realtime_protocol?: string;
  /**
   * Extra HTTP headers sent to the provider. Default: none.
   */
  headers?: {};
  /**
   * Extra HTTP headers sent to the provider. Default: none.
   */
  extra_headers?: {};
  /**
   * Extra JSON fields merged into the provider request body. Default: none.
   */
  extra_body?: {};
  /**
   * Metadata attached to requests served by this deployment. Default: none.
   */
  metadata?: {};
  /**
   * LiteLLM-internal metadata attached to requests. Default: none.
   */
  litellm_metadata?: {};
  /**
   * Legacy place for model_info inside litellm_params. Default: unset.
   */
  model_info?: {};
  /**
   * Custom price per query (USD), search/rerank models. Default: unset.
   */
  input_cost_per_query?: number | EnvRef;
  /**
   * Default sampling temperature sent to the provider. Default: provider default.
   */
  temperature?: number | EnvRef;
  /**
   * Default nucleus sampling value. Default: provider default.
   */
  top_p?: number | EnvRef;
  /**
   * Default max output tokens sent to the provider. Default: provider default.
   */
  max_tokens?: number | EnvRef;
  /**
   * Default max completion tokens sent to the provider. Default: provider default.
   */
  max_completion_tokens?: number | EnvRef;
  /**
   * Default stop sequence(s). Default: none.
   */
  stop?: string | string[];
  /**
   * Default number of choices. Default: 1.
   */
  n?: number | EnvRef;
  /**
   * Default sampling seed. Default: unset.
   */
  seed?: number | EnvRef;
  /**
   * Default frequency penalty. Default: provider default.
   */
  frequency_penalty?: number | EnvRef;
  /**
   * Default presence penalty. Default: provider default.
   */
  presence_penalty?: number | EnvRef;
  /**
   * Default response_format. Default: unset.
   */
  response_format?: {};
  /**
   * Default reasoning effort (e.g. `low`, `medium`, `high`). Default: provider default.
   */
  reasoning_effort?: string;
  /**
   * Default extended-thinking config (Anthropic). Default: unset.
   */
  thinking?: {};
  /**
   * Force streaming for calls to this deployment. Default: per request.
   */
  stream?: boolean | EnvRef;
  /**
   * Default end-user id sent to the provider. Default: unset.
   */
  user?: string;
  /**
   * Default tools sent to the provider. Default: none.
   */
  tools?: unknown[];
  /**
   * Default tool_choice. Default: provider default.
   */
  tool_choice?: string | {};
  /**
   * Default parallel_tool_calls. Default: provider default.
   */
  parallel_tool_calls?: boolean | EnvRef;
  /**
   * Default top-k sampling value (Anthropic, Gemini, Ollama, ...). Default: provider default.
   */
  top_k?: number | EnvRef;
  /**
   * Default min-p sampling value. Default: provider default.
   */
  min_p?: number | EnvRef;
  /**
   * Default logprobs setting. Default: provider default.
   */
  logprobs?: boolean | number;
  /**
   * Default number of top logprobs. Default: provider default.
   */
  top_logprobs?: number | EnvRef;
  /**
   * Default logit bias map. Default: unset.
   */
  logit_bias?: {};
  /**
   * Default stream_options (e.g. include_usage). Default: unset.
   */
  stream_options?: {};
  /**
   * Default output modalities. Default: provider default.
   */
  modalities?: string[];
  /**
   * Default audio output settings. Default: unset.
   */
  audio?: {};
  /**
   * Default provider service tier. Default: provider default.
   */
  service_tier?: string;
  /**
   * Gemini/Vertex AI safety settings. Default: provider default.
   */
  safety_settings?: unknown[];
  /**
   * Default repetition penalty (Hugging Face, vLLM, ...). Default: provider default.
   */
  repetition_penalty?: number | EnvRef;
  /**
   * Default max new tokens (Hugging Face TGI). Default: provider default.
   */
  max_new_tokens?: number | EnvRef;
  /**
   * Context size for Ollama models. Default: the Ollama default.
   */
  num_ctx?: number | EnvRef;
  /**
   * Ollama keep_alive duration. Default: the Ollama default.
   */
  keep_alive?: string | number;
  /**
   * Alias of vertex_project. Default: unset.
   */
  vertex_ai_project?: string;
  /**
   * Alias of vertex_location. Default: unset.
   */
  vertex_ai_location?: string;
  /**
   * Anthropic prompt-caching injection points. Default: none.
   */
  cache_control_injection_points?: unknown[];
  /**
   * Per-deployment input callbacks. Default: none.
   */
  input_callback?: string[];
  /**
   * Per-deployment success callbacks. Default: none.
   */
  success_callback?: string[];
  /**
   * Per-deployment failure callbacks. Default: none.
   */
  failure_callback?: string[];
  [k: string]: unknown;
}
/**
 * Metadata of one deployment: id, limits, pricing, health-check settings. LiteLLM allows extra keys.
 */
export interface ModelInfo {
  /**
   * Deployment id. Default: sha256 of model_name plus every litellm_params key and value (identical entries share an id).
   */
  id?: string | number;
  /**
   * Call type, used by health checks and cost lookup. Default: `chat`.
   */
  mode?:
    | "chat"
    | "completion"
    | "embedding"
    | "image_generation"
    | "image_edit"
    | "audio_transcription"
    | "audio_speech"
    | "moderation"
    | "rerank"
    | "batch"
    | "realtime"
    | "responses"
    | "video_generation"
    | "ocr"
    | "search";
  /**
   * Real model for cost and context-window lookup. Default: unset.
   */
  base_model?: string;
  /**
   * Free-text description shown in /model/info. Default: unset.
   */
  description?: string;
  /**
   * Maximum tokens of the model. Default: from the model cost map.
   */
  max_tokens?: number | EnvRef;
  /**
   * Context window; used by the context-window pre-call check. Default: from the model cost map.
   */
  max_input_tokens?: number | EnvRef;
  /**
   * Maximum output tokens. Default: from the model cost map.
   */
  max_output_tokens?: number | EnvRef;
  /**
   * Custom price per input token (USD); copied into model_info and litellm.model_cost; used by cost-based-routing and spend tracking. Default: from the model cost map.
   */
  input_cost_per_token?: number | EnvRef;
  /**
   * Custom price per output token (USD); used by cost-based-routing and spend tracking. Default: from the model cost map.
   */
  output_cost_per_token?: number | EnvRef;
  /**
   * Custom price per second of input (USD), e.g. SageMaker/Replicate. Default: unset.
   */
  input_cost_per_second?: number | EnvRef;
  /**
   * Custom price per second of output (USD). Default: unset.
   */
  output_cost_per_second?: number | EnvRef;
  /**
   * Custom price per input pixel (USD), image models. Default: unset.
   */
  input_cost_per_pixel?: number | EnvRef;
  /**
   * Custom price per output pixel (USD), image models. Default: unset.
   */
  output_cost_per_pixel?: number | EnvRef;
  /**
   * Custom price per input character (USD). Default: unset.
   */
  input_cost_per_character?: number | EnvRef;
  /**
   * Custom price per output character (USD). Default: unset.
   */
  output_cost_per_character?: number | EnvRef;
  /**
   * Custom price per input audio token (USD). Default: unset.
   */
  input_cost_per_audio_token?: number | EnvRef;
  /**
   * Custom price per output audio token (USD). Default: unset.
   */
  output_cost_per_audio_token?: number | EnvRef;
  /**
   * Custom price per input token for batch requests (USD). Default: unset.
   */
  input_cost_per_token_batches?: number | EnvRef;
  /**
   * Custom price per output token for batch requests (USD). Default: unset.
   */
  output_cost_per_token_batches?: number | EnvRef;
  /**
   * Custom price per cache-write input token (USD). Default: unset.
   */
  cache_creation_input_token_cost?: number | EnvRef;
  /**
   * Custom price per cache-read input token (USD). Default: unset.
   */
  cache_read_input_token_cost?: number | EnvRef;
  /**
   * Requests-per-minute limit read by usage/latency/cost strategies (after litellm_params.rpm). Default: unset.
   */
  rpm?: number | EnvRef;
  /**
   * Tokens-per-minute limit read by usage/latency/cost strategies (after litellm_params.tpm). Default: unset.
   */
  tpm?: number | EnvRef;
  /**
   * [2026] Priority tier, used when litellm_params.order is unset (LiteLLM 1.81 and later; older releases ignore it). Default: unset.
   */
  order?: number | EnvRef;
  /**
   * Free or paid tier, for tier-based routing. Default: unset.
   */
  tier?: "free" | "paid";
  /**
   * Team that owns this deployment. Default: unset.
   */
  team_id?: string;
  /**
   * Public model name of a team deployment. Default: unset.
   */
  team_public_model_name?: string;
  /**
   * Access groups that may use this deployment. Default: none.
   */
  access_groups?: string[];
  /**
   * Whether the deployment comes from the database. Default: false.
   */
  db_model?: boolean | EnvRef;
  /**
   * LITELLM_ENVIRONMENT values where this deployment is loaded. Default: all.
   */
  supported_environments?: ("development" | "staging" | "production")[];
  /**
   * Timeout of this deployment's health check in seconds. Default: 60 (HEALTH_CHECK_TIMEOUT_SECONDS).
   */
  health_check_timeout?: number | EnvRef;
  /**
   * Model used to health-check a wildcard deployment. Default: unset.
   */
  health_check_model?: string;
  /**
   * Voice used to health-check an audio_speech deployment. Default: unset.
   */
  health_check_voice?: string;
  /**
   * max_tokens of the health-check request. Default: a small cap.
   */
  health_check_max_tokens?: number | EnvRef;
  /**
   * Skip this deployment in background health checks. Default: false.
   */
  disable_background_health_check?: boolean | EnvRef;
  /**
   * [2026] Failures allowed before this deployment cools down; overrides the router value. Default: router allowed_fails.
   */
  allowed_fails?: number | EnvRef;
  allowed_fails_policy?: AllowedFailsPolicy;
  /**
   * [2026] Cooldown length in seconds for this deployment; highest-priority source. Default: unset.
   */
  cooldown_time?: number | EnvRef;
  /**
   * [2026] Remove this deployment from routing. Default: false.
   */
  blocked?: boolean | EnvRef;
  /**
   * adaptive_router: preferences of this deployment (newer feature). Default: unset.
   */
  adaptive_router_preferences?: {};
  /**
   * Provider name for cost-map registration. Default: inferred.
   */
  litellm_provider?: string;
  /**
   * Capability flag. Default: from the model cost map.
   */
  supports_function_calling?: boolean | EnvRef;
  /**
   * Capability flag. Default: from the model cost map.
   */
  supports_parallel_function_calling?: boolean | EnvRef;
  /**
   * Capability flag. Default: from the model cost map.
   */
  supports_tool_choice?: boolean | EnvRef;
  /**
   * Capability flag. Default: from the model cost map.
   */
  supports_vision?: boolean | EnvRef;
  /**
   * Capability flag. Default: from the model cost map.
   */
  supports_pdf_input?: boolean | EnvRef;
  /**
   * Capability flag. Default: from the model cost map.
   */
  supports_audio_input?: boolean | EnvRef;
  /**
   * Capability flag. Default: from the model cost map.
   */
  supports_audio_output?: boolean | EnvRef;
  /**
   * Capability flag. Default: from the model cost map.
   */
  supports_prompt_caching?: boolean | EnvRef;
  /**
   * Capability flag. Default: from the model cost map.
   */
  supports_response_schema?: boolean | EnvRef;
  /**
   * Capability flag. Default: from the model cost map.
   */
  supports_system_messages?: boolean | EnvRef;
  /**
   * Capability flag. Default: from the model cost map.
   */
  supports_reasoning?: boolean | EnvRef;
  /**
   * Capability flag. Default: from the model cost map.
   */
  supports_web_search?: boolean | EnvRef;
  /**
   * Capability flag. Default: from the model cost map.
   */
  supports_computer_use?: boolean | EnvRef;
  /**
   * Capability flag. Default: from the model cost map.
   */
  supports_embedding_image_input?: boolean | EnvRef;
  /**
   * Capability flag. Default: from the model cost map.
   */
  supports_native_streaming?: boolean | EnvRef;
  [k: string]: unknown;
}
/**
 * Failures allowed per exception type before a deployment cools down; setting it switches cooldown to count mode. Default: unset.
 */
export interface AllowedFailsPolicy {
  /**
   * Allowed BadRequestError failures per cooldown window. Default: allowed_fails.
   */
  BadRequestErrorAllowedFails?: number | EnvRef;
  /**
   * Allowed AuthenticationError failures per cooldown window. Default: allowed_fails.
   */
  AuthenticationErrorAllowedFails?: number | EnvRef;
  /**
   * Allowed TimeoutError failures per cooldown window. Default: allowed_fails.
   */
  TimeoutErrorAllowedFails?: number | EnvRef;
  /**
   * Allowed RateLimitError failures per cooldown window. Default: allowed_fails.
   */
  RateLimitErrorAllowedFails?: number | EnvRef;
  /**
   * Allowed ContentPolicyViolationError failures per cooldown window. Default: allowed_fails.
   */
  ContentPolicyViolationErrorAllowedFails?: number | EnvRef;
  /**
   * Allowed InternalServerError failures per cooldown window. Default: allowed_fails.
   */
  InternalServerErrorAllowedFails?: number | EnvRef;
}
/**
 * Arguments of the routing strategy. Latency: ttl, lowest_latency_buffer, max_latency_list_size, ttft_percentile; usage-based: ttl. Ignored by cost-based-routing. Default: {}.
 */
export interface RoutingStrategyArgs {
  /**
   * Lifetime in seconds of the strategy's cached stats. Default: 3600 (latency), 60 (usage-based).
   */
  ttl?: number | EnvRef;
  /**
   * latency-based-routing: pick randomly among deployments within this fraction of the lowest latency. Default: 0.
   */
  lowest_latency_buffer?: number | EnvRef;
  /**
   * latency-based-routing: number of latency samples kept per deployment. Default: 10.
   */
  max_latency_list_size?: number | EnvRef;
  /**
   * [2026] latency-based-routing: percentile of time-to-first-token used for streaming (0 < p <= 1). Default: unset.
   */
  ttft_percentile?: number | EnvRef;
  [k: string]: unknown;
}
/**
 * Retry count per exception type; when set it replaces num_retries for matching errors. Default: unset.
 */
export interface RetryPolicy {
  /**
   * Retries for BadRequestError. Default: num_retries.
   */
  BadRequestErrorRetries?: number | EnvRef;
  /**
   * Retries for AuthenticationError. Default: num_retries.
   */
  AuthenticationErrorRetries?: number | EnvRef;
  /**
   * Retries for TimeoutError. Default: num_retries.
   */
  TimeoutErrorRetries?: number | EnvRef;
  /**
   * Retries for RateLimitError. Default: num_retries.
   */
  RateLimitErrorRetries?: number | EnvRef;
  /**
   * Retries for ContentPolicyViolationError. Default: num_retries.
   */
  ContentPolicyViolationErrorRetries?: number | EnvRef;
  /**
   * Retries for InternalServerError. Default: num_retries.
   */
  InternalServerErrorRetries?: number | EnvRef;
  /**
   * [2026] Retries for ServiceUnavailableError. Default: num_retries.
   */
  ServiceUnavailableErrorRetries?: number | EnvRef;
  /**
   * [2026] Retries for NotFoundError. Default: num_retries.
   */
  NotFoundErrorRetries?: number | EnvRef;
  /**
   * [2026] Retries for any other error. Default: num_retries.
   */
  DefaultRetries?: number | EnvRef;
}
/**
 * One fallback rule: exactly one key (the failing model group, or `*`) mapped to the ordered list of targets.
 */
export interface FallbackRule {
  /**
   * Fallback targets tried in order.
   */
  [k: string]: string[];
}
/**
 * Map alias → model group name, or `{model, hidden}` to hide the alias from /models. Default: {}.
 */
export interface ModelGroupAlias {
  [k: string]: string | ModelGroupAliasItem;
}
export interface ModelGroupAliasItem {
  /**
   * Target model group.
   */
  model: string;
  /**
   * Hide the alias from /models and /model/info. Default: false.
   */
  hidden?: boolean | EnvRef;
}
export interface ProviderBudget {
  /**
   * Budget in USD per time_period.
   */
  budget_limit?: number | EnvRef;
  /**
   * Budget window, e.g. `1d`, `30d`.
   */
  time_period?: string;
}
/**
 * Slack alerting from the router. Default: unset.
 */
export interface AlertingConfig {
  /**
   * Slack webhook URL.
   */
  webhook_url?: string;
  /**
   * Seconds before a slow request alerts. Default: 300.
   */
  alerting_threshold?: number | EnvRef;
}
/**
 * General router switches. Default: {}.
 */
export interface RouterGeneralSettings {
  /**
   * Create only async clients. Default: false.
   */
  async_only_mode?: boolean | EnvRef;
  /**
   * Pass requests for unknown models through to the provider. Default: false.
   */
  pass_through_all_models?: boolean | EnvRef;
}
/**
 * Settings of the response cache enabled by `cache: true`. Default: redis from REDIS_HOST/REDIS_PORT.
 */
export interface CacheParams {
  /**
   * Cache backend. Default: `redis`.
   */
  type?: "local" | "redis" | "redis-semantic" | "s3" | "gcs" | "azure-blob" | "disk" | "qdrant-semantic";
  /**
   * `default_on` caches every call; `default_off` only when the request opts in. Default: `default_on`.
   */
  mode?: "default_on" | "default_off";
  /**
   * Redis host. Default: REDIS_HOST env var.
   */
  host?: string;
  /**
   * Redis port. Default: REDIS_PORT env var.
   */
  port?: number | string;
  /**
   * Redis password. Default: REDIS_PASSWORD env var.
   */
  password?: string | null;
  /**
   * Redis username. Default: unset.
   */
  username?: string;
  /**
   * Redis URL. Default: unset.
   */
  url?: string;
  /**
   * Use TLS for Redis. Default: false.
   */
  ssl?: boolean | EnvRef;
  /**
   * Prefix of every cache key. Default: unset.
   */
  namespace?: string;
  /**
   * Default cache entry lifetime in seconds. Default: unset (no expiry for redis).
   */
  ttl?: number | EnvRef;
  /**
   * Lifetime of in-memory cache entries in seconds. Default: unset.
   */
  default_in_memory_ttl?: number | EnvRef;
  /**
   * Lifetime of Redis cache entries in seconds. Default: unset.
   */
  default_in_redis_ttl?: number | EnvRef;
  /**
   * Redis socket timeout in seconds. Default: redis-py default.
   */
  socket_timeout?: number | EnvRef;
  /**
   * Redis Cluster startup nodes (`{host, port}` list). Default: unset.
   */
  redis_startup_nodes?: unknown[];
  /**
   * Redis Sentinel service name. Default: unset.
   */
  service_name?: string;
  /**
   * Redis Sentinel nodes. Default: unset.
   */
  sentinel_nodes?: unknown[];
  /**
   * Call types that are cached (e.g. acompletion, aembedding). Default: all.
   */
  supported_call_types?: string[];
  /**
   * Semantic cache: minimum similarity for a hit (0..1). Default: unset.
   */
  similarity_threshold?: number | EnvRef;
  /**
   * Semantic cache: embedding model group. Default: unset.
   */
  redis_semantic_cache_embedding_model?: string;
  /**
   * Qdrant semantic cache: embedding model group. Default: unset.
   */
  qdrant_semantic_cache_embedding_model?: string;
  /**
   * Qdrant semantic cache collection. Default: unset.
   */
  qdrant_collection_name?: string;
  /**
   * Qdrant quantization (`binary`, `scalar`, `product`). Default: unset.
   */
  qdrant_quantization_config?: string;
  /**
   * S3 cache bucket. Default: unset.
   */
  s3_bucket_name?: string;
  /**
   * S3 cache region. Default: unset.
   */
  s3_region_name?: string;
  /**
   * S3 API version. Default: boto3 default.
   */
  s3_api_version?: string;
  /**
   * Use TLS for S3. Default: true.
   */
  s3_use_ssl?: boolean | EnvRef;
  /**
   * Verify S3 TLS certificates, or a CA bundle path. Default: true.
   */
  s3_verify?: boolean | string;
  /**
   * S3 cache access key id. Default: AWS credential chain.
   */
  s3_aws_access_key_id?: string;
  /**
   * S3 cache secret access key. Default: AWS credential chain.
   */
  s3_aws_secret_access_key?: string;
  /**
   * S3 cache session token. Default: unset.
   */
  s3_aws_session_token?: string;
  /**
   * Extra botocore config for the S3 cache. Default: unset.
   */
  s3_config?: {};
  /**
   * S3-compatible endpoint URL (e.g. Cloudflare R2). Default: AWS.
   */
  s3_endpoint_url?: string;
  /**
   * Key prefix inside the S3 bucket. Default: unset.
   */
  s3_path?: string;
  /**
   * GCS cache bucket. Default: unset.
   */
  gcs_bucket_name?: string;
  /**
   * Directory of the disk cache. Default: a local cache dir.
   */
  disk_cache_dir?: string;
  [k: string]: unknown;
}
