// Builds the value of a parsed YAML document the way PyYAML's SafeLoader does (PyYAML 6.0,
// yaml/composer.py and yaml/constructor.py SafeConstructor): anchors must be unique and defined
// before use, aliases share one constructed value (no copies, so work is linear), `<<` merges
// follow flatten_mapping (merged pairs first, own pairs win, a self-merge loads), unknown tags
// and collection keys fail, and containers are filled breadth-first so the first error is the
// one PyYAML reports. The yaml package parses and keeps positions; this module only constructs.
import { isAlias, isMap, isPair, isScalar, isSeq, type Alias, type Node, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { ConstructError, TAG, constructScalar, resolvePlain, type PyScalar, type ScalarTag } from './scalars.js';
import { appendAll } from '../../util/append.js';

export interface YamlProblem {
  ruleId: string;
  message: string;
  /** Node the problem is reported at (null: the document start). */
  node: Node | null;
}

export interface DuplicateKey {
  key: Node;
  first: Node;
  name: string;
  /** The two keys are different to PyYAML (e.g. '1' and 1) but the same JS property. */
  typeClash: boolean;
}

/** How constructed values are represented: plain JS for gwcfg, tagged JSON for the PyYAML test. */
export interface ValueBuilder<V> {
  scalar(s: PyScalar): V;
  seq(): V;
  push(seq: V, item: V): void;
  map(): V;
  /** `hash` identifies the key as Python's dict does; `name` is the JS property. */
  set(map: V, hash: string, name: string, key: V, value: V): void;
  pySet(): V;
  add(set: V, hash: string, key: V): void;
  tuple(key: V, value: V): V;
}

export const plainBuilder: ValueBuilder<unknown> = {
  scalar: (s) => s.js,
  seq: () => [],
  push: (seq, item) => void (seq as unknown[]).push(item),
  map: () => ({}),
  set: (map, _hash, name, _key, value) => {
    if (name === '__proto__') Object.defineProperty(map, name, { value, writable: true, enumerable: true, configurable: true });
    else (map as Record<string, unknown>)[name] = value;
  },
  pySet: () => new Set(),
  add: (set, _hash, key) => void (set as Set<unknown>).add(key),
  tuple: (key, value) => [key, value],
};

/** Anchors, aliases and the expanded size of a document, from one walk in document order. */
export interface Graph {
  aliasTarget: Map<Alias, Node>;
  /** Nodes as written (aliases count one each). */
  nodes: number;
  firstAlias: Alias | null;
  problem: YamlProblem | null;
}

/** Composer checks: every alias names an anchor defined before it; no anchor is defined twice. */
export function linkAliases(root: Node | null): Graph {
  const anchors = new Map<string, Node>();
  const aliasTarget = new Map<Alias, Node>();
  let problem: YamlProblem | null = null;
  let nodes = 0;
  let firstAlias: Alias | null = null;
  const walk = (node: unknown): void => {
    if (problem || !node) return;
    nodes++;
    if (isAlias(node)) {
      firstAlias ??= node;
      const target = anchors.get(node.source);
      if (!target) problem = { ruleId: 'yaml/syntax', message: `undefined alias '*${node.source}': no anchor '&${node.source}' is defined before it (PyYAML: found undefined alias); define the anchor first or fix the name`, node };
      else aliasTarget.set(node, target);
      return;
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) {
      const first = anchors.get(anchor);
      if (first) {
        problem = { ruleId: 'yaml/syntax', message: `anchor '&${anchor}' is defined twice (PyYAML: found duplicate anchor); rename one of them`, node: node as Node };
        return;
      }
      anchors.set(anchor, node as Node);
    }
    if (isMap(node)) {
      for (const pair of node.items) {
        walk(pair.key);
        walk(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        if (isPair(item)) {
          walk(item.key);
          walk(item.value);
        } else walk(item);
      }
    }
  };
  walk(root);
  return { aliasTarget, nodes, firstAlias, problem };
}

/**
 * Number of values a full expansion of the document has (aliases and merged pairs counted as
 * copies), capped at `limit + 1`, and `recursive`: the alias or merge that may make the value
 * contain itself (whether it does depends on which merged keys win; containsItself decides on
 * the built value). Memoised per node, so linear in the document whatever the aliases.
 */
export function expandedSize(root: Node | null, graph: Graph, limit: number): { size: number; recursive: Node | null } {
  const size = new Map<Node, number>();
  const mergedSize = new Map<Node, number>();
  const active = new Set<Node>();
  const deref = (n: unknown): unknown => (isAlias(n) ? graph.aliasTarget.get(n) : n);
  const flattening = new Set<Node>();
  let recursive: Node | null = null;
  const via: Node[] = []; // aliases (and merge keys) on the current path, innermost last
  const cap = (n: number): number => Math.min(n, limit + 1);
  const follow = (alias: Node, target: unknown, measureIt: (t: unknown) => number): number => {
    via.push(alias);
    const n = measureIt(target);
    via.pop();
    return n;
  };
  const measure = (node: unknown): number => {
    if (recursive || !node) return 1;
    if (isAlias(node)) return follow(node, graph.aliasTarget.get(node), measure);
    const known = size.get(node as Node);
    if (known !== undefined) return known;
    if (active.has(node as Node)) {
      recursive = via[via.length - 1] ?? null;
      return 1;
    }
    active.add(node as Node);
    let total = 1;
    if (isMap(node)) total += pairsSize(node);
    else if (isSeq(node)) for (const item of node.items) total = cap(total + (isPair(item) ? 1 + measure(item.key) + measure(item.value) : measure(item)));
    total = cap(total);
    active.delete(node as Node);
    size.set(node as Node, total);
    return total;
  };
  // A map's pairs, merged ones included (PyYAML copies merged pairs into each merging map).
  const pairsSize = (map: YAMLMap): number => {
    const known = mergedSize.get(map);
    if (known !== undefined) return known;
    let total = 0;
    for (const pair of map.items) {
      if (!isMergeKeyNode(pair.key)) total = cap(total + measure(pair.key) + measure(pair.value));
      else {
        const sources = isSeq(deref(pair.value)) ? (deref(pair.value) as YAMLSeq).items : [pair.value];
        const at = (isAlias(pair.value) ? pair.value : pair.key) as Node;
        for (const m of sources) total = cap(total + merged(deref(m), isAlias(m) ? m : at, map));
      }
    }
    mergedSize.set(map, total);
    return total;
  };
  const merged = (target: unknown, at: Node, into: YAMLMap): number => {
    // A self-merge loads (PyYAML drops the `<<` pair first); merging a map that contains this
    // one makes the value contain itself; a merge chain that loops ends where PyYAML ends it.
    if (!isMap(target) || target === into || flattening.has(target)) return 0;
    if (active.has(target)) {
      recursive ??= at;
      return 1;
    }
    flattening.add(target);
    via.push(at);
    const n = pairsSize(target);
    via.pop();
    flattening.delete(target);
    return n;
  };
  const total = measure(root);
  return { size: total, recursive };
}

/** A `<<` key as PyYAML resolves it: plain `<<` (or with the `!` tag), or tagged !!merge. */
export function isMergeKeyNode(key: unknown): boolean {
  return isScalar(key) && (key.tag === `${TAG}merge` || (key.value === '<<' && key.type === 'PLAIN' && (!key.tag || key.tag === '!')));
}

/**
 * Whether a plain value built by constructDocument contains itself. Iterative (no recursion
 * limit), each container visited once.
 */
export function containsItself(value: unknown): boolean {
  const state = new Map<object, 1 | 2>(); // 1: on the current path, 2: done
  const stack: [object, Iterator<unknown>][] = [];
  const children = (v: object): Iterator<unknown> => (Array.isArray(v) ? v.values() : v instanceof Set ? v.values() : Object.values(v).values());
  const isContainer = (v: unknown): v is object => typeof v === 'object' && v !== null && !(v instanceof Date) && !(v instanceof Uint8Array);
  if (!isContainer(value)) return false;
  state.set(value, 1);
  stack.push([value, children(value)]);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    const next = top[1].next();
    if (next.done) {
      state.set(top[0], 2);
      stack.pop();
      continue;
    }
    const child = next.value;
    if (!isContainer(child)) continue;
    const seen = state.get(child);
    if (seen === 1) return true;
    if (seen === 2) continue;
    state.set(child, 1);
    stack.push([child, children(child)]);
  }
  return false;
}

type Pairs = [key: unknown, value: unknown, own: boolean][];

/**
 * Constructs the document value with `builder`. Throws nothing: problems come back as
 * `problem` (the first one PyYAML would raise), duplicate keys as `duplicates`.
 */
export function constructDocument<V>(root: Node | null, graph: Graph, builder: ValueBuilder<V>, resolve: (plain: string) => ScalarTag = resolvePlain): { value: V | undefined; problem: YamlProblem | null; duplicates: DuplicateKey[] } {
  const built = new Map<Node, V>();
  const queue: (() => void)[] = [];
  const pairsOf = new Map<YAMLMap, Pairs>();
  const retagged = new Set<Node>(); // `=` keys PyYAML re-tags as str in flatten_mapping
  const duplicates: DuplicateKey[] = [];
  let nanCount = 0;

  const deref = (node: unknown): unknown => (isAlias(node) ? graph.aliasTarget.get(node) : node);
  const fail = (message: string, node: unknown, ruleId = 'yaml/bad-value'): never => {
    throw new Problem({ ruleId, message, node: (node as Node) ?? null });
  };
  const kindOf = (node: unknown): string => (isMap(node) ? 'mapping' : isSeq(node) ? 'sequence' : 'scalar');

  /** The tag PyYAML's composer gives a node: explicit, or resolved ('!' means resolve). */
  const tagOf = (node: unknown): string => {
    const n = deref(node) as Node | null | undefined;
    const explicit = (n as { tag?: string } | null | undefined)?.tag;
    if (explicit && explicit !== '!') return explicit;
    if (isMap(n)) return `${TAG}map`;
    if (isSeq(n)) return `${TAG}seq`;
    if (!n) return `${TAG}null`;
    if (retagged.has(n)) return `${TAG}str`;
    const s = n as Scalar;
    if (s.type === 'PLAIN' || explicit === '!') return TAG + resolve(String(s.value ?? ''));
    return `${TAG}str`;
  };

  const pairs = (map: YAMLMap): Pairs => {
    let list = pairsOf.get(map);
    if (!list) {
      list = map.items.map((p): Pairs[number] => [p.key, p.value, true]);
      pairsOf.set(map, list);
    }
    return list;
  };
  // Most maps have no `<<` (and no `=` key): they need no flattening and no copied pair list.
  const plainMap = (map: YAMLMap): boolean => !pairsOf.has(map) && map.items.every((p) => !isScalar(p.key) || (p.key.value !== '<<' && p.key.value !== '=' && !p.key.tag));

  // SafeConstructor.flatten_mapping, on our copy of the pair list (PyYAML mutates the node).
  const flatten = (map: YAMLMap): void => {
    const list = pairs(map);
    let merge: Pairs = [];
    let index = 0;
    while (index < list.length) {
      const [keyNode, valueNode] = list[index];
      const keyTag = tagOf(keyNode);
      if (keyTag === `${TAG}merge`) {
        list.splice(index, 1);
        const value = deref(valueNode);
        if (isMap(value)) {
          flatten(value);
          appendAll(merge, pairs(value).map(([k, v]): Pairs[number] => [k, v, false]));
        } else if (isSeq(value)) {
          const sub: Pairs[] = [];
          for (const item of value.items) {
            const m = deref(item);
            if (!isMap(m)) fail(`'<<' merges mappings, but this list holds a ${kindOf(m)} (PyYAML: expected a mapping for merging); list only anchored mappings, e.g. <<: [*base, *extra]`, item ?? valueNode ?? keyNode, 'yaml/bad-merge');
            flatten(m as YAMLMap);
            sub.push(pairs(m as YAMLMap).map(([k, v]): Pairs[number] => [k, v, false]));
          }
          for (const s of sub.reverse()) merge = merge.concat(s);
        } else {
          fail(`'<<' needs a mapping or a list of mappings to merge, got a ${kindOf(value)} (PyYAML: expected a mapping or list of mappings for merging); write <<: *anchor where &anchor marks a mapping`, valueNode ?? keyNode, 'yaml/bad-merge');
        }
      } else {
        if (keyTag === `${TAG}value`) retagged.add(deref(keyNode) as Node);
        index++;
      }
    }
    if (merge.length > 0) pairsOf.set(map, merge.concat(list));
  };

  const scalarOf = (node: unknown, tag: string): PyScalar => {
    const n = deref(node) as Scalar | null | undefined;
    if (isMap(n) || isSeq(n)) fail(`a ${tag.replace(TAG, '!!')} value must be a scalar, got a ${kindOf(n)} (PyYAML: expected a scalar node)`, n);
    const text = n ? String(n.value ?? '') : '';
    try {
      return constructScalar(tag.slice(TAG.length) as ScalarTag, text);
    } catch (error) {
      if (!(error instanceof ConstructError)) throw error;
      if (tag === `${TAG}merge` || tag === `${TAG}value`) return fail(`a plain '${text}' is read by PyYAML as the ${tag.slice(TAG.length)} tag, which safe_load cannot construct as a value (${error.message}); quote it: '${text}'`, n);
      return fail(`${error.message}; PyYAML (LiteLLM's loader) cannot load this value`, n);
    }
  };

  const SCALAR_TAGS = new Set(['null', 'bool', 'int', 'float', 'str', 'binary', 'timestamp', 'merge', 'value'].map((t) => TAG + t));
  const COLLECTION_TAGS = new Set(['seq', 'map', 'set', 'omap', 'pairs'].map((t) => TAG + t));

  const construct = (node: unknown): V => {
    const n = deref(node) as Node | null | undefined;
    if (n) {
      const done = built.get(n);
      if (done !== undefined) return done;
    }
    const tag = tagOf(n);
    let value: V;
    if (SCALAR_TAGS.has(tag)) {
      value = builder.scalar(scalarOf(n, tag));
    } else if (tag === `${TAG}seq`) {
      value = builder.seq();
      queue.push(() => {
        if (!isSeq(n)) fail(`a !!seq value must be a sequence, got a ${kindOf(n)} (PyYAML: expected a sequence node)`, n);
        for (const item of (n as { items: unknown[] }).items) builder.push(value, isPair(item) ? singlePairMap(item) : construct(item));
      });
    } else if (tag === `${TAG}map`) {
      value = builder.map();
      queue.push(() => fillMap(n, value));
    } else if (tag === `${TAG}set`) {
      value = builder.pySet();
      queue.push(() => fillSet(n, value));
    } else if (tag === `${TAG}omap` || tag === `${TAG}pairs`) {
      value = builder.seq();
      queue.push(() => fillPairs(n, value, tag.slice(TAG.length)));
    } else {
      return fail(unknownTagMessage(tag), n, 'yaml/unknown-tag');
    }
    // A node reached twice (through an alias or a merge) is one value, as in PyYAML; scalars
    // without an anchor can only be reached through a merge, where a copy is the same value.
    if (n && (n.anchor || isMap(n) || isSeq(n))) built.set(n, value);
    return value;
  };

  // `[a: 1]` in a flow sequence is a one-pair mapping.
  const singlePairMap = (pair: { key: unknown; value: unknown }): V => {
    const map = builder.map();
    const key = constructKey(pair.key);
    builder.set(map, key.hash, key.name, key.value, construct(pair.value));
    return map;
  };

  const constructKey = (keyNode: unknown): { value: V; hash: string; name: string } => {
    const n = deref(keyNode) as Node | null | undefined;
    const tag = tagOf(n);
    if (!SCALAR_TAGS.has(tag)) {
      if (!COLLECTION_TAGS.has(tag)) construct(n); // an unknown tag fails first, with its own message
      const what = tag === `${TAG}set` ? 'set' : isMap(n) ? 'mapping' : 'list';
      fail(`a ${what} cannot be a mapping key: PyYAML safe_load fails with "found unhashable key", so LiteLLM does not start; use a plain string key`, keyNode, 'yaml/complex-key');
    }
    const scalar = scalarOf(n, tag);
    const value = builder.scalar(scalar);
    if (n?.anchor) built.set(n, value);
    return { value, hash: pyHash(scalar), name: n ? String((n as Scalar).value ?? '') : '' };
  };

  // Python's dict equality: 1 == 1.0 == True, nan is never equal, date != datetime.
  const pyHash = (s: PyScalar): string => {
    switch (s.type) {
      case 'str':
        return 's' + s.js;
      case 'null':
        return 'n';
      case 'bool':
        return s.js ? 'i1' : 'i0';
      case 'int':
        return 'i' + s.big.toString();
      case 'float':
        if (Number.isNaN(s.js)) return `nan${nanCount++}`;
        if (Number.isInteger(s.js)) return 'i' + BigInt(s.js).toString();
        return 'f' + String(s.js);
      case 'binary':
        return 'b' + Array.from(s.js, (b) => b.toString(16).padStart(2, '0')).join('');
      case 'timestamp':
        if (s.js.dateOnly) return 'd' + s.js.iso;
        return (s.js.aware ? 'a' + s.js.getTime() + '.' + s.js.micro : 't' + s.js.iso);
    }
  };

  const fillMap = (n: Node | null | undefined, map: V): void => {
    if (!isMap(n)) fail(`a !!map value must be a mapping, got a ${kindOf(n)} (PyYAML: expected a mapping node)`, n);
    const m = n as YAMLMap;
    const list: Iterable<Pairs[number]> = plainMap(m) ? m.items.map((p): Pairs[number] => [p.key, p.value, true]) : (flatten(m), pairs(m));
    const names = new Map<string, { name: string; key: Node; own: boolean }>();
    const byName = new Map<string, string>();
    for (const [keyNode, valueNode, own] of list) {
      const key = constructKey(keyNode);
      const value = construct(valueNode);
      const seen = names.get(key.hash);
      let name = key.name;
      if (seen) {
        name = seen.name;
        if (own && seen.own) duplicates.push({ key: keyNode as Node, first: seen.key, name, typeClash: false });
        seen.own = seen.own || own;
      } else {
        const clash = byName.get(name);
        if (clash !== undefined && own) duplicates.push({ key: keyNode as Node, first: [...names.values()].find((v) => v.name === name)!.key, name, typeClash: true });
        names.set(key.hash, { name, key: keyNode as Node, own });
        byName.set(name, key.hash);
      }
      builder.set(map, key.hash, name, key.value, value);
    }
  };

  const fillSet = (n: Node | null | undefined, set: V): void => {
    if (!isMap(n)) fail(`a !!set value must be a mapping, got a ${kindOf(n)} (PyYAML: expected a mapping node)`, n);
    flatten(n as YAMLMap);
    for (const [keyNode, valueNode] of pairs(n as YAMLMap)) {
      const key = constructKey(keyNode);
      construct(valueNode);
      builder.add(set, key.hash, key.value);
    }
  };

  const fillPairs = (n: Node | null | undefined, list: V, kind: string): void => {
    if (!isSeq(n)) fail(`a !!${kind} value must be a sequence, got a ${kindOf(n)} (PyYAML: expected a sequence)`, n);
    for (const item of (n as { items: unknown[] }).items) {
      const m = isPair(item) ? null : deref(item);
      if (!isPair(item) && !isMap(m)) fail(`each !!${kind} entry must be a one-pair mapping, got a ${kindOf(m)} (PyYAML: expected a mapping of length 1)`, item);
      const entries = isPair(item) ? [item] : (m as YAMLMap).items;
      if (entries.length !== 1) fail(`each !!${kind} entry must be a one-pair mapping, got ${entries.length} pairs (PyYAML: expected a single mapping item)`, item);
      builder.push(list, builder.tuple(construct(entries[0].key), construct(entries[0].value)));
    }
  };

  try {
    const value = construct(root);
    for (let i = 0; i < queue.length; i++) queue[i]();
    return { value, problem: null, duplicates };
  } catch (error) {
    if (error instanceof Problem) return { value: undefined, problem: error.problem, duplicates };
    throw error;
  }
}

class Problem extends Error {
  constructor(readonly problem: YamlProblem) {
    super(problem.message);
  }
}

/** The yaml/unknown-tag message for a resolved tag (`tag:yaml.org,2002:...` or a local `!name`). */
export function unknownTagMessage(tag: string): string {
  const shown = tag.startsWith(TAG) ? `!!${tag.slice(TAG.length)}` : tag;
  return `unknown tag '${shown}': PyYAML safe_load (LiteLLM's loader) cannot construct it, so LiteLLM does not start (could not determine a constructor for the tag '${tag}'); remove the tag or write the value it stands for`;
}
