import { Option, type Command } from 'commander';
import { offer } from '../completion/spec.js';
import type { ReviewResult } from '../review/review-result.js';
import { UsageError } from '../diagnostics/errors.js';
import { commandFromHere, PROBLEMS_ON_STDERR, printProblems, sayLockWait, today, type Io } from './io.js';
import { helpNotes } from './help-notes.js';

/** The flags of `briefing review`, as commander parses them. */
interface ReviewFlags {
  ministry?: string;
  accept: boolean;
  list?: boolean;
  cleared: boolean;
  rebase: boolean;
}

/** `briefing review <docx>`: reads a reviewed DOCX back into the positions. */
export function registerReview(program: Command, io: Io): void {
  program
    .command('review')
    .description('Read back a DOCX a ministry reviewed in Word (tracked changes, comments): list the changes per position, or accept them.')
    .argument('<docx>', 'the DOCX briefing built, as the reviewer returned it')
    .addOption(offer(new Option('-m, --ministry <code>', 'the reviewing ministry (default: the one the change authors name, if only one)'), 'ministry-codes'))
    .option('--list', 'list the changes per position as a word diff (what review does without --accept)')
    .option('--accept', 'write the accepted text into each position as a new version, and record the clearance', false)
    .option('--cleared', 'with --accept: record the ministry as cleared, not objected/pending', false)
    .option('--rebase', 'merge the changes into positions that changed since the build (three-way), listing conflicts', false)
    .addHelpText(
      'after',
      helpNotes(`
Examples:
  $ briefing review IZMzin_190221_EDUC.AM.docx
  $ briefing review IZMzin_190221_EDUC.AM.docx --accept --ministry AM
  $ briefing review IZMzin_190221_EDUC.LM.docx --accept --cleared

--accept raises the version of each changed position and records the ministry as objected (it changed the text), pending (comments only) or, with --cleared, cleared.

Changes outside the positions (title, clearance line) are listed, never applied.`),
    )
    .action(async (docx: string, flags: ReviewFlags) => {
      if (flags.list && flags.accept) throw new UsageError('--list and --accept: choose one.', '--list shows the changes; --accept writes them.');
      const { review } = await import('../commands/review.js');
      const { reviewCommand } = await import('../review/review-result.js');
      // --cleared says what --accept records: alone it would be passed over without a word.
      if (flags.cleared && !flags.accept) {
        throw new UsageError('--cleared records a clearance, which only --accept does.', `Add --accept: ${reviewCommand(docx, { accept: true, ministry: flags.ministry, cleared: true, rebase: flags.rebase }, commandFromHere(io))}`);
      }
      const result = review({ cwd: io.cwd(), docx, accept: flags.accept, cleared: flags.cleared, rebase: flags.rebase, today: today(), onLockWait: sayLockWait(io), ...(flags.ministry ? { ministry: flags.ministry } : {}) });
      await printReview(io, result);
    });
}

async function printReview(io: Io, result: ReviewResult): Promise<void> {
  await printProblems(io, result, PROBLEMS_ON_STDERR);
  const { out } = io;
  if (result.fields.length || !result.diagnostics.some((d) => d.severity === 'error')) {
    const { formatReview } = await import('./review-format.js');
    for (const line of formatReview(result, out)) console.log(line);
  }
  process.exitCode = result.exitCode;
}
