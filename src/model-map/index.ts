// LiteLLM's model map: the built-in copy (distilled from BerriAI/litellm's
// model_prices_and_context_window.json by scripts/refresh-model-map.mts) or a user's copy given
// with --model-cost-map / `model_cost_map:` in .gwcfg.yaml.
import { BUILTIN_MAP_DATE, BUILTIN_MAP_FILE } from './builtin-data.js';
import { builtinTable } from './builtin-table.js';
import { indexModelRows, type ModelRow } from './distil.js';
import { ModelMap, indexedTable } from './map.js';

export { ModelMap, getModelInfo, providerOf, type ModelMapSource } from './map.js';
export type { ModelRow } from './distil.js';

let builtin: ModelMap | null = null;

/** The copy shipped with gwcfg (rows parse on their first lookup, see builtin-table.ts). */
export function builtinModelMap(): ModelMap {
  return (builtin ??= new ModelMap({ name: `built-in ${BUILTIN_MAP_FILE}`, date: BUILTIN_MAP_DATE }, builtinTable));
}

/** A map from distilled rows (a user's copy, or rows sent to a worker thread). */
export function modelMapFromRows(name: string, date: string | null, rows: readonly ModelRow[]): ModelMap {
  return new ModelMap({ name, date }, () => indexedTable(indexModelRows([...rows])));
}

let active: ModelMap | null = null;

/**
 * The map lint rules read: the built-in copy unless the lint command selected another for the
 * file being linted (rules take no map argument, so the command sets it before running them).
 */
export function activeModelMap(): ModelMap {
  return active ?? builtinModelMap();
}

export function setActiveModelMap(map: ModelMap | null): void {
  active = map;
}
