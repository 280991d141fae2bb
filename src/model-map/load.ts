// Reads a user's copy of LiteLLM's model map (--model-cost-map FILE, or `model_cost_map:` in
// .gwcfg.yaml), e.g. the model_prices_and_context_window_backup.json inside their LiteLLM install.
import { CliError } from '../cli/errors.js';
import { InputError, LIMITS, readRegularFileSync } from '../util/read-input.js';
import { distilModelMap, type ModelRow } from './distil.js';
import { modelMapFromRows, type ModelMap } from './index.js';

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

/** The file's text, read as every user input is (regular files only, LIMITS.modelMap). */
function readBounded(file: string): string {
  try {
    return new TextDecoder().decode(readRegularFileSync(file, LIMITS.modelMap));
  } catch (error) {
    if (error instanceof InputError) throw new CliError(`cannot read model cost map ${file}: ${error.reason}`);
    throw error;
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
