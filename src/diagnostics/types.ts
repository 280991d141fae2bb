/** One finding, as in docs/contracts.md, contract 2. Lines and columns are 1-based. */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  file: string;
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Dotted path of the config value at fault (`router_settings.num_retries`), when there is one. */
  path?: string;
  fixable: boolean;
  /** Text edit that fixes the finding (lint --fix); not part of the JSON contract. */
  fix?: { range: [number, number]; text: string }[];
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

export function summarize(diagnostics: readonly Diagnostic[], files: number): Summary {
  const summary: Summary = { files, errors: 0, warnings: 0, infos: 0 };
  for (const d of diagnostics) {
    if (d.severity === 'error') summary.errors++;
    else if (d.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return summary;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

/** Path segments as a dotted path: model_list[0].litellm_params.rpm */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${seg}` : seg;
  }
  return out;
}
