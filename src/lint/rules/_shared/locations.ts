// Locations for findings: where a deployment, a section key or any value path is written.
import type { DeploymentModel, GatewayModel, Location } from '../../../config/model.js';
import type { PathSegment } from '../../../config/document.js';

/** A location below a top-level section (in whichever file wrote that section). */
export function sectionLocation(model: GatewayModel, section: string, ...path: PathSegment[]): Location | null {
  const at = model.section(section);
  return at ? model.below(at, ...path) : null;
}

/** Location of a value path in the merged config (model_list entries keep their own file). */
export function pathLocation(model: GatewayModel, path: readonly PathSegment[]): Location | null {
  if (path[0] === 'model_list' && typeof path[1] === 'number') {
    const d = model.deployments[path[1]];
    return d ? model.below(d.location, ...path.slice(2)) : null;
  }
  if (typeof path[0] !== 'string') return null;
  return sectionLocation(model, path[0], ...path.slice(1));
}

/** The deployment's `litellm_params` key, or the entry itself when it has none. */
export function paramsLocation(model: GatewayModel, d: DeploymentModel): Location {
  return Object.hasOwn(d.entry, 'litellm_params') ? model.below(d.location, 'litellm_params') : d.location;
}

/** The deployment's `model_name` key, or the entry itself. */
export function nameLocation(model: GatewayModel, d: DeploymentModel): Location {
  return Object.hasOwn(d.entry, 'model_name') ? model.below(d.location, 'model_name') : d.location;
}

/** How a deployment is named in messages: `model_list[2] (azure/gpt-4o)`. */
export function describeDeployment(d: DeploymentModel): string {
  const m = d.params.model;
  return typeof m === 'string' ? `model_list[${d.index}] (${m})` : `model_list[${d.index}]`;
}
