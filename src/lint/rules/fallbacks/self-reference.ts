// A group listed as its own fallback: LiteLLM skips the failed group in its fallback list, so the
// target is never tried (LiteLLM run_async_fallback in litellm/router_utils/fallback_event_handlers.py).
import type { Rule } from '../../types.js';
import { fallbackEdges } from '../_shared/fallbacks.js';

const rule: Rule = {
  meta: {
    id: 'fallbacks/self-reference',
    description: 'a model group is listed as its own fallback',
    severity: 'warning',
    fixable: false,
    docs: 'docs/rules/fallbacks/self-reference.md',
  },
  check({ model, report }) {
    for (const edge of fallbackEdges(model)) {
      if (edge.from === '*' || edge.from !== edge.to) continue;
      report({
        at: edge.location,
        on: 'value',
        message: `'${edge.from}' falls back to itself: LiteLLM skips the failed group when it walks the fallback list, so this target is never tried and adds no resilience. To try '${edge.from}' again raise num_retries; otherwise fall back to a different group`,
      });
    }
  },
};

export default rule;
