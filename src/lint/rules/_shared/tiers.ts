// `order` tiers. With enable_pre_call_checks the Router keeps only the deployments with the
// lowest litellm_params.order among the healthy ones (litellm/utils.py::
// _get_order_filtered_deployments, called from Router._pre_call_checks; read in 1.80.15), so a
// higher tier gets traffic only when every deployment of the tiers below is unavailable, and
// rules that compare deployments (weights, limits, prices) must compare them tier by tier.
import type { DeploymentModel, GatewayModel } from '../../../config/model.js';
import { routerFlag } from './settings.js';
import { toNumber } from './values.js';

export interface Tier {
  /** The model_name. */
  name: string;
  deployments: DeploymentModel[];
  /** litellm_params.order of this tier; null for deployments without one, or when tiers do not apply. */
  order: number | null;
  /** Whether the group is split into tiers at all. */
  tiered: boolean;
  /** Whether this is the tier that serves while it is healthy. */
  first: boolean;
}

/** litellm_params.order, the only place _get_order_filtered_deployments reads it. */
export const orderOf = (d: DeploymentModel): number | null => toNumber(d.params.order);

/** Whether the Router applies order tiers (they are a pre-call check). */
export const tiersApply = (model: GatewayModel): boolean => routerFlag(model, 'enable_pre_call_checks');

/** A group's deployments split into order tiers, lowest order first (deployments without an order last). */
export function tiersOfGroup(model: GatewayModel, name: string, group: readonly DeploymentModel[]): Tier[] {
  if (!tiersApply(model) || !group.some((d) => orderOf(d) !== null)) return [{ name, deployments: [...group], order: null, tiered: false, first: true }];
  const byOrder = new Map<number | null, DeploymentModel[]>();
  for (const d of group) {
    const o = orderOf(d);
    if (!byOrder.has(o)) byOrder.set(o, []);
    byOrder.get(o)!.push(d);
  }
  const orders = [...byOrder.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
  return orders.map((order, i) => ({ name, deployments: byOrder.get(order)!, order, tiered: true, first: i === 0 }));
}

/** Every tier of every group, in config order. */
export function tiers(model: GatewayModel): Tier[] {
  return [...model.groups].flatMap(([name, group]) => tiersOfGroup(model, name, group));
}

/** "'gpt-4o'" or "'gpt-4o' (order 2 tier)" for messages. */
export function tierLabel(t: Tier): string {
  if (!t.tiered) return `'${t.name}'`;
  return t.order === null ? `'${t.name}' (deployments without order)` : `'${t.name}' (order ${t.order} tier)`;
}
