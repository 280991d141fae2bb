// LiteLLM releases gwcfg models, and the table of Router behaviours that depend on the release.
// Every version-dependent switch in the routing core reads a flag computed from BEHAVIOURS, so
// the table, docs/fidelity.md and the tests stay one list (test/routing/releases.test.ts).
//
// Sources: release keys up to 1.80.15 come from LiteLLM's git history (the version bumps of
// pyproject.toml; the commit is noted next to each constant below); later ones from the source index
// and its release notes (docs/my-website/release_notes/v<N>/index.md of BerriAI/litellm). Behaviour
// rows cite the LiteLLM file and function; see docs/fidelity.md for the evidence and its limits.

/** A LiteLLM release as major.minor.patch. */
export interface Release {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
}

/**
 * Releases whose notes are in the source index (oldest first; a sample of each line, with the
 * date where the notes were read). The newest is gwcfg's default. A `1.N` key means the newest
 * listed patch of that line (else `1.N.0`).
 */
export const KNOWN_RELEASES: ReadonlyArray<readonly [version: string, date: string | null]> = [
  ['1.55.8', null],
  ['1.55.10', null],
  ['1.56.4', null],
  ['1.57.3', '2025-01-08'],
  ['1.63.14', null],
  ['1.70.1', null],
  ['1.74.15', null],
  ['1.77.7', null],
  ['1.79.3', null],
  ['1.80.5', null],
  ['1.80.15', null],
  ['1.81.0', '2026-01-18'],
  ['1.81.14', null],
  ['1.82.6', null],
  ['1.83.3', null],
  ['1.83.7', '2026-04-11'],
];

/** The newest release verified from the source index: the default of `--litellm-version`. */
export const NEWEST_RELEASE = '1.83.7';

/**
 * The old year values, kept as aliases so old command lines still run: 2024 → 1.55.8 (the oldest
 * release whose notes are in the index, December 2024), 2025 → 1.80.15 (the last release before
 * 1.81.0, the first of 2026), 2026 → the newest. Each alias has exactly the behaviours of its
 * release (rows below), which since issue 13 are keyed to the releases LiteLLM's history shows.
 */
export const YEAR_ALIASES: Readonly<Record<string, string>> = {
  '2024': '1.55.8',
  '2025': '1.80.15',
  '2026': NEWEST_RELEASE,
};

/**
 * First release of 2026 (notes dated 2026-01-18). Rows keyed here are approximate: the behaviour is
 * absent from LiteLLM's history up to 1.80.15 (2026-01-10) and present in a 2026 file version of the
 * source index, which does not say which release brought it.
 */
const ERA_2026 = '1.81.0';
/**
 * Mid-stream fallbacks (PR #13149, commit 78997c2e3, and #13170, commit d887a3d10, both 2025-07-31):
 * first in 1.74.13 by LiteLLM's history; the release notes announce them with v1.74.15-stable
 * (2025-08-02), the first stable build after them.
 */
const MIDSTREAM_FALLBACK = '1.74.13';
/**
 * Release keys read from LiteLLM's git history (a public fork of BerriAI/litellm with full history
 * to 2026-01-12): the first release whose version bump in pyproject.toml follows the commit that
 * introduced the behaviour. docs/fidelity.md names each commit.
 */
