import type { Log, ReportingDescriptor, Result } from 'sarif';
import { REPOSITORY_URL } from '../../cli/version.js';
import type { Formatter } from './types.js';

/**
 * SARIF 2.1.0, valid against the OASIS schema, as GitHub code scanning and other viewers read it.
 * Each rule that has results is described: shortDescription is the rule's one-line description,
 * fullDescription the first paragraph of its docs page, helpUri that page in the repository.
 */
export const formatSarif: Formatter = (diagnostics, context) => {
  const ruleIds = [...new Set(diagnostics.map((d) => d.ruleId))].sort();
  const rules: ReportingDescriptor[] = ruleIds.map((id) => {
    const info = context.ruleInfo?.(id);
    const short = info?.description ?? id;
    const rule: ReportingDescriptor = {
      id,
      shortDescription: { text: sentence(short) },
      fullDescription: { text: info?.details ? info.details : sentence(short) },
      helpUri: `${REPOSITORY_URL}/blob/main/docs/rules/${id}.md`,
    };
    if (info?.severity) rule.defaultConfiguration = { level: info.severity === 'info' ? 'note' : info.severity };
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
        tool: { driver: { name: 'gwcfg', version: context.toolVersion, informationUri: REPOSITORY_URL, rules } },
        artifacts: context.files.map((f) => ({ location: { uri: toUri(f) } })),
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};

/** A description as a sentence: capitalised, ending in a full stop. */
const sentence = (text: string) => {
  const t = text.trim();
  return `${t.charAt(0).toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}`;
};

const toUri = (file: string) => file.split(/[\\/]/).map(encodeURIComponent).join('/');
