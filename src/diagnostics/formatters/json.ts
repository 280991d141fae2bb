import { summarize } from '../types.js';
import type { Formatter } from './types.js';

/** docs/contracts.md, contract 2: one JSON document on stdout. */
export const formatJson: Formatter = (diagnostics, context) => {
  const list = diagnostics.map(({ fix: _fix, ...rest }) => rest);
  return JSON.stringify({ version: 1, diagnostics: list, summary: summarize(diagnostics, context.files.length) }, null, 2) + '\n';
};
