// Fallbacks that lead back to a group already in the chain. Each fallback runs the target's own
// fallbacks too (LiteLLM run_async_fallback in litellm/router_utils/fallback_event_handlers.py), so older releases ping-pong until max_fallbacks, retrying each hop.
import type { Rule } from '../../types.js';
import { fallbackEdges, fallbackLookup, FALLBACK_KINDS, type FallbackEdge } from '../_shared/fallbacks.js';
import { resolveDirect } from '../_shared/resolve.js';

const rule: Rule = {
  meta: {
    id: 'fallbacks/cycle',
    description: 'fallbacks that lead back to a group already in the chain (including default_fallbacks loops)',
    severity: 'warning',
    fixable: false,
    docs: 'docs/rules/fallbacks/cycle.md',
  },
  check({ model, report }) {
    const edges = fallbackEdges(model);
    for (const kind of FALLBACK_KINDS) {
      const groups = new Set<string>(model.groups.keys());
      for (const e of edges) if (e.kind === kind && e.from !== '*') groups.add(e.from);
      // Targets that are groups of this config; self-references have their own rule.
      const from = fallbackLookup(edges, kind);
      const memo = new Map<string, FallbackEdge[]>();
      const next = (g: string) => {
        let out = memo.get(g);
        if (!out) memo.set(g, (out = from(g).filter((e) => e.to !== g && groups.has(e.to) && resolveDirect(model, e.to)?.how !== 'id')));
        return out;
      };
      // One finding per loop (strongly connected set of groups), at the first edge that closes it.
      const reportedLoops = new Set<string>();
      const state = new Map<string, 'open' | 'done'>();
      const stack: Array<{ group: string; via: FallbackEdge | null }> = [];
      const visit = (group: string, via: FallbackEdge | null) => {
        state.set(group, 'open');
        stack.push({ group, via });
        for (const edge of next(group)) {
          const s = state.get(edge.to);
          if (s === undefined) visit(edge.to, edge);
          else if (s === 'open') {
            const members = loopOf(edge.to, next);
            const id = [...members].sort().join('\u0000');
            if (reportedLoops.has(id)) continue;
            reportedLoops.add(id);
            const start = stack.findIndex((f) => f.group === edge.to);
            const path = [...stack.slice(start).map((f) => f.group), edge.to];
            const viaDefault = edge.from === '*' || stack.slice(start + 1).some((f) => f.via?.from === '*');
            const others = members.size > path.length - 1 ? ` (${members.size} groups in all)` : '';
            report({
              at: edge.location,
              on: 'value',
              message: `fallback loop in ${kind}: ${path.join(' → ')}${others}${viaDefault ? ' (default_fallbacks also apply to fallback targets)' : ''}, so when these groups fail together, releases that retry tried groups bounce between them until max_fallbacks. End the chain in a group without fallbacks`,
            });
          }
        }
        stack.pop();
        state.set(group, 'done');
      };
      for (const g of groups) if (!state.has(g)) visit(g, null);
    }
  },
};

/** Groups that can both reach and be reached from `start` (its strongly connected set). */
function loopOf(start: string, next: (g: string) => FallbackEdge[]): Set<string> {
  const reach = (from: string, step: (g: string) => string[]) => {
    const seen = new Set<string>([from]);
    const queue = [from];
    while (queue.length > 0) for (const n of step(queue.shift()!)) if (!seen.has(n)) (seen.add(n), queue.push(n));
    return seen;
  };
  const forward = reach(start, (g) => next(g).map((e) => e.to));
  const members = new Set<string>();
  for (const g of forward) if (reach(g, (x) => next(x).map((e) => e.to)).has(start)) members.add(g);
  return members;
}

export default rule;
