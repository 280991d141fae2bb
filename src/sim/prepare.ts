// Shared by the command and the worker threads: from a parsed config and an optional scenario
// file to a checked Scenario (or positioned diagnostics).
import { Router } from '../routing/router.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { defaultScenario } from './default-scenario.js';
import { loadScenario, type Scenario } from './scenario.js';
import { configTargets } from './targets.js';

export interface ScenarioSource {
  file: string;
  text: string;
}

export type Prepared = { ok: true; scenario: Scenario } | { ok: false; diagnostics: Diagnostic[] };

export function prepareScenario(config: unknown, source: ScenarioSource | null): Prepared {
  // A throwaway router: only its view of deployments and names is used here.
  const router = Router.fromConfig(config, { random: () => 0.5 });
  if (source === null) return { ok: true, scenario: defaultScenario(router) };
  return loadScenario(source.file, source.text, configTargets(config, router));
}
