// Reads a config file and everything it includes, checking each against the schema.
// Every read goes through readInput (caps, regular files only); the include graph is bounded by
// MAX_INCLUDE_LOADS and the config byte cap, counting a file each time it is included.
import { realpathSync } from 'node:fs';
import { dirname, resolve, relative, isAbsolute } from 'node:path';
import type { Diagnostic } from '../diagnostics/types.js';
import { InputError, LIMITS, readInput } from '../util/read-input.js';
import { describeErrno } from '../cli/errors.js';
import { parseSource, makeDiagnostic, keyPosition, valuePosition, type PathSegment, type SourceDocument } from './document.js';
import { checkAgainstSchema } from '../schema/check.js';
import { configSchema, configSchemaIndex, validateConfig } from '../schema/config-schema.js';
import { isNearMiss } from '../schema/suggest.js';
import { appendAll } from '../util/append.js';

export interface LoadedConfig {
  file: string;
  /** The main file's parsed document (null when it could not be parsed). */
  source: SourceDocument | null;
  /** Every parsed file: the main one first, then includes in order. */
  sources: SourceDocument[];
  /** The whole config as LiteLLM sees it: includes merged, `include` removed. */
  value: unknown;
  /** Where each part of `value` was written, for positions in included files. */
  origins: Origins;
  diagnostics: Diagnostic[];
}

/** Provenance of merged values: the file and path each model_list entry and section came from. */
export interface Origins {
  modelList: { source: SourceDocument; path: PathSegment[] }[];
  sections: Map<string, SourceDocument>;
}

/** Most file loads one config may make, counting a file each time it is included (docs/limits.md). */
export const MAX_INCLUDE_LOADS = 64;

/** Reads the config argument (`-` for stdin) within the config cap. Throws InputError (exit 2). */
export async function readConfigInput(file: string): Promise<Uint8Array> {
  return readInput(file, LIMITS.config);
}

/** Loads a config from disk (or `-` for stdin, shown as `stdinName`, default `<stdin>`). */
export async function loadConfig(file: string, stdinName = '<stdin>'): Promise<LoadedConfig> {
  const bytes = await readConfigInput(file);
  return loadConfigBytes(file === '-' ? stdinName : file, bytes);
}

/** What one config load has used so far: bytes and file loads, shared by the whole include graph. */
interface IncludeBudget {
  bytes: number;
  loads: number;
  /** Real paths already parsed: a file included again is merged again, but reported once. */
  reported: Set<string>;
  limitReported: boolean;
}

export async function loadConfigBytes(file: string, bytes: Uint8Array): Promise<LoadedConfig> {
  const result: LoadedConfig = { file, source: null, sources: [], value: undefined, origins: { modelList: [], sections: new Map() }, diagnostics: [] };
  const real = realPathOf(file);
  const budget: IncludeBudget = { bytes: bytes.length, loads: 1, reported: new Set([real]), limitReported: false };
  const value = await loadOne(file, bytes, result, [real], budget, true);
  result.source = result.sources.find((s) => s.file === file) ?? null;
  result.value = value;
  return result;
}

/** Real path (symlinks resolved) of a file, for cycle checks; the absolute path when it has none. */
function realPathOf(file: string): string {
  if (file === '<stdin>') return file;
  try {
    return realpathSync(file);
  } catch {
    return resolve(file);
  }
}

/** Where an included file is listed: the including file and the index of its `include` entry. */
interface IncludedFrom {
  source: SourceDocument;
  index: number;
  entry: string;
}

