import type { Formatter, FormatContext } from './types.js';
import type { Diagnostic } from '../types.js';
import { formatStylish } from './stylish.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatGithub } from './github.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { safeDiagnostic, safeText } from '../../util/safe-text.js';
import { formatNames } from './names.js';

/**
 * Every format sees findings through one choke point: credentials masked and control characters
 * escaped in file names, messages and paths (src/util/safe-text.ts). Source lines stay raw in
 * `texts` (keyed by the safe file name); code frames make each shown line safe with safeLine.
 */
function safe(format: Formatter): Formatter {
  return (diagnostics: readonly Diagnostic[], context: FormatContext) =>
    format(diagnostics.map(safeDiagnostic), {
      ...context,
      files: context.files.map((f) => safeText(f)),
      texts: new Map([...context.texts].map(([file, text]) => [safeText(file), text])),
    });
}

export const formatters: Record<string, Formatter> = {
  stylish: safe(formatStylish),
  json: safe(formatJson),
  sarif: safe(formatSarif),
  github: safe(formatGithub),
  junit: safe(formatJunit),
  markdown: safe(formatMarkdown),
};
// The option parser offers names.ts's list (this module loads only when a report is formatted);
// test/output/format-names.test.ts checks that it names these formatters.
export { formatNames };
export type { Formatter, FormatContext } from './types.js';
