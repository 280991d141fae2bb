// A typed, read-only view of a loaded config for lint rules and generators. Every part knows
// where it was written (file + path), so findings point at the exact key or value.
import type { LoadedConfig } from './load.js';
import type { PathSegment, SourceDocument } from './document.js';

export type Dict = Record<string, unknown>;

/** Where something is written: a file and a path inside that file's document. */
export interface Location {
  source: SourceDocument;
  path: PathSegment[];
}

export interface DeploymentModel {
  /** Position in the merged model_list (the index LiteLLM and the router use). */
  index: number;
  modelName: string | undefined;
  entry: Dict;
  params: Dict;
  info: Dict;
  /** The model_list entry itself. */
  location: Location;
}

export interface GatewayModel {
  file: string;
  value: Dict;
  deployments: DeploymentModel[];
  /** Deployments by model_name, in config order. */
  groups: Map<string, DeploymentModel[]>;
  routerSettings: Dict;
  litellmSettings: Dict;
  generalSettings: Dict;
  /** Location of a top-level section's key, or null when absent. */
  section(name: string): Location | null;
  /** A location below another one. */
  below(location: Location, ...path: PathSegment[]): Location;
}

const asDict = (v: unknown): Dict => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Dict) : {});

export function buildModel(loaded: LoadedConfig): GatewayModel | null {
  const value = loaded.value;
  if (!value || typeof value !== 'object' || Array.isArray(value) || !loaded.source) return null;
  const root = value as Dict;
  const main = loaded.source;
  const list = Array.isArray(root.model_list) ? root.model_list : [];
  const deployments: DeploymentModel[] = list.map((raw, index) => {
    const entry = asDict(raw);
    const origin = loaded.origins.modelList[index] ?? { source: main, path: ['model_list', index] };
    return {
      index,
      modelName: typeof entry.model_name === 'string' ? entry.model_name : entry.model_name === undefined ? undefined : String(entry.model_name),
      entry,
      params: asDict(entry.litellm_params),
      info: asDict(entry.model_info),
      location: { source: origin.source, path: [...origin.path] },
    };
  });
  const groups = new Map<string, DeploymentModel[]>();
  for (const d of deployments) {
    if (d.modelName === undefined) continue;
    if (!groups.has(d.modelName)) groups.set(d.modelName, []);
    groups.get(d.modelName)!.push(d);
  }
  return {
    file: loaded.file,
    value: root,
    deployments,
    groups,
    routerSettings: asDict(root.router_settings),
    litellmSettings: asDict(root.litellm_settings),
    generalSettings: asDict(root.general_settings),
    section(name) {
      if (!(name in root)) return null;
      return { source: loaded.origins.sections.get(name) ?? main, path: [name] };
    },
    below(location, ...path) {
      return { source: location.source, path: [...location.path, ...path] };
    },
  };
}
