// simple-shuffle weights (LiteLLM simple_shuffle in litellm/router_strategy/simple_shuffle.py): litellm_params.weight, else rpm, else tpm, else uniform.
import type { DeploymentModel, GatewayModel, Location } from '../../../config/model.js';
import { limitOf } from './limits.js';
import { toNumber } from './values.js';

export interface WeightEntry {
  deployment: DeploymentModel;
  /** The number, or null when the deployment does not set it (or it is not numeric). */
  value: number | null;
  location: Location | null;
}

/** litellm_params.weight of each deployment of a group (the only weight LiteLLM reads). */
export function weightsOf(model: GatewayModel, group: readonly DeploymentModel[]): WeightEntry[] {
  return group.map((d) => {
    const present = d.params.weight !== undefined && d.params.weight !== null;
    return { deployment: d, value: present ? toNumber(d.params.weight) : null, location: present ? model.below(d.location, 'litellm_params', 'weight') : null };
  });
}

export type WeightSource = 'weight' | 'rpm' | 'tpm';

/**
 * The values simple-shuffle weighs a group by (newer LiteLLM: the first of weight, rpm, tpm
 * that any deployment sets with a positive maximum; missing values count as 0), or null for a
 * uniform pick.
 */
export function shuffleWeights(model: GatewayModel, group: readonly DeploymentModel[]): { source: WeightSource; entries: WeightEntry[] } | null {
  const sets: Array<[WeightSource, WeightEntry[]]> = [
    ['weight', weightsOf(model, group)],
    ['rpm', group.map((d) => limitEntry(model, d, 'rpm'))],
    ['tpm', group.map((d) => limitEntry(model, d, 'tpm'))],
  ];
  for (const [source, entries] of sets) {
    if (entries.some((e) => e.value !== null && e.value > 0)) return { source, entries };
  }
  return null;
}

function limitEntry(model: GatewayModel, d: DeploymentModel, name: 'rpm' | 'tpm'): WeightEntry {
  const limit = limitOf(model, d, name);
  return { deployment: d, value: limit?.value ?? null, location: limit?.location ?? null };
}

/** Each value's share of the total (missing values count as 0); all 0 when the total is 0. */
export function sharesOf(values: readonly (number | null)[]): number[] {
  const total = values.reduce<number>((sum, v) => sum + Math.max(0, v ?? 0), 0);
  return values.map((v) => (total > 0 ? Math.max(0, v ?? 0) / total : 0));
}
