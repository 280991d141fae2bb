// What the PyYAML tests compare: a loaded document as tagged JSON (the shape
// test/config/pyyaml-oracle.py writes for PyYAML), or the first error gwcfg reports.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSource } from '../../src/config/document.js';
import { constructDocument, linkAliases, type ValueBuilder } from '../../src/config/pyyaml/construct.js';
import type { PyScalar } from '../../src/config/pyyaml/scalars.js';

type Canon = unknown[];

// Tagged JSON, the same shape pyyaml-oracle.py writes.
export const canonicalBuilder: ValueBuilder<unknown> = {
  scalar: (s: PyScalar) => {
    switch (s.type) {
      case 'null':
        return ['null'];
      case 'int':
        return ['int', s.big.toString()];
      case 'float':
        return ['float', Number.isNaN(s.js) ? 'nan' : s.js === Infinity ? 'inf' : s.js === -Infinity ? '-inf' : s.js];
      case 'binary':
        return ['binary', Buffer.from(s.js).toString('hex')];
      case 'timestamp':
        return [s.js.dateOnly ? 'date' : 'datetime', s.js.iso];
      default:
        return [s.type, s.js];
    }
  },
  seq: () => ['seq', []],
  push: (seq, item) => void ((seq as Canon)[1] as unknown[]).push(item),
  map: () => ['map', new Map<string, unknown[]>()],
  set: (map, hash, _name, key, value) => {
    const entries = (map as Canon)[1] as Map<string, unknown[]>;
    const old = entries.get(hash);
    entries.set(hash, [old ? old[0] : key, value]);
  },
  pySet: () => ['set', new Map<string, unknown>()],
  add: (set, hash, key) => void ((set as Canon)[1] as Map<string, unknown>).set(hash, key),
  tuple: (key, value) => ['tuple', [key, value]],
};

/** Sorts map pairs and set items (dict order is not compared) and turns Maps into arrays. */
export function normalize(v: unknown): unknown {
  if (!Array.isArray(v)) return v;
  const [tag, body] = v as [string, unknown];
  if (tag === 'map' || tag === 'set') {
    const items = body instanceof Map ? [...body.values()] : (body as unknown[]);
    const norm = items.map(normalize);
    norm.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
    return [tag, norm];
  }
  if (tag === 'seq' || tag === 'tuple') return [tag, (body as unknown[]).map(normalize)];
  if (Array.isArray(v) && v.length === 2 && Array.isArray(v[0])) return v.map(normalize); // a [key, value] pair
  return v;
}

export interface Verdict {
  error?: string;
  line?: number;
  /** gwcfg: the column of its first error. */
  column?: number;
  /** PyYAML: the lines of its problem and context marks. */
  lines?: number[];
  /** PyYAML: its problem mark, [line, column] from 1 (none for errors such as ValueError). */
  problem?: [number, number];
  value?: unknown;
  recursive?: boolean;
}

export function gwcfgVerdict(bytes: Buffer): Verdict {
  const parsed = parseSource('mutant.yaml', bytes);
  const error = parsed.diagnostics.find((d) => d.severity === 'error' && d.ruleId !== 'yaml/not-a-mapping' && !(d.ruleId === 'yaml/empty'));
  if (error) return error.ruleId === 'yaml/recursive-alias' ? { recursive: true } : { error: `${error.ruleId}: ${error.message}`, line: error.line, column: error.column };
  if (!parsed.source || parsed.source.value === undefined) return { value: ['null'] };
  const root = parsed.source.doc.contents;
  const built = constructDocument(root, linkAliases(root), canonicalBuilder);
  return { value: normalize(built.value) };
}


/** A row of test/fixtures/yaml/pyyaml-table.json (see pyyaml-table.test.ts). */
export interface TableRow {
  name: string;
  yaml: string;
  pyyaml: { value?: unknown; recursive?: boolean; error?: string; problem?: [number, number] };
  gwcfg?: { at?: [number, number]; why: string };
}

export const TABLE: TableRow[] = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/yaml/pyyaml-table.json'), 'utf8'));
