// Turns the file arguments of validate/lint (files, directories, globs, `-`) into a file list.
import { statSync } from 'node:fs';
import { CliError } from './errors.js';

const GLOB_CHARS = /[*?[\]{}]/;
const CONFIG_GLOB = '**/*.{yaml,yml}';
const IGNORED = ['**/node_modules/**', '**/.git/**'];

export async function expandInputs(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs.length ? inputs : ['.']) {
    if (input === '-') {
      files.push('-');
      continue;
    }
    const info = statSync(input, { throwIfNoEntry: false }) ?? null;
    // Anything that exists and is not a directory is read by readInput, which refuses FIFOs and
    // devices with a clear message and reads pipes such as <(cmd) up to the cap.
    if (info && !info.isDirectory()) {
      files.push(input);
      continue;
    }
    if (info?.isDirectory()) {
      const found = await glob([CONFIG_GLOB], input);
      if (found.length === 0) throw new CliError(`no YAML files (*.yaml, *.yml) found in directory ${input}`);
      files.push(...found.map((f) => (input === '.' ? f : `${input.replace(/\/+$/, '')}/${f}`)));
      continue;
    }
    if (GLOB_CHARS.test(input)) {
      const found = await glob([input], '.');
      if (found.length === 0) throw new CliError(`no files match the pattern ${input}`);
      files.push(...found);
      continue;
    }
    throw new CliError(`cannot read ${input}: no such file or directory`);
  }
  return [...new Set(files)];
}

async function glob(patterns: string[], cwd: string): Promise<string[]> {
  const { glob } = await import('tinyglobby');
  return (await glob(patterns, { cwd, ignore: IGNORED, onlyFiles: true, dot: false })).sort();
}
