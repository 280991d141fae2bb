// Writes a tuned config as a minimal edit of the user's file, like `lint --fix`: a changed value
// replaces only its own scalar text (a comment after it stays), a new key is one inserted line
// at the end of its block map (with its indentation), and nothing else moves. The result is
// parsed again and must equal the intended config, so an edit that would reach other places
// through an anchor is refused rather than written.
import { isDeepStrictEqual } from 'node:util';
import { isAlias, isMap, isPair, isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { parseSource, type PathSegment, type SourceDocument } from '../config/document.js';
import { isMergeKey } from '../config/document.js';
import { appendPoint, applyEdits } from '../lint/rules/_shared/edits.js';
import type { TextEdit } from '../lint/types.js';
import { loadConfigBytes, type LoadedConfig } from '../config/load.js';
import { applyChanges, type Change, type Value } from './space.js';

export class EditError extends Error {}

/**
 * The tuned config's text as an edit of the main file of `loaded`, which may `include:` others.
 * Each change is written where its key lives: a key (or the section or model_list entry around
 * it) that comes from an included file is refused with an EditError naming the key and that
 * file, since -o writes one file. The edited text is then loaded again as `writtenAs` (-o, whose
 * folder its relative includes resolve from) and must give the tuned config, includes merged.
 */
export async function editedConfigText(loaded: LoadedConfig, changes: readonly Change[], writtenAs: string): Promise<string> {
  const main = loaded.source;
  if (!main) throw new EditError(`${loaded.file} could not be parsed`);
  if (loaded.sources.length === 1) return editedText(main, changes);
  const refused = new Map<string, string[]>();
  const inMain = changes.map((change) => {
    const [section, index] = change.path;
    const origin = section === 'model_list' && typeof index === 'number' ? loaded.origins.modelList[index] : undefined;
    const source = origin ? origin.source : typeof section === 'string' ? (loaded.origins.sections.get(section) ?? main) : main;
    if (source !== main) refused.set(source.file, [...(refused.get(source.file) ?? []), describe(change.path)]);
    return origin ? { ...change, path: [...origin.path, ...change.path.slice(2)] } : change;
  });
  if (refused.size > 0) {
    const where = [...refused].map(([file, keys]) => `${keys.join(', ')} ${keys.length === 1 ? 'belongs' : 'belong'} to ${file}`).join('; ');
    throw new EditError(`${where}, included by ${loaded.file}; tune edits only ${loaded.file}: make ${refused.size === 1 && [...refused.values()][0].length === 1 ? 'this change' : 'these changes'} in the included file`);
  }
  const text = editedText(main, inMain);
  const reloaded = await loadConfigBytes(writtenAs, new TextEncoder().encode(text));
  const intended = applyChanges(loaded.value, changes);
  if (reloaded.diagnostics.some((d) => d.severity === 'error') || !isDeepStrictEqual(reloaded.value, intended)) {
    throw new EditError(`${writtenAs} would not include the same files as ${loaded.file} (a relative include: resolves from the folder of the file that has it): write -o into the folder of ${loaded.file}`);
  }
  return text;
}

/** A scalar as YAML text: numbers and booleans as written by PyYAML, strings plain when they read back as the same string. */
function scalarText(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  const plain = /^[A-Za-z_][A-Za-z0-9_./-]*$/.test(value) && !/^(true|false|yes|no|on|off|null|y|n)$/i.test(value);
  return plain ? value : JSON.stringify(value);
}

function valueText(value: Value): string {
  return Array.isArray(value) ? `[${value.map(scalarText).join(', ')}]` : scalarText(value as string | number | boolean);
}

function ownPair(map: YAMLMap, key: PathSegment) {
  for (let i = map.items.length - 1; i >= 0; i--) {
    const item = map.items[i];
    if (isPair(item) && !isMergeKey(item.key) && isScalar(item.key) && String(item.key.value) === String(key)) return item;
  }
  return null;
}

interface Insert {
  map: YAMLMap;
  /** Nested keys to add under `map`, in first-seen order. */
  tree: Map<string, unknown>;
}

/**
 * The text of `source` with `changes` applied as minimal edits. Throws EditError when a change
 * cannot be written that way (the path runs through an alias, a flow map needs a new key, ...).
 */
export function editedText(source: SourceDocument, changes: readonly Change[]): string {
  const edits: TextEdit[] = [];
  const inserts: Insert[] = [];
  for (const change of changes) {
    let node: unknown = source.doc.contents;
    let done = false;
    for (const [i, seg] of change.path.entries()) {
      if (isAlias(node)) throw new EditError(`${describe(change.path)} is reached through an alias (*${node.source}); edit the anchor by hand`);
      const last = i === change.path.length - 1;
      let next: unknown;
      if (isMap(node)) {
        const pair = ownPair(node, seg);
        if (!pair) {
          addInsert(inserts, node, change.path.slice(i), change.value);
          done = true;
          break;
        }
        next = pair.value;
      } else if (isSeq(node) && typeof seg === 'number' && node.items[seg] !== undefined) {
        next = node.items[seg];
      } else {
        throw new EditError(`${describe(change.path)}: no place to write it in the file`);
      }
      if (last) {
        edits.push(...replaceValue(next, change));
        done = true;
      }
      node = next;
    }
    if (!done) throw new EditError(`${describe(change.path)}: empty path`);
  }
  for (const insert of inserts) edits.push(insertEdit(source, insert));
  const text = applyEdits(source.text, mergeSameOffset(edits));
  const reparsed = parseSource(source.file, new TextEncoder().encode(text)).source;
  if (!reparsed || !isDeepStrictEqual(reparsed.value, applyChanges(source.value, changes))) {
    throw new EditError('the edit would change more than the tuned keys (an anchor shared with other places?)');
  }
  return text;
}

function describe(path: readonly PathSegment[]): string {
  return path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '');
}

