// The lint rule contract (modelled on ESLint): one rule per file with `meta` and `check`.
import type { Severity } from '../diagnostics/types.js';
import type { GatewayModel, Location } from '../config/model.js';
import type { JsonSchema } from '../schema/schema-index.js';
import type { Release } from '../routing/releases.js';

export interface RuleMeta {
  /** `category/name`, e.g. `weights/outside-litellm-params`. */
  id: string;
  description: string;
  /** Default severity; `.gwcfg.yaml` may change it or turn the rule off. */
  severity: Severity;
  fixable: boolean;
  /** Docs page, relative to the repository: docs/rules/<category>/<name>.md */
  docs: string;
  /** JSON Schema of the rule's options (an object), if it has any. */
  options?: JsonSchema;
  /** Option defaults, merged under the user's options. */
  defaults?: Record<string, unknown>;
}

/** A text edit on one file: replace [start, end) (character offsets) by text. */
export interface TextEdit {
  range: [number, number];
  text: string;
}

export interface Report {
  /** Where the finding is: the key (default) or the value at this location. */
  at: Location;
  on?: 'key' | 'value';
  message: string;
  /** Overrides the configured severity for this finding (rare: e.g. info for a softer case). */
  severity?: Severity;
  /** Edits that fix the finding; all must be in `at.source`. */
  fix?: TextEdit[];
}

export interface RuleContext {
  model: GatewayModel;
  /** The rule's options: defaults merged with `.gwcfg.yaml`. */
  options: Record<string, unknown>;
  /** Environment for os.environ/ checks (--env-file / --check-env), when asked for. */
  env?: ReadonlyMap<string, string> | null;
  /**
   * The LiteLLM release being linted against (--litellm-version / `litellm_version:`, default the
   * newest verified). Rules that hold only for some releases compare it with releaseHas() or
   * compareReleases() from src/routing/releases.ts, and say in their message which releases apply.
   */
  release: Release;
  /** Proxy replicas the user declared (`.gwcfg.yaml` `replicas:`); undefined when not declared. */
  replicas?: number;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}
