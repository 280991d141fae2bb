// A fallback whose deployments cannot take the prompts that made the primary fail
// (BerriAI/litellm#31557). Deployment by deployment: with enable_pre_call_checks LiteLLM drops
// each deployment whose own max_input_tokens is too small (litellm/router.py::
// Router._pre_call_checks) and raises ContextWindowExceededError only when none fits, so a group
// serves prompts up to its largest window; without pre-call checks a prompt can fail on any
// deployment larger than the smallest window, and the fallback helps if one target deployment
// is larger than that.
import type { Rule } from '../../types.js';
import { fallbackEdges } from '../_shared/fallbacks.js';
import { groupInputWindows } from '../_shared/group-facts.js';
import { resolveName } from '../_shared/resolve.js';
import { routerFlag } from '../_shared/settings.js';

const k = (n: number) => (n >= 1000 ? `${Number((n / 1000).toFixed(1))}k` : String(n));

const rule: Rule = {
  meta: {
    id: 'fallbacks/smaller-context',
    description: 'no deployment of a fallback target takes the prompts that are too long for the group it backs up',
    severity: 'warning',
    fixable: false,
    docs: 'docs/rules/fallbacks/smaller-context.md',
  },
  check({ model, report }) {
    const preCall = routerFlag(model, 'enable_pre_call_checks');
    for (const edge of fallbackEdges(model)) {
      if (edge.from === '*' || edge.kind === 'content_policy_fallbacks') continue;
      const source = model.groups.get(edge.from);
      const target = resolveName(model, edge.to);
      if (!source || !target) continue;
      const from = groupInputWindows(source);
      const to = groupInputWindows(target.deployments);
      if (from === null || to === null) continue;
      // The largest prompt that still makes the primary fail with ContextWindowExceededError.
      const failsAbove = preCall ? from.max : from.min;
      if (edge.kind === 'context_window_fallbacks' && to.max <= failsAbove) {
        const why = preCall ? `its largest deployment takes ${k(from.max)} input tokens` : `without enable_pre_call_checks a prompt over ${k(from.min)} tokens can hit its smallest deployment`;
        report({
          at: edge.location,
          on: 'value',
          message: `prompts too long for '${edge.from}' fail again with ContextWindowExceededError on context_window_fallback '${edge.to}': ${why}, and '${edge.to}' takes at most ${k(to.max)}. Fall back to a group with a larger context window`,
        });
      } else if (edge.kind === 'fallbacks' && to.max < from.max) {
        report({
          at: edge.location,
          on: 'value',
          severity: 'info',
          message: `fallback '${edge.to}' takes at most ${k(to.max)} input tokens, fewer than '${edge.from}' (up to ${k(from.max)}), so longer prompts that fall back to it fail with ContextWindowExceededError. Add a larger-context deployment to '${edge.to}' if they must survive`,
        });
      }
    }
  },
};

export default rule;
