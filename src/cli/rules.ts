import type { Command } from 'commander';
import { Option } from 'commander';
import { writeStdout } from './stdout.js';

export function register(program: Command): void {
  program
    .command('rules')
    .description('list the lint rules (id, default severity, fixable, description)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['text', 'json']).default('text'))
    .option('--all', 'also list the built-in yaml/, schema/ and gwcfg/ checks')
    .action(async (options: { format: string; all?: boolean }) => {
      const { listRules } = await import('../lint/list.js');
      writeStdout(await listRules(options.format === 'json' ? 'json' : 'text', Boolean(options.all)));
    });
}
