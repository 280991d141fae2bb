import type { Diagnostic, Severity } from '../types.js';

export interface FormatContext {
  /** Every file checked, including the clean ones (junit and sarif list them). */
  files: readonly string[];
  /** Source text per file, for the stylish code frame. */
  texts: ReadonlyMap<string, string>;
  color: boolean;
  /** What is known of a rule or built-in check (sarif rule descriptions). */
  ruleInfo?: (ruleId: string) => RuleInfo | undefined;
  /** junit: report warnings as failures (--junit-warnings-as-failures). */
  junitWarningsAsFailures?: boolean;
  toolVersion: string;
}

export interface RuleInfo {
  /** One line, as in `gwcfg rules`. */
  description: string;
  severity: Severity;
  /** The first paragraph of the rule's docs page, as plain text, when the page is installed. */
  details?: string;
}

export type Formatter = (diagnostics: readonly Diagnostic[], context: FormatContext) => string;
