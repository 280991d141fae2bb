import type { Command } from 'commander';
import { Argument } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../util/package-root.js';
import { writeStdout } from './stdout.js';

const FILES: Record<string, string> = {
  config: 'litellm-config.schema.json',
  scenario: 'scenario.schema.json',
  gwcfgrc: 'gwcfgrc.schema.json',
};

export function register(program: Command): void {
  program
    .command('schema')
    .description('print a JSON Schema (for editors: yaml-language-server, VS Code)')
    .addArgument(new Argument('[name]', 'which schema').choices(Object.keys(FILES)).default('config'))
    .action((name: string) => {
      // Read from the package's schemas/ (not bundled: only this command needs the full text).
      writeStdout(readFileSync(join(packageRoot(), 'schemas', FILES[name]), 'utf8'));
    });
}
