// Read-only navigation of a JSON Schema along a data path: which properties an object allows,
// which subschema a key or item has. Used to explain schema errors and to find unknown keys.
export type JsonSchema = { [key: string]: unknown };

export class SchemaIndex {
  constructor(readonly root: JsonSchema) {}

  /** Follows local `$ref`s (`#/$defs/Name`). */
  resolve(schema: unknown): JsonSchema | null {
    let current = schema;
    for (let i = 0; i < 32; i++) {
      if (!current || typeof current !== 'object') return null;
      const ref = (current as JsonSchema).$ref;
      if (typeof ref !== 'string') return current as JsonSchema;
      current = this.pointer(ref);
    }
    return null;
  }

  /** Resolved `$ref`s: every unknown key looks up its sibling sections, so refs repeat a lot. */
  private readonly pointers = new Map<string, unknown>();

  private pointer(ref: string): unknown {
    if (this.pointers.has(ref)) return this.pointers.get(ref);
    const node = this.walkPointer(ref);
    this.pointers.set(ref, node);
    return node;
  }

  private walkPointer(ref: string): unknown {
    if (!ref.startsWith('#/')) return null;
    let node: unknown = this.root;
    for (const raw of ref.slice(2).split('/')) {
      const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      node = node && typeof node === 'object' ? (node as JsonSchema)[part] : undefined;
    }
    return node;
  }

  /** Branches and properties depend only on the schema node and the kind of value: memoised. */
  private readonly branchCache = new WeakMap<object, Map<string, JsonSchema[]>>();
  private readonly propertyCache = new WeakMap<object, Map<string, Map<string, JsonSchema>>>();

  /** The branches of a schema that describe the given kind of value (object, array, scalar). */
  branchesFor(schema: unknown, value: unknown): JsonSchema[] {
    if (!schema || typeof schema !== 'object') return [];
    const kind = typeOf(value);
    let byKind = this.branchCache.get(schema);
    if (!byKind) this.branchCache.set(schema, (byKind = new Map()));
    let branches = byKind.get(kind);
    if (!branches) byKind.set(kind, (branches = this.collectBranches(schema, value)));
    return branches;
  }

  private collectBranches(schema: unknown, value: unknown): JsonSchema[] {
    const resolved = this.resolve(schema);
    if (!resolved) return [];
    const out: JsonSchema[] = [];
    const visit = (s: JsonSchema, depth: number) => {
      if (depth > 16) return;
      const alternatives = [...asArray(s.anyOf), ...asArray(s.oneOf), ...asArray(s.allOf)];
      if (accepts(s, value)) out.push(s);
      for (const alt of alternatives) {
        const r = this.resolve(alt);
        if (r) visit(r, depth + 1);
      }
    };
    visit(resolved, 0);
    return out;
  }

  /** Declared properties of the object branches of a schema for this value. */
  properties(schema: unknown, value: unknown): Map<string, JsonSchema> {
    if (!schema || typeof schema !== 'object') return new Map();
    const kind = typeOf(value);
    let byKind = this.propertyCache.get(schema);
    if (!byKind) this.propertyCache.set(schema, (byKind = new Map()));
    let props = byKind.get(kind);
    if (!props) byKind.set(kind, (props = this.collectProperties(schema, value)));
    return props;
  }

  private collectProperties(schema: unknown, value: unknown): Map<string, JsonSchema> {
    const props = new Map<string, JsonSchema>();
    for (const branch of this.branchesFor(schema, value)) {
      const p = branch.properties;
      if (p && typeof p === 'object') for (const [k, v] of Object.entries(p)) if (!props.has(k)) props.set(k, v as JsonSchema);
    }
    return props;
  }

  /**
   * Whether an object branch allows keys it does not declare. A schema that itself says
   * `additionalProperties: false` is closed whatever its anyOf/oneOf/allOf say: alternatives only
   * add constraints (an outage's "one of status, latency_multiplier or error_rate" branches
   * declare keys but no additionalProperties, and made its misspelled keys pass unreported).
   */
  isOpen(schema: unknown, value: unknown): boolean {
    if (this.resolve(schema)?.additionalProperties === false) return false;
    const branches = this.branchesFor(schema, value).filter((b) => b.properties || b.additionalProperties !== undefined || b.patternProperties);
    if (branches.length === 0) return true;
    return branches.some((b) => b.additionalProperties !== false);
  }

  /** Subschema for an object key (declared, pattern or additional) or a list item. */
  child(schema: unknown, value: unknown, key: string | number): JsonSchema | null {
    for (const branch of this.branchesFor(schema, value)) {
      if (typeof key === 'number') {
        if (branch.items && typeof branch.items === 'object') return this.resolve(branch.items);
        continue;
      }
      const props = branch.properties as JsonSchema | undefined;
      if (props && Object.hasOwn(props, key)) return this.resolve(props[key]);
      const patterns = branch.patternProperties as JsonSchema | undefined;
      if (patterns) for (const [re, sub] of Object.entries(patterns)) if (new RegExp(re, 'u').test(key)) return this.resolve(sub);
      if (branch.additionalProperties && typeof branch.additionalProperties === 'object') return this.resolve(branch.additionalProperties);
    }
    return null;
  }

  /** Whether a key is matched by a patternProperties entry (e.g. `x-` extension sections). */
  matchesPattern(schema: unknown, value: unknown, key: string): boolean {
    for (const branch of this.branchesFor(schema, value)) {
      const patterns = branch.patternProperties as JsonSchema | undefined;
      if (patterns) for (const re of Object.keys(patterns)) if (new RegExp(re, 'u').test(key)) return true;
    }
    return false;
  }

  /** The subschema at a data path, following the value alongside. */
  at(path: readonly (string | number)[], rootValue: unknown): JsonSchema | null {
    let schema: JsonSchema | null = this.root;
    let value = rootValue;
    for (const seg of path) {
      if (!schema) return null;
      schema = this.child(schema, value, seg);
      value = value && typeof value === 'object' ? (value as Record<string, unknown>)[seg as string] : undefined;
    }
    return schema;
  }
}

function asArray(x: unknown): unknown[] {
  return Array.isArray(x) ? x : [];
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Loose type test of one schema node (type keyword only). */
function accepts(schema: JsonSchema, value: unknown): boolean {
  const t = schema.type;
  if (t === undefined) {
    const kind = typeOf(value);
    if (kind === 'object') return schema.properties !== undefined || schema.additionalProperties !== undefined || schema.patternProperties !== undefined;
    if (kind === 'array') return schema.items !== undefined;
    return false;
  }
  const kind = typeOf(value);
  const types = Array.isArray(t) ? t : [t];
  return types.includes(kind) || (kind === 'integer' && types.includes('number'));
}
