import type { Diagnostic } from '../types.js';

export interface FormatContext {
  /** Every file checked, including the clean ones (junit and sarif list them). */
  files: readonly string[];
  /** Source text per file, for the stylish code frame. */
  texts: ReadonlyMap<string, string>;
  color: boolean;
  /** Docs URL of a rule, if known (sarif helpUri). */
  ruleHelp?: (ruleId: string) => string | undefined;
  toolVersion: string;
}

export type Formatter = (diagnostics: readonly Diagnostic[], context: FormatContext) => string;
