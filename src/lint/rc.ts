// `.gwcfg.yaml`: rule severities and options, with overrides by file glob.
//
//   rules:
//     weights/partial: off
//     secrets/literal: [error, { minEntropy: 3.5 }]
//   overrides:
//     - files: ["prod/**"]
//       rules: { env/unset-variable: error }
//
// Found upward from the linted file's directory (stopping at a directory holding `.git`, or the
// filesystem root), or given with --config. Every mistake in it is a usage error (exit 2) with
// the file:line:col of the bad key or value.
import { statSync } from 'node:fs';
import { LIMITS, readInput } from '../util/read-input.js';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Severity } from '../diagnostics/types.js';
import { CliError } from '../cli/errors.js';
import { parseSource, valuePosition, keyPosition, type PathSegment, type Position, type SourceDocument } from '../config/document.js';
import { checkAgainstSchema, type Validator } from '../schema/check.js';
import { SchemaIndex, type JsonSchema } from '../schema/schema-index.js';
import validateRc from '../schema/generated/gwcfgrc.js';
import rcSchema from '../../schemas/gwcfgrc.schema.json' with { type: 'json' };
import { closest } from '../schema/suggest.js';
import { globToRegExp, matchesAny } from './glob.js';
import type { RuleSetting } from './engine.js';
import { resolveRelease, type Release } from '../routing/releases.js';

export const RC_NAMES = ['.gwcfg.yaml', '.gwcfg.yml'];

const rcIndex = new SchemaIndex(rcSchema as unknown as JsonSchema);

/** One rule entry of the rc file, with where it was written (for option errors). */
export interface RcRuleEntry {
  id: string;
  severity: Severity | 'off';
  options?: Record<string, unknown>;
  /** `file:line:col` of the rule id (or the flag that set it), for messages. */
  where: string;
  /** `file:line:col` of the entry's value, for option errors. */
  valueWhere?: string;
}

export interface RcConfig {
  file: string;
  /** Override globs are relative to this directory. */
  dir: string;
  rules: RcRuleEntry[];
  overrides: { patterns: RegExp[]; rules: RcRuleEntry[] }[];
  /** model_cost_map, resolved against `dir`; null when unset. */
  modelCostMap: string | null;
  /** `litellm_version:`, the LiteLLM release rules check against (validated), if set. */
  release?: Release;
  /** `ignore:` globs (relative to `dir`): files lint does not check. */
  ignore: RegExp[];
  /** `replicas:`, the proxy replicas that run these configs, if declared. */
  replicas?: number;
}

/** `warn` is short for warning; YAML 1.1 reads a bare `off` as false. */
export function normalizeSeverity(value: unknown): Severity | 'off' {
  if (value === false || value === 'off') return 'off';
  return value === 'warn' ? 'warning' : (value as Severity);
}

/** The rc file that applies to a directory, or null. */
export async function findRc(startDir: string): Promise<string | null> {
  let dir = resolve(startDir);
  for (;;) {
    for (const name of RC_NAMES) {
      const candidate = join(dir, name);
      const info = statSync(candidate, { throwIfNoEntry: false });
      if (info?.isFile()) return candidate;
    }
    const isRepoRoot = statSync(join(dir, '.git'), { throwIfNoEntry: false }) !== undefined;
    const parent = dirname(dir);
    if (isRepoRoot || parent === dir) return null;
    dir = parent;
  }
}

export async function loadRc(file: string): Promise<RcConfig> {
  return parseRc(file, await readInput(file, LIMITS.rc));
}

export function parseRc(file: string, bytes: Uint8Array): RcConfig {
  const parsed = parseSource(file, bytes, { gwcfgFile: true });
  const firstError = (list: typeof parsed.diagnostics) => list.find((d) => d.severity === 'error') ?? list[0];
  const empty: RcConfig = { file, dir: dirname(resolve(file)), rules: [], overrides: [], modelCostMap: null, ignore: [] };
  // An rc file with only comments is a valid, empty configuration.
  const problems = parsed.diagnostics.filter((d) => d.ruleId !== 'yaml/empty');
  if (problems.length > 0) {
    const d = firstError(problems);
    throw new CliError(`${d.file}:${d.line}:${d.column}: ${d.message} [${d.ruleId}]`);
  }
  const source = parsed.source;
  if (!source || source.value == null) return empty;
  const invalid = checkAgainstSchema(source, { validate: validateRc as Validator, index: rcIndex, kind: 'gwcfg config' });
  if (invalid.length > 0) {
    const d = firstError(invalid);
    const message = d.ruleId === 'schema/unknown-key' ? d.message.replace(/ ?LiteLLM .*$/, '').replace(/;$/, '') : d.message;
    throw new CliError(`${d.file}:${d.line}:${d.column}: ${message} (see docs/lint.md for the .gwcfg.yaml format)`);
  }
  const value = source.value as {
    rules?: Record<string, unknown>;
    overrides?: { files: string | string[]; rules?: Record<string, unknown> }[];
    litellm_version?: string | number;
    replicas?: number;
    ignore?: string[];
    model_cost_map?: string;
  };
  let release: Release | undefined;
  if (value.litellm_version !== undefined) {
    const position = valuePosition(source, ['litellm_version']);
    // An unquoted 1.80 is the float 1.8 in YAML: read the scalar as written.
    const written = typeof value.litellm_version === 'number' ? scalarText(source, position) : value.litellm_version;
    try {
      release = resolveRelease(written);
    } catch (e) {
      throw new CliError(`${at(source, position)}: litellm_version: ${(e as Error).message}`);
    }
  }
  return {
    ...(release ? { release } : {}),
    ...(value.replicas !== undefined ? { replicas: value.replicas } : {}),
    file,
    dir: dirname(resolve(file)),
    modelCostMap: value.model_cost_map === undefined ? null : resolve(dirname(resolve(file)), value.model_cost_map),
    rules: readRules(source, value.rules, ['rules']),
    ignore: (value.ignore ?? []).map(globToRegExp),
    overrides: (value.overrides ?? []).map((o, i) => ({
      patterns: (Array.isArray(o.files) ? o.files : [o.files]).map(globToRegExp),
      rules: readRules(source, o.rules, ['overrides', i, 'rules']),
    })),
  };
}

