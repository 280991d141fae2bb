import type { Command } from 'commander';
import { writeStdout } from './stdout.js';

export function register(program: Command): void {
  program
    .command('explain')
    .description('print the documentation of a rule or check, e.g. gwcfg explain schema/unknown-key')
    .argument('<rule>', 'rule id, as shown in brackets after each finding')
    .action(async (id: string) => {
      const { explain } = await import('../lint/list.js');
      writeStdout(await explain(id));
    });
}
