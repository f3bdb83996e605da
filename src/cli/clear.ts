import { oneLine } from '../diagnostics/human.js';
import { Argument, Option, type Command } from 'commander';
import { offer, offerFromProject } from '../completion/spec.js';
import type { ClearResult } from '../commands/clear.js';
import { ExitCode } from '../diagnostics/errors.js';
import { PROBLEMS_ON_STDERR, printProblems, today, type Io } from './io.js';
import { parseVersion } from './flags.js';
import { helpNotes } from './help-notes.js';

/** The flags of `briefing clear`, as commander parses them. */
interface ClearFlags {
  ministry: string;
  date?: string;
  ref?: string;
  note?: string;
  withdraw: boolean;
  pending: boolean;
  object: boolean;
  onVersion?: number;
}

/** `briefing clear <position>`: records one ministry's clearance, keeping the file's comments. */
export function registerClear(program: Command, io: Io): void {
  program
    .command('clear')
    .description('Record a ministry’s answer on a position — cleared, asked (pending), objected, withdrawn — keeping the file’s comments and layout.')
    .addArgument(offerFromProject(new Argument('<position>', 'position file (or id)'), 'position-ids', { files: true }))
    .addOption(offer(new Option('-m, --ministry <code>', 'the ministry that answered, e.g. AM').makeOptionMandatory(), 'ministry-codes'))
    .option('-d, --date <date>', 'day of the answer (of the request, with --pending), YYYY-MM-DD or DD.MM.YYYY (default: today)')
    .option('-r, --ref <text>', 'the record: letter number or e-mail')
    .option('--note <text>', 'anything a reviewer should know (with --object: what the ministry objects to)')
    .addOption(new Option('--pending', 'record that the position was sent to the ministry and no answer has come yet').default(false).conflicts(['withdraw', 'object']))
    .addOption(new Option('--object', 'record that the ministry objected to the text').default(false).conflicts(['withdraw']))
    .option('--withdraw', 'record that the ministry withdrew its clearance', false)
    .addOption(new Option('--on-version <n>', 'the version the answer was given on, when earlier than the position\'s version now (it then does not count for the text now)').argParser(parseVersion))
    .addHelpText(
      'after',
      helpNotes(`
Examples:
  $ briefing clear positions/educ/equity-reforms.yaml --ministry AM --ref "ĀM e-pasts, 15.02.2021."
  $ briefing clear equity-reforms --ministry AM --pending --date 10.02.2021 --ref "Vēstule Nr. 4-2e/21/512"
  $ briefing clear equity-reforms --ministry FM --object --note "Iebilst pret 3. punktu"
  $ briefing clear equity-reforms --ministry AM --withdraw --note "Jāprecizē 2. punkts"

Changes only clearance.<code>: never status or version. Prints each field it changed.`),
    )
    .action(async (position: string, flags: ClearFlags) => {
      const { clear } = await import('../commands/clear.js');
      const result = clear({
        cwd: io.cwd(),
        position,
        ministry: flags.ministry,
        date: flags.date ?? today(),
        today: today(),
        status: flags.pending ? 'pending' : flags.object ? 'objected' : flags.withdraw ? 'withdrawn' : 'cleared',
        ...(flags.ref !== undefined ? { ref: flags.ref } : {}),
        ...(flags.note !== undefined ? { note: flags.note } : {}),
        ...(flags.onVersion !== undefined ? { onVersion: flags.onVersion } : {}),
      });
      await printClear(io, result);
    });
}

/** The problems, or the file and each field that changed (before → after). */
async function printClear(io: Io, result: ClearResult): Promise<void> {
  await printProblems(io, result, PROBLEMS_ON_STDERR);
  if (result.exitCode === ExitCode.ok) {
    console.log(result.written ? `${io.out.green('updated')} ${oneLine(result.file)}` : `${oneLine(result.file)}: already recorded, nothing changed`);
    const width = Math.max(0, ...result.changes.map((c) => c.field.length));
    for (const c of result.changes) console.log(`  ${oneLine(c.field.padEnd(width))}  ${oneLine(c.before ?? '–')} → ${oneLine(c.after ?? '–')}`);
    for (const note of result.notes) console.log(io.out.dim(oneLine(note)));
  }
  process.exitCode = result.exitCode;
}
