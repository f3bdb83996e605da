import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stopConversions } from '../../src/pdf/conversion-stop.js';
import { folderPrefix } from '../../src/pdf/run-folder.js';
import { tempDir } from './project.js';

/** Makes a file immutable (`chattr +i`, root on a file system that has it): its folder cannot be emptied. */
export function immutable(path: string, on: boolean): boolean {
  return spawnSync('chattr', [on ? '+i' : '-i', path]).status === 0;
}

/** A temporary folder holding conversion folders of this process named `names` (each with a report), listed as a stop lists them. */
export function conversionFolders(names: readonly string[]): { tmp: string; folders: string[] } {
  const tmp = tempDir();
  for (const name of names) {
    mkdirSync(join(tmp, `${folderPrefix()}${name}`, 'profile'), { recursive: true });
    writeFileSync(join(tmp, `${folderPrefix()}${name}`, 'report.docx'), 'PK');
  }
  return { tmp, folders: readdirSync(tmp) };
}

/** Stops the conversions with TMPDIR at `tmp`, then lets go of `held` (made immutable before) and puts TMPDIR back. */
export function stopIn(tmp: string, held: string): void {
  const saved = process.env['TMPDIR'];
  try {
    process.env['TMPDIR'] = tmp;
    stopConversions();
  } finally {
    immutable(held, false);
    if (saved === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = saved;
  }
}
