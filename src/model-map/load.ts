// Reads a user's copy of LiteLLM's model map (--model-cost-map FILE, or `model_cost_map:` in
// .gwcfg.yaml), e.g. the model_prices_and_context_window_backup.json inside their LiteLLM install.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { CliError } from '../cli/errors.js';
import { distilModelMap, type ModelRow } from './distil.js';
import { modelMapFromRows, type ModelMap } from './index.js';

/** LiteLLM's own map is ~1.5 MB; a file over this is not a model map. */
export const MAX_MODEL_MAP_BYTES = 64 * 1024 * 1024;

/** Line and column (1-based) of a character offset. */
function lineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

function readBounded(file: string): string {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read model cost map ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (code ?? 'read error')}`);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new CliError(`cannot read model cost map ${file}: is a directory`);
    if (!stat.isFile()) throw new CliError(`cannot read model cost map ${file}: not a regular file`);
    if (stat.size > MAX_MODEL_MAP_BYTES) throw new CliError(`${file}: model cost map is ${stat.size} bytes, over the ${MAX_MODEL_MAP_BYTES}-byte limit; pass LiteLLM's model_prices_and_context_window.json`);
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < buffer.length) {
      const n = readSync(fd, buffer, read, buffer.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** JSON.parse with the error placed at file:line:col (V8 reports a character position). */
function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /at position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : text.length;
    const { line, column } = lineCol(text, offset);
    // Keep V8's reason, not its excerpt of the file (which may hold anything).
    const what = message.split(/ in JSON| after JSON|, "/)[0];
    throw new CliError(`${file}:${line}:${column}: the model cost map is not valid JSON (${what.replace(/[\u0000-\u001f\u007f]/g, '?')}); pass LiteLLM's model_prices_and_context_window.json`);
  }
}

/** Distilled rows of a model-map file; every problem is a CliError naming the file (and position). */
export function readModelMapRows(file: string): { rows: ModelRow[]; date: string | null } {
  const raw = parseJson(file, readBounded(file));
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new CliError(`${file}:1:1: the model cost map must be a JSON object of model name -> prices and limits (LiteLLM's model_prices_and_context_window.json)`);
  }
  const date = typeof (raw as Record<string, unknown>).last_updated === 'string' ? ((raw as Record<string, unknown>).last_updated as string) : null;
  return { rows: distilModelMap(raw), date };
}

/** The map in a file, ready for lookups. */
export function loadModelMap(file: string): ModelMap {
  const { rows, date } = readModelMapRows(file);
  return modelMapFromRows(file, date, rows);
}

const loaded = new Map<string, ModelMap>();

/** loadModelMap, once per path for the life of the process (lint reads one map for many files). */
export function loadModelMapOnce(file: string): ModelMap {
  let map = loaded.get(file);
  if (!map) {
    map = loadModelMap(file);
    loaded.set(file, map);
  }
  return map;
}
