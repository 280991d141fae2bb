// `gwcfg lint`: load each config, lint it with the settings of its `.gwcfg.yaml`, optionally fix
// it, and report everything through the shared report(). Loaded lazily by src/cli/lint.ts.
import { dirname } from 'node:path';
import type { Diagnostic } from '../diagnostics/types.js';
import { loadConfigBytes, readConfigInput, type LoadedConfig } from '../config/load.js';
import { report, chooseFormat, type ReportOptions } from '../cli/report.js';
import { CliError } from '../cli/errors.js';
import { cliIgnore, expandInputs } from '../cli/inputs.js';
import { lintConfig, fixesFor, type RuleSetting } from './engine.js';
import { builtinIds } from './builtin.js';
import { findRc, loadRc, checkRcIds, settingsFor, parseRuleFlags, type RcConfig, type KnownRules } from './rc.js';
import { checkSettingsOptions } from './options.js';
import { buildEnv } from './env.js';
import { fixUntilStable } from './fixer.js';
import type { Rule } from './types.js';
import { writeStdout } from '../cli/stdout.js';
import { safeLines } from '../util/safe-text.js';
import { resolveRelease, type Release } from '../routing/releases.js';
import { setActiveModelMap } from '../model-map/index.js';
import { loadModelMapOnce } from '../model-map/load.js';
import { appendAll } from '../util/append.js';

export interface LintCliOptions extends ReportOptions {
  /** A path from --config, false from --no-config, undefined to search. */
  config?: string | false;
  rule?: string[];
  fix?: boolean;
  fixDryRun?: boolean;
  envFile?: string;
  /** Alias of envFile (node 20 intercepts --env-file itself). */
  dotenv?: string;
  checkEnv?: boolean;
  /** --litellm-version: beats `litellm_version:` of `.gwcfg.yaml`. */
  litellmVersion?: string;
  /** --model-cost-map: LiteLLM's model map to price and size models with (beats the rc's model_cost_map). */
  modelCostMap?: string;
}

/** Formats that print one document: a diff in front of them would break their parsers. */
const DOCUMENT_FORMATS = new Set(['json', 'sarif', 'junit', 'markdown']);

export async function runLint(inputs: string[], options: LintCliOptions, globalColor: boolean | undefined): Promise<number> {
  if (options.fix && options.fixDryRun) throw new CliError('use either --fix or --fix-dry-run, not both');
  const { rules } = await import('./rules/index.js');
  const known: KnownRules = { ruleIds: new Set(rules.map((r) => r.meta.id)), builtinIds };
  const rcFor = rcResolver(options.config, known);
  // `ignore:` of the .gwcfg.yaml that applies in the working directory (or --config).
  const cwdRc = await rcFor('-');
  const ignore = [...cliIgnore(options.ignorePattern), ...(cwdRc?.ignore.length ? [{ dir: cwdRc.dir, patterns: cwdRc.ignore }] : [])];
  const files = await expandInputs(inputs, { ignore });
  if (options.fix && files.includes('-')) throw new CliError('--fix cannot write back to stdin; use --fix-dry-run to see the changes');
  const cliRules = parseRuleFlags(options.rule ?? [], known);
  const env = await buildEnv(options.dotenv ?? options.envFile, Boolean(options.checkEnv));
  let cliRelease: Release | undefined;
  if (options.litellmVersion !== undefined) {
    try {
      cliRelease = resolveRelease(options.litellmVersion);
    } catch (e) {
      throw new CliError(`--litellm-version: ${(e as Error).message}`);
    }
  }

  const diagnostics: Diagnostic[] = [];
  const texts = new Map<string, string>();
  const shown: string[] = [];
  const diffs: string[] = [];
  for (const file of files) {
    const rc = await rcFor(file === '-' && options.stdinFilename ? options.stdinFilename : file);
    const settings = settingsFor(file, rc, cliRules);
    await checkSettingsOptions(settings, rules);
    const mapFile = options.modelCostMap ?? rc?.modelCostMap ?? null;
    setActiveModelMap(mapFile === null ? null : loadModelMapOnce(mapFile));
    const release = cliRelease ?? rc?.release;
    const result = await lintFile(file, { rules, settings, env, release, replicas: rc?.replicas, stdinName: options.stdinFilename, fix: options.fix ? 'write' : options.fixDryRun ? 'diff' : 'none' });
    for (const source of result.loaded.sources) texts.set(source.file, source.text);
    shown.push(result.loaded.file);
    appendAll(diagnostics, result.diagnostics);
    if (result.diff) diffs.push(result.diff);
  }
  if (diffs.length > 0) {
    // A diff shows config lines: masked and escaped like code frames.
    const text = safeLines(diffs.join(''));
    if (DOCUMENT_FORMATS.has(chooseFormat(options.format))) process.stderr.write(text);
    else writeStdout(text);
  }
  const described = rules.map((r) => ({ id: r.meta.id, description: r.meta.description, severity: r.meta.severity }));
  return await report({ diagnostics, files: shown, texts, rules: described }, options, globalColor);
}