const COOLDOWN_TIME_60S = '1.39.5'; // 32bfb685f, 2024-05-30: `cooldown_time or 60`
const ALLOWED_FAILS_IS_NOT_NONE = '1.43.1'; // ce39649b2, 2024-08-05
const SINGLE_DEPLOYMENT_BASE_CASE = '1.44.26'; // 98c34a7e2, 2024-09-11: _is_cooldown_required base case
const PERCENT_COOLDOWN = '1.46.0'; // c8d15544c, 2024-09-14 (#5698): percentage mode, DEFAULT_COOLDOWN_TIME_SECONDS
const SINGLE_DEPLOYMENT_TRAFFIC = '1.59.1'; // 80f7af510, 2025-01-17 (#7823)
const SINGLE_DEPLOYMENT_COUNT_MODE = '1.61.18'; // f6fa2399c, 2025-02-25 (#8668)
const ALLOWED_FAILS_VS_GLOBAL = '1.49.6'; // 891e9001b, 2024-10-16 (#6258): _is_allowed_fails_set_on_router
const BAD_GATEWAY_ERROR = '1.79.2'; // c497b6f23, 2025-11-06 (#16288): BadGatewayError for a 502
const RETRY_SLEEP_IN_LOOP = '1.35.34'; // 87ff26ff2, 2024-04-30: sleep after each failed retry
const RETRY_CONSTANTS = '1.65.3'; // 8ee32291e, 2025-04-02 (#9709): JITTER = 0.75 replaces 1 - 0.25 U
const RETRY_JITTER_ADDED = '1.74.11'; // 52f097eb9, 2025-07-29 (#12901): jitter added, not multiplied
const TTL_FIRST_WRITE = '1.71.2'; // a78d121ef, 2025-05-24 (#11137): InMemoryCache.allow_ttl_override
const FALLBACK_DEPTH_PER_ENTRY = '1.61.5'; // 6b3bfa2b4, 2025-02-15 (#8558): fallback_depth raised per entry
const DEPLOYMENT_ID_CALLS = '1.40.20'; // 16889b847, 2024-06-19: call a specific deployment by its id
const FAILURE_MINIMUM_REQUESTS = '1.80.11'; // f25344484, 2025-12-12 (#17464)
const STRATEGY_VALIDATED = '1.80.12'; // 3f4a9d8d0, 2026-01-05 (#18624)
const LATENCY_BUFFER = '1.35.34'; // 90cdfef1c, 2024-04-30: lowest_latency_buffer
const V2_RPM_SELECTION = '1.56.3'; // d88de268d, 2024-12-27 (#7439): rpm_dict keyed by model id
const USAGE_V1_RPM_GE = '1.35.33'; // 89e655c79, 2024-04-30 (is-None limits from 47ca223d0, 1.34.11)

const RELEASE_RE = /^v?(\d+)\.(\d+)(?:\.(\d+))?(?:[.+-].*)?$/;

/** True for "1.80", "1.80.5", "v1.81.3-stable", "1.74.9.post1". */
export function isRelease(text: string): boolean {
  return RELEASE_RE.test(text.trim());
}

/**
 * Parses a release string; a missing patch is the newest known patch of that minor line, else 0.
 * Throws Error('not a LiteLLM release: ...') for anything else.
 */
export function parseRelease(text: string): Release {
  const m = RELEASE_RE.exec(text.trim());
  if (!m) throw new Error(`not a LiteLLM release: '${text}'`);
  const major = Number(m[1]);
  const minor = Number(m[2]);
  if (m[3] !== undefined) return { major, minor, patch: Number(m[3]) };
  let patch = 0;
  for (const [v] of KNOWN_RELEASES) {
    const k = RELEASE_RE.exec(v)!;
    if (Number(k[1]) === major && Number(k[2]) === minor) patch = Math.max(patch, Number(k[3] ?? 0));
  }
  return { major, minor, patch };
}

/** Negative when a < b, 0 when equal, positive when a > b (major.minor.patch). Strings are parsed. */
export function compareReleases(a: Release | string, b: Release | string): number {
  const x = typeof a === 'string' ? parseRelease(a) : a;
  const y = typeof b === 'string' ? parseRelease(b) : b;
  return x.major - y.major || x.minor - y.minor || x.patch - y.patch;
}

export function formatRelease(r: Release): string {
  return `${r.major}.${r.minor}.${r.patch}`;
}

/**
 * The value of `--litellm-version` / `litellm_version:` as a release: undefined → NEWEST_RELEASE,
 * a year alias → its release. Throws Error with a one-line message (naming the accepted forms)
 * for anything that is not a release, or for a release newer than NEWEST_RELEASE (not verified).
 */
export function resolveRelease(text: string | undefined): Release {
  const raw = (text ?? NEWEST_RELEASE).trim();
  const aliased = YEAR_ALIASES[raw] ?? raw;
  if (!isRelease(aliased)) {
    throw new Error(`expected a LiteLLM release such as 1.80 or 1.80.5 (or a year alias 2024, 2025, 2026), got '${text}'`);
  }
  const r = parseRelease(aliased);
  if (compareReleases(r, NEWEST_RELEASE) > 0) {
    throw new Error(`LiteLLM ${formatRelease(r)} is newer than the newest release gwcfg models (${NEWEST_RELEASE}); pass ${NEWEST_RELEASE} or older`);
  }
  return r;
}

/** One Router behaviour that gwcfg models, keyed to the releases that have it. */
export interface BehaviourRow {
  readonly id: string;
  /** What LiteLLM does, in one line. */
  readonly summary: string;
  /** LiteLLM source file and function. */
  readonly source: string;
  /** First release with the behaviour; null = every release gwcfg models. */
  readonly since: string | null;
  /** First release without it (removed), if any. */
  readonly until?: string;
  /** Name of the gwcfg test that pins it (test titles are searched for this exact string). */
  readonly test: string;
}

