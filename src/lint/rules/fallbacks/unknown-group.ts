// A fallback naming a group that does not exist: the fallback call fails at once and the client
// gets the primary group's error (LiteLLM Router.async_get_available_deployment in litellm/router.py; run_async_fallback in litellm/router_utils/fallback_event_handlers.py; BerriAI/litellm#6498).
import type { Rule } from '../../types.js';
import { closest } from '../../../schema/suggest.js';
import { fallbackEdges } from '../_shared/fallbacks.js';
import { modelsFromDatabase, resolveName, wildcardMatches } from '../_shared/resolve.js';

const rule: Rule = {
  meta: {
    id: 'fallbacks/unknown-group',
    description: 'a fallback names a model group that the config does not define',
    severity: 'error',
    fixable: false,
    docs: 'docs/rules/fallbacks/unknown-group.md',
  },
  check({ model, report }) {
    const names = [...model.groups.keys()];
    const fromDb = modelsFromDatabase(model);
    const dbNote = fromDb ? ' (unless it is stored in the database: store_model_in_db is on)' : '';
    const hint = (name: string) => {
      const near = closest(name, names);
      return near ? `; did you mean '${near}'?` : '';
    };
    const seenKeys = new Set<string>();
    for (const edge of fallbackEdges(model)) {
      if (!resolveName(model, edge.to)) {
        const when = edge.from === '*' ? 'a group without its own fallbacks fails' : `'${edge.from}' fails`;
        report({
          at: edge.location,
          on: 'value',
          severity: fromDb ? 'warning' : undefined,
          message: `fallback target '${edge.to}' is not a model_name, alias, wildcard match or model_info.id in this config${dbNote}: when ${when}, this fallback fails with "no deployments" and the client gets the original error${hint(edge.to)}`,
        });
      }
      const keyId = `${edge.origin}|${edge.from}`;
      if (edge.from === '*' || seenKeys.has(keyId)) continue;
      seenKeys.add(keyId);
      const known = model.groups.has(edge.from) || names.some((n) => wildcardMatches(n, edge.from) || n.endsWith(`/${edge.from}`)) || resolveName(model, edge.from);
      if (!known) {
        report({
          at: edge.fromLocation,
          severity: 'warning',
          message: `${edge.origin} has an entry for '${edge.from}', which is not a model group in this config${dbNote}: no request is routed to it, so this entry never applies${hint(edge.from)}`,
        });
      }
    }
  },
};

export default rule;
