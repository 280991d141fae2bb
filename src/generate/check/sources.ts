// Pull PromQL expressions out of Grafana dashboards (JSON), Prometheus rule files (YAML, also
// PrometheusRule resources) and plain PromQL files, each with a map back to file offsets.

import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Scalar } from 'yaml';
import { parseJsonWithPositions, type JsonNode } from './json-positions.js';
import { minOf } from '../../util/extrema.js';

export interface ExprSource {
  readonly expr: string;
  /** Where in the document, e.g. `panels[2].targets[0].expr`. */
  readonly path: string;
  /** File offset of the expression's character `i`. */
  readonly offsetOf: (i: number) => number;
}

export interface FileProblem {
  readonly ruleId: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  readonly offset: number;
}

export interface ExtractedFile {
  readonly kind: 'grafana' | 'rules' | 'promql';
  readonly exprs: ExprSource[];
  /** litellm_* series the file records itself. */
  readonly definedNames: Set<string>;
  readonly problems: FileProblem[];
}

export function fileKind(file: string): ExtractedFile['kind'] {
  if (/\.json$/i.test(file)) return 'grafana';
  if (/\.ya?ml$/i.test(file)) return 'rules';
  return 'promql';
}

function grafanaExprs(text: string): ExtractedFile {
  const exprs: ExprSource[] = [];
  const problems: FileProblem[] = [];
  let root: JsonNode;
  try {
    root = parseJsonWithPositions(text);
  } catch (e) {
    const err = e as Error & { offset?: number; tooDeep?: boolean };
    problems.push({ ruleId: 'metrics/parse-error', severity: 'error', message: err.tooDeep ? err.message : `not valid JSON: ${err.message}`, offset: err.offset ?? 0 });
    return { kind: 'grafana', exprs, definedNames: new Set(), problems };
  }
  const add = (node: JsonNode, path: string) => {
    if (node.type === 'string' && node.value.trim() !== '') {
      const map = node.map;
      exprs.push({ expr: node.value, path, offsetOf: (i) => map[Math.min(i, map.length - 1)] });
    }
  };
  const walk = (node: JsonNode, path: string, inTemplating: boolean) => {
    if (node.type === 'array') node.items.forEach((item, i) => walk(item, `${path}[${i}]`, inTemplating));
    if (node.type !== 'object') return;
    for (const { key, value } of node.entries) {
      const child = path ? `${path}.${key}` : key;
      if (key === 'expr') add(value, child);
      else if (inTemplating && key === 'query') {
        if (value.type === 'string') add(value, child);
        else if (value.type === 'object') {
          const inner = value.entries.find((e) => e.key === 'query');
          if (inner) add(inner.value, `${child}.query`);
        }
      } else walk(value, child, inTemplating || key === 'templating');
    }
  };
  walk(root, '', false);
  return { kind: 'grafana', exprs, definedNames: new Set(), problems };
}

