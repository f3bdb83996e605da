import { Argument, type Command } from 'commander';
import { offer } from '../completion/spec.js';
import { helpNotes } from './help-notes.js';

/** The kinds of file with a schema (as model/json-schema.ts has them; a test holds the two equal), offered by completion. */
export const SCHEMA_KINDS = ['meeting', 'position', 'ministries', 'config'];

/** `briefing schema <kind>`: the JSON Schema editors use, as committed under schema/. */
export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('Print the JSON Schema of one kind of file, as committed under schema/ for editors.')
    .addArgument(offer(new Argument('<kind>', 'meeting, position, ministries or config'), SCHEMA_KINDS))
    .addHelpText(
      'after',
      helpNotes(`
Examples:
  $ briefing schema meeting
  $ briefing schema position > schema/position.schema.json`),
    )
    .action(async (kind: string) => {
      const { schema } = await import('../commands/schema.js');
      process.stdout.write(schema({ kind }).text);
    });
}