/**
 * Version-dependent Router behaviours. A row keyed to a named constant above was read from LiteLLM's
 * history (the commit is next to the constant); a row keyed to ERA_2026 (1.81.0) is approximate (see
 * there). docs/fidelity.md says which per row.
 */
export const BEHAVIOURS = [
  {
    id: 'max-parallel-full-waits',
    summary: 'a deployment at max_parallel_requests makes the caller wait for a slot (asyncio.Semaphore, later MaxParallelRequestsLimiter), never a 429',
    source: 'litellm/router_utils/client_initalization_utils.py InitalizeCachedClient.set_max_parallel_requests_client; litellm/router.py Router._acompletion',
    since: null,
    test: 'max_parallel_requests: a full deployment makes the caller wait in every release, never a 429',
  },
  {
    id: 'max-parallel-falsy-no-cap',
    summary: 'a falsy derived max_parallel_requests (rpm: 0, max_parallel_requests: 0) installs no limiter, so no cap',
    source: 'litellm/router_utils/client_initalization_utils.py InitalizeCachedClient.set_max_parallel_requests_client (`if calculated_max_parallel_requests`); litellm/utils.py calculate_max_parallel_requests',
    since: null,
    test: 'rpm 0 or max_parallel_requests 0 installs no concurrency cap (every release)',
  },
  {
    id: 'cooldown-time-default-5s',
    summary: 'router cooldown_time unset or 0 means 5 s (`cooldown_time or DEFAULT_COOLDOWN_TIME_SECONDS`); before: `or 60` (from 1.39.5, row cooldown-time-default-60s), earlier `or 1`',
    source: 'litellm/router.py Router.__init__; litellm/router_utils/cooldown_handlers.py DEFAULT_COOLDOWN_TIME_SECONDS (later litellm/constants.py)',
    since: PERCENT_COOLDOWN,
    test: 'cooldown_time unset or 0 is 5 s from 1.46.0, 60 s from 1.39.5, 1 s before',
  },
  {
    id: 'cooldown-time-default-60s',
    summary: 'router cooldown_time unset or 0 means 60 s (`cooldown_time or 60`); before 1.39.5: `or 1`',
    source: 'litellm/router.py Router.__init__, Router._set_cooldown_deployments',
    since: COOLDOWN_TIME_60S,
    until: PERCENT_COOLDOWN,
    test: 'cooldown_time unset or 0 is 5 s from 1.46.0, 60 s from 1.39.5, 1 s before',
  },
  {
    id: 'allowed-fails-zero-kept',
    summary: 'router allowed_fails 0 is kept (`is not None`); before: `allowed_fails or litellm.allowed_fails` made 0 mean 3',
    source: 'litellm/router.py Router.__init__',
    since: ALLOWED_FAILS_IS_NOT_NONE,
    test: 'allowed_fails 0 is kept from 1.43.1; 1.43.0 read it as the default 3',
  },
  {
    id: 'failure-rate-cooldown',
    summary: 'with the default allowed_fails and no allowed_fails_policy, cooldowns follow the failure rate of the 60 s window (percentage mode); before, every release counted failures against allowed_fails (default 3) and cooled at once on a status that is not retried (401, 404)',
    source: 'litellm/router_utils/cooldown_handlers.py _should_cooldown_deployment; before: litellm/router.py Router._set_cooldown_deployments',
    since: PERCENT_COOLDOWN,
    test: 'before 1.46.0 cooldowns count failures against allowed_fails; from 1.46.0 the failure rate decides',
  },
  {
    id: 'single-deployment-never-cooled',
    summary: 'a deployment whose group has one deployment is never cooled, in either mode and for any status (Router._is_cooldown_required base case)',
    source: 'litellm/router.py Router._is_cooldown_required (moved to cooldown_handlers.py and removed in 1.59.1)',
    since: SINGLE_DEPLOYMENT_BASE_CASE,
    until: SINGLE_DEPLOYMENT_TRAFFIC,
    test: 'a single-deployment group is never cooled from 1.44.26 to 1.59.0; 1.59.1 cools it on a 401 or 100% failures of 1000 requests',
  },
  {
    id: 'percent-first-request-exempt',
    summary: 'percentage mode: a failure that is the only request of the window never cools (`total_requests_this_minute == 1`), unless a 429',
    source: 'litellm/router_utils/cooldown_handlers.py _should_cooldown_deployment',
    since: PERCENT_COOLDOWN,
    until: SINGLE_DEPLOYMENT_TRAFFIC,
    test: 'percentage mode before 1.59.1: the only request of the window never cools, unless a 429',
  },
  {
    id: 'single-deployment-count-mode-exempt',
    summary: 'count mode (allowed_fails or allowed_fails_policy set) skips a one-deployment group (`elif not is_single_deployment_model_group`); from 1.61.18 it counts it like any other',
    source: 'litellm/router_utils/cooldown_handlers.py _should_cooldown_deployment',
    since: SINGLE_DEPLOYMENT_TRAFFIC,
    until: SINGLE_DEPLOYMENT_COUNT_MODE,
    test: 'count mode cools a single-deployment group except from 1.59.1 to 1.61.17',
  },
  {
    id: 'invalid-strategy-raises',
    summary: 'an unknown routing_strategy raises at startup; before, the Router started and every request failed',
    source: 'litellm/router.py Router.routing_strategy_init',
    since: STRATEGY_VALIDATED,
    test: 'behaviour 55: an invalid routing_strategy fails at construction ([2024]: accepted, every pick fails)',
  },
  {
    id: 'max-parallel-tpm-times-6',
    summary: 'max_parallel_requests derived from tpm is int(tpm/1000*6); before: int(tpm/1000/6)',
    source: 'litellm/utils.py calculate_max_parallel_requests',
    since: ERA_2026,
    test: 'concurrencyLimit derives max_parallel_requests as LiteLLM does',
  },
  {
    id: 'usage-v2-precall-rpm-check',
    summary: 'usage-based-routing-v2 selection skips a deployment when rpm_used + 1 >= rpm; before, that test never fired (rpm counters keyed `{id}:rpm:{minute}` were looked up by bare id), so only the call-start check (async_pre_call_check, every release) enforced rpm, with a 429',
    source: 'litellm/router_strategy/lowest_tpm_rpm_v2.py LowestTPMLoggingHandler_v2._common_checks_available_deployment, async_pre_call_check',
    since: V2_RPM_SELECTION,
    test: 'behaviour 16: v2 filters out a deployment at its RPM limit (rpm_used + 1 >= rpm)',
  },
  {
    id: 'latency-buffer-random-pick',
    summary: 'latency-based-routing picks at random among deployments within lowest*(1+lowest_latency_buffer); before: the first lowest',
    source: 'litellm/router_strategy/lowest_latency.py LowestLatencyLoggingHandler._get_available_deployments',
    since: LATENCY_BUFFER,
    test: 'latency-based routing before 1.35.34 picks the first lowest deployment, no buffer',
  },
  {
    id: 'latency-sliding-window',
    summary: 'the latency list keeps the newest max_latency_list_size samples and TTFT in seconds; before: replace the last sample, TTFT per output token',
    source: 'litellm/router_strategy/lowest_latency.py LowestLatencyLoggingHandler.async_log_success_event',
    since: ERA_2026,
    test: 'latency list keeps the newest max_latency_list_size samples ([2026]); older versions replace the last',
  },
  {
    id: 'shuffle-weights-any-candidate',
    summary: 'simple-shuffle uses weights when any candidate has one (missing = 0); before: only when the first has one',
    source: 'litellm/router_strategy/simple_shuffle.py simple_shuffle',
    since: ERA_2026,
    test: 'behaviour 5: weights honoured when the first deployment has no weight ([2026]; [2025] uniform)',
  },
  {
    id: 'failure-minimum-requests',
    summary: 'the >50% failure rule needs at least DEFAULT_FAILURE_THRESHOLD_MINIMUM_REQUESTS (5) requests; 1.59.1 to 1.80.10 cooled on the first failure',
    source: 'litellm/router_utils/cooldown_handlers.py _should_cooldown_deployment; litellm/constants.py DEFAULT_FAILURE_THRESHOLD_MINIMUM_REQUESTS',
    since: FAILURE_MINIMUM_REQUESTS,
    test: 'behaviour 34: the >50% rule needs 5 requests in the window from 1.80.11; 1.80.10 cooled on the first failure',
  },
  {
    id: 'order-always-applied',
    summary: 'order tiers are always applied and drive the in-group order fallback; before, only with enable_pre_call_checks',
    source: 'litellm/router.py Router.async_get_healthy_deployments, _get_order_filtered_deployments',
    since: ERA_2026,
    test: '2026: order tier 2 serves when every tier-1 deployment is cooled or over its limits',
  },
  {
    id: 'ttft-percentile',
    summary: 'routing_strategy_args.ttft_percentile scores streams by a TTFT percentile',
    source: 'litellm/router_strategy/lowest_latency.py LowestLatencyLoggingHandler._get_available_deployments',
    since: ERA_2026,
    test: '2026: ttft_percentile scores streams by that percentile of the TTFT window instead of its mean',
  },
  {
    id: 'deployment-cooldown-policy',
    summary: 'model_info.allowed_fails / allowed_fails_policy / cooldown_time / blocked beat the router values',
    source: 'litellm/router_utils/cooldown_handlers.py _should_cooldown_deployment, _get_cooldown_time',
    since: ERA_2026,
    test: '2026: deployment-level model_info allowed_fails, allowed_fails_policy and cooldown_time beat the router; blocked is never routed',
  },
  {
    id: 'proxy-first-failure-only',
    summary: 'the proxy runs the cooldown callback only on the first failure of a request per group entered',
    source: 'litellm/router.py Router.deployment_callback_on_failure (proxy logging object shared across retries)',
    since: ERA_2026,
    test: '2026 proxy: only the first failure of a request (per group entered) runs the cooldown callback; fallback hops count',
  },
  {
    id: 'deployment-id-bypasses-cooldown',
    summary: 'a request naming a deployment id is served even while that deployment cools: _common_checks_available_deployment returns the deployment itself (a dict), which async_get_available_deployment / async_get_healthy_deployments return before the cooldown filter',
    source: 'litellm/router.py Router._common_checks_available_deployment (model id path), Router.async_get_healthy_deployments',
    since: DEPLOYMENT_ID_CALLS,
    test: 'a deployment id request bypasses the strategy and, from 1.40.20, the cooldown filter',
  },
  {
    id: 'health-check-routing',
    summary: 'enable_health_check_routing filters deployments whose latest health check failed',
    source: 'litellm/router_utils/health_state_cache.py; litellm/router.py Router._filter_health_check_unhealthy',
    since: ERA_2026,
    test: '[2026] enable_health_check_routing: the latest failed probe filters, stale results and all-fail bypass',
  },
  {
    id: 'retry-policy-default-retries',
    summary: 'retry_policy.DefaultRetries applies to error classes without their own key; an applicable policy skips the no-retry rules',
    source: 'litellm/router_utils/get_retry_from_policy.py get_num_retries_from_retry_policy',
    since: ERA_2026,
    test: 'retry_policy DefaultRetries and policy precedence from 1.81',
  },
  {
    id: 'no-retry-non-retryable',
    summary: 'non-retryable statuses other than 401/403 are not retried; 403 on a group of one is not retried',
    source: 'litellm/router.py Router.should_retry_this_error',
    since: ERA_2026,
    test: '[2026] plain 4xx errors are not retried; [2025] they are while deployments are healthy',
  },
  {
    id: 'retry-backoff-capped-8s',
    summary: 'retry sleep min(max(INITIAL_RETRY_DELAY 0.5 s * 2^n, retry_after), MAX_RETRY_DELAY 8 s) + U(0, JITTER 0.75 s), and a Retry-After of at most 60 s plus the same jitter; before: max(min(0.5 s * 2^n, 8 s) * (1 - 0.25 U), retry_after) (1.65.3 to 1.74.10: * 0.75 U, row retry-jitter-scaled-075), a Retry-After of at most 60 s exactly',
    source: 'litellm/utils.py _calculate_retry_after; litellm/constants.py INITIAL_RETRY_DELAY, MAX_RETRY_DELAY, JITTER',
    since: RETRY_JITTER_ADDED,
    test: 'retry sleep: 0 with healthy peers; backoff on a single deployment; Retry-After ≤ 60 s honoured',
  },
  {
    id: 'retry-jitter-scaled-075',
    summary: 'retry sleep max(min(0.5 s * 2^n, 8 s) * JITTER 0.75 * U, retry_after) (`sleep_seconds * jitter` with `jitter = JITTER * random.random()`), so between 0 and 75% of the backoff',
    source: 'litellm/utils.py _calculate_retry_after; litellm/constants.py JITTER',
    since: RETRY_CONSTANTS,
    until: RETRY_JITTER_ADDED,
    test: 'retry backoff by release: ×(1 − 0.25U) before 1.65.3, ×0.75U to 1.74.10, +0.75U jitter from 1.74.11',
  },
  {
    id: 'retry-sleep-after-last-attempt',
    summary: 'async_function_with_retries sleeps _time_to_sleep_before_retry after every failed retry, the last one included, before raising to the fallbacks',
    source: 'litellm/router.py Router.async_function_with_retries',
    since: RETRY_SLEEP_IN_LOOP,
    test: 'retry backoff by release: ×(1 − 0.25U) before 1.65.3, ×0.75U to 1.74.10, +0.75U jitter from 1.74.11',
  },
  {
    id: 'fallback-skips-attempted',
    summary: 'a fallback target already attempted by this request is skipped',
    source: 'litellm/router_utils/fallback_event_handlers.py run_async_fallback',
    since: ERA_2026,
    test: 'fallback targets already attempted are skipped from 1.81',
  },
  {
    id: 'latest-primary-error',
    summary: 'the client sees the latest retry error of the primary group (not the first), also after failed fallbacks',
    source: 'litellm/router.py Router.async_function_with_retries, async_function_with_fallbacks_common_utils',
    since: ERA_2026,
    test: 'the client sees the latest retry error from 1.81',
  },
  {
    id: 'success-fail-windows-split',
    summary: 'percentage cooldown reads two in-memory counters, {id}:successes and {id}:fails, each with its own 60 s TTL (from its first write from 1.71.2, row counter-ttl-first-write)',
    source: 'litellm/router_utils/router_callbacks/track_deployment_metrics.py increment_deployment_*_for_current_minute',
    since: PERCENT_COOLDOWN,
    test: 'percentage cooldown: successes and failures are two counters with separate 60 s windows from their first write',
  },
  {
    id: 'counter-ttl-first-write',
    summary: 'a live in-memory key keeps its ttl (InMemoryCache.allow_ttl_override): the percentage counters expire 60 s after their first write and the count-mode failed_calls count cooldown_time after its first failure; before, every write restarted the ttl, so they expired after their latest write',
    source: 'litellm/caching/in_memory_cache.py InMemoryCache.set_cache, allow_ttl_override; litellm/router_utils/cooldown_handlers.py should_cooldown_based_on_allowed_fails_policy',
    since: TTL_FIRST_WRITE,
    test: 'cooldown counters expire after their first write from 1.71.2, after their latest write before',
  },
  {
    id: 'allowed-fails-policy-zero-kept',
    summary: 'an allowed_fails_policy value of 0 is kept (`is not None`): the first failure of that class cools; before, `policy or allowed_fails` fell back to allowed_fails',
    source: 'litellm/router_utils/cooldown_handlers.py should_cooldown_based_on_allowed_fails_policy',
    since: ERA_2026,
    test: 'allowed_fails_policy 0 cools on the first failure from 1.81; before, 0 fell back to allowed_fails',
  },
  {
    id: 'policy-error-classes',
    summary: 'allowed_fails_policy also reads InternalServerErrorAllowedFails, ServiceUnavailableErrorAllowedFails, BadGatewayErrorAllowedFails and NotFoundErrorAllowedFails (_EXCEPTION_POLICY_FIELDS); before, Router.get_allowed_fails_from_policy read only the BadRequest, Authentication, Timeout, RateLimit and ContentPolicyViolation keys, so any other error counted against allowed_fails',
    source: 'litellm/router_utils/cooldown_handlers.py _EXCEPTION_POLICY_FIELDS; before: litellm/router.py Router.get_allowed_fails_from_policy',
    since: ERA_2026,
    test: 'allowed_fails_policy reads the 5xx and 404 keys from 1.81; through 1.80.15 only five error classes have a key',
  },
  {
    id: 'bad-gateway-error',
    summary: 'a 502 is litellm.BadGatewayError, matched by BadGatewayErrorAllowedFails (read from policy-error-classes), not by InternalServerErrorAllowedFails',
    source: 'litellm/exceptions.py BadGatewayError; litellm/litellm_core_utils/exception_mapping_utils.py exception_type; litellm/router_utils/cooldown_handlers.py _EXCEPTION_POLICY_FIELDS',
    since: BAD_GATEWAY_ERROR,
    test: 'a 502 is BadGatewayError: BadGatewayErrorAllowedFails applies, InternalServerErrorAllowedFails does not',
  },
  {
    id: 'deployment-allowed-fails-single-exempt',
    summary: 'model_info.allowed_fails (without a matching model_info.allowed_fails_policy entry) keeps the single-deployment exemption: a one-deployment group is not cooled by it',
    source: 'litellm/router_utils/cooldown_handlers.py _should_cooldown_based_on_deployment_policy',
    since: ERA_2026,
    test: 'model_info.allowed_fails on a single-deployment group keeps the single-deployment exemption',
  },
  {
    id: 'latency-map-ttl-first-write',
    summary: 'the latency map {group}_map gets its ttl on its first write and a live ttl is never extended, so the whole map expires ttl after it was created; before, every write restarted the ttl (the map expired ttl after its latest write)',
    source: 'litellm/router_strategy/lowest_latency.py LowestLatencyLoggingHandler.async_log_success_event; litellm/caching/in_memory_cache.py InMemoryCache.allow_ttl_override',
    since: TTL_FIRST_WRITE,
    test: 'latency map TTL runs from its first write and is never extended',
  },
  {
    id: 'usage-v2-retry-after-60',
    summary: 'usage-based-routing-v2 answers "no deployments" and its pre-call rpm 429 with retry-after: 60, so a retry sleeps 60 s (not to the end of the minute)',
    source: 'litellm/router_strategy/lowest_tpm_rpm_v2.py LowestTPMLoggingHandler_v2.async_get_available_deployments, async_pre_call_check',
    since: null,
    test: 'usage-based-routing-v2 no-deployments 429 carries Retry-After 60 s',
  },
  {
    id: 'fallback-depth-on-entry',
    summary: 'max_fallbacks is checked only when a fallback chain starts (fallback_depth >= max_fallbacks): every entry of a flat list is tried, each one hop deeper; [2026] order tiers are entries of the same chain',
    source: 'litellm/router_utils/fallback_event_handlers.py run_async_fallback; litellm/router.py Router.async_function_with_fallbacks_common_utils',
    since: null,
    test: 'max_fallbacks bounds the fallback depth on entry; every entry of a flat list is tried',
  },
  {
    id: 'fallback-depth-per-entry',
    summary: 'run_async_fallback enters each entry of a fallback list one hop deeper than the entry before it (fallback_depth raised per entry tried); before, every entry was entered at the list\'s depth + 1, so a later entry could still fall back further',
    source: 'litellm/router_utils/fallback_event_handlers.py run_async_fallback',
    since: FALLBACK_DEPTH_PER_ENTRY,
    test: 'fallback depth grows per entry tried from 1.61.5; before, every entry was entered at depth + 1',
  },
  {
    id: 'content-policy-no-entry-raises',
    summary: 'a content-policy error with content_policy_fallbacks set but no entry for the group raises the original error (no generic or default hop)',
    source: 'litellm/router.py Router.async_function_with_fallbacks_common_utils',
    since: null,
    test: 'behaviour 48: content-policy errors use content_policy_fallbacks (unset: the generic list), not the other lists',
  },
  {
    id: 'deployment-num-retries-first',
    summary: "the failed deployment's litellm_params.num_retries (raised on the exception as e.num_retries) beats the request's num_retries, which beats the router's",
    source: 'litellm/router.py Router.async_function_with_retries (`deployment_num_retries = getattr(e, "num_retries", None)`)',
    since: null,
    test: 'num_retries precedence: failed deployment > request > router',
  },
  {
    id: 'tags-before-order',
    summary: 'the tag filter runs before the order filter, so a tagged higher-order deployment serves a matching request; before, _pre_call_checks (which held the order filter, with enable_pre_call_checks) ran before get_deployments_for_tag, so the lowest order won and the tag filter only chose within it',
    source: 'litellm/router.py Router.async_get_healthy_deployments (tag filter, then _get_order_filtered_deployments; through 1.80.15 _pre_call_checks, then get_deployments_for_tag)',
    since: ERA_2026,
    test: 'tags are filtered before order tiers',
  },
  {
    id: 'weighted-failover',
    summary: 'enable_weighted_failover (simple-shuffle): after a retryable failure the group re-picks, weighted, among its deployments not yet tried by the request, before cross-group fallbacks; each re-pick is a fallback hop bounded by max_fallbacks',
    source: 'litellm/router.py Router.__init__ (enable_weighted_failover), Router.async_function_with_fallbacks_common_utils',
    since: ERA_2026,
    test: 'enable_weighted_failover re-picks another deployment of the group before cross-group fallbacks (1.81+)',
  },
  {
    id: 'retry-skips-auth-failed-deployment',
    summary: 'a retry does not pick again a deployment that answered 401 or 403 to this request (_deployment_ids_to_skip_on_retry)',
    source: 'litellm/router.py Router.async_function_with_retries',
    since: ERA_2026,
    test: 'a retry skips the deployment that answered 401/403 (1.81+)',
  },
  {
    id: 'usage-v1-is-none-limits',
    summary: 'usage-based-routing (v1) resolves tpm/rpm with `is None` (0 is a hard zero), excludes a used deployment when rpm_used + 1 >= rpm, and takes the lowest tpm_used; before: an `or` chain (0 = unlimited), rpm_used + 1 > rpm, and the first unused deployment at once',
    source: 'litellm/router_strategy/lowest_tpm_rpm.py LowestTPMLoggingHandler.get_available_deployments',
    since: USAGE_V1_RPM_GE,
    test: 'usage-based-routing v1 from 1.35.33: is-None limits (tpm 0 = never) and rpm_used + 1 >= rpm',
  },
  {
    id: 'litellm-settings-cooldown-time-unread',
    summary: 'the Router takes cooldown_time only as its own argument (router_settings); litellm_settings.cooldown_time sets an unused module attribute',
    source: 'litellm/router.py Router.__init__ (`cooldown_time or DEFAULT_COOLDOWN_TIME_SECONDS`)',
    since: null,
    test: 'litellm_settings.cooldown_time is not read by the Router',
  },
  {
    id: 'model-info-order',
    summary: 'order is read from litellm_params.order, else model_info.order (_get_deployment_order); before, only litellm_params.order, so model_info.order was ignored',
    source: 'litellm/utils.py _get_deployment_order, _get_order_filtered_deployments',
    since: ERA_2026,
    test: 'model_info.order is an order tier from 1.81; 1.80 reads order only from litellm_params',
  },
  {
    id: 'allowed-fails-vs-global',
    summary: 'count-mode cooldowns when Router.allowed_fails (router_settings, else litellm.allowed_fails) differs from litellm.allowed_fails (litellm_settings, else 3) or allowed_fails_policy is set; allowed_fails written only in litellm_settings keeps the failure-rate mode. Before (1.46.0 to 1.49.5) only allowed_fails_policy selected count mode',
    source: 'litellm/router_utils/cooldown_handlers.py _is_allowed_fails_set_on_router, _should_cooldown_deployment; litellm/router.py Router.__init__',
    since: ALLOWED_FAILS_VS_GLOBAL,
    test: 'allowed_fails in litellm_settings alone keeps percentage cooldowns; count mode only when Router.allowed_fails differs from it',
  },
  {
    id: 'midstream-fallback',
    summary: 'a stream that fails after its first chunk (MidStreamFallbackError) goes to the group\'s fallbacks, skipping same-group retries; before, the client saw the failure (no retry, no fallback)',
    source: 'litellm/router.py Router._acompletion_streaming_iterator (FallbackStreamWrapper → async_function_with_fallbacks_common_utils); litellm/exceptions.py MidStreamFallbackError',
    since: MIDSTREAM_FALLBACK,
    test: 'mid-stream failure: no retry or fallback before 1.74.13, the fallback chain (no same-group retry) from it',
  },
] as const satisfies readonly BehaviourRow[];