function readRules(source: SourceDocument, rules: Record<string, unknown> | undefined, path: PathSegment[]): RcRuleEntry[] {
  if (!rules) return [];
  return Object.entries(rules).map(([id, raw]) => {
    const [severity, options] = Array.isArray(raw) ? raw : [raw];
    const entry: RcRuleEntry = {
      id,
      severity: normalizeSeverity(severity),
      where: at(source, keyPosition(source, [...path, id])),
      valueWhere: at(source, valuePosition(source, [...path, id])),
    };
    if (options !== undefined) entry.options = options as Record<string, unknown>;
    return entry;
  });
}

/** The text of a one-line scalar at `position`. */
function scalarText(source: SourceDocument, position: Position): string {
  const line = source.text.split(/\r\n|\r|\n/)[position.line - 1] ?? '';
  return position.endLine === position.line ? line.slice(position.column - 1, position.endColumn - 1) : line.slice(position.column - 1);
}

function at(source: SourceDocument, position: Position): string {
  return `${source.file}:${position.line}:${position.column}`;
}

export interface KnownRules {
  /** Ids of lint rules (which take options) and of built-in checks (severity only). */
  ruleIds: ReadonlySet<string>;
  builtinIds: ReadonlySet<string>;
}

/** Throws a usage error for entries naming unknown rules or giving options to built-in checks. */
export function checkRcIds(rc: RcConfig, known: KnownRules): void {
  const all = [...known.ruleIds, ...known.builtinIds];
  for (const entry of [...rc.rules, ...rc.overrides.flatMap((o) => o.rules)]) {
    if (!known.ruleIds.has(entry.id) && !known.builtinIds.has(entry.id)) {
      const near = closest(entry.id, all);
      throw new CliError(`${entry.where}: unknown rule '${entry.id}'${near ? `; did you mean '${near}'?` : ''} (gwcfg rules lists them)`);
    }
    if (known.builtinIds.has(entry.id) && entry.options !== undefined) {
      throw new CliError(`${entry.where}: '${entry.id}' is a built-in check and takes no options; give only a severity`);
    }
  }
}

/** Rule settings for one file: rc rules, then matching overrides in order, then --rule flags. */
export function settingsFor(file: string, rc: RcConfig | null, cli: readonly RcRuleEntry[] = []): Map<string, RuleSetting & { where: string }> {
  const settings = new Map<string, RuleSetting & { where: string }>();
  const apply = (entries: readonly RcRuleEntry[]) => {
    for (const e of entries) {
      const previous = settings.get(e.id);
      // As in ESLint: a severity-only entry keeps the options set earlier.
      const options = e.options ?? previous?.options;
      const where = e.options !== undefined ? (e.valueWhere ?? e.where) : (previous?.where ?? e.where);
      settings.set(e.id, options === undefined ? { severity: e.severity, where } : { severity: e.severity, options, where });
    }
  };
  if (rc) {
    apply(rc.rules);
    if (rc.overrides.length > 0 && file !== '-') {
      const rel = relative(rc.dir, resolve(file)).split(sep).join('/');
      for (const o of rc.overrides) if (!rel.startsWith('../') && matchesAny(rel, o.patterns)) apply(o.rules);
    }
  }
  apply(cli);
  return settings;
}

const SEVERITIES = ['off', 'error', 'warning', 'warn', 'info'];

/** Parses `--rule id:severity` flags. */
export function parseRuleFlags(flags: readonly string[], known: KnownRules): RcRuleEntry[] {
  const all = [...known.ruleIds, ...known.builtinIds];
  return flags.map((flag) => {
    const colon = flag.lastIndexOf(':');
    const id = colon === -1 ? flag : flag.slice(0, colon);
    const severity = colon === -1 ? '' : flag.slice(colon + 1).trim();
    if (!SEVERITIES.includes(severity)) throw new CliError(`--rule ${flag}: expected <rule>:<severity> with severity one of off, error, warning, info`);
    if (!known.ruleIds.has(id) && !known.builtinIds.has(id)) {
      const near = closest(id, all);
      throw new CliError(`--rule ${flag}: unknown rule '${id}'${near ? `; did you mean '${near}'?` : ''} (gwcfg rules lists them)`);
    }
    return { id, severity: normalizeSeverity(severity), where: `--rule ${flag}` };
  });
}
