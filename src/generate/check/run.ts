// check-metrics: read files and analyse every PromQL expression in them against the catalogue.

import { LIMITS, readInput } from '../../util/read-input.js';
import { CliError } from '../../cli/errors.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import { normalizeVersion } from '../version.js';
import { analyzeExpression } from './analyze.js';
import { positionIndex } from '../../util/positions.js';
import { extractExpressions } from './sources.js';
import { readExporterConfig, type ExporterConfig } from '../exporter-config.js';
import { loadConfigValue } from '../load-config.js';

export interface CheckOptions {
  version?: string;
  allowLabels?: readonly string[];
  /** What the LiteLLM config lets the exporter emit (check-metrics --config). */
  exporter?: ExporterConfig;
}

/** Diagnostics for one file's text (pure; used by the CLI and the tests). */
export function checkText(file: string, text: string, opts: CheckOptions = {}): Diagnostic[] {
  const pos = positionIndex(text);
  const extracted = extractExpressions(file, text);
  const diagnostics: Diagnostic[] = [];
  const at = (startOffset: number, endOffset: number) => {
    const s = pos(startOffset);
    const e = pos(Math.max(endOffset, startOffset));
    return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  };
  for (const p of extracted.problems) {
    diagnostics.push({ file, ruleId: p.ruleId, severity: p.severity, message: p.message, ...at(p.offset, p.offset + 1), fixable: false });
  }
  for (const source of extracted.exprs) {
    const findings = analyzeExpression(source.expr, {
      version: opts.version,
      extraLabels: opts.allowLabels,
      definedNames: extracted.definedNames,
      exporter: opts.exporter,
    });
    for (const f of findings) {
      const start = source.offsetOf(f.start);
      // Map the last character of the token, then step past it.
      const end = f.end > f.start ? source.offsetOf(f.end - 1) + 1 : start;
      const d: Diagnostic = { file, ruleId: f.ruleId, severity: f.severity, message: f.message, ...at(start, end), fixable: false };
      if (source.path) d.path = source.path;
      diagnostics.push(d);
    }
  }
  return diagnostics.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}

export interface CheckResult {
  diagnostics: Diagnostic[];
  files: string[];
  texts: Map<string, string>;
}

export async function checkFiles(files: readonly string[], litellmVersion: string | undefined, allowLabels: readonly string[] = [], configFile?: string): Promise<CheckResult> {
  let version: string | undefined;
  try {
    version = normalizeVersion(litellmVersion);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  const texts = new Map<string, string>();
  for (const file of files) {
    texts.set(file, new TextDecoder().decode(await readInput(file, LIMITS.metrics)));
  }
  const exporter = configFile === undefined ? undefined : readExporterConfig(await loadConfigValue(configFile));
  const diagnostics = [...texts].flatMap(([file, text]) => checkText(file, text, { version, allowLabels, exporter }));
  return { diagnostics, files: [...texts.keys()], texts };
}
