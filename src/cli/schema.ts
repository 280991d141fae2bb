import type { Command } from 'commander';
import { Argument } from 'commander';

export function register(program: Command): void {
  program
    .command('schema')
    .description('print a JSON Schema (for editors: yaml-language-server, VS Code)')
    .addArgument(new Argument('[name]', 'which schema').choices(['config', 'scenario']).default('config'))
    .action(async (name: string) => {
      const schemas: Record<string, () => Promise<unknown>> = {
        config: async () => (await import('../../schemas/litellm-config.schema.json', { with: { type: 'json' } })).default,
        scenario: async () => (await import('../../schemas/scenario.schema.json', { with: { type: 'json' } })).default,
      };
      process.stdout.write(JSON.stringify(await schemas[name](), null, 2) + '\n');
    });
}
