// Deployment labels for tables and reports: a deployment is named by its group plus what tells it
// apart from the other deployments of that group (region, api_base host, model, model_info.id,
// order tier), not by `group#N provider/model…`, which reads the same for every region.
import { safeText } from '../util/safe-text.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : typeof v === 'number' ? String(v) : null);

/** What can tell two deployments of one group apart, in the order a label shows it. */
export interface DeploymentFacts {
  /** litellm_params.aws_region_name / vertex_location / region_name, else a region in the api_base host. */
  region: string | null;
  /** Host of litellm_params.api_base (`env:NAME` for an os.environ/ reference). */
  host: string | null;
  /** litellm_params.model. */
  model: string;
  /** model_info.id when the user set it. */
  id: string | null;
  /** litellm_params.order, else model_info.order. */
  order: string | null;
}

// AWS (us-east-1, us-gov-west-1), GCP (us-central1, europe-west4) and Azure (eastus2, swedencentral) region names.
const AWS_REGION = /(?:^|[.-])((?:us|eu|ap|ca|sa|me|af|il|mx)(?:-gov)?-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\d)(?=$|[.-])/;
const GCP_REGION = /(?:^|[.-])((?:us|europe|asia|australia|northamerica|southamerica|me|africa)-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)\d)(?=$|[.-])/;
const AZURE_REGION = /(?:^|[.-])((?:east|west|central|north|south|northcentral|southcentral|westcentral)us\d?|(?:north|west)europe|(?:uk|france|germany|switzerland|norway|sweden|poland|italy|spain|japan|korea|australia|canada|brazil|southafrica|uae|qatar|israel|mexico)(?:south|north|east|west|central)\d?|(?:east|southeast)asia|(?:central|south|west)india)(?=$|[.-])/;

/** A region named in a host (bedrock-runtime.us-east-1.amazonaws.com, my-eastus2.openai.azure.com), else null. */
export function regionInHost(host: string): string | null {
  const h = host.toLowerCase();
  return AWS_REGION.exec(h)?.[1] ?? GCP_REGION.exec(h)?.[1] ?? AZURE_REGION.exec(h)?.[1] ?? null;
}

function hostOf(apiBase: string): string {
  const env = /^os\.environ\/(.+)$/.exec(apiBase);
  if (env) return `env:${env[1]}`;
  try {
    return new URL(apiBase).host || apiBase;
  } catch {
    return apiBase;
  }
}

/** The facts of one model_list entry (anything malformed reads as absent). */
export function deploymentFacts(entry: unknown): DeploymentFacts {
  const e = isObj(entry) ? entry : {};
  const params = isObj(e.litellm_params) ? e.litellm_params : {};
  const info = isObj(e.model_info) ? e.model_info : {};
  const apiBase = text(params.api_base);
  const host = apiBase === null ? null : hostOf(apiBase);
  const region = text(params.aws_region_name) ?? text(params.vertex_location) ?? text(params.region_name) ?? (host === null ? null : regionInHost(host));
  return { region, host, model: text(params.model) ?? '', id: text(info.id), order: text(params.order) ?? text(info.order) };
}

/** The object entries of model_list, as the router indexes them (src/routing/config.ts). */
export function modelListEntries(config: unknown): Obj[] {
  const list = isObj(config) && Array.isArray(config.model_list) ? config.model_list : [];
  return list.filter(isObj);
}

const groupOf = (entry: Obj) => text(entry.model_name) ?? '';

/**
 * One label per model_list entry: the group name alone when it has one deployment, else the group
 * name and, in brackets, the facts that differ within the group (region, api_base host when the
 * region does not already tell them apart, model, model_info.id, `order N`), with `#k` (position
 * in the group, from 1) when nothing differs. Masked and escaped like all config text.
 */
export function deploymentLabels(config: unknown): string[] {
  const entries = modelListEntries(config);
  const facts = entries.map(deploymentFacts);
  const groups = new Map<string, number[]>();
  entries.forEach((e, i) => groups.set(groupOf(e), [...(groups.get(groupOf(e)) ?? []), i]));
  const labels: string[] = new Array(entries.length);
  for (const [group, members] of groups) {
    if (members.length === 1) {
      labels[members[0]] = safeText(group);
      continue;
    }
    const differs = (key: keyof DeploymentFacts) => new Set(members.map((i) => facts[i][key])).size > 1;
    const keys: (keyof DeploymentFacts)[] = [];
    if (differs('region')) keys.push('region');
    // The host tells deployments apart only where the regions do not already.
    const regionsUnique = keys.includes('region') && new Set(members.map((i) => facts[i].region)).size === members.length;
    if (!regionsUnique && differs('host')) keys.push('host');
    if (differs('model')) keys.push('model');
    if (differs('id')) keys.push('id');
    if (differs('order')) keys.push('order');
    const show = (k: keyof DeploymentFacts, v: string | null) => (v === null ? [] : [k === 'order' ? `order ${v}` : v]);
    const parts = members.map((i) => keys.flatMap((k) => show(k, facts[i][k])));
    const keyed = parts.map((p) => p.join(' '));
    members.forEach((i, k) => {
      // Members still alike get their position in the group.
      const alike = keyed[k] === '' || keyed.filter((x) => x === keyed[k]).length > 1;
      labels[i] = safeText(`${group} [${[...parts[k], ...(alike ? [`#${k + 1}`] : [])].join(', ')}]`);
    });
  }
  return labels;
}
