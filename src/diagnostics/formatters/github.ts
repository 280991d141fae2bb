import type { Formatter } from './types.js';

// Workflow command escaping, as actions/toolkit does it.
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** GitHub Actions annotations: `::error file=...,line=...::message`. */
export const formatGithub: Formatter = (diagnostics) =>
  diagnostics
    .map((d) => {
      const level = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
      const props = [`file=${escapeProperty(d.file)}`, `line=${d.line}`, `col=${d.column}`, `endLine=${d.endLine}`, `endColumn=${d.endColumn}`, `title=${escapeProperty(`gwcfg ${d.ruleId}`)}`];
      return `::${level} ${props.join(',')}::${escapeData(`${d.message} [${d.ruleId}]`)}\n`;
    })
    .join('');
