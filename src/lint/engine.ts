// Runs lint rules over one loaded config and turns their reports into positioned diagnostics;
// `lintConfig` adds everything `validate` found, applies severities from `.gwcfg.yaml` and the
// inline directives, and returns the file's final findings.
import type { Diagnostic, Severity } from '../diagnostics/types.js';
import { compareDiagnostics } from '../diagnostics/types.js';
import type { LoadedConfig } from '../config/load.js';
import { buildModel } from '../config/model.js';
import { keyPosition, valuePosition, makeDiagnostic } from '../config/document.js';
import type { Report, Rule } from './types.js';
import { builtinIds as defaultBuiltinIds, UNKNOWN_RULE, UNUSED_DIRECTIVE } from './builtin.js';
import { applyDirectives, parseDirectives } from './directives.js';
import { resolveRelease, type Release } from '../routing/releases.js';
import { appendAll } from '../util/append.js';

const DEFAULT_RELEASE = resolveRelease(undefined);

export interface RuleSetting {
  /** 'off' disables the rule. */
  severity: Severity | 'off';
  options?: Record<string, unknown>;
}

export interface RunOptions {
  rules: readonly Rule[];
  /** Per-rule severity and options from `.gwcfg.yaml`; rules not listed use their defaults. */
  settings?: ReadonlyMap<string, RuleSetting>;
  env?: ReadonlyMap<string, string> | null;
  /** The LiteLLM release rules check against; default: the newest verified (releases.ts). */
  release?: Release;
  /** Proxy replicas the user declared (`.gwcfg.yaml` `replicas:`); undefined = not declared. */
  replicas?: number;
}

/** Diagnostics of every enabled rule. Returns [] when the config could not be parsed. */
export function runRules(loaded: LoadedConfig, options: RunOptions): Diagnostic[] {
  const model = buildModel(loaded);
  if (!model) return [];
  const out: Diagnostic[] = [];
  for (const rule of options.rules) {
    const setting = options.settings?.get(rule.meta.id);
    const severity = setting?.severity ?? rule.meta.severity;
    if (severity === 'off') continue;
    const ruleOptions = { ...(rule.meta.defaults ?? {}), ...(setting?.options ?? {}) };
    try {
      rule.check({
        model,
        options: ruleOptions,
        env: options.env ?? null,
        release: options.release ?? DEFAULT_RELEASE,
        replicas: options.replicas,
        report: (report) => out.push(toDiagnostic(rule, severity, report)),
      });
    } catch (error) {
      // A crashing rule must not hide the other findings; say which rule broke and where.
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      out.push(makeDiagnostic(loaded.file, rule.meta.id, 'error', `internal error in rule ${rule.meta.id}: ${message} (please report this bug)`, { line: 1, column: 1, endLine: 1, endColumn: 2 }));
    }
  }
  return out;
}

export function toDiagnostic(rule: Rule, severity: Severity, report: Report): Diagnostic {
  const { source, path } = report.at;
  const position = report.on === 'value' ? valuePosition(source, path) : keyPosition(source, path);
  const d = makeDiagnostic(source.file, rule.meta.id, report.severity ?? severity, report.message, position, path);
  if (report.fix && report.fix.length > 0) {
    d.fixable = true;
    d.fix = report.fix;
  }
  return d;
}

export interface LintOptions extends RunOptions {
  /** Ids of the built-in checks (schema/…, yaml/…, gwcfg/…); defaults to builtin.ts. */
  builtinIds?: ReadonlySet<string>;
}

/**
 * Everything `gwcfg lint` reports for one config: the load/schema diagnostics (with severities
 * from the settings), the rules' findings, then directives; deduplicated and sorted.
 */
export function lintConfig(loaded: LoadedConfig, options: LintOptions): Diagnostic[] {
  const settings = options.settings;
  const builtins = options.builtinIds ?? defaultBuiltinIds;
  const all: Diagnostic[] = [];
  for (const d of loaded.diagnostics) {
    const severity = settings?.get(d.ruleId)?.severity;
    if (severity === 'off') continue;
    all.push(severity ? { ...d, severity } : d);
  }
  const fromRules = runRules(loaded, options);
  appendAll(all, fromRules);
  let out = dedupe(withoutRestated(all, fromRules));
  const ruleIds = options.rules.map((r) => r.meta.id);
  const known = new Set([...ruleIds, ...builtins]);
  const knownIds = [...known];
  const severityOf = (id: string, fallback: Severity): Severity | 'off' => settings?.get(id)?.severity ?? fallback;
  for (const source of loaded.sources) {
    const directives = parseDirectives(source.text);
    if (directives.length === 0) continue;
    const mine = out.filter((d) => d.file === source.file);
    const others = out.filter((d) => d.file !== source.file);
    const kept = applyDirectives(source.file, source.text, mine, directives, {
      isKnown: (id) => known.has(id),
      knownIds,
      unusedSeverity: severityOf(UNUSED_DIRECTIVE, 'warning'),
      unknownSeverity: severityOf(UNKNOWN_RULE, 'warning'),
    });
    out = [...others, ...kept];
  }
  return out.sort(compareDiagnostics);
}

/**
 * A rule that reports at the same key as a schema warning says more (the consequence, a fix),
 * so the schema warning is dropped: one finding per mistake, as users of ESLint expect.
 */
const RESTATABLE = new Set(['schema/unknown-key', 'schema/gwcfg-extension']);
function withoutRestated(all: readonly Diagnostic[], fromRules: readonly Diagnostic[]): Diagnostic[] {
  const ruled = new Set(fromRules.map((d) => `${d.file}\0${d.line}:${d.column}`));
  return all.filter((d) => !(RESTATABLE.has(d.ruleId) && d.severity === 'warning' && ruled.has(`${d.file}\0${d.line}:${d.column}`)));
}

/** Aliases and merge keys can make one finding appear twice at the same place. */
function dedupe(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.file}\0${d.ruleId}\0${d.line}:${d.column}-${d.endLine}:${d.endColumn}\0${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The fixes of one file's findings, in report order. */
export function fixesFor(diagnostics: readonly Diagnostic[], file: string): { range: [number, number]; text: string }[][] {
  return diagnostics.filter((d) => d.file === file && d.fix && d.fix.length > 0).map((d) => d.fix!);
}
