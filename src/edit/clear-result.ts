/** What `briefing clear` is asked and gives back: its options for one position or several, and what it changed in each. */

import type { FieldChange } from './clearance.js';
import type { LockWaitNotice } from '../emit/lock.js';
import type { ClearanceStatus } from '../model/position.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** Options of `briefing clear <position> --ministry <code>`. */
export interface ClearOptions {
  cwd: string;
  /** A position file, or a position id. */
  position: string;
  ministry: string;
  /** The day of the answer, YYYY-MM-DD or DD.MM.YYYY (the CLI passes today when --date is not given). */
  date: string;
  /**
   * `date` is today only because no day was given (the CLI without --date): the same answer recorded again (a ref
   * added to a clearance on record) keeps the day on record, as the report is dated by its latest clearance.
   */
  dateUnsaid?: boolean;
  /** Today, YYYY-MM-DD: an answer dated later (a mistyped year) is said to be. Without it, dates are not compared. */
  today?: string;
  ref?: string;
  note?: string;
  /** What the ministry's answer is: a clearance, a request sent with no answer yet, an objection, or a clearance taken back. */
  status: ClearanceStatus;
  /**
   * The position's version the answer was given on, when not the version now (`--on-version`): a late
   * answer on an earlier text, recorded as such so that it never counts for the text now. Not later than now.
   */
  onVersion?: number;
  /** Told once when another command holds a position's lock for more than a second (the CLI says it is waiting, and for whom). */
  onLockWait?: LockWaitNotice;
}

/** Options of `briefing clear <position…> --ministry <code>`: one answer recorded on several positions. */
export interface ClearEachOptions extends Omit<ClearOptions, 'position'> {
  /** Position files or ids, and meeting files, each standing for the positions its questions use. */
  targets: readonly string[];
}

/** What `clear` changed, and what the user should know about the position now. */
export interface ClearResult {
  /** Project-relative path of the position file. */
  file: string;
  changes: FieldChange[];
  written: boolean;
  /** Sentences for the user, e.g. that `status` is still `draft`. */
  notes: string[];
  diagnostics: Diagnostic[];
  exitCode: number;
}

/** What `clear` of several positions did: each position's result, the problems of none in particular, and the exit code of the whole. */
export interface ClearEachResult {
  results: ClearResult[];
  /** Problems of the project or of a meeting named, not of one position. */
  diagnostics: Diagnostic[];
  /** Sentences for the user about the run as a whole, e.g. positions a meeting uses that were left out. */
  notes: string[];
  exitCode: number;
}
