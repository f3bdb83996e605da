/** What `briefing review` is asked and what it gives back: its options, each field's outcome, the result; and the review command a hint names. */

import type { LockWaitNotice } from '../emit/lock.js';
import type { FieldRef } from '../model/field.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { AuthorChanges, OutsideChange, TakenBack } from './fields.js';
import type { ReviewComment, Revision } from './reviewed-docx.js';
import { shellWord } from '../util/shell.js';

/** Options of `briefing review <docx>`. */
export interface ReviewOptions {
  cwd: string;
  docx: string;
  /** Write the accepted text and the clearance; otherwise only list. */
  accept: boolean;
  /** The reviewing ministry's code; taken from the authors when they name exactly one. */
  ministry?: string;
  /** Record `cleared` rather than `objected`/`pending`. */
  cleared: boolean;
  /** Merge the changes into fields that changed since the build, instead of refusing. */
  rebase: boolean;
  /** Today (YYYY-MM-DD), for a clearance whose changes carry no date. */
  today: string;
  /** Told once when another command holds a file's lock for more than a second (see `clear`'s). */
  onLockWait?: LockWaitNotice;
}

/** What the reviewer did in one field, and what `--accept` made of it. */
export interface FieldOutcome {
  field: FieldRef;
  before: string[];
  after: string[];
  revisions: Revision[];
  /** Each reviewer's changes to the text (see {@link changesByAuthor}). */
  byAuthor: AuthorChanges[];
  /** The tracked changes another one takes back (see {@link takenBackChanges}): not a change of the text by either. */
  takenBack: TakenBack[];
  comments: ReviewComment[];
  /** Text whose formatting the reviewer changed (bold, italic): with track changes on, and words changed so without. */
  formatting: string[];
  notes: string[];
  /** The notes about a change the accepted text does not hold: --accept refuses the field. */
  lost: string[];
  /** With --rebase: the reviewer's changes that no longer fit the current text (diff lines). */
  conflicts: string[][];
  /** The field's text now, and the text after accepting (merged, with --rebase). */
  current: string;
  accepted: string;
  /** The position's new version, when the accepted text was written. */
  newVersion?: number;
  /** The clearance recorded, e.g. `AM objected`. */
  clearance?: string;
  written: boolean;
}

/** Everything `review` found and did. */
export interface ReviewResult {
  docx: string;
  meeting: string;
  ministry: string | null;
  fields: FieldOutcome[];
  outside: OutsideChange[];
  diagnostics: Diagnostic[];
  exitCode: number;
}

/** The flags of a `briefing review` command a hint gives. */
export interface ReviewCommandFlags {
  list?: boolean;
  accept?: boolean;
  ministry?: string | undefined;
  cleared?: boolean;
  rebase?: boolean;
}

/**
 * A `review` command for a hint, its flags in one order wherever it is given: `briefing` (or how the
 * user typed it, `briefing -C <folder>`), `review <docx>`, then --list or --accept, --ministry,
 * --cleared, --rebase.
 */
export function reviewCommand(docx: string, flags: ReviewCommandFlags, briefing = 'briefing'): string {
  const asked = [flags.list ? '--list' : '', flags.accept ? '--accept' : '', flags.ministry ? `--ministry ${shellWord(flags.ministry)}` : '', flags.cleared ? '--cleared' : '', flags.rebase ? '--rebase' : ''];
  return [`${briefing} review`, shellWord(docx), ...asked.filter(Boolean)].join(' ');
}
