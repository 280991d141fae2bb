// Schema checks of one parsed file: ajv errors mapped to the exact key or value, unknown keys
// (with did-you-mean), gwcfg extension keys, and malformed os.environ/ references.
import type { ErrorObject } from 'ajv';
import { isScalar } from 'yaml';
import { YamlTimestamp } from '../config/pyyaml/scalars.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { locate, makeDiagnostic, rangeOf, headRangeOf, keyPosition, valuePosition, type PathSegment, type SourceDocument } from '../config/document.js';
import { SchemaIndex, type JsonSchema } from './schema-index.js';
import { closest, isNearMiss } from './suggest.js';
import { joinList } from '../util/join-list.js';

export type Validator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

export interface SchemaCheckOptions {
  validate: Validator;
  index: SchemaIndex;
  /** Name of the document kind in messages ("config", "scenario"). */
  kind?: string;
}

export const ENV_REF_PREFIX = 'os.environ/';
const ENV_REF = /^os\.environ\/[A-Za-z_][A-Za-z0-9_]*$/;

export function checkAgainstSchema(source: SourceDocument, options: SchemaCheckOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  options.validate(source.value);
  for (const error of selectErrors(options.validate.errors ?? [])) {
    const d = describeError(source, error, options.index);
    if (d) out.push(d);
  }
  walkKeys(source, options.index, out, options.kind === 'scenario');
  // A scenario is gwcfg's own file: LiteLLM never reads it, nor resolves os.environ/ in it.
  if (options.kind !== 'scenario') checkEnvRefs(source, source.value, [], out);
  return dedupe(out);
}

/** Parses an ajv instancePath into segments, with list indices as numbers. */
export function pathSegments(instancePath: string, root: unknown): PathSegment[] {
  if (!instancePath) return [];
  const out: PathSegment[] = [];
  let value = root;
  for (const raw of instancePath.slice(1).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const seg: PathSegment = Array.isArray(value) && /^\d+$/.test(part) ? Number(part) : part;
    out.push(seg);
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[seg as string] : undefined;
  }
  return out;
}

const isEnvPatternError = (e: ErrorObject) => e.keyword === 'pattern' && String((e.params as { pattern?: string }).pattern).startsWith('^os\\.environ');

/**
 * Keeps the errors worth showing. Ajv reports the failed branches of an anyOf/oneOf just before
 * the anyOf error itself (schema paths are not usable: standalone code makes them relative to
 * each $def). Keep the errors of branches whose type matched the value (the one the author
 * meant); when none matched, replace them all by one type error naming every accepted type.
 */
function selectErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const out: ErrorObject[] = [];
  for (const error of errors) {
    if (error.keyword === 'additionalProperties' || error.keyword === 'if' || error.keyword === 'unevaluatedProperties') continue;
    if (error.keyword !== 'anyOf' && error.keyword !== 'oneOf') {
      out.push(error);
      continue;
    }
    const at = error.instancePath;
    let first = out.length;
    while (first > 0 && (out[first - 1].instancePath === at || out[first - 1].instancePath.startsWith(`${at}/`))) first--;
    const inside = out.splice(first);
    const isTypeMismatch = (e: ErrorObject) => (e.keyword === 'type' || e.keyword === 'const' || e.keyword === 'enum') && e.instancePath === at;
    const meant = inside.filter((e) => !isTypeMismatch(e) && !isEnvPatternError(e));
    // "At least one of these keys": every branch failed only for its missing key. One error that
    // names them all, not one per branch.
    if (meant.length > 1 && meant.every((e) => e.keyword === 'required' && e.instancePath === at)) {
      out.push({ ...meant[0], keyword: 'requiredOneOf', params: { missing: meant.map((e) => String((e.params as { missingProperty: string }).missingProperty)) } });
      continue;
    }
    if (meant.length > 0) {
      out.push(...meant);
      continue;
    }
    const types = new Set<string>();
    let envRef = false;
    for (const e of inside) {
      if (isEnvPatternError(e) || e.schemaPath.includes('envRef')) {
        envRef = true;
        continue;
      }
      if (e.keyword === 'type') for (const t of String((e.params as { type: string }).type).split(',')) types.add(t);
      if (e.keyword === 'enum') types.add('one of ' + ((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(', '));
      if (e.keyword === 'const') types.add(JSON.stringify((e.params as { allowedValue: unknown }).allowedValue));
    }
    if (types.size === 0 && envRef) types.add('string');
    out.push({ ...error, keyword: 'type', params: { type: [...types].join(','), envRef: envRef && types.size > 0 && !types.has('string') }, message: 'type' });
  }
  return out;
}

function describeError(source: SourceDocument, error: ErrorObject, index: SchemaIndex): Diagnostic | null {
  const path = pathSegments(error.instancePath, source.value);
  const value = valueAt(source.value, path);
  const name = describePath(path);
  const params = error.params as Record<string, unknown>;
  const at = (ruleId: string, message: string, position = valuePosition(source, path)) => makeDiagnostic(source.file, ruleId, 'error', message, position, path);
  // The proxy reads general_settings with .get() and treats None as unset
  // (litellm/proxy/proxy_server.py::ProxyConfig.load_config), so `database_url: null` is "off".
  if (value === null && path.length === 2 && path[0] === 'general_settings' && error.keyword !== 'required') return null;
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      const d = at('schema/required', `${name} is missing required key '${missing}'${requiredHint(missing)}`, missingKeyRange(source, path));
      d.path = formatDotted([...path, missing]);
      return d;
    }
    case 'requiredOneOf': {
      const missing = (params.missing as string[]).map((k) => `'${k}'`);
      return at('schema/required', `${name} needs one of ${joinList(missing, 'or')}`, missingKeyRange(source, path));
    }
    case 'type': {
      const expected = String(params.type)
        .split(',')
        .map((t) => article(t))
        .join(' or ');
      const env = params.envRef ? ' (or an os.environ/NAME reference)' : '';
      // A wrong-type block collection spans many lines: point at its key instead.
      const located = locate(source, path);
      const block = located.key && located.value && !isScalar(located.value) && rangeOf(source, located.value).line !== rangeOf(source, located.key).line;
      if (block) return at('schema/type', `${name} must be ${expected}${env}, got ${describeValue(value)}${typeHint(path, value)}`, rangeOf(source, located.key));
      return at('schema/type', `${name} must be ${expected}${env}, got ${describeValue(value)}${typeHint(path, value)}`);
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]) ?? [];
      const strings = allowed.filter((v): v is string => typeof v === 'string');
      const suggestion = typeof value === 'string' ? closest(value, strings) : null;
      // At most five values, so the message stays one terminal-friendly line.
      const list = allowed.slice(0, 5).map((v) => JSON.stringify(v)).join(', ') + (allowed.length > 5 ? ` and ${allowed.length - 5} more` : '');
      const hint = suggestion ? `; did you mean '${suggestion}'?` : '';
      const d = at('schema/enum', `${describeValue(value)} is not a valid ${name}${hint} (allowed: ${list})`);
      // An open enum (x-gwcfg-open) lists what gwcfg knows; a far-off value may come from a newer
      // LiteLLM or a plugin, so only a near miss of a known value is an error.
      if (!suggestion && index.at(path, source.value)?.['x-gwcfg-open']) {
        d.severity = 'warning';
        d.message = `${describeValue(value)} is not a ${name} gwcfg knows (known: ${list}), and LiteLLM releases without it refuse to start or fail every request`;
      }
      return d;
    }
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum': {
      const op = { minimum: '≥', exclusiveMinimum: '>', maximum: '≤', exclusiveMaximum: '<' }[error.keyword];
      return at('schema/range', `${name} must be ${op} ${String(params.limit)}, got ${describeValue(value)}${rangeHint(path)}`);
    }
    case 'minProperties':
    case 'maxProperties': {
      const parent = path.length >= 2 ? String(path[path.length - 2]) : name;
      if (/fallbacks$/.test(parent)) {
        return at('schema/fallback-shape', `each item of ${parent} must map exactly one model group to its fallback list, e.g. '- gpt-4o: [claude-3-haiku]'; this item has ${Object.keys((value as object) ?? {}).length} keys`);
      }
      return at('schema/shape', `${name} must have ${error.keyword === 'minProperties' ? 'at least' : 'at most'} ${String(params.limit)} key(s)`);
    }
    case 'pattern': {
      if (isEnvPatternError(error)) return null; // reported by checkEnvRefs with a better message
      // `x-gwcfg-format` names the format in words (a duration, a rate) instead of a regex.
      const format = index.at(path, source.value)?.['x-gwcfg-format'];
      if (typeof format === 'string') return at('schema/pattern', `${name} must be ${format}, got ${describeValue(value)}`);
      return at('schema/pattern', `${name} ${describeValue(value)} must match ${String(params.pattern)}`);
    }
    case 'minItems':
      return at('schema/shape', `${name} must have at least ${String(params.limit)} item(s)`);
    case 'uniqueItems':
      return at('schema/shape', `${name} has duplicate items (items ${String(params.j)} and ${String(params.i)})`);
    case 'format':
      return at('schema/format', `${name} must be a valid ${String(params.format)}, got ${describeValue(value)}`);
    case 'const':
      return at('schema/enum', `${name} must be ${JSON.stringify(params.allowedValue)}, got ${describeValue(value)}`);
    case 'false schema':
      return at('schema/not-allowed', `${name} is not allowed here`, keyPosition(source, path));
    default:
      return at('schema/invalid', `${name} ${error.message ?? 'is invalid'}`);
  }
}

