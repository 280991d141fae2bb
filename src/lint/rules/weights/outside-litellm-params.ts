// `weight` next to litellm_params is ignored: simple-shuffle reads only litellm_params.weight
// (LiteLLM LiteLLM_Params in litellm/types/router.py; simple_shuffle in litellm/router_strategy/simple_shuffle.py), so the intended split silently becomes the default pick.
import { locate } from '../../../config/document.js';
import type { DeploymentModel, GatewayModel } from '../../../config/model.js';
import type { Rule, TextEdit } from '../../types.js';
import { appendPoint, pairLines, valueWithComment } from '../_shared/edits.js';
import { percent } from '../_shared/values.js';
import { sharesOf } from '../_shared/weights.js';

const rule: Rule = {
  meta: {
    id: 'weights/outside-litellm-params',
    description: '`weight` written beside `litellm_params` is ignored by LiteLLM; it must be inside litellm_params',
    severity: 'error',
    fixable: true,
    docs: 'docs/rules/weights/outside-litellm-params.md',
  },
  check({ model, report }) {
    for (const d of model.deployments) {
      if (d.entry.weight === undefined) continue;
      const group = d.modelName !== undefined ? (model.groups.get(d.modelName) ?? [d]) : [d];
      report({ at: model.below(d.location, 'weight'), message: messageFor(d, group), fix: fixFor(model, d) });
    }
  },
};

function messageFor(d: DeploymentModel, group: readonly DeploymentModel[]): string {
  const name = d.modelName ?? `model_list[${d.index}]`;
  const inner = d.params.weight !== undefined ? ` (litellm_params already has weight ${String(d.params.weight)}, which is the one used)` : '';
  if (group.length < 2) return `'weight' beside litellm_params is ignored by LiteLLM, which reads only litellm_params.weight${inner}; move it inside litellm_params`;
  // What the author meant versus what LiteLLM does (uniform, unless inner weights exist).
  const meant = sharesOf(group.map((g) => (typeof g.entry.weight === 'number' ? g.entry.weight : null)));
  const i = group.indexOf(d);
  const actual = group.some((g) => g.params.weight !== undefined) ? 'decided by the litellm_params weights only' : `${percent(1 / group.length)} (a uniform pick among ${group.length} deployments)`;
  return `'weight' beside litellm_params is ignored by LiteLLM, which reads only litellm_params.weight${inner}: this deployment of '${name}' gets ${actual} instead of the intended ${percent(meant[i])}; move it inside litellm_params`;
}

/** Deletes the entry-level line and appends `weight: N` (with its comment) to litellm_params. */
function fixFor(model: GatewayModel, d: DeploymentModel): TextEdit[] | undefined {
  if (d.params.weight !== undefined) return undefined;
  const source = d.location.source;
  const weight = locate(source, [...d.location.path, 'weight']);
  const params = locate(source, [...d.location.path, 'litellm_params']);
  if (!weight.pair || !params.value) return undefined;
  const lines = pairLines(source, weight.pair);
  const value = valueWithComment(source, weight.pair);
  const point = appendPoint(source, params.value);
  if (!lines || value === null || !point) return undefined;
  const needsNewline = point.offset > 0 && source.text[point.offset - 1] !== '\n';
  const inserted = `${needsNewline ? '\n' : ''}${point.indent}weight: ${value}\n`;
  // Adjacent edits (weight right after litellm_params) become one, so they never overlap.
  if (point.offset === lines[0]) return [{ range: lines, text: inserted }];
  return [
    { range: lines, text: '' },
    { range: [point.offset, point.offset], text: inserted },
  ];
}

export default rule;
