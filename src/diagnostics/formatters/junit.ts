import type { Formatter } from './types.js';

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/** JUnit XML: one suite per file, one failing case per error or warning, one passing case for a clean file. */
export const formatJunit: Formatter = (diagnostics, context) => {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const failures = diagnostics.filter((d) => d.severity !== 'info');
  out.push(`<testsuites name="gwcfg" tests="${Math.max(failures.length, 0) + context.files.filter((f) => !failures.some((d) => d.file === f)).length}" failures="${failures.length}">`);
  for (const file of context.files) {
    const own = failures.filter((d) => d.file === file);
    out.push(`  <testsuite name="${xml(file)}" tests="${Math.max(1, own.length)}" failures="${own.length}" errors="0">`);
    if (own.length === 0) out.push(`    <testcase name="${xml(file)}" classname="gwcfg"/>`);
    for (const d of own) {
      out.push(`    <testcase name="${xml(`${d.ruleId} ${d.line}:${d.column}`)}" classname="${xml(file)}">`);
      out.push(`      <failure type="${d.severity}" message="${xml(d.message)}">${xml(`${d.file}:${d.line}:${d.column} ${d.severity} ${d.message} [${d.ruleId}]`)}</failure>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
};
