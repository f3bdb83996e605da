import { oneLine } from '../diagnostics/human.js';
import { Argument, Option, type Command } from 'commander';
import { offer, offerFromProject } from '../completion/spec.js';
import type { ClearEachResult, ClearResult } from '../edit/clear-result.js';
import { ExitCode } from '../diagnostics/errors.js';
import { sortDiagnostics } from '../diagnostics/diagnostic.js';
import { PROBLEMS_ON_STDERR, printProblems, sayLockWait, today, type Io } from './io.js';
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

/** `briefing clear <position…>`: records one ministry's answer on positions (or a meeting's), keeping the files' comments. */
export function registerClear(program: Command, io: Io): void {
  program
    .command('clear')
    .description('Record a ministry’s answer on positions — cleared, asked (pending), objected, withdrawn — keeping the files’ comments and layout.')
    .addArgument(offerFromProject(new Argument('<positions...>', 'position files or ids; a meeting file for every position it uses'), 'position-ids', { files: true }))
    .addOption(offer(new Option('-m, --ministry <code>', 'the ministry that answered, e.g. AM').makeOptionMandatory(), 'ministry-codes'))
    .option('-d, --date <date>', 'day of the answer (of the request, with --pending), YYYY-MM-DD or DD.MM.YYYY (default: today; the same answer given again keeps its day)')
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
  $ briefing clear meetings/2021-02-19-educ-informal.yaml --ministry LM --ref "LM e-pasts, 17.02.2021."

Changes only clearance.<code>: never status or version. Prints each field it changed. Several positions (or a meeting's) take the same answer, all or none: when one cannot, no file is written.`),
    )
    .action(async (targets: string[], flags: ClearFlags) => {
      const { clearEach } = await import('../commands/clear.js');
      const result = clearEach({
        cwd: io.cwd(),
        targets,
        ministry: flags.ministry,
        date: flags.date ?? today(),
        ...(flags.date === undefined ? { dateUnsaid: true } : {}),
        today: today(),
        status: flags.pending ? 'pending' : flags.object ? 'objected' : flags.withdraw ? 'withdrawn' : 'cleared',
        ...(flags.ref !== undefined ? { ref: flags.ref } : {}),
        ...(flags.note !== undefined ? { note: flags.note } : {}),
        ...(flags.onVersion !== undefined ? { onVersion: flags.onVersion } : {}),
        onLockWait: sayLockWait(io),
      });
      await printClear(io, result, targets.length);
    });
}

/** The problems, or each file and each field that changed in it (before → after). */
async function printClear(io: Io, result: ClearEachResult, targets: number): Promise<void> {
  const diagnostics = [...result.diagnostics, ...result.results.flatMap((each) => each.diagnostics)];
  await printProblems(io, { diagnostics: sortDiagnostics(diagnostics), exitCode: result.exitCode }, PROBLEMS_ON_STDERR);
  const single = result.results.length === 1;
  const runNotes = () => result.notes.forEach((note) => console.log(io.out.dim(oneLine(note))));
  if (result.exitCode === ExitCode.ok) {
    // A note said of several positions alike (the same status to change in 30 positions) is said once, after them all.
    const shared = sharedNotes(result.results);
    for (const each of result.results) {
      console.log(each.written ? `${io.out.green('updated')} ${oneLine(each.file)}` : `${oneLine(each.file)}: already recorded, nothing changed`);
      const width = Math.max(0, ...each.changes.map((c) => c.field.length));
      for (const c of each.changes) console.log(`  ${oneLine(c.field.padEnd(width))}  ${oneLine(c.before ?? '(none)')} → ${oneLine(c.after ?? '(none)')}`);
      // One position: what is said of the run (how --date was read) before what is said of the position, as it always was.
      if (single) runNotes();
      for (const note of each.notes) if (!shared.has(note)) console.log(io.out.dim(oneLine(note)));
    }
    for (const [note, count] of shared) console.log(io.out.dim(oneLine(`Of ${count} positions: ${note}`)));
    if (!single) runNotes();
  } else {
    runNotes();
    // Several named: that none was written, though only one is said to be wrong.
    if (result.results.length > 1) console.error(`Nothing written: ${result.results.filter((each) => each.exitCode !== ExitCode.ok).length} of the ${result.results.length} positions cannot take the answer (see above).`);
    else if (targets > 1) console.error('Nothing written: the positions named are left as they were.');
  }
  process.exitCode = result.exitCode;
}

/** The notes two or more of several positions' results have alike, with how many have each. */
function sharedNotes(results: readonly ClearResult[]): Map<string, number> {
  const counts = new Map<string, number>();
  if (results.length < 2) return counts;
  for (const note of results.flatMap((each) => [...new Set(each.notes)])) counts.set(note, (counts.get(note) ?? 0) + 1);
  return new Map([...counts].filter(([, count]) => count > 1));
}
