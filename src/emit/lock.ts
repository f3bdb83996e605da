import { readFileSync, rmSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { errorCode } from '../load/files.js';
import { UsageError } from '../diagnostics/errors.js';
import { writeNewFile } from './create.js';
import { READ_ONLY_DISK, sweepInterrupted } from './write.js';
import { processExists } from '../util/process.js';

/** A file that could not be locked for an edit: `file` as shown, `reason` what stood in the way (the message is both). */
export class LockError extends UsageError {
  readonly file: string;
  readonly reason: string;

  constructor(file: string, reason: string, hint: string) {
    super(`${file}: ${reason}`, hint);
    this.file = file;
    this.reason = reason;
  }
}

/** A file another command held locked for all of {@link WAIT_MS}: the one lock error that waiting longer could mend. */
export class LockBusyError extends LockError {}

/** How long to wait for another process's lock before giving up. */
export const WAIT_MS = 15_000;
/** A lock older than this is left over from a process that died without removing it. */
const STALE_MS = 30_000;

/**
 * Runs `edit` while holding a lock on `target`, so that edits of one file made at the same
 * time (eight `clear` commands in parallel, say) happen one after another and each reads
 * what the previous one wrote: none is lost. The lock is a file beside the target
 * (`.<name>.lock`, created only if absent) holding the owner's process id and computer; a lock
 * whose process on this computer has ended, or that is older than {@link STALE_MS}, is taken over.
 */
export function withFileLock<T>(target: string, shownAs: string, edit: () => T): T {
  return withFileLocks([{ target, shownAs }], edit);
}

/** What a command that waits for another's lock is told, once, after {@link NOTICE_MS}: the file as shown, and who holds it ("process 4711 on ws-12"). */
export type LockWaitNotice = (shownAs: string, holder: string | undefined, waitMs: number) => void;

/** How long a command waits for another's lock before saying so: a wait of a few milliseconds (eight `clear`s at once) is not worth a line. */
const NOTICE_MS = 1_000;

/**
 * Runs `edit` while holding the locks of every file of `files` (see {@link withFileLock}). They are
 * taken all at once or not at all: while one is held by another command, those taken are let go
 * before waiting, so that two commands never wait for each other, and a Ctrl-C during the wait (which
 * a synchronous wait cannot clean up after) leaves no lock of this command behind.
 */
export function withFileLocks<T>(files: readonly { target: string; shownAs: string }[], edit: () => T, onWait?: LockWaitNotice): T {
  // One lock a file: two names of the project for one file (a link) would wait for their own lock.
  // In the order of their paths: two commands that want the same files try them in one order, so one gets all and the other waits, rather than each taking some and letting go again.
  const unique = [...new Map(files.map((file) => [file.target, { ...file, lock: lockOf(file.target) }])).values()].sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
  const started = Date.now();
  const deadline = started + WAIT_MS;
  let told = false;
  for (let attempt = 0; ; attempt++) {
    const taken: string[] = [];
    const busy = unique.find((file) => (takeLock(file.lock, file.shownAs) ? (taken.push(file.lock), false) : true));
    if (!busy) break;
    for (const lock of taken) rmSync(lock, { force: true });
    if (!told && onWait && Date.now() - started >= NOTICE_MS) {
      told = true;
      onWait(busy.shownAs, holderOf(busy.lock), WAIT_MS);
    }
    if (Date.now() > deadline) {
      throw new LockBusyError(busy.shownAs, `another briefing command is editing this file.`, `Try again in a moment; if no other command is running, remove ${basename(busy.lock)} beside it.`);
    }
    sleep(Math.min(5 + attempt * 5, 100));
  }
  try {
    // What an edit of this folder killed half-way (SIGKILL, a power cut) left beside its files: git showed it as a new file.
    for (const folder of new Set(unique.map((file) => dirname(file.target)))) sweepInterrupted(folder);
    return edit();
  } finally {
    for (const file of unique) rmSync(file.lock, { force: true });
  }
}

/** The lock file of `target`: `.<name>.lock` beside it. */
function lockOf(target: string): string {
  return join(dirname(target), `.${basename(target)}.lock`);
}

/** Takes the lock, taking over one left by a process that has ended: false while another holds it. */
function takeLock(lock: string, shownAs: string): boolean {
  if (tryLock(lock, shownAs)) return true;
  if (!isStale(lock)) return false;
  removeStale(lock, shownAs);
  return tryLock(lock, shownAs);
}

/**
 * Removes a lock found stale, if it still is once this command alone may remove it. Two commands that
 * found one dead command's lock at the same moment each removed it: the second removed the lock the
 * first had just put there, and both edited the file at once (a clearance lost). Under a second lock
 * file (`.<name>.lock.takeover`), held for a read and a removal, the lock is read again before it goes.
 * A takeover lock left by a command killed in those microseconds is itself stale, and goes.
 */
function removeStale(lock: string, shownAs: string): void {
  const guard = `${lock}.takeover`;
  if (!tryLock(guard, shownAs)) {
    if (isStale(guard)) rmSync(guard, { force: true });
    return;
  }
  try {
    if (isStale(lock)) rmSync(lock, { force: true });
  } finally {
    rmSync(guard, { force: true });
  }
}

/** Takes the lock: false when another process holds it. A lock file it could not write whole is not left behind. */
function tryLock(lock: string, shownAs: string): boolean {
  try {
    writeNewFile(lock, `${process.pid}\n${hostname()}\n`);
    return true;
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EEXIST') return false;
    const name = basename(lock);
    if (code === 'ENOSPC' || code === 'EDQUOT') throw new LockError(shownAs, `cannot be edited, as the disk is full (not even its lock file, ${name}, can be written); nothing written.`, 'Free some space and run the command again.');
    if (code === 'EROFS') throw new LockError(shownAs, `cannot be edited, as ${READ_ONLY_DISK}: not even its lock file, ${name}, can be made there; nothing written.`, 'Have the disk mounted for writing (or work on a copy elsewhere), then run the command again.');
    if (code === 'EACCES' || code === 'EPERM') {
      throw new LockError(shownAs, `cannot be edited, as its folder cannot be written (its lock file, ${name}, cannot be made there); nothing written.`, 'Fix the folder’s permissions, or edit the file where it can be written.');
    }
    throw new LockError(shownAs, `cannot be edited, as its lock file, ${name}, cannot be made (${code ?? String(error)}); nothing written.`, 'Check that the folder can be written.');
  }
}

/**
 * Whether a lock is left over: older than {@link STALE_MS}, or taken by a process of this computer that
 * has ended. A lock another computer took (a project in a folder on a network share) names a process
 * this one cannot see, so only its age tells: taken over at once, it let two `clear`s write one file.
 */
function isStale(lock: string): boolean {
  try {
    const [pid = '', host = ''] = readFileSync(lock, 'utf8').split('\n');
    const owner = Number.parseInt(pid, 10);
    if (Date.now() - statSync(lock).mtimeMs > STALE_MS) return true;
    if (!Number.isInteger(owner) || owner <= 0) return false; // being written just now
    if (host !== '' && host !== hostname()) return false; // another computer's process, alive or not
    return !processExists(owner); // the owner is gone
  } catch {
    return false; // released meanwhile: try again
  }
}

/** Who holds a lock, as its file names them: "process 4711 on ws-12"; undefined when it cannot be read (released meanwhile). */
function holderOf(lock: string): string | undefined {
  try {
    const [pid = '', host = ''] = readFileSync(lock, 'utf8').split('\n');
    if (!/^\d+$/.test(pid)) return undefined;
    return host === '' || host === hostname() ? `process ${pid}` : `process ${pid} on ${host}`;
  } catch {
    return undefined;
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