/** Finds (and caches) the rc file of each linted file, honouring --config and --no-config. */
function rcResolver(config: string | false | undefined, known: KnownRules): (file: string) => Promise<RcConfig | null> {
  const loaded = new Map<string, Promise<RcConfig>>();
  const load = (path: string) => {
    let p = loaded.get(path);
    if (!p) {
      p = loadRc(path).then((rc) => {
        checkRcIds(rc, known);
        return rc;
      });
      loaded.set(path, p);
    }
    return p;
  };
  const found = new Map<string, Promise<string | null>>();
  return async (file) => {
    if (config === false) return null;
    if (typeof config === 'string') return load(config);
    const dir = file === '-' ? process.cwd() : dirname(file);
    let path = found.get(dir);
    if (!path) {
      path = findRc(dir);
      found.set(dir, path);
    }
    const rcPath = await path;
    return rcPath ? load(rcPath) : null;
  };
}

export interface LintFileOptions {
  rules: readonly Rule[];
  settings?: ReadonlyMap<string, RuleSetting>;
  env?: ReadonlyMap<string, string> | null;
  /** LiteLLM release the rules check against; default: the newest verified. */
  release?: Release;
  /** Proxy replicas declared in `.gwcfg.yaml` (`replicas:`). */
  replicas?: number;
  /** 'write' fixes the file in place, 'diff' returns a unified diff of the fixes. */
  fix?: 'none' | 'write' | 'diff';
  /** Name shown for `-` (default `<stdin>`). */
  stdinName?: string;
}

export interface LintFileResult {
  loaded: LoadedConfig;
  diagnostics: Diagnostic[];
  /** Unified diff of the fixes (fix: 'diff'), when anything would change. */
  diff?: string;
  /** Whether the file was rewritten (fix: 'write'). */
  written?: boolean;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Lints one file (`-` for stdin), fixing it first when asked. */
export async function lintFile(file: string, options: LintFileOptions): Promise<LintFileResult> {
  const bytes = await readConfigInput(file);
  const name = file === '-' ? (options.stdinName ?? '<stdin>') : file;
  const lint = async (input: Uint8Array) => {
    const loaded = await loadConfigBytes(name, input);
    return { loaded, diagnostics: lintConfig(loaded, options) };
  };
  const first = await lint(bytes);
  const original = first.loaded.source?.text;
  if (!options.fix || options.fix === 'none' || original === undefined || fixesFor(first.diagnostics, name).length === 0) return first;

  const encoder = new TextEncoder();
  let firstPass = true;
  const fixed = await fixUntilStable(original, async (text) => {
    const result = firstPass ? first : await lint(encoder.encode(text));
    firstPass = false;
    return { fixes: fixesFor(result.diagnostics, name), result };
  });
  if (fixed.text === original) return fixed.result;
  if (options.fix === 'diff') {
    const { createTwoFilesPatch } = await import('diff');
    // Plain `--- file` / `+++ file` headers, as `diff -u` prints them (no Index: banner).
    const lines = createTwoFilesPatch(name, name, original, fixed.text, undefined, undefined, { context: 3 }).split('\n');
    const body = lines.findIndex((line) => line.startsWith('@@'));
    const header = lines
      .slice(0, body)
      .filter((line) => line.startsWith('--- ') || line.startsWith('+++ '))
      .map((line) => line.replace(/\t$/, ''));
    const patch = [...header, ...lines.slice(body)].join('\n');
    return { ...fixed.result, diff: patch };
  }
  const hasBom = UTF8_BOM.every((b, i) => bytes[i] === b);
  const { default: writeFileAtomic } = await import('write-file-atomic');
  await writeFileAtomic(file, (hasBom ? '\uFEFF' : '') + fixed.text, { encoding: 'utf8' });
  return { ...fixed.result, written: true };
}

