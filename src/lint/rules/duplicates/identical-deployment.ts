// Two entries with the same model_name and identical litellm_params get the same default id
// (sha256 of name + params; LiteLLM Router._generate_model_id in litellm/router.py): they share cooldown and usage state, and the
// group's random pick counts that endpoint twice.
import type { Rule } from '../../types.js';
import { nameLocation } from '../_shared/locations.js';

/** Stable text of a value with sorted keys, for comparing litellm_params. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const rule: Rule = {
  meta: {
    id: 'duplicates/identical-deployment',
    description: 'the same deployment (model_name and litellm_params) is listed twice',
    severity: 'warning',
    fixable: false,
    docs: 'docs/rules/duplicates/identical-deployment.md',
  },
  check({ model, report }) {
    const seen = new Map<string, number>();
    for (const d of model.deployments) {
      if (d.modelName === undefined || d.info.id !== undefined) continue;
      const key = `${d.modelName}\u0000${canonical(d.params)}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, d.index);
        continue;
      }
      const n = model.groups.get(d.modelName)?.length ?? 2;
      report({
        at: nameLocation(model, d),
        message: `model_list[${d.index}] repeats model_list[${first}] exactly, so LiteLLM gives both one id (one cooldown and usage state) and the endpoint counts twice in the random pick${n > 2 ? `, a larger share than the rest of '${d.modelName}'` : ''}. Remove the duplicate, or give each a distinct model_info.id`,
      });
    }
  },
};

export default rule;