function requiredHint(missing: string): string {
  if (missing === 'model_name') return "; add 'model_name: <group name>' (the name clients request)";
  if (missing === 'litellm_params') return "; add 'litellm_params:' with at least 'model: <provider>/<model>'";
  if (missing === 'model') return "; add 'model: <provider>/<model>', e.g. openai/gpt-4o";
  return '';
}

function typeHint(path: readonly PathSegment[], value: unknown): string {
  const last = path[path.length - 1];
  if (typeof last === 'string' && /fallbacks$/.test(last) && value && typeof value === 'object' && !Array.isArray(value)) {
    const first = Object.keys(value)[0] ?? 'group';
    return `; write it as a list of one-key maps: '- ${first}: [...]' (LiteLLM rejects a plain map)`;
  }
  if (value instanceof YamlTimestamp) return `; PyYAML (LiteLLM's loader) reads an unquoted date or time as a timestamp, not a string: quote it, e.g. '${value.dateOnly ? value.iso : 'value'}'`;
  if (value instanceof Uint8Array) return "; the !!binary tag makes PyYAML decode base64 into bytes: drop the tag to keep the text";
  return '';
}

function rangeHint(path: readonly PathSegment[]): string {
  const last = path[path.length - 1];
  if (last === 'cooldown_time') return '; use a number of seconds, or disable_cooldowns: true to turn cooldowns off';
  return '';
}

function article(type: string): string {
  const t = type.trim();
  if (t.startsWith('one of') || t.startsWith('"')) return t;
  const names: Record<string, string> = { integer: 'an integer', number: 'a number', string: 'a string', boolean: 'a boolean (true/false)', object: 'a mapping', array: 'a list', null: 'empty' };
  return names[t] ?? t;
}

export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  // YAML's .inf/.nan load as JavaScript Infinity/NaN: name them as they are written.
  if (typeof value === 'number' && !Number.isFinite(value)) {
    const yaml = Number.isNaN(value) ? '.nan (YAML not-a-number)' : value > 0 ? '.inf (YAML infinity)' : '-.inf (YAML negative infinity)';
    return `${yaml}, which is not a finite number`;
  }
  if (Array.isArray(value)) return 'a list';
  if (value instanceof YamlTimestamp) return `${value.dateOnly ? 'date' : 'timestamp'} ${value.iso}`;
  if (value instanceof Uint8Array) return `binary data (${value.length} bytes)`;
  if (value instanceof Set) return 'a set';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `string '${value.length > 60 ? value.slice(0, 57) + '...' : value}'`;
  return `${typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value} ${String(value)}`;
}

/** Human name of a path: 'router_settings.routing_strategy', 'model_list[0]'. */
export function describePath(path: readonly PathSegment[]): string {
  if (path.length === 0) return 'the config';
  return `'${formatDotted(path)}'`;
}

function formatDotted(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out;
}

export function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let value = root;
  for (const seg of path) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[seg as string] : undefined;
  return value;
}

