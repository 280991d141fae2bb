// Ids of the findings that do not come from lint rules: YAML parsing and schema checks (shared
// with `validate`) and the engine's own findings about directives. They can be named in
// directives and in `.gwcfg.yaml` (severity only) and have docs pages like the rules.
import type { Severity } from '../diagnostics/types.js';

export interface BuiltinCheck {
  id: string;
  description: string;
  /** Usual severity (some checks soften to warning case by case). */
  severity: Severity;
}

export const UNUSED_DIRECTIVE = 'gwcfg/unused-directive';
export const UNKNOWN_RULE = 'gwcfg/unknown-rule';

export const builtinChecks: readonly BuiltinCheck[] = [
  { id: 'yaml/syntax', description: 'the file is not valid YAML', severity: 'error' },
  { id: 'yaml/duplicate-key', description: 'a mapping has the same key twice; LiteLLM keeps only the last value', severity: 'warning' },
  { id: 'yaml/empty', description: 'the file is empty or holds only comments', severity: 'error' },
  { id: 'yaml/encoding', description: 'the file is not valid UTF-8', severity: 'error' },
  { id: 'yaml/binary', description: 'the file contains NUL bytes and looks binary', severity: 'error' },
  { id: 'yaml/not-a-mapping', description: 'the top level of the file is not a mapping', severity: 'error' },
  { id: 'yaml/alias-limit', description: 'aliases expand to too many values (an alias bomb)', severity: 'error' },
  { id: 'yaml/unknown-tag', description: 'a tag PyYAML safe_load cannot construct (!Ref, !!python/...)', severity: 'error' },
  { id: 'yaml/bad-merge', description: 'a << merge key whose value is not a mapping or a list of mappings', severity: 'error' },
  { id: 'yaml/complex-key', description: 'a list or mapping used as a mapping key', severity: 'error' },
  { id: 'yaml/bad-value', description: 'a value PyYAML cannot construct (an impossible date, bad base64, a plain = or <<)', severity: 'error' },
  { id: 'yaml/multi-document', description: 'the file holds more than one YAML document', severity: 'error' },
  { id: 'yaml/recursive-alias', description: 'an alias inside the node its anchor marks, so the value contains itself', severity: 'error' },
  { id: 'yaml/too-deep', description: 'nesting is deeper than any config needs', severity: 'error' },
  { id: 'schema/unknown-key', description: 'a key LiteLLM does not know; it is silently ignored', severity: 'error' },
  { id: 'schema/type', description: 'a value has the wrong type', severity: 'error' },
  { id: 'schema/enum', description: 'a value is not one of the allowed values', severity: 'error' },
  { id: 'schema/range', description: 'a number is outside its allowed range', severity: 'error' },
  { id: 'schema/required', description: 'a required key is missing', severity: 'error' },
  { id: 'schema/env-ref', description: 'an os.environ/ reference names an impossible variable', severity: 'error' },
  { id: 'schema/gwcfg-extension', description: 'a key or value that only some LiteLLM builds or gwcfg understand', severity: 'warning' },
  { id: 'schema/include-missing', description: 'a file listed under include cannot be read', severity: 'error' },
  { id: 'schema/include-not-config', description: 'a file listed under include is not a LiteLLM config (a .env, a key file); its content is never shown', severity: 'error' },
  { id: 'schema/include-cycle', description: 'files include each other in a cycle', severity: 'error' },
  { id: 'schema/fallback-shape', description: 'a fallbacks item does not map exactly one model group to its fallbacks', severity: 'error' },
  { id: 'schema/shape', description: 'a mapping or list has too few or too many entries', severity: 'error' },
  { id: 'schema/pattern', description: 'a string does not have the required form', severity: 'error' },
  { id: 'schema/format', description: 'a string is not a valid URL, e-mail or other format', severity: 'error' },
  { id: 'schema/not-allowed', description: 'a key is not allowed in this place', severity: 'error' },
  { id: 'schema/invalid', description: 'a value breaks another schema constraint', severity: 'error' },
  { id: UNUSED_DIRECTIVE, description: 'a gwcfg-disable comment that suppresses nothing', severity: 'warning' },
  { id: UNKNOWN_RULE, description: 'a gwcfg-disable comment names a rule that does not exist', severity: 'warning' },
];

export const builtinIds: ReadonlySet<string> = new Set(builtinChecks.map((c) => c.id));
