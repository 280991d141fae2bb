// The routing core's public contract. The simulator (src/sim) and any live gateway drive the
// core only through these types. Time is always passed in (milliseconds on the caller's clock);
// the core owns no clock, timers or I/O. Randomness comes from an injected source.
import type { PriceTier } from '../model-map/lookup.js';

/** Strategies LiteLLM has, plus the gwcfg extensions the source document describes. */
export type StrategyName =
  | 'simple-shuffle'
  | 'least-busy'
  | 'usage-based-routing'
  | 'usage-based-routing-v2'
  | 'latency-based-routing'
  | 'cost-based-routing'
  // gwcfg extensions (LiteLLM ignores or rejects them):
  | 'weighted-round-robin'
  | 'round-robin';

/** Uniform random numbers in [0, 1). Injected so the same seed gives the same picks. */
export type RandomSource = () => number;

export interface RouteRequest {
  /** Requested name: a model group, an alias, a name matched by a wildcard group, or a deployment id. */
  model: string;
  inputTokens: number;
  /** Expected output tokens, used only by strategies that need an estimate (cost). */
  outputTokens?: number;
  stream?: boolean;
  tags?: string[];
  // Added by the routing core: request kwargs LiteLLM accepts.
  /** Request-level `num_retries` (beats router_settings, loses to the failed deployment's own). */
  numRetries?: number;
  /** Client-side fallbacks (`fallbacks=["m1", ...]`), used instead of the configured lists. */
  fallbacks?: string[];
  /** `disable_fallbacks: true`. */
  disableFallbacks?: boolean;
  /** Request-level `cooldown_time` in ms (0 disables cooldown for failures of this request). */
  cooldownTimeMs?: number;
}

/** Why no deployment could be picked; callers use it to explain failures. */
export type NoDeploymentReason =
  | 'unknown-model'
  | 'all-cooled-down'
  | 'circuit-open'
  | 'unhealthy'
  | 'rate-limited'
  | 'context-window-exceeded'
  | 'no-tag-match'
  | 'no-deployment';

export type PickResult =
  | { ok: true; deployment: number; group: string }
  | { ok: false; reason: NoDeploymentReason; group: string | null; message: string; retryAfterMs?: number };

/** What happened on one call to a deployment. status 200 means success. */
export interface CallOutcome {
  status: number;
  latencyMs: number;
  /** Time to first token, for streaming calls. */
  ttftMs?: number;
  inputTokens: number;
  outputTokens: number;
  /** Retry-After sent by the provider (429/503), if any. */
  retryAfterMs?: number;
  timedOut?: boolean;
  /** Error class as LiteLLM names it (RateLimitError, Timeout, InternalServerError, ...). */
  errorClass?: string;
  /**
   * A streaming call that failed after its first chunk (LiteLLM's MidStreamFallbackError): no
   * same-group retry; the fallback chain from releases with `midstream-fallback`, else the client
   * sees the failure.
   */
  midstream?: boolean;
}

/** Per-deployment state a UI or metrics layer may show. */
export type DeploymentHealth = 'healthy' | 'cooldown' | 'open' | 'half-open' | 'unhealthy';

/** What the request orchestrator tells its caller to do next. */
export type NextStep =
  | { kind: 'call'; deployment: number; group: string; delayMs: number }
  | { kind: 'success' }
  | { kind: 'fail'; reason: RequestFailureReason; status: number; message: string };

export type RequestFailureReason =
  | NoDeploymentReason
  | 'retries-exhausted'
  | 'fallbacks-exhausted'
  | 'non-retryable-error'
  /** A stream broke after its first chunk and nothing rescued it (see CallOutcome.midstream). */
  | 'midstream-error';

// ---- Additions by the routing core (fields only added, nothing renamed) ----

/** One model_list entry as the router sees it (index = position in model_list). */
export interface DeploymentView {
  index: number;
  /** model_info.id, or LiteLLM's sha256(model_name + litellm_params) default. */
  id: string;
  modelName: string;
  /** litellm_params.model */
  model: string;
  /** model_name contains '*' (a pattern deployment; never cooled down). */
  isWildcard: boolean;
  /** litellm_params.rpm / tpm after the top-level copy (simple-shuffle weights, pre-call rpm check, concurrency). */
  rpm: number | null;
  tpm: number | null;
  /** Limits as usage-based-routing-v2 resolves them (first non-null of top level, litellm_params, model_info). */
  rpmLimit: number | null;
  tpmLimit: number | null;
  /** Limits as v1 / latency / cost resolve them (first truthy value, so 0 means unlimited). */
  rpmLimitTruthy: number | null;
  tpmLimitTruthy: number | null;
  /** litellm_params.weight (the only place LiteLLM reads it). */
  weight: number | null;
  /** Top-level `weight` of the entry: ignored by LiteLLM, read by the weighted-round-robin extension. */
  entryWeight: number | null;
  /** litellm_params.order, else model_info.order. */
  order: number | null;
  /** litellm_params.max_parallel_requests as written (see Router.concurrencyLimit for the derived cap). */
  maxParallelRequests: number | null;
  /** USD per token LiteLLM's cost calculator charges (custom price, else the model map); null when unknown. */
  inputCostPerToken: number | null;
  outputCostPerToken: number | null;
  /** Long-context prices of the model map (highest threshold first); empty for custom prices. */
  priceTiers: readonly PriceTier[];
  /** input + output USD per token cost-based routing sorts by (lowest_cost.py; 5.0 each when unpriced). */
  routingCostPerToken: number;
  /** max_input_tokens of the pre-call context-window check (model_info, else the model map); null = not checked. */
  maxInputTokens: number | null;
  /** litellm_params.timeout / stream_timeout, else router timeout (ms). */
  timeoutMs: number | null;
  streamTimeoutMs: number | null;
  /** litellm_params.num_retries (overrides the router's after this deployment fails). */
  numRetries: number | null;
  /** Per-deployment cooldown ([2026] model_info.cooldown_time, else litellm_params.cooldown_time), ms. */
  cooldownTimeMs: number | null;
  tags: readonly string[];
  /** model_info.blocked ([2026]): never routed. */
  blocked: boolean;
  /** [2026] model_info.allowed_fails: beats the router's allowed_fails for this deployment. */
  allowedFails: number | null;
  /** [2026] model_info.allowed_fails_policy: beats the router's policy for this deployment. */
  allowedFailsPolicy: Readonly<Record<string, number>> | null;
  /** model_info.health_check_timeout in ms, if set. */
  healthCheckTimeoutMs: number | null;
}
