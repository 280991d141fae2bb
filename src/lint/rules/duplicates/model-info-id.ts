// model_info.id identifies a deployment for cooldowns, usage counters and id-based requests; two
// deployments with one id merge all of that state (LiteLLM ModelInfo in litellm/types/router.py).
import type { Rule } from '../../types.js';

const rule: Rule = {
  meta: {
    id: 'duplicates/model-info-id',
    description: 'two deployments declare the same model_info.id',
    severity: 'error',
    fixable: false,
    docs: 'docs/rules/duplicates/model-info-id.md',
  },
  check({ model, report }) {
    const seen = new Map<string, number>();
    for (const d of model.deployments) {
      if (d.info.id === undefined || d.info.id === null) continue;
      const id = String(d.info.id);
      const first = seen.get(id);
      if (first === undefined) {
        seen.set(id, d.index);
        continue;
      }
      report({
        at: model.below(d.location, 'model_info', 'id'),
        on: 'value',
        message: `model_info.id '${id}' is already used by model_list[${first}]: LiteLLM tracks cooldowns and usage by id, so a failure of one cools both, their rpm/tpm counters merge, and requests for id '${id}' reach only one of them. Give every deployment a unique id`,
      });
    }
  },
};

export default rule;
