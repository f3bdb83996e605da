import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { expect, test, vi } from 'vitest';
import { withFileLock, withFileLocks } from '../../src/emit/lock.js';
import { tempDir } from '../helpers/project.js';

/** The process that died holding the lock, and the one of another command that is editing the file now. */
const DEAD = 99_999_999;
const OTHER = 424_242;

const other = { took: false, released: false, askedAlive: 0, lock: '' };

// Whether a process runs is asked between reading a lock and removing it: the moment another command can take it over.
vi.mock('../../src/util/process.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/util/process.js')>();
  return {
    ...actual,
    processExists: (pid: number) => {
      if (pid === DEAD) {
        if (!other.took) {
          // Another command found the same dead lock a moment earlier, removed it and took the file.
          other.took = true;
          rmSync(other.lock, { force: true });
          writeFileSync(other.lock, `${OTHER}\n`);
        }
        return false;
      }
      if (pid === OTHER) {
        other.askedAlive += 1;
        // It ends its edit after a few looks, as a `clear` does in milliseconds.
        if (other.askedAlive === 3) {
          rmSync(other.lock, { force: true });
          other.released = true;
        }
        return true;
      }
      return actual.processExists(pid);
    },
  };
});

test('a dead command’s lock taken over by another command at the same moment: this one waits for that one, and does not edit beside it', () => {
  const dir = tempDir();
  const target = join(dir, 'position.yaml');
  writeFileSync(target, 'id: x\n');
  other.lock = join(dir, '.position.yaml.lock');
  writeFileSync(other.lock, `${DEAD}\n`);
  // The lock was judged stale from its old text, then removed after the other command had put its own there: both edited the file at once, and one clearance was lost.
  const heldByOtherDuringEdit = withFileLock(target, 'position.yaml', () => other.took && !other.released);
  expect(heldByOtherDuringEdit).toBe(false);
  expect(other.released).toBe(true);
  expect(existsSync(other.lock)).toBe(false);
  expect(readFileSync(target, 'utf8')).toBe('id: x\n');
});

test('a takeover left half-done by a command killed in it: the next command takes the lock over all the same, and leaves no lock file', () => {
  const dir = tempDir();
  const target = join(dir, 'position.yaml');
  writeFileSync(target, 'id: x\n');
  const lock = join(dir, '.position.yaml.lock');
  writeFileSync(lock, `${DEAD + 1}\n`);
  writeFileSync(`${lock}.takeover`, `${DEAD + 1}\n`);
  expect(withFileLock(target, 'position.yaml', () => 'edited')).toBe('edited');
  expect(readdirSync(dir)).toEqual(['position.yaml']);
});

test('a fresh lock with no process in it yet (a command writing it just now) is waited for, not taken over', () => {
  const dir = tempDir();
  const target = join(dir, 'position.yaml');
  writeFileSync(target, 'id: x\n');
  const lock = join(dir, '.position.yaml.lock');
  writeFileSync(lock, '');
  const waited: unknown[][] = [];
  // Told after a second of waiting, the other command is done: its lock goes.
  const onWait = (...args: unknown[]) => {
    waited.push(args);
    rmSync(lock, { force: true });
  };
  const heldDuringEdit = withFileLocks([{ target, shownAs: 'position.yaml' }], () => readFileSync(lock, 'utf8'), onWait);
  expect(waited).toEqual([['position.yaml', undefined, 15_000]]);
  expect(heldDuringEdit).toBe(`${process.pid}\n${hostname()}\n`);
  expect(readdirSync(dir)).toEqual(['position.yaml']);
});

test('a lock a live command holds past the wait is given up on: a LockError names the file and the lock to remove', () => {
  const dir = tempDir();
  const target = join(dir, 'position.yaml');
  writeFileSync(target, 'id: x\n');
  const lock = join(dir, '.position.yaml.lock');
  writeFileSync(lock, `${process.pid}\n${hostname()}\n`);
  // Each look at the clock half a second on: the 15 s go by in a moment.
  let now = Date.now();
  const clock = vi.spyOn(Date, 'now').mockImplementation(() => (now += 500));
  try {
    expect(() => withFileLock(target, 'position.yaml', () => 'edited')).toThrow(
      expect.objectContaining({ message: 'position.yaml: another briefing command is editing this file.', hint: 'Try again in a moment; if no other command is running, remove .position.yaml.lock beside it.' }),
    );
  } finally {
    clock.mockRestore();
  }
  expect(readFileSync(lock, 'utf8')).toBe(`${process.pid}\n${hostname()}\n`);
});
