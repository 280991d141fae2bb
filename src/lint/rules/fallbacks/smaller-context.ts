// A fallback whose context window is smaller than the primary's: long prompts that broke the
// primary also break the fallback (BerriAI/litellm#31557). For context_window_fallbacks, whose
// only job is a bigger window, a target that is not larger is useless.
import type { Rule } from '../../types.js';
import { fallbackEdges } from '../_shared/fallbacks.js';
import { groupInputWindow } from '../_shared/group-facts.js';
import { resolveName } from '../_shared/resolve.js';

const k = (n: number) => (n >= 1000 ? `${Number((n / 1000).toFixed(1))}k` : String(n));

const rule: Rule = {
  meta: {
    id: 'fallbacks/smaller-context',
    description: 'a fallback target has a smaller context window than the group it backs up',
    severity: 'warning',
    fixable: false,
    docs: 'docs/rules/fallbacks/smaller-context.md',
  },
  check({ model, report }) {
    for (const edge of fallbackEdges(model)) {
      if (edge.from === '*' || edge.kind === 'content_policy_fallbacks') continue;
      const source = model.groups.get(edge.from);
      const target = resolveName(model, edge.to);
      if (!source || !target) continue;
      const from = groupInputWindow(source);
      const to = groupInputWindow(target.deployments);
      if (from === null || to === null) continue;
      if (edge.kind === 'context_window_fallbacks' && to <= from) {
        report({
          at: edge.location,
          on: 'value',
          message: `context_window_fallbacks exist for prompts too long for '${edge.from}' (${k(from)} input tokens), but '${edge.to}' takes ${to === from ? 'the same' : 'fewer'} (${k(to)}): the fallback fails with the same ContextWindowExceededError. Fall back to a model with a larger context window`,
        });
      } else if (edge.kind === 'fallbacks' && to < from) {
        report({
          at: edge.location,
          on: 'value',
          severity: 'info',
          message: `fallback '${edge.to}' takes ${k(to)} input tokens, fewer than '${edge.from}' (${k(from)}): requests with prompts over ${k(to)} tokens that fall back to it fail with ContextWindowExceededError`,
        });
      }
    }
  },
};

export default rule;
