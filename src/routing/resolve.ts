// Resolving a requested name to deployments (Router._common_checks_available_deployment):
// deployment id → model_group_alias → model group → wildcard pattern groups → deployments whose
// litellm_params.model equals the name → the first "*" default fallback → unknown.
import type { DeploymentView } from './types.js';
import type { RouterSettings } from './config.js';

export type Resolution =
  | { kind: 'group'; group: number }
  | { kind: 'deployment'; deployment: number }
  | { kind: 'unknown' };

interface Pattern {
  group: number;
  regex: RegExp;
  literalLength: number;
}

export class GroupIndex {
  /** Group names; the first `modelGroupCount` are model groups in config order, then internal ones. */
  readonly names: string[] = [];
  readonly members: Int32Array[] = [];
  readonly modelGroupCount: number;
  /** Deployment → its model group. */
  readonly groupOf: Int32Array;
  /** Deployment → state slot (one per distinct id). */
  readonly slotOf: Int32Array;
  readonly slotCount: number;
  readonly maxGroupSize: number;
  private readonly byName = new Map<string, number>();
  private readonly byId = new Map<string, number>();
  private readonly byModel = new Map<string, number>();
  private readonly patterns: Pattern[] = [];
  private readonly resolutions = new Map<string, Resolution>();

  constructor(
    deployments: readonly DeploymentView[],
    private readonly settings: RouterSettings,
  ) {
    const lists: number[][] = [];
    this.groupOf = new Int32Array(deployments.length);
    for (const d of deployments) {
      let g = this.byName.get(d.modelName);
      if (g === undefined) {
        g = this.names.length;
        this.byName.set(d.modelName, g);
        this.names.push(d.modelName);
        lists.push([]);
      }
      lists[g].push(d.index);
      this.groupOf[d.index] = g;
    }
    this.modelGroupCount = this.names.length;
    // Deployments reachable by their litellm_params.model (step f) form internal groups.
    const byModel = new Map<string, number[]>();
    for (const d of deployments) {
      if (!d.model) continue;
      const list = byModel.get(d.model) ?? [];
      list.push(d.index);
      byModel.set(d.model, list);
    }
    for (const [model, list] of byModel) {
      this.byModel.set(model, this.names.length);
      this.names.push(model);
      lists.push(list);
    }
    for (const l of lists) this.members.push(Int32Array.from(l));
    this.maxGroupSize = Math.max(1, ...lists.map((l) => l.length));

    this.slotOf = new Int32Array(deployments.length);
    const slotById = new Map<string, number>();
    for (const d of deployments) {
      let s = slotById.get(d.id);
      if (s === undefined) {
        s = slotById.size;
        slotById.set(d.id, s);
      }
      this.slotOf[d.index] = s;
      if (!this.byId.has(d.id)) this.byId.set(d.id, d.index);
    }
    this.slotCount = slotById.size;

    for (let g = 0; g < this.modelGroupCount; g++) {
      const name = this.names[g];
      if (!name.includes('*')) continue;
      const source = name
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*');
      this.patterns.push({ group: g, regex: new RegExp(`^${source}$`), literalLength: name.replace(/\*/g, '').length });
    }
    // The most specific pattern (longest literal part) wins, as LiteLLM's pattern router sorts.
    this.patterns.sort((a, b) => b.literalLength - a.literalLength);
  }

  groupByName(name: string): number | undefined {
    return this.byName.get(name);
  }

  /** Resolves a requested name; results are memoised (the config does not change). */
  resolve(name: string): Resolution {
    // Most picks ask for the same name as the previous one: skip the map lookup then.
    if (name === this.lastName && this.lastResolution !== null) return this.lastResolution;
    let r = this.resolutions.get(name);
    if (!r) {
      r = this.resolveUncached(name, true);
      this.resolutions.set(name, r);
    }
    this.lastName = name;
    this.lastResolution = r;
    return r;
  }
  private lastName = '';
  private lastResolution: Resolution | null = null;

  private resolveUncached(requested: string, allowDefault: boolean): Resolution {
    const id = this.byId.get(requested);
    if (id !== undefined) return { kind: 'deployment', deployment: id };
    const name = this.settings.modelGroupAlias.get(requested) ?? requested;
    const g = this.byName.get(name);
    if (g !== undefined) return { kind: 'group', group: g };
    for (const p of this.patterns) if (p.regex.test(name)) return { kind: 'group', group: p.group };
    const m = this.byModel.get(name);
    if (m !== undefined) return { kind: 'group', group: m };
    if (allowDefault) {
      const star = this.settings.fallbacks.find(([key]) => key === '*');
      if (star && star[1].length > 0) return this.resolveUncached(star[1][0], false);
    }
    return { kind: 'unknown' };
  }
}
