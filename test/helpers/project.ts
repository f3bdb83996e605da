import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { parseDocument } from 'yaml';

/** The repository root: holds the example project and the built CLI. */
export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const made: string[] = [];
afterAll(() => {
  while (made.length) rmSync(made.pop() ?? '', { recursive: true, force: true });
});

/** A temporary folder removed after the test. */
export function tempDir(prefix = 'briefing-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/**
 * A copy of the example project (config, registry, meeting, positions) in a temporary
 * folder, with `files` written over it: tests change one thing and keep the rest real.
 */
export function exampleProject(files: Record<string, string> = {}): string {
  const dir = tempDir();
  for (const entry of ['briefing.config.yaml', 'ministries.yaml', 'meetings', 'positions']) {
    cpSync(join(REPO, entry), join(dir, entry), { recursive: true });
  }
  for (const [path, text] of Object.entries(files)) writeFile(dir, path, text);
  return dir;
}

/** Writes a file, creating its folders. */
export function writeFile(dir: string, path: string, text: string): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}

/** Reads a file of the example project, for tests that edit a copy of it. */
export function exampleFile(path: string): string {
  return readFileSync(join(REPO, path), 'utf8');
}

/** The example meeting's path inside a project. */
export const EXAMPLE_MEETING = 'meetings/2021-02-19-educ-informal.yaml';

/** Result of running the real command-line program. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `bin/briefing.js` (the built CLI) as a user would, in `cwd`. */
export function runCli(args: readonly string[], cwd: string, env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [join(REPO, 'bin/briefing.js'), ...args], {
    cwd,
    encoding: 'utf8',
    // COLUMNS unset, as in a shell that does not export it: `list` would lay its table out to an exported one.
    env: { ...process.env, NO_COLOR: '1', COLUMNS: '', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The `clearance` of an example position (positions/educ/<id>.yaml) in `dir`, by ministry. */
export function exampleClearance(dir: string, id: string): Record<string, Record<string, unknown>> {
  return parseDocument(readFileSync(join(dir, `positions/educ/${id}.yaml`), 'utf8')).toJS().clearance;
}
