import type { Command } from 'commander';

/** `briefing schema <kind>`: the JSON Schema editors use, as committed under schema/. */
export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('Print the JSON Schema of one kind of file, as committed under schema/ for editors.')
    .argument('<kind>', 'meeting, position, ministries or config')
    .action(async (kind: string) => {
      const { schema } = await import('../commands/schema.js');
      process.stdout.write(schema({ kind }).text);
    });
}