/** Map decoded scalar characters back to the source; falls back to the scalar's start when unsure. */
function scalarOffsets(text: string, node: Scalar): (i: number) => number {
  const [start, end] = node.range ?? [0, 0];
  const fallback = () => start;
  const value = String(node.value);
  const raw = text.slice(start, end);
  const built: string[] = [];
  const map: number[] = [];
  const push = (ch: string, at: number) => {
    built.push(ch);
    map.push(start + at);
  };
  const type = node.type;
  if (type === 'PLAIN' || type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE') {
    const quoted = type !== 'PLAIN';
    let i = quoted ? 1 : 0;
    const stop = quoted ? raw.length - 1 : raw.length;
    while (i < stop) {
      const c = raw[i];
      if (c === '\n' || c === '\r') {
        // Line folding: the break and the next line's indentation become one space.
        const at = i;
        while (i < stop && /\s/.test(raw[i])) i++;
        push(' ', at);
        continue;
      }
      if (type === 'QUOTE_DOUBLE' && c === '\\') {
        const esc = /^\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/.exec(raw.slice(i))?.[0] ?? '\\';
        const decoded = esc.length > 2 ? String.fromCodePoint(parseInt(esc.slice(2), 16)) : ({ n: '\n', t: '\t', '"': '"', '\\': '\\', '/': '/', ' ': ' ' } as Record<string, string>)[esc[1]] ?? esc[1];
        for (const ch of decoded) push(ch, i);
        i += esc.length;
        continue;
      }
      if (type === 'QUOTE_SINGLE' && c === "'" && raw[i + 1] === "'") {
        push("'", i);
        i += 2;
        continue;
      }
      push(c, i);
      i++;
    }
  } else {
    // Block scalar: skip the header line, strip the indentation of every content line.
    const headerEnd = raw.indexOf('\n');
    if (headerEnd < 0) return fallback;
    const lines = raw.slice(headerEnd + 1).split('\n');
    const indent = minOf(lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
    let at = headerEnd + 1;
    lines.forEach((line, li) => {
      for (let k = Number.isFinite(indent) ? Math.min(indent, line.length) : 0; k < line.length; k++) push(line[k], at + k);
      at += line.length + 1;
      if (li < lines.length - 1) push(type === 'BLOCK_FOLDED' && line.trim() !== '' && (lines[li + 1] ?? '').trim() !== '' ? ' ' : '\n', at - 1);
    });
  }
  const joined = built.join('');
  const comparable = (s: string) => s.replace(/\s+$/, '');
  if (!comparable(joined).startsWith(comparable(value))) return fallback;
  return (i) => map[Math.min(i, map.length - 1)] ?? start;
}

function ruleExprs(text: string): ExtractedFile {
  const exprs: ExprSource[] = [];
  const problems: FileProblem[] = [];
  const definedNames = new Set<string>();
  const doc = parseDocument(text, { lineCounter: new LineCounter(), uniqueKeys: false });
  if (doc.errors.length > 0) {
    const err = doc.errors[0];
    problems.push({ ruleId: 'metrics/parse-error', severity: 'error', message: `not valid YAML: ${err.message.split('\n')[0]}`, offset: err.pos[0] });
    return { kind: 'rules', exprs, definedNames, problems };
  }
  let groups: unknown = doc.get('groups', true);
  let prefix = 'groups';
  if (!isSeq(groups)) {
    groups = doc.getIn(['spec', 'groups'], true); // Kubernetes PrometheusRule
    prefix = 'spec.groups';
  }
  if (!isSeq(groups)) {
    // A Prometheus server config (scrape_configs, rule_files) holds no PromQL: nothing to check.
    const serverConfig = isMap(doc.contents) && (doc.has('scrape_configs') || doc.has('rule_files') || doc.has('global'));
    if (!serverConfig) problems.push({ ruleId: 'metrics/no-expressions', severity: 'warning', message: 'no rule groups found (expected a Prometheus rule file with groups:)', offset: 0 });
    return { kind: 'rules', exprs, definedNames, problems };
  }
  groups.items.forEach((group, gi) => {
    if (!isMap(group)) return;
    const rules = group.get('rules', true);
    if (!isSeq(rules)) return;
    rules.items.forEach((rule, ri) => {
      if (!isMap(rule)) return;
      const record = rule.get('record', true);
      if (isScalar(record) && typeof record.value === 'string') definedNames.add(record.value);
      const expr = rule.get('expr', true) as Node | undefined;
      if (isScalar(expr) && expr.value !== null && String(expr.value).trim() !== '') {
        exprs.push({ expr: String(expr.value), path: `${prefix}[${gi}].rules[${ri}].expr`, offsetOf: scalarOffsets(text, expr) });
      }
    });
  });
  return { kind: 'rules', exprs, definedNames, problems };
}

export function extractExpressions(file: string, text: string): ExtractedFile {
  switch (fileKind(file)) {
    case 'grafana':
      return grafanaExprs(text);
    case 'rules':
      return ruleExprs(text);
    case 'promql':
      return { kind: 'promql', exprs: [{ expr: text, path: '', offsetOf: (i) => i }], definedNames: new Set(), problems: [] };
  }
}
