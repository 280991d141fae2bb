// Reads a config file and everything it includes, checking each against the schema.
// Synchronous reads: a CLI reads a handful of files, and node:fs/promises alone costs start-up time.
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve, relative, isAbsolute } from 'node:path';
import type { Diagnostic } from '../diagnostics/types.js';
import { CliError } from '../cli/errors.js';
import { parseSource, makeDiagnostic, valuePosition, type PathSegment, type SourceDocument } from './document.js';
import { checkAgainstSchema } from '../schema/check.js';
import { configSchema, configSchemaIndex, validateConfig } from '../schema/config-schema.js';
import { isNearMiss } from '../schema/suggest.js';

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

/** Largest config file gwcfg reads (a 40k-deployment config is about 10 MB). */
const MAX_BYTES = 256 * 1024 * 1024;

export async function readInput(file: string): Promise<Uint8Array> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
  try {
    const info = statSync(file);
    if (info.isDirectory()) throw new CliError(`cannot read ${file}: is a directory`);
    if (info.size > MAX_BYTES) throw new CliError(`cannot read ${file}: file is larger than 256 MB`);
    return readFileSync(file);
  } catch (error) {
    if (error instanceof CliError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new CliError(`cannot read ${file}: ${why}`);
  }
}

/** Loads a config from disk (or `-` for stdin, shown as `stdinName`, default `<stdin>`). */
export async function loadConfig(file: string, stdinName = '<stdin>'): Promise<LoadedConfig> {
  const bytes = await readInput(file);
  return loadConfigBytes(file === '-' ? stdinName : file, bytes);
}

export async function loadConfigBytes(file: string, bytes: Uint8Array): Promise<LoadedConfig> {
  const result: LoadedConfig = { file, source: null, sources: [], value: undefined, origins: { modelList: [], sections: new Map() }, diagnostics: [] };
  const value = await loadOne(file, bytes, result, new Set([resolve(file)]));
  result.source = result.sources.find((s) => s.file === file) ?? null;
  result.value = value;
  return result;
}

/** Where an included file is listed: the including file and the index of its `include` entry. */
interface IncludedFrom {
  source: SourceDocument;
  index: number;
  entry: string;
}

async function loadOne(file: string, bytes: Uint8Array, result: LoadedConfig, seen: Set<string>, from?: IncludedFrom): Promise<unknown> {
  const parsed = parseSource(file, bytes);
  const notConfig = from ? notAConfig(parsed) : null;
  if (from && notConfig) {
    // A .env, /etc/passwd or key file: one finding on the include entry, none of its content.
    const at = ['include', from.index];
    result.diagnostics.push(
      makeDiagnostic(from.source.file, 'schema/include-not-config', 'error', `included file '${from.entry}' is not a LiteLLM config (${notConfig}); gwcfg shows none of its content. Include only YAML files with config sections such as model_list`, valuePosition(from.source, at), at),
    );
    return undefined;
  }
  result.diagnostics.push(...parsed.diagnostics);
  if (!parsed.source) return undefined;
  result.sources.push(parsed.source);
  if (parsed.diagnostics.some((d) => d.severity === "error")) return undefined;
  const source = parsed.source;
  result.diagnostics.push(...checkAgainstSchema(source, { validate: validateConfig, index: configSchemaIndex }));
  const value = source.value as Record<string, unknown>;
  recordOrigins(result.origins, source, value);
  const includes = value.include;
  if (!Array.isArray(includes)) return value;
  const merged: Record<string, unknown> = { ...value };
  delete merged.include;
  for (const [i, entry] of includes.entries()) {
    if (typeof entry !== 'string') continue;
    const target = isAbsolute(entry) || file === '<stdin>' ? entry : resolve(dirname(file), entry);
    const shown = file === '<stdin>' ? entry : relative(process.cwd(), target) || target;
    if (seen.has(target)) {
      result.diagnostics.push(makeDiagnostic(file, 'schema/include-cycle', 'error', `'${entry}' is already being included (include cycle); remove one of the includes`, valuePosition(source, ['include', i]), ['include', i]));
      continue;
    }
    let included: Uint8Array;
    try {
      included = readFileSync(target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a directory' : 'cannot be read';
      result.diagnostics.push(
        makeDiagnostic(file, 'schema/include-missing', 'error', `included file '${entry}' ${why} (resolved to ${shown}, relative to this file); LiteLLM fails to start`, valuePosition(source, ['include', i]), ['include', i]),
      );
      continue;
    }
    const inner = await loadOne(shown, included, result, new Set([...seen, target]), { source, index: i, entry });
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
