// LiteLLM counts every fallback attempt of a request, nested ones included, and stops at
// max_fallbacks (default 5; LiteLLM run_async_fallback in litellm/router_utils/fallback_event_handlers.py). Targets that need more attempts are never tried.
import type { Rule } from '../../types.js';
import { fallbackEdges, fallbackLookup, FALLBACK_KINDS, maxFallbacks, type FallbackEdge } from '../_shared/fallbacks.js';

interface Reach {
  attempts: number;
  path: string[];
}

const rule: Rule = {
  meta: {
    id: 'fallbacks/too-deep',
    description: 'a fallback that can only be reached after more attempts than max_fallbacks allows',
    severity: 'warning',
    fixable: false,
    docs: 'docs/rules/fallbacks/too-deep.md',
  },
  check({ model, report }) {
    const edges = fallbackEdges(model);
    const max = maxFallbacks(model).value;
    const reported = new Set<FallbackEdge>();
    for (const kind of FALLBACK_KINDS) {
      const from = fallbackLookup(edges, kind);
      if (!edges.some((e) => e.kind === kind)) continue;
      const primaries = new Set<string>(model.groups.keys());
      for (const e of edges) if (e.kind === kind && e.from !== '*') primaries.add(e.from);
      for (const primary of primaries) {
        // Fewest attempts to reach each group (earlier list entries fail first), searched only
        // within the budget; edges that leave it are candidates.
        const dist = new Map<string, Reach>([[primary, { attempts: 0, path: [primary] }]]);
        const beyond: Array<{ edge: FallbackEdge; reach: Reach }> = [];
        const queue = [primary];
        while (queue.length > 0) {
          queue.sort((a, b) => dist.get(a)!.attempts - dist.get(b)!.attempts);
          const group = queue.shift()!;
          const here = dist.get(group)!;
          for (const edge of from(group)) {
            if (edge.to === group || edge.to === primary) continue;
            const reach = { attempts: here.attempts + edge.index + 1, path: [...here.path, edge.to] };
            if (reach.attempts > max) {
              beyond.push({ edge, reach });
              continue;
            }
            const known = dist.get(edge.to);
            if (known && known.attempts <= reach.attempts) continue;
            dist.set(edge.to, reach);
            queue.push(edge.to);
          }
        }
        for (const { edge, reach } of beyond) {
          if (dist.has(edge.to) || reported.has(edge)) continue;
          reported.add(edge);
          report({
            at: edge.location,
            on: 'value',
            message: `a request for '${primary}' reaches fallback '${edge.to}' only as attempt ${reach.attempts} (${reach.path.join(' → ')}), but max_fallbacks is ${max}: LiteLLM stops before it, so this fallback is never tried for '${primary}'. Shorten the chain or raise max_fallbacks`,
          });
        }
      }
    }
  },
};

export default rule;
