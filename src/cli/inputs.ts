// Turns the file arguments of validate/lint (files, directories, globs, `-`) into a file list.
// Ignore patterns (--ignore-pattern, `ignore:` of .gwcfg.yaml) drop matching files wherever
// they come from; YAML files found below a directory that are clearly not LiteLLM configs
// (docker-compose files, Kubernetes manifests) are skipped, while a file named on the command
// line is always checked.
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { globToRegExp, matchesAny } from '../lint/glob.js';
import { CliError } from './errors.js';
import { LIMITS } from '../util/read-input.js';
import { appendAll } from '../util/append.js';

const GLOB_CHARS = /[*?[\]{}]/;
const CONFIG_GLOB = '**/*.{yaml,yml}';
const IGNORED = ['**/node_modules/**', '**/.git/**'];
/** Top-level keys of which a LiteLLM config has at least one (LiteLLM ProxyConfig.load_config). */
const CONFIG_KEY = /^["']?(?:model_list|router_settings|litellm_settings|general_settings|include)["']?[ \t]*:/m;

/** Globs and the directory they are relative to. */
export interface IgnoreList {
  dir: string;
  patterns: readonly RegExp[];
}

export interface InputOptions {
  /** --ignore-pattern values (relative to the working directory) and `ignore:` lists. */
  ignore?: readonly IgnoreList[];
  /** Where the counts of skipped files are reported (one line each); default stderr. */
  notice?: (line: string) => void;
}

/** Ignore globs written on the command line, relative to the working directory. */
export function cliIgnore(patterns: readonly string[] | undefined): IgnoreList[] {
  return patterns && patterns.length > 0 ? [{ dir: process.cwd(), patterns: patterns.map(globToRegExp) }] : [];
}

function isIgnored(file: string, ignore: readonly IgnoreList[]): boolean {
  return ignore.some(({ dir, patterns }) => {
    const rel = relative(dir, resolve(file)).split(sep).join('/');
    return !rel.startsWith('../') && matchesAny(rel, patterns);
  });
}

/** Whether a YAML file found below a directory looks like a LiteLLM config (a top-level key of one). */
function looksLikeConfig(file: string): boolean {
  try {
    // Only regular files within the cap are peeked at; a FIFO or device is left to readInput,
    // which refuses it by name instead of blocking or reading without end.
    const info = statSync(file);
    if (!info.isFile() || info.size > LIMITS.config.bytes) return true;
    return CONFIG_KEY.test(readFileSync(file, 'latin1'));
  } catch {
    return true; // unreadable: let the loader report it
  }
}

export async function expandInputs(inputs: readonly string[], options: InputOptions = {}): Promise<string[]> {
  const ignore = options.ignore ?? [];
  const notice = options.notice ?? ((line: string) => process.stderr.write(`${line}\n`));
  const files: string[] = [];
  let ignored = 0;
  for (const input of inputs.length ? inputs : ['.']) {
    if (input === '-') {
      files.push('-');
      continue;
    }
    const info = statSync(input, { throwIfNoEntry: false }) ?? null;
    // Anything that exists and is not a directory is read by readInput, which refuses FIFOs and
    // devices with a clear message and reads pipes such as <(cmd) up to the cap.
    if (info && !info.isDirectory()) {
      if (isIgnored(input, ignore)) ignored++;
      else files.push(input);
      continue;
    }
    if (info?.isDirectory()) {
      const found = (await glob([CONFIG_GLOB], input)).map((f) => (input === '.' ? f : `${input.replace(/\/+$/, '')}/${f}`));
      if (found.length === 0) throw new CliError(`no YAML files (*.yaml, *.yml) found in directory ${input}`);
      const kept = found.filter((f) => !isIgnored(f, ignore));
      ignored += found.length - kept.length;
      const configs = kept.filter(looksLikeConfig);
      const skipped = kept.length - configs.length;
      if (skipped > 0) {
        notice(`gwcfg: skipped ${skipped} YAML file(s) in ${input} with none of model_list, router_settings, litellm_settings, general_settings, include at the top level (name a file to check it anyway)`);
      }
      if (configs.length === 0 && kept.length > 0) throw new CliError(`no LiteLLM configs found in directory ${input} (${skipped} other YAML file(s) skipped)`);
      appendAll(files, configs);
      continue;
    }
    if (GLOB_CHARS.test(input)) {
      const found = await glob([input], '.');
      if (found.length === 0) throw new CliError(`no files match the pattern ${input}`);
      const kept = found.filter((f) => !isIgnored(f, ignore));
      ignored += found.length - kept.length;
      appendAll(files, kept);
      continue;
    }
    throw new CliError(`cannot read ${input}: no such file or directory`);
  }
  if (ignored > 0) notice(`gwcfg: ${ignored} file(s) not checked: they match an ignore pattern`);
  return [...new Set(files)];
}

async function glob(patterns: string[], cwd: string): Promise<string[]> {
  const { glob } = await import('tinyglobby');
  return (await glob(patterns, { cwd, ignore: IGNORED, onlyFiles: true, dot: false })).sort();
}
