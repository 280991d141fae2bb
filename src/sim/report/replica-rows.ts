// The scenario's proxy replicas (`gateway:`) as rows of text, shared by the terminal table and the
// Markdown summary. Shown only when there is more than one replica: with one, the totals say it all.
import type { GatewayResult, SimResult } from '../result.js';

export const REPLICA_HEADER = ['replica', 'requests', 'ok', 'failed', 'calls', 'gateway 429', 'no deployment'] as const;
export const REPLICA_ALIGN = ['l', 'r', 'r', 'r', 'r', 'r', 'r'] as const;

/** The gateway with several replicas, or null when the run had one. */
export function multiReplicaGateway(r: SimResult): GatewayResult | null {
  return r.gateway && r.gateway.replicas > 1 ? r.gateway : null;
}

/** Items (the table puts two spaces between them): replica count, balancer, whether the replicas
 * share cooldowns and usage counters through Redis. */
export function replicaSummary(g: GatewayResult): string[] {
  const shared = g.redis ? `shared state: Redis${g.redis_from ? ` (${g.redis_from})` : ''}` : 'shared state: none (each replica counts alone)';
  return [`replicas ${g.replicas}`, `balancer ${g.balancer}`, shared];
}

/** One row per replica, in REPLICA_HEADER order (counts as numbers). */
export function replicaRows(g: GatewayResult): (string | number)[][] {
  return g.per_replica.map((p) => [`#${p.replica}`, p.requests, p.succeeded, p.failed, p.calls, p.gateway_rate_limited, p.no_deployment]);
}
