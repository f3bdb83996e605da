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

// In a file of its own: a stop marks this process as stopping. A folder that could not be emptied at the first try (a
// process just killed still writing, a thread removing it at the same moment) was left behind (CI, 2026-12-06).
it('a stop (Ctrl-C) tries again a conversion folder that could not be emptied at first, and removes it once it can be', (context) => {
  const tmp = tempDir();
  const saved = process.env['TMPDIR'];
  for (const name of ['a', 'b']) {
    mkdirSync(join(tmp, `${folderPrefix()}${name}`, 'profile'), { recursive: true });
    writeFileSync(join(tmp, `${folderPrefix()}${name}`, 'report.docx'), 'PK');
  }
  const folders = readdirSync(tmp);
  const held = join(tmp, folders[0] ?? '', 'report.docx');
  if (!immutable(held, true)) context.skip();
  // Let go of in 0.4 s by a process that is not this one's child (the stop kills its children): in the background of a shell that ends.
  spawnSync('sh', ['-c', `(sleep 0.4; chattr -i '${held}') >/dev/null 2>&1 &`]);
  try {
    process.env['TMPDIR'] = tmp;
    stopConversions();
  } finally {
    immutable(held, false);
    if (saved === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = saved;
  }
  expect(folders.filter((name) => existsSync(join(tmp, name)))).toEqual([]);
});