/** Sections whose unknown keys are errors only when they look like a typo of a known key. */
function walkKeys(source: SourceDocument, index: SchemaIndex, out: Diagnostic[], scenario = false): void {
  const visit = (value: unknown, schema: JsonSchema | null, path: PathSegment[], depth: number) => {
    if (!schema || depth > 64 || !value || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, index.child(schema, value, i), [...path, i], depth + 1));
      return;
    }
    const props = index.properties(schema, value);
    if (props.size === 0 && index.isOpen(schema, value)) {
      // Free-form map (e.g. environment_variables): only descend into declared value schemas.
      for (const [key, child] of Object.entries(value)) visit(child, index.child(schema, value, key), [...path, key], depth + 1);
      return;
    }
    const open = index.isOpen(schema, value);
    for (const branch of index.branchesFor(schema, value)) reportSoftRequired(source, branch, value, path, out);
    for (const [key, child] of Object.entries(value)) {
      const keyPath = [...path, key];
      const declared = props.get(key);
      if (declared) {
        const resolved = index.resolve(declared);
        // Annotations sit beside a `$ref`, so read them before resolving it.
        annotateExtension(source, declared, keyPath, child, out);
        visit(child, resolved, keyPath, depth + 1);
        continue;
      }
      if (key === '<<' || index.matchesPattern(schema, value, key)) {
        visit(child, index.child(schema, value, key), keyPath, depth + 1);
        continue;
      }
      if (!scenario) reportUnknownKey(source, index, schema, value, key, keyPath, open, props, out);
      else if (!open) reportUnknownScenarioKey(source, key, keyPath, props, out);
      if (open) visit(child, index.child(schema, value, key), keyPath, depth + 1);
    }
  };
  visit(source.value, index.root, [], 0);
}

/** Where a key missing from the map at `path` is reported: the map's own key, or its first line when it has none (a list item, the document). */
function missingKeyRange(source: SourceDocument, path: PathSegment[]) {
  const located = locate(source, path);
  return located.key ? rangeOf(source, located.key) : headRangeOf(source, located.value);
}

/** `x-gwcfg-warn-required`: keys whose absence LiteLLM tolerates at load time but that break routing. */
function reportSoftRequired(source: SourceDocument, schema: JsonSchema, value: object, path: PathSegment[], out: Diagnostic[]): void {
  const soft = schema['x-gwcfg-warn-required'];
  if (!soft || typeof soft !== 'object') return;
  for (const [key, message] of Object.entries(soft as Record<string, string>)) {
    if (Object.hasOwn(value, key)) continue;
    out.push(makeDiagnostic(source.file, 'schema/required', 'warning', message, missingKeyRange(source, path), [...path, key]));
  }
}

function annotateExtension(source: SourceDocument, schema: JsonSchema | null, path: PathSegment[], value: unknown, out: Diagnostic[]): void {
  if (!schema) return;
  const note = schema['x-gwcfg-extension'];
  if (typeof note === 'string') out.push(makeDiagnostic(source.file, 'schema/gwcfg-extension', 'warning', note, keyPosition(source, path), path));
  const values = schema['x-gwcfg-extension-values'];
  if (values && typeof values === 'object' && typeof value === 'string' && Object.hasOwn(values, value)) {
    out.push(makeDiagnostic(source.file, 'schema/gwcfg-extension', 'warning', String((values as Record<string, unknown>)[value]), valuePosition(source, path), path));
  }
}

