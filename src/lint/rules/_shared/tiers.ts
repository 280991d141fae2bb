// `order` tiers. The Router keeps only the deployments with the lowest order among the healthy
// ones (litellm/utils.py::_get_order_filtered_deployments), so a higher tier gets traffic only when
// every deployment of the tiers below is unavailable, and rules that compare deployments (weights,
// limits, prices) must compare them tier by tier. Per release (src/routing/releases.ts rows):
// order-always-applied: from 1.81 always, before only as a pre-call check (enable_pre_call_checks,
// read in 1.80.15); model-info-order: from 1.81 model_info.order counts when litellm_params has
// none (_get_deployment_order), before only litellm_params.order.
import type { DeploymentModel, GatewayModel } from '../../../config/model.js';
import { behaviourFlags, type Release } from '../../../routing/releases.js';
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

/** The deployment's order as the release reads it: litellm_params.order, else (1.81+) model_info.order. */
export function orderOf(d: DeploymentModel, release: Release): number | null {
  const own = toNumber(d.params.order);
  if (own !== null || !behaviourFlags(release)['model-info-order']) return own;
  return toNumber(d.info.order);
}

/** Whether the Router applies order tiers: always from 1.81, before only as a pre-call check. */
export function tiersApply(model: GatewayModel, release: Release): boolean {
  return behaviourFlags(release)['order-always-applied'] || routerFlag(model, 'enable_pre_call_checks');
}

/** A group's deployments split into order tiers, lowest order first (deployments without an order last). */
export function tiersOfGroup(model: GatewayModel, release: Release, name: string, group: readonly DeploymentModel[]): Tier[] {
  if (!tiersApply(model, release) || !group.some((d) => orderOf(d, release) !== null)) return [{ name, deployments: [...group], order: null, tiered: false, first: true }];
  const byOrder = new Map<number | null, DeploymentModel[]>();
  for (const d of group) {
    const o = orderOf(d, release);
    if (!byOrder.has(o)) byOrder.set(o, []);
    byOrder.get(o)!.push(d);
  }
  const orders = [...byOrder.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a - b));
  return orders.map((order, i) => ({ name, deployments: byOrder.get(order)!, order, tiered: true, first: i === 0 }));
}

/** Every tier of every group, in config order. */
export function tiers(model: GatewayModel, release: Release): Tier[] {
  return [...model.groups].flatMap(([name, group]) => tiersOfGroup(model, release, name, group));
}

/** "'gpt-4o'" or "'gpt-4o' (order 2 tier)" for messages. */
export function tierLabel(t: Tier): string {
  if (!t.tiered) return `'${t.name}'`;
  return t.order === null ? `'${t.name}' (deployments without order)` : `'${t.name}' (order ${t.order} tier)`;
}
