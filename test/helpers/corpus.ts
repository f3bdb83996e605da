import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, tempDir, writeFile } from './project.js';

/** The small valid project every corpus case changes one thing in. */
export const CHECK_BASE = join(REPO, 'test/fixtures/check-base');

/** A copy of the base project in a temporary folder, with `files` (path → text) written over it. */
export function baseProject(files: Record<string, string>): string {
  const dir = tempDir();
  cpSync(CHECK_BASE, dir, { recursive: true });
  for (const [path, text] of Object.entries(files)) writeFile(dir, path, text);
  return dir;
}

/** A file of the base project, as text. */
export function baseText(path: string): string {
  return readFileSync(join(CHECK_BASE, path), 'utf8');
}

/**
 * One case of a corpus folder (`test/fixtures/invalid/<case>/`):
 * - `files/`    files written over the base project (the one mistake);
 * - `delete`    base files to remove, one per line (optional);
 * - `git-head/` files committed at git HEAD before `files/` is applied (optional);
 * - `args`      extra arguments for `briefing check`, one per line (optional);
 * - `expected.txt` the golden output of `briefing check`, then `exit <code>`.
 */
export interface CorpusCase {
  name: string;
  folder: string;
  args: string[];
  expectedFile: string;
}

/** The cases of a corpus folder, sorted by name. */
export function corpusCases(corpus: string): CorpusCase[] {
  const root = join(REPO, 'test/fixtures', corpus);
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const folder = join(root, name);
      return { name, folder, args: lines(join(folder, 'args')), expectedFile: join(folder, 'expected.txt') };
    });
}

/** Builds the case's project in a temporary folder: base, then git history if any, then the mistake. */
export function corpusProject(testCase: CorpusCase): string {
  const dir = tempDir('briefing-corpus-');
  cpSync(CHECK_BASE, dir, { recursive: true });
  const head = join(testCase.folder, 'git-head');
  if (existsSync(head)) {
    cpSync(head, dir, { recursive: true });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
    git('init', '--quiet');
    git('add', '--all');
    git('-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', 'commit', '--quiet', '--no-gpg-sign', '-m', 'head');
  }
  for (const path of lines(join(testCase.folder, 'delete'))) rmSync(join(dir, path), { force: true });
  const files = join(testCase.folder, 'files');
  if (existsSync(files)) cpSync(files, dir, { recursive: true });
  return dir;
}

/** Compares with the golden file, or rewrites it when UPDATE_GOLDEN=1. */
export function readGolden(path: string, actual: string): string {
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, actual);
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}

function lines(path: string): string[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}
