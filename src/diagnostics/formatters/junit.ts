import type { Diagnostic } from '../types.js';
import type { Formatter } from './types.js';

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/**
 * JUnit XML: one suite per file, one test case per error or warning (with `file` and `line`
 * attributes), one passing case for a clean file. Errors are failures; warnings pass, with the
 * message as system-out, unless `junitWarningsAsFailures` (--junit-warnings-as-failures). Infos
 * are left out.
 */
export const formatJunit: Formatter = (diagnostics, context) => {
  const failing = (d: Diagnostic) => d.severity === 'error' || (d.severity === 'warning' && context.junitWarningsAsFailures === true);
  const cases = diagnostics.filter((d) => d.severity !== 'info');
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const file of context.files) {
    const own = cases.filter((d) => d.file === file);
    const ownFailures = own.filter(failing).length;
    tests += Math.max(1, own.length);
    failures += ownFailures;
    suites.push(`  <testsuite name="${xml(file)}" tests="${Math.max(1, own.length)}" failures="${ownFailures}" errors="0">`);
    if (own.length === 0) suites.push(`    <testcase name="${xml(file)}" classname="gwcfg" file="${xml(file)}"/>`);
    for (const d of own) {
      const text = xml(`${d.file}:${d.line}:${d.column} ${d.severity} ${d.message} [${d.ruleId}]`);
      suites.push(`    <testcase name="${xml(`${d.ruleId} ${d.line}:${d.column}`)}" classname="${xml(d.file)}" file="${xml(d.file)}" line="${d.line}">`);
      if (failing(d)) suites.push(`      <failure type="${d.severity}" message="${xml(d.message)}">${text}</failure>`);
      else suites.push(`      <system-out>${text}</system-out>`);
      suites.push('    </testcase>');
    }
    suites.push('  </testsuite>');
  }
  out.push(`<testsuites name="gwcfg" tests="${tests}" failures="${failures}">`, ...suites, '</testsuites>');
  return out.join('\n') + '\n';
};
