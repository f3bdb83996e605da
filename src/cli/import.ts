import { oneLine } from '../diagnostics/human.js';
import type { Command } from 'commander';
import type { ImportResult } from '../commands/import.js';
import { PROBLEMS_ON_STDERR, printProblems, type Io } from './io.js';
import { helpNotes } from './help-notes.js';

/** `briefing import <report.docx>`: an existing Word report → a meeting file and its positions. */
export function registerImport(program: Command, io: Io): void {
  program
    .command('import')
    .description('Turn an existing Word report into a meeting file and one position per answer (best effort).')
    .argument('<docx>', 'the report, as a DOCX')
    .option('--slug <name>', 'names the files: meetings/<date>-<slug>.yaml, positions/<slug>/<slug>-1.yaml (default: from the file name)')
    .addHelpText(
      'after',
      helpNotes(`
Examples:
  $ briefing import vecie/IZMzin_190221_EDUC.docx
  $ briefing import vecie/IZMzin_190221_EDUC.docx --slug educ-informal

Writes new files only. Lists the text it could not place and the fields it could not find (filled with x): complete them, then run briefing check.`),
    )
    .action(async (docx: string, flags: { slug?: string }) => {
      const { importReport } = await import('../commands/import.js');
      const result = importReport({ cwd: io.cwd(), docx, ...(flags.slug ? { slug: flags.slug } : {}) });
      await printImport(io, result);
    });
}

async function printImport(io: Io, result: ImportResult): Promise<void> {
  await printProblems(io, result, PROBLEMS_ON_STDERR);
  const { out } = io;
  for (const file of result.written) console.log(`${out.green('created')} ${oneLine(file)}`);
  if (result.missing.length) console.log(`Not found in the report (filled with x): ${result.missing.join(', ')}.`);
  if (result.unplaced.length) {
    const meeting = result.written[0];
    console.log(meeting ? `Could not place (kept whole as comments at the end of ${oneLine(meeting)}):` : 'Could not place:');
    for (const text of result.unplaced) console.log(`  “${oneLine(text)}”`);
  }
  for (const note of result.notes) console.log(out.dim(`note: ${oneLine(note)}`));
  process.exitCode = result.exitCode;
}
