// A deployment's rpm/tpm as LiteLLM reads them: litellm_params first, then the entry's top
// level (copied into litellm_params by set_model_list), then model_info (LiteLLM Router.set_model_list in litellm/router.py).
import type { DeploymentModel, GatewayModel, Location } from '../../../config/model.js';
import { toNumber } from './values.js';

export interface Limit {
  value: number | null;
  location: Location;
}

export function limitOf(model: GatewayModel, d: DeploymentModel, name: 'rpm' | 'tpm'): Limit | null {
  const places: Array<[Record<string, unknown>, string[]]> = [
    [d.params, ['litellm_params', name]],
    [d.entry, [name]],
    [d.info, ['model_info', name]],
  ];
  for (const [dict, path] of places) {
    const v = dict[name];
    if (v !== undefined && v !== null) return { value: toNumber(v), location: model.below(d.location, ...path) };
  }
  return null;
}

export function hasAnyLimit(model: GatewayModel, d: DeploymentModel): boolean {
  return limitOf(model, d, 'rpm') !== null || limitOf(model, d, 'tpm') !== null;
}

export const isWildcardName = (name: string) => name.includes('*');
