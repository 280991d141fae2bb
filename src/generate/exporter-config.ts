// What a LiteLLM config lets its Prometheus exporter emit, so generated and checked queries can
// be held against it:
// - litellm_settings.prometheus_metrics_config (LiteLLM 1.76.0 and later; BerriAI/litellm#11489):
//   a list of {group, metrics, include_labels?}. Listed metrics are the only ones created (others
//   become no-ops: litellm/integrations/prometheus.py::PrometheusLogger._is_metric_enabled), and a
//   group with include_labels keeps only those of each metric's default labels
//   (PrometheusLogger.get_labels_for_metric);
// - litellm_settings.prometheus_exclude_metrics / prometheus_exclude_labels (LiteLLM releases
//   after 1.83.7, the newest gwcfg models; LiteLLM's proxy/prometheus docs, "Exclude Metrics and
//   Labels Globally"): listed metrics are dropped and listed labels removed from every metric, and
//   exclusion wins over prometheus_metrics_config. No modelled release reads them, so gwcfg takes
//   a config that sets them as written for a release that does (check-metrics --litellm-version
//   1.83.7 or older ignores them);
// - model_id label values: model_info.id, else sha256 of model_name + every litellm_params key
//   and value (litellm/router.py::Router._generate_model_id, after os.environ/ values are
//   resolved by Router.set_model_list), computable when no value comes from the environment.
// Read in LiteLLM 1.80.15.
import { litellmDeploymentId } from '../routing/config.js';

export interface ExporterConfig {
  /** Family names the config enables; null when every metric is on. */
  readonly enabledFamilies: ReadonlySet<string> | null;
  /** Per family, the labels include_labels keeps (families not listed keep their defaults). */
  readonly labelFilters: ReadonlyMap<string, ReadonlySet<string>>;
  /** prometheus_exclude_metrics: families dropped whatever prometheus_metrics_config says. */
  readonly excludedFamilies: ReadonlySet<string>;
  /** prometheus_exclude_labels: labels removed from every metric. */
  readonly excludedLabels: ReadonlySet<string>;
  /** The model_id values gwcfg can compute (model_info.id, or LiteLLM's sha256 of static params);
   * null when the ids are unknowable (models stored in the database). */
  readonly modelIds: ReadonlySet<string> | null;
  /** Some deployments hash values read from the environment (os.environ/): their ids are sha256 hex
   * strings gwcfg cannot compute, so only a value that cannot be such a hash is known impossible. */
  readonly unknownHashedIds: boolean;
  /** The model_name groups (values of model_group / requested_model for routed requests). */
  readonly groups: ReadonlySet<string>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

/** Whether a litellm_params value is known before run time (no os.environ/ anywhere inside). */
function staticValue(v: unknown): boolean {
  if (typeof v === 'string') return !v.startsWith('os.environ/');
  if (Array.isArray(v)) return v.every(staticValue);
  if (isObj(v)) return Object.values(v).every(staticValue);
  // Floats print differently in Python (1e-06) and JavaScript (0.000001): only integers are safe.
  return v === null || typeof v === 'boolean' || (typeof v === 'number' && Number.isInteger(v));
}

/** The exporter view of a parsed config (pure). */
export function readExporterConfig(config: unknown): ExporterConfig {
  const root = isObj(config) ? config : {};
  const settings = isObj(root.litellm_settings) ? root.litellm_settings : {};
  let enabledFamilies: Set<string> | null = null;
  const labelFilters = new Map<string, Set<string>>();
  if (Array.isArray(settings.prometheus_metrics_config) && settings.prometheus_metrics_config.length > 0) {
    enabledFamilies = new Set();
    for (const group of settings.prometheus_metrics_config) {
      if (!isObj(group) || !Array.isArray(group.metrics)) continue;
      for (const m of group.metrics) {
        if (typeof m !== 'string') continue;
        enabledFamilies.add(m);
        if (Array.isArray(group.include_labels)) labelFilters.set(m, new Set(group.include_labels.filter((l): l is string => typeof l === 'string')));
      }
    }
  }
  const strings = (v: unknown) => new Set(Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const excludedFamilies = strings(settings.prometheus_exclude_metrics);
  const excludedLabels = strings(settings.prometheus_exclude_labels);
  const list = Array.isArray(root.model_list) ? root.model_list : [];
  let modelIds: Set<string> | null = new Set<string>();
  let unknownHashedIds = false;
  const groups = new Set<string>();
  for (const entry of list) {
    if (!isObj(entry)) continue;
    const name = typeof entry.model_name === 'string' ? entry.model_name : String(entry.model_name ?? '');
    groups.add(name);
    const info = isObj(entry.model_info) ? entry.model_info : {};
    const params = isObj(entry.litellm_params) ? entry.litellm_params : {};
    if (info.id !== undefined && info.id !== null) modelIds.add(String(info.id));
    else if (Object.values(params).every(staticValue)) modelIds.add(litellmDeploymentId(name, params));
    else unknownHashedIds = true; // the proxy hashes the resolved secret (proxy_server.py load_config)
  }
  // Models stored in the database get ids (and names) gwcfg cannot see.
  const general = isObj(root.general_settings) ? root.general_settings : {};
  if (general.store_model_in_db === true || general.store_model_in_db === 'true' || general.store_model_in_db === 'True') modelIds = null;
  return { enabledFamilies, labelFilters, excludedFamilies, excludedLabels, modelIds, unknownHashedIds, groups };
}