function reportUnknownKey(
  source: SourceDocument,
  index: SchemaIndex,
  schema: JsonSchema,
  value: object,
  key: string,
  path: PathSegment[],
  open: boolean,
  props: Map<string, JsonSchema>,
  out: Diagnostic[],
): void {
  const where = describeSection(path.slice(0, -1));
  const known = [...props.keys()];
  const near = isNearMiss(key, known);
  const position = keyPosition(source, path);
  if (near) {
    out.push(makeDiagnostic(source.file, 'schema/unknown-key', 'error', `unknown key '${key}' in ${where}; did you mean '${near}'? LiteLLM silently ignores '${key}'`, position, path));
    return;
  }
  if (open) {
    // LiteLLM passes or accepts any other name here; only a key of a sibling section is worth a word.
    const sibling = path.length === 2 ? siblingSection(index, String(path[0]), key, source.value) : null;
    if (sibling) {
      out.push(makeDiagnostic(source.file, 'schema/unknown-key', 'warning', `'${key}' is not a ${String(path[0])} key; LiteLLM accepts it here but nothing reads it. It belongs under '${sibling}' (${sibling}.${key})`, position, path));
    }
    return;
  }
  const nested = keyOfNestedSection(index, schema, value, key);
  if (nested && !nested.exact) {
    out.push(makeDiagnostic(source.file, 'schema/unknown-key', 'error', `unknown key '${key}' in ${where}; did you mean '${nested.path}'? LiteLLM silently ignores '${key}' here`, position, path));
    return;
  }
  const why = nested ? `LiteLLM ignores it here; it belongs under '${nested.section}' (${nested.path})` : path.length === 1 ? 'LiteLLM ignores unknown top-level sections' : 'LiteLLM silently ignores it';
  out.push(makeDiagnostic(source.file, 'schema/unknown-key', 'warning', `unknown key '${key}' in ${where}; ${why}`, position, path));
}

/** Scenario files are gwcfg's own format: every unknown key is an error, never silently dropped. */
function reportUnknownScenarioKey(source: SourceDocument, key: string, path: PathSegment[], props: Map<string, JsonSchema>, out: Diagnostic[]): void {
  const known = [...props.keys()];
  const near = isNearMiss(key, known);
  const hint = near ? `did you mean '${near}'?` : `known keys here: ${known.join(', ')}`;
  const where = path.length === 1 ? 'at the top level' : `in ${describeSection(path.slice(0, -1))}`;
  const message = `unknown key '${key}' ${where} of the scenario; ${hint} (gwcfg would not simulate it; see docs/simulate.md)`;
  out.push(makeDiagnostic(source.file, 'schema/unknown-key', 'error', message, keyPosition(source, path), path));
}

/**
 * An unknown key that is a key (exact) or a near miss of a key of a section one level down:
 * `weight` or `wieght` beside litellm_params → litellm_params.weight. Exact matches win.
 */
function keyOfNestedSection(index: SchemaIndex, schema: JsonSchema, value: object, key: string): { section: string; path: string; exact: boolean } | null {
  const sections = [...index.properties(schema, value)].map(([section, sub]) => [section, index.properties(index.resolve(sub), {})] as const);
  for (const [section, keys] of sections) if (keys.has(key)) return { section, path: `${section}.${key}`, exact: true };
  for (const [section, keys] of sections) {
    const near = isNearMiss(key, [...keys.keys()]);
    if (near) return { section, path: `${section}.${near}`, exact: false };
  }
  return null;
}

/** The other top-level section that declares this key, e.g. database_url → general_settings. */
function siblingSection(index: SchemaIndex, section: string, key: string, root: unknown): string | null {
  for (const [name, sub] of index.properties(index.root, root)) {
    if (name === section) continue;
    if (index.properties(index.resolve(sub), {}).has(key)) return name;
  }
  return null;
}

function describeSection(path: readonly PathSegment[]): string {
  if (path.length === 0) return 'the top level';
  if (path.length === 2 && path[0] === 'model_list') return `model_list entry ${String(path[1])}`;
  return `'${formatDotted(path)}'`;
}

function checkEnvRefs(source: SourceDocument, value: unknown, path: PathSegment[], out: Diagnostic[]): void {
  if (typeof value === 'string') {
    if (value.startsWith(ENV_REF_PREFIX) && !ENV_REF.test(value)) {
      const name = value.slice(ENV_REF_PREFIX.length);
      out.push(
        makeDiagnostic(
          source.file,
          'schema/env-ref',
          'error',
          `malformed environment reference '${value}': '${name}' is not a valid variable name (letters, digits and _, not starting with a digit); LiteLLM will look up a variable that cannot exist`,
          valuePosition(source, path),
          path,
        ),
      );
    }
    return;
  }
  if (!value || typeof value !== 'object' || path.length > 64) return;
  if (Array.isArray(value)) value.forEach((v, i) => checkEnvRefs(source, v, [...path, i], out));
  else for (const [k, v] of Object.entries(value)) checkEnvRefs(source, v, [...path, k], out);
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.ruleId}|${d.line}|${d.column}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
