import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Formatter } from './types.js';

/** SARIF 2.1.0, as GitHub code scanning and other viewers read it. */
export const formatSarif: Formatter = (diagnostics, context) => {
  const ruleIds = [...new Set(diagnostics.map((d) => d.ruleId))].sort();
  const rules: ReportingDescriptor[] = ruleIds.map((id) => {
    const rule: ReportingDescriptor = { id, shortDescription: { text: id } };
    const help = context.ruleHelp?.(id);
    if (help) rule.helpUri = help;
    return rule;
  });
  const results: Result[] = diagnostics.map((d) => ({
    ruleId: d.ruleId,
    ruleIndex: ruleIds.indexOf(d.ruleId),
    level: d.severity === 'info' ? 'note' : d.severity,
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toUri(d.file) },
          region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
        },
      },
    ],
  }));
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'gwcfg', version: context.toolVersion, informationUri: 'https://github.com/gwcfg/gwcfg', rules } },
        artifacts: context.files.map((f) => ({ location: { uri: toUri(f) } })),
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};

const toUri = (file: string) => file.split(/[\\/]/).map(encodeURIComponent).join('/');
