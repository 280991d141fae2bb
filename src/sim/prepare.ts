// Shared by the command and the worker threads: from a parsed config and an optional scenario
// file to a checked Scenario (or positioned diagnostics).
import { Router, type LitellmVersion } from '../routing/router.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { defaultScenario } from './default-scenario.js';
import { loadScenario, type RunLength, type Scenario } from './scenario.js';
import { configTargets } from './targets.js';

export interface ScenarioSource {
  file: string;
  text: string;
}

export type Prepared = { ok: true; scenario: Scenario } | { ok: false; diagnostics: Diagnostic[] };

/** `overrides`: the --duration / --requests flags, which change how much work the scenario asks for. */
export function prepareScenario(config: unknown, source: ScenarioSource | null, overrides: RunLength & { litellmVersion?: LitellmVersion } = {}): Prepared {
  // A throwaway router: only its view of deployments, names and settings is used here.
  const router = Router.fromConfig(config, { random: () => 0.5, litellmVersion: overrides.litellmVersion });
  if (source === null) return { ok: true, scenario: defaultScenario(router) };
  return loadScenario(source.file, source.text, configTargets(config, router), overrides);
}