async function loadOne(file: string, bytes: Uint8Array, result: LoadedConfig, chain: readonly string[], budget: IncludeBudget, report: boolean, from?: IncludedFrom): Promise<unknown> {
  const parsed = parseSource(file, bytes);
  const notConfig = from ? notAConfig(parsed) : null;
  if (from && notConfig) {
    // A .env, /etc/passwd or key file: one finding on the include entry, none of its content.
    const at = ['include', from.index];
    if (report) {
      result.diagnostics.push(
        makeDiagnostic(from.source.file, 'schema/include-not-config', 'error', `included file '${from.entry}' is not a LiteLLM config (${notConfig}); gwcfg shows none of its content. Include only YAML files with config sections such as model_list`, valuePosition(from.source, at), at),
      );
    }
    return undefined;
  }
  if (report) appendAll(result.diagnostics, parsed.diagnostics);
  if (!parsed.source) return undefined;
  if (report) result.sources.push(parsed.source);
  if (parsed.diagnostics.some((d) => d.severity === "error")) return undefined;
  const source = parsed.source;
  if (report) appendAll(result.diagnostics, checkAgainstSchema(source, { validate: validateConfig, index: configSchemaIndex }));
  const value = source.value as Record<string, unknown>;
  recordOrigins(result.origins, source, value);
  const includes = value.include;
  if (!Array.isArray(includes)) return value;
  const merged: Record<string, unknown> = { ...value };
  delete merged.include;
  for (const [i, entry] of includes.entries()) {
    if (budget.limitReported) break;
    if (typeof entry !== 'string') continue;
    const target = isAbsolute(entry) || file === '<stdin>' ? entry : resolve(dirname(file), entry);
    const shown = file === '<stdin>' ? entry : relative(process.cwd(), target) || target;
    const at = (ruleId: string, message: string, always = false) => {
      if (report || always) result.diagnostics.push(makeDiagnostic(file, ruleId, 'error', message, valuePosition(source, ['include', i]), ['include', i]));
    };
    const resolvedTo = isAbsolute(entry) ? '' : ` (resolved to ${shown}, relative to this file)`;
    const missing = (why: string) => at('schema/include-missing', `included file '${entry}' ${why}${resolvedTo}; LiteLLM fails to start`);
    let real: string;
    try {
      real = realpathSync(target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      missing(code === 'ENOENT' ? 'does not exist' : `cannot be read: ${describeErrno(error)}`);
      continue;
    }
    // Cycles on real paths: a symlinked directory (s1 -> .) must not hide one.
    if (chain.includes(real)) {
      at('schema/include-cycle', `'${entry}' is already being included (include cycle); remove one of the includes`);
      continue;
    }
    const overLimit = (what: string) => {
      // Reported once, even from a repeated load (whose other findings are not repeated).
      if (!budget.limitReported) at('schema/include-limit', `'${entry}' and the includes after it are not loaded: ${what}; see docs/limits.md`, true);
      budget.limitReported = true;
    };
    if (budget.loads >= MAX_INCLUDE_LOADS) {
      overLimit(`the config already loads ${MAX_INCLUDE_LOADS} files, gwcfg's limit (a file counts each time it is included; files that include the same file twice double the count at each level)`);
      continue;
    }
    let included: Uint8Array;
    try {
      included = await readInput(target, LIMITS.config, { budget: LIMITS.config.bytes - budget.bytes, fromFile: true });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      if (error.code === 'too-large') overLimit(`the config with its includes would pass ${LIMITS.config.bytes / 1024 / 1024} MiB, gwcfg's limit (a file counts each time it is included)`);
      else missing(error.code === 'ENOENT' ? 'does not exist' : error.code === 'EISDIR' ? 'is a directory' : `cannot be read: ${error.reason}`);
      continue;
    }
    budget.bytes += included.length;
    budget.loads++;
    const first = !budget.reported.has(real);
    budget.reported.add(real);
    const inner = await loadOne(shown, included, result, [...chain, real], budget, report && first, { source, index: i, entry });
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) mergeInclude(merged, inner as Record<string, unknown>);
  }
  return merged;
}

const SECTIONS = [...configSchemaIndex.properties(configSchema, {}).keys()];

/**
 * Why an included file is not a LiteLLM config, or null when it is one: it must parse as a YAML
 * mapping with at least one config section (or a near miss of one, which the schema check then
 * reports with its did-you-mean). Says nothing of the file's content.
 */
function notAConfig(parsed: ReturnType<typeof parseSource>): string | null {
  const value = parsed.source?.value;
  if (parsed.diagnostics.some((d) => d.ruleId === 'yaml/not-a-mapping')) return 'not a YAML mapping';
  if (!parsed.source || parsed.diagnostics.some((d) => d.severity === 'error' && d.ruleId.startsWith('yaml/'))) return 'not valid YAML';
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not a YAML mapping';
  const keys = Object.keys(value);
  if (keys.length > 0 && !keys.some((k) => SECTIONS.includes(k) || isNearMiss(k, SECTIONS) !== null)) return 'none of its top-level keys is a config section';
  return null;
}

function recordOrigins(origins: Origins, source: SourceDocument, value: Record<string, unknown>): void {
  for (const key of Object.keys(value)) if (key !== 'include' && !(key === 'model_list' && origins.sections.has(key))) origins.sections.set(key, source);
  if (Array.isArray(value.model_list)) value.model_list.forEach((_, i) => origins.modelList.push({ source, path: ['model_list', i] }));
}

/** LiteLLM's include rule: lists present in both are concatenated; anything else is replaced. */
function mergeInclude(into: Record<string, unknown>, from: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    into[key] = Array.isArray(existing) && Array.isArray(value) ? [...existing, ...value] : value;
  }
}

/**
 * Where `path` (a path in the merged config, e.g. ['model_list', 2, 'litellm_params', 'rpm']) is
 * written: the file that holds it (an included file keeps its own positions) and its 1-based
 * line/column, at the key or at the value. Null when the main file could not be parsed.
 */
export function positionInConfig(loaded: LoadedConfig, path: readonly PathSegment[], at: 'key' | 'value' = 'key'): { file: string; line: number; column: number } | null {
  const main = loaded.source;
  if (!main) return null;
  let source = main;
  let inFile: readonly PathSegment[] = path;
  if (path[0] === 'model_list' && typeof path[1] === 'number' && loaded.origins.modelList[path[1]]) {
    const origin = loaded.origins.modelList[path[1]];
    source = origin.source;
    inFile = [...origin.path, ...path.slice(2)];
  } else if (typeof path[0] === 'string') {
    source = loaded.origins.sections.get(path[0]) ?? main;
  }
  const p = (at === 'key' ? keyPosition : valuePosition)(source, inFile);
  return { file: source.file, line: p.line, column: p.column };
}
