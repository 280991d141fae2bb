// A fallback to a group of another mode (chat → embedding): the fallback call cannot succeed, so
// the client still gets the error (mode from model_info.mode, default chat; LiteLLM ModelInfo in litellm/types/router.py).
import type { Rule } from '../../types.js';
import { fallbackEdges } from '../_shared/fallbacks.js';
import { modesOf } from '../_shared/group-facts.js';
import { resolveName } from '../_shared/resolve.js';

const rule: Rule = {
  meta: {
    id: 'fallbacks/mode-mismatch',
    description: 'a fallback target serves a different mode (e.g. chat → embedding)',
    severity: 'warning',
    fixable: false,
    docs: 'docs/rules/fallbacks/mode-mismatch.md',
  },
  check({ model, report }) {
    const edges = fallbackEdges(model);
    const keyed = new Set(edges.filter((e) => e.from !== '*').map((e) => e.from));
    for (const edge of edges) {
      const target = resolveName(model, edge.to);
      if (!target) continue;
      const targetModes = modesOf(target.deployments);
      const sources = edge.from === '*' ? [...model.groups].filter(([name]) => !keyed.has(name) && name !== edge.to) : [[edge.from, model.groups.get(edge.from) ?? []] as const];
      for (const [name, group] of sources) {
        if (group.length === 0) continue;
        const modes = modesOf(group);
        if ([...modes].some((m) => targetModes.has(m))) continue;
        report({
          at: edge.location,
          on: 'value',
          message: `'${name}' serves ${[...modes].join('/')} requests but its fallback '${edge.to}' is ${[...targetModes].join('/')}: a ${[...modes][0]} request sent to it fails, so this fallback can never rescue '${name}'. Fall back to a group of the same mode`,
        });
        break;
      }
    }
  },
};

export default rule;
