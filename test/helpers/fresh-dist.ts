import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { globSync } from 'tinyglobby';
import type { TestProject } from 'vitest/node';

/**
 * The sources dist/ is made from, newer than its last build: the first of them (a path from `root`),
 * `dist/build.json` when there is no build, or undefined when dist/ is up to date.
 */
export function staleDist(root: string): string | undefined {
  let built: number;
  try {
    built = statSync(join(root, 'dist/build.json')).mtimeMs;
  } catch {
    return 'dist/build.json';
  }
  return globSync(['src/**/*.ts', 'scripts/build.js'], { cwd: root })
    .sort()
    .find((path) => statSync(join(root, path)).mtimeMs > built);
}

/** Builds dist/ again when a source is newer than it, saying so. */
function buildWhenStale(): void {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const newer = staleDist(root);
  if (newer === undefined) return;
  console.log(`dist/ is older than ${newer}: building it again (node scripts/build.js).`);
  execFileSync(process.execPath, ['scripts/build.js'], { cwd: root, stdio: 'inherit' });
}

/**
 * vitest's global setup: builds dist/ again when a source is newer than it, before the tests and, in
 * watch mode, before each run again. The tests that run the command (runCli) and the batch's worker
 * threads run dist/, not src/: a test file run alone after a change in src/ (`npx vitest run
 * test/x.test.ts`, which runs no `pretest`) tested the last build.
 */
export default function setup(project: TestProject): void {
  buildWhenStale();
  project.onTestsRerun(() => buildWhenStale());
}
