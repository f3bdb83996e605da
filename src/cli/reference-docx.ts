import type { Command } from 'commander';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../diagnostics/errors.js';
import { dashAsStandardOutput } from './flags.js';
import type { Io } from './io.js';
import { helpNotes } from './help-notes.js';

/** `briefing reference-docx`: the built-in styles as a Word file to start a ministry's own reference DOCX from. */
export function registerReferenceDocx(program: Command, io: Io): void {
  program
    .command('reference-docx')
    .description('Write the built-in styles as a DOCX to change in Word and name in layout.reference_docx.')
    .option('-o, --output <file>', 'write to <file> instead of standard output (-)')
    .option('--force', 'replace <file> if it exists')
    .addHelpText(
      'after',
      helpNotes(`
Examples:
  $ briefing reference-docx > reference.docx
  $ briefing reference-docx -o reference.docx

Open the file in Word, change its styles (Normal, Title, BriefingQuestion, …), page set-up and first-page header (a letterhead), save it, and set layout.reference_docx in briefing.config.yaml. The styles it must keep are listed in docs/reference-docx.md.`),
    )
    .action(async (given: { output?: string; force?: boolean }) => {
      const flags = { ...given, output: dashAsStandardOutput(given.output) };
      if (flags.output === undefined && process.stdout.isTTY) {
        throw new UsageError('Not writing a binary DOCX to the terminal.', 'Redirect it, `briefing reference-docx > reference.docx`, or write a file: `briefing reference-docx -o reference.docx`.');
      }
      const { referenceDocx } = await import('../commands/reference-docx.js');
      const { bytes } = referenceDocx();
      if (flags.output === undefined) {
        process.stdout.write(bytes);
        return;
      }
      const { spelledOnDisk } = await import('../load/letter-forms.js');
      // A folder typed with composed letters is the one there written decomposed (made on a Mac), not a second one beside it.
      const target = spelledOnDisk(resolve(io.cwd(), flags.output));
      // A folder is no file to replace: --force would not help, and the writer's words name build's --out.
      if (existsSync(target) && statSync(target).isDirectory()) {
        throw new UsageError(`${flags.output} is a folder; nothing written.`, `Name the file to write, e.g. -o ${join(flags.output, 'reference.docx')}.`);
      }
      // A DOCX under another name is opened as something else (`.doc` as the older Word format), and `-o meeting.yaml --force` replaced a meeting.
      if (!/\.docx$/i.test(flags.output)) {
        throw new UsageError(`${flags.output} is not named .docx; nothing written.`, `reference-docx writes a Word document: name it so, e.g. -o ${flags.output.replace(/\.[^./\\]*$/, '')}.docx.`);
      }
      if (!flags.force && existsSync(target)) throw new UsageError(`${flags.output} already exists; nothing written.`, 'Choose another name, or add --force to replace it.');
      const { OutputError, writeAtomic } = await import('../emit/write.js');
      try {
        writeAtomic(target, bytes, flags.output, { again: 'run reference-docx again', elsewhere: 'with -o' });
      } catch (error) {
        if (error instanceof OutputError) throw new UsageError(error.message, error.hint);
        throw error;
      }
      console.error(`wrote ${flags.output}`);
    });
}
