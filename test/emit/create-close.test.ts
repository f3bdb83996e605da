import * as fs from 'node:fs';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, vi } from 'vitest';
import { writeNewFile } from '../../src/emit/create.js';
import { tempDir } from '../helpers/project.js';

vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  return { ...actual, closeSync: vi.fn(actual.closeSync) };
});

// A file system may say only at the close that the bytes did not fit (a quota on NFS): the file was left cut off,
// and the next new or import refused it as one that exists (found by the read-only review).
test('a new file whose close fails is removed, not left cut off', () => {
  const dir = tempDir();
  const target = join(dir, 'position.yaml');
  vi.mocked(fs.closeSync).mockImplementationOnce(() => {
    throw Object.assign(new Error('EDQUOT: disk quota exceeded, close'), { code: 'EDQUOT' });
  });
  expect(() => writeNewFile(target, 'id: x\n')).toThrow(/EDQUOT/);
  expect(existsSync(target)).toBe(false);
  expect(readdirSync(dir)).toEqual([]);
  // Written whole, it stays.
  writeNewFile(target, 'id: x\n');
  expect(fs.readFileSync(target, 'utf8')).toBe('id: x\n');
});
