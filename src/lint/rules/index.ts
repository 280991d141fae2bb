// Every built-in lint rule, sorted by id. Static imports: no filesystem discovery at run time.
import type { Rule } from '../types.js';
import aliasesShadowsGroup from './aliases/shadows-group.js';
import aliasesUnknownGroup from './aliases/unknown-group.js';
import cooldownsAllCooledNoFallback from './cooldowns/all-cooled-no-fallback.js';
import cooldownsSingleDeploymentNoFallback from './cooldowns/single-deployment-no-fallback.js';
import cooldownsZeroCooldown from './cooldowns/zero-cooldown.js';
import duplicatesIdenticalDeployment from './duplicates/identical-deployment.js';
import duplicatesModelInfoId from './duplicates/model-info-id.js';
import envShellStyleReference from './env/shell-style-reference.js';
import envUnsetVariable from './env/unset-variable.js';
import fallbacksCycle from './fallbacks/cycle.js';
import fallbacksModeMismatch from './fallbacks/mode-mismatch.js';
import fallbacksSelfReference from './fallbacks/self-reference.js';
import fallbacksSmallerContext from './fallbacks/smaller-context.js';
import fallbacksTooDeep from './fallbacks/too-deep.js';
import fallbacksUnknownGroup from './fallbacks/unknown-group.js';
import healthChecksNotRouting from './health/checks-not-routing.js';
import healthKeysInRouterSettings from './health/keys-in-router-settings.js';
import replicasUnsharedLimits from './replicas/unshared-limits.js';
import retriesNoBackoff from './retries/no-backoff.js';
import retriesTooMany from './retries/too-many.js';
import secretsLiteralSecret from './secrets/literal-secret.js';
import settingsCompletionModel from './settings/completion-model.js';
import settingsDeadSetting from './settings/dead-setting.js';
import settingsOverridden from './settings/overridden.js';
import settingsTimeoutAsCircuitReset from './settings/timeout-as-circuit-reset.js';
import settingsUnknownKey from './settings/unknown-key.js';
import settingsWrongSection from './settings/wrong-section.js';
import strategiesCostBasedUnpriced from './strategies/cost-based-unpriced.js';
import strategiesLimitsNotEnforced from './strategies/limits-not-enforced.js';
import strategiesOrderWithoutPreCallChecks from './strategies/order-without-pre-call-checks.js';
import strategiesShuffleNotRoundRobin from './strategies/shuffle-not-round-robin.js';
import strategiesSingleDeployment from './strategies/single-deployment.js';
import strategiesUsageBasedWithoutLimits from './strategies/usage-based-without-limits.js';
import valuesUnreplacedPlaceholder from './values/unreplaced-placeholder.js';
import weightsAllZero from './weights/all-zero.js';
import weightsIgnoredByStrategy from './weights/ignored-by-strategy.js';
import weightsMixedScale from './weights/mixed-scale.js';
import weightsOutsideLitellmParams from './weights/outside-litellm-params.js';
import weightsPartial from './weights/partial.js';
import weightsPercentSum from './weights/percent-sum.js';

export const rules: readonly Rule[] = [
  aliasesShadowsGroup,
  aliasesUnknownGroup,
  cooldownsAllCooledNoFallback,
  cooldownsSingleDeploymentNoFallback,
  cooldownsZeroCooldown,
  duplicatesIdenticalDeployment,
  duplicatesModelInfoId,
  envShellStyleReference,
  envUnsetVariable,
  fallbacksCycle,
  fallbacksModeMismatch,
  fallbacksSelfReference,
  fallbacksSmallerContext,
  fallbacksTooDeep,
  fallbacksUnknownGroup,
  healthChecksNotRouting,
  healthKeysInRouterSettings,
  replicasUnsharedLimits,
  retriesNoBackoff,
  retriesTooMany,
  secretsLiteralSecret,
  settingsCompletionModel,
  settingsDeadSetting,
  settingsOverridden,
  settingsTimeoutAsCircuitReset,
  settingsUnknownKey,
  settingsWrongSection,
  strategiesCostBasedUnpriced,
  strategiesLimitsNotEnforced,
  strategiesOrderWithoutPreCallChecks,
  strategiesShuffleNotRoundRobin,
  strategiesSingleDeployment,
  strategiesUsageBasedWithoutLimits,
  valuesUnreplacedPlaceholder,
  weightsAllZero,
  weightsIgnoredByStrategy,
  weightsMixedScale,
  weightsOutsideLitellmParams,
  weightsPartial,
  weightsPercentSum,
].sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));
