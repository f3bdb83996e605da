import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { exampleProject, runCli, type CliRun } from './project.js';

/** A copy of the example project without its meetings and positions: where an imported report lands. */
export function emptyProject(): string {
  const dir = exampleProject();
  rmSync(join(dir, 'meetings'), { recursive: true });
  rmSync(join(dir, 'positions'), { recursive: true });
  return dir;
}

/**
 * Runs `briefing import <docx> --slug educ-informal` in an {@link emptyProject}: the run, the project,
 * and the `body` of every position it wrote, in file-name order, one after another.
 */
export function importReport(docx: string): { run: CliRun; dir: string; bodies: string } {
  const dir = emptyProject();
  const run = runCli(['import', docx, '--slug', 'educ-informal'], dir);
  const folder = join(dir, 'positions/educ-informal');
  const names = run.status === 0 ? readdirSync(folder).sort() : [];
  const bodies = names.map((name) => String(parseDocument(readFileSync(join(folder, name), 'utf8')).get('body'))).join('\n');
  return { run, dir, bodies };
}
