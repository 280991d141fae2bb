// Checks rule options from `.gwcfg.yaml` against each rule's `meta.options` JSON Schema. ajv is
// loaded only when some rule actually received options, so a plain `gwcfg lint` never pays for it.
import { createRequire } from 'node:module';
import type { ErrorObject } from 'ajv';
import { CliError } from '../cli/errors.js';
import type { Rule } from './types.js';
import type { RuleSetting } from './engine.js';

type Check = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

let compiler: Promise<(schema: object) => Check> | null = null;
const compiled = new WeakMap<object, Check>();

async function getCompiler(): Promise<(schema: object) => Check> {
  // require, not import(): ajv is CommonJS and stays outside the bundle, and the bundle runs in a
  // vm.Script (bin/gwcfg.js) where dynamic import() of a package is not always available.
  compiler ??= Promise.resolve().then(() => {
    const mod = createRequire(import.meta.url)('ajv/dist/2020.js') as { default: new (opts: object) => { compile(schema: object): Check } };
    const ajv = new mod.default({ allErrors: false, strict: false, allowUnionTypes: true });
    return (schema: object) => ajv.compile(schema);
  });
  return compiler;
}

/** One-line description of the first problem of the options, or null when they are valid. */
export async function optionsProblem(rule: Rule, options: Record<string, unknown>): Promise<string | null> {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) return 'options must be a mapping';
  const schema = rule.meta.options;
  if (!schema) return Object.keys(options).length > 0 ? `rule '${rule.meta.id}' takes no options` : null;
  let check = compiled.get(schema);
  if (!check) {
    check = (await getCompiler())(schema);
    compiled.set(schema, check);
  }
  const merged = { ...(rule.meta.defaults ?? {}), ...options };
  if (check(merged)) return null;
  const error = check.errors?.[0];
  if (!error) return 'options are invalid';
  const where = error.instancePath ? `option '${error.instancePath.slice(1).replace(/\//g, '.')}'` : 'options';
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') {
    const known = Object.keys((schema.properties as object | undefined) ?? {});
    return `unknown option '${String(params.additionalProperty)}'${known.length ? ` (known: ${known.join(', ')})` : ''}`;
  }
  if (error.keyword === 'enum') return `${where} must be one of ${((params.allowedValues as unknown[]) ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
  return `${where} ${error.message ?? 'is invalid'}`;
}

/** Throws a usage error (exit 2) for the first rule whose configured options are invalid. */
export async function checkSettingsOptions(settings: ReadonlyMap<string, RuleSetting & { where?: string }>, rules: readonly Rule[]): Promise<void> {
  for (const rule of rules) {
    const setting = settings.get(rule.meta.id);
    if (!setting || setting.options === undefined) continue;
    const problem = await optionsProblem(rule, setting.options);
    if (problem) throw new CliError(`${setting.where ? `${setting.where}: ` : ''}invalid options for rule '${rule.meta.id}': ${problem}`);
  }
}