function replaceValue(node: unknown, change: Change): TextEdit[] {
  const { value } = change;
  const range = (n: unknown) => (n as Node | null)?.range;
  if (Array.isArray(value)) {
    // Reordered fallback targets: each item keeps its own place (and comment); only the names move.
    if (isSeq(node) && node.items.length === value.length && node.items.every((it) => isScalar(it) && it.range)) {
      return node.items.map((it, k) => ({ range: [range(it)![0], range(it)![1]] as [number, number], text: scalarText(value[k]) }));
    }
    throw new EditError(`${describe(change.path)}: the list is not a plain list of names`);
  }
  if ((isScalar(node) || isAlias(node)) && range(node)) return [{ range: [range(node)![0], range(node)![1]], text: valueText(value) }];
  throw new EditError(`${describe(change.path)} is not a plain value in the file`);
}

function addInsert(inserts: Insert[], map: YAMLMap, rest: readonly PathSegment[], value: Value): void {
  let insert = inserts.find((x) => x.map === map);
  if (!insert) inserts.push((insert = { map, tree: new Map() }));
  let tree = insert.tree;
  for (const [i, seg] of rest.entries()) {
    const key = String(seg);
    if (i === rest.length - 1) tree.set(key, value);
    else {
      if (!(tree.get(key) instanceof Map)) tree.set(key, new Map());
      tree = tree.get(key) as Map<string, unknown>;
    }
  }
}

function insertEdit(source: SourceDocument, insert: Insert): TextEdit {
  const at = appendPoint(source, insert.map);
  if (!at) throw new EditError(`cannot add ${[...insert.tree.keys()].join(', ')} to a flow-style or empty map ({...}); write it in block style`);
  const lines: string[] = [];
  const render = (tree: Map<string, unknown>, indent: string) => {
    for (const [key, v] of tree) {
      if (v instanceof Map) {
        lines.push(`${indent}${scalarText(key)}:`);
        render(v, `${indent}  `);
      } else lines.push(`${indent}${scalarText(key)}: ${valueText(v as Value)}`);
    }
  };
  render(insert.tree, at.indent);
  const needsNewline = at.offset > 0 && source.text[at.offset - 1] !== '\n';
  return { range: [at.offset, at.offset], text: `${needsNewline ? '\n' : ''}${lines.join('\n')}\n` };
}

/** Inserts at one offset become one edit (applyEdits needs non-overlapping edits). */
function mergeSameOffset(edits: TextEdit[]): TextEdit[] {
  const out: TextEdit[] = [];
  for (const e of edits) {
    const same = out.find((o) => o.range[0] === e.range[0] && o.range[1] === e.range[0] && e.range[1] === e.range[0]);
    if (same) same.text += e.text;
    else out.push({ range: [e.range[0], e.range[1]], text: e.text });
  }
  return out;
}
