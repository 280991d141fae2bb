// LiteLLM checks max_fallbacks only when it enters a group's fallback list
// (litellm/router_utils/fallback_event_handlers.py::run_async_fallback, "BASE CASE":
// fallback_depth >= max_fallbacks; read in 1.55.0, 1.63.0, 1.76.0, 1.80.15): every entry of an
// entered list is tried. Since 1.61.5 (BerriAI/litellm#8558) each entry is called with the depth
// raised by one per entry tried before it; earlier releases call every entry at depth + 1. A
// group reached at depth >= max_fallbacks never has its own fallbacks tried for that request.
import type { Rule } from '../../types.js';
import { fallbackEdges, fallbackLookup, FALLBACK_KINDS, maxFallbacks, type FallbackEdge } from '../_shared/fallbacks.js';
import { compareReleases, formatRelease } from '../../../routing/releases.js';

/** First release whose run_async_fallback raises the depth per entry tried (BerriAI/litellm#8558). */
export const CUMULATIVE_DEPTH_SINCE = '1.61.5';

interface Reach {
  depth: number;
  path: string[];
}

/** Fewest-depth reach of every group a request for `primary` can fall back to. */
export function fallbackDepths(primary: string, from: (group: string) => FallbackEdge[], max: number, cumulative = true): Map<string, Reach> {
  const dist = new Map<string, Reach>([[primary, { depth: 0, path: [primary] }]]);
  const queue = [primary];
  while (queue.length > 0) {
    queue.sort((a, b) => dist.get(a)!.depth - dist.get(b)!.depth);
    const group = queue.shift()!;
    const here = dist.get(group)!;
    if (here.depth >= max) continue; // this list is not entered
    let tried = 0;
    for (const edge of from(group)) {
      if (edge.to === group) continue; // skipped without counting
      tried += 1;
      const reach = { depth: here.depth + (cumulative ? tried : 1), path: [...here.path, edge.to] };
      const known = dist.get(edge.to);
      if (known && known.depth <= reach.depth) continue;
      dist.set(edge.to, reach);
      queue.push(edge.to);
    }
  }
  return dist;
}

const rule: Rule = {
  meta: {
    id: 'fallbacks/too-deep',
    description: "a group's fallbacks that a request reaching it through a fallback chain never tries, because max_fallbacks is reached first",
    severity: 'warning',
    fixable: false,
    docs: 'docs/rules/fallbacks/too-deep.md',
  },
  check({ model, report, release }) {
    const edges = fallbackEdges(model);
    const max = maxFallbacks(model).value;
    const cumulative = compareReleases(release, CUMULATIVE_DEPTH_SINCE) >= 0;
    const releases = cumulative ? `LiteLLM ${CUMULATIVE_DEPTH_SINCE} and later` : `LiteLLM before ${CUMULATIVE_DEPTH_SINCE}`;
    const reported = new Set<FallbackEdge>();
    for (const kind of FALLBACK_KINDS) {
      if (!edges.some((e) => e.kind === kind)) continue;
      const from = fallbackLookup(edges, kind);
      const primaries = new Set<string>(model.groups.keys());
      for (const e of edges) if (e.kind === kind && e.from !== '*') primaries.add(e.from);
      for (const primary of primaries) {
        const dist = fallbackDepths(primary, from, max, cumulative);
        for (const [group, reach] of dist) {
          if (reach.depth < max) continue;
          // Targets the request reaches another way are tried anyway.
          const cut = from(group).filter((e) => e.to !== group && !dist.has(e.to));
          if (cut.length === 0 || reported.has(cut[0])) continue;
          reported.add(cut[0]);
          const targets = cut.map((e) => `'${e.to}'`).join(', ');
          report({
            at: cut[0].location,
            on: 'value',
            message: `a request for '${primary}' reaches '${group}' at fallback depth ${reach.depth} (${reach.path.join(' → ')}), and with max_fallbacks ${max} ${releases} never tries ${targets} from its ${kind} for it. Raise max_fallbacks to ${reach.depth + 1}, or list them in the fallbacks of '${primary}'`,
          });
        }
      }
    }
  },
};

export default rule;
