import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, vi } from 'vitest';
import { withFileLock } from '../../src/emit/lock.js';
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