export type BehaviourId = (typeof BEHAVIOURS)[number]['id'];

/** Which behaviours a release has: one boolean per row, computed once per Router. */
export type BehaviourFlags = Readonly<Record<BehaviourId, boolean>>;

/** True when release `r` has behaviour `row` (since ≤ r < until). */
export function releaseHas(r: Release, row: BehaviourRow): boolean {
  if (row.since !== null && compareReleases(r, row.since) < 0) return false;
  if (row.until !== undefined && compareReleases(r, row.until) >= 0) return false;
  return true;
}

const flagsByRelease = new WeakMap<Release, BehaviourFlags>();

/**
 * The behaviour flags of release `r`, computed once per release object (frozen, so callers share
 * it): lint rules ask per deployment and rule, and each computation compares every row's releases.
 */
export function behaviourFlags(r: Release): BehaviourFlags {
  let flags = flagsByRelease.get(r);
  if (flags === undefined) {
    // Object.fromEntries makes an object with fast properties; one filled key by key turns into a
    // hash table past a dozen keys, and hot paths (a success's cooldown counter) read these flags.
    flags = Object.freeze(Object.fromEntries(BEHAVIOURS.map((row) => [row.id, releaseHas(r, row)])) as Record<BehaviourId, boolean>);
    flagsByRelease.set(r, flags);
  }
  return flags;
}
