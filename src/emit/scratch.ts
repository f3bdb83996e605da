import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A private temporary folder holding a past version of a project; removed by `dispose`. */
export interface ScratchFolder {
  root: string;
  dispose(): void;
}

/**
 * Writes files (project-relative `/` paths → text) into a new temporary folder, so that
 * an old version of a project can go through the same loaders as the current one.
 */
export function scratchFolder(files: ReadonlyMap<string, string>): ScratchFolder {
  const root = mkdtempSync(join(tmpdir(), 'briefing-version-'));
  try {
    for (const [path, text] of files) {
      if (path.split('/').includes('..')) throw new Error(`scratchFolder: ${path} leaves the folder`);
      const target = join(root, ...path.split('/'));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return { root, dispose: () => rmSync(root, { recursive: true, force: true }) };
}
