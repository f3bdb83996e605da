import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { stopConversions } from '../../src/pdf/convert.js';
import { folderPrefix } from '../../src/pdf/run-folder.js';
import { tempDir } from '../helpers/project.js';

/** Makes a file immutable (`chattr +i`, root on a file system that has it): its folder cannot be emptied. */
function immutable(path: string, on: boolean): boolean {
  return spawnSync('chattr', [on ? '+i' : '-i', path]).status === 0;
}

// In a file of its own: a stop marks this process as stopping, after which no conversion starts.
it('a stop (Ctrl-C) removes every conversion folder of the process, though the first it comes to cannot be emptied', (context) => {
  const tmp = tempDir();
  const saved = process.env['TMPDIR'];
  for (const name of ['a', 'b', 'c', 'd']) {
    mkdirSync(join(tmp, `${folderPrefix()}${name}`, 'profile'), { recursive: true });
    writeFileSync(join(tmp, `${folderPrefix()}${name}`, 'report.docx'), 'PK');
  }
  // The first in the order the folder is listed, as the stop lists it: one try for them all stopped there.
  const [first, ...rest] = readdirSync(tmp);
  const held = join(tmp, first ?? '', 'report.docx');
  if (!immutable(held, true)) context.skip();
  try {
    process.env['TMPDIR'] = tmp;
    stopConversions();
  } finally {
    immutable(held, false);
    if (saved === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = saved;
  }
  expect(rest).toHaveLength(3);
  expect(rest.filter((name) => existsSync(join(tmp, name)))).toEqual([]);
  expect(existsSync(held)).toBe(true);
});
