import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { staleDist } from '../helpers/fresh-dist.js';
import { tempDir, writeFile } from '../helpers/project.js';

/** A checkout with two sources and a build, each file dated `seconds` since the epoch. */
function checkout(dates: Record<string, number>): string {
  const dir = tempDir();
  for (const [path, seconds] of Object.entries(dates)) {
    writeFile(dir, path, '');
    utimesSync(join(dir, path), seconds, seconds);
  }
  return dir;
}

test('dist/ is out of date when a source under src/ or the build script is newer than its last build, or it was never built', () => {
  expect(staleDist(checkout({ 'src/a.ts': 1000, 'src/b/c.ts': 1000, 'scripts/build.js': 1000, 'dist/build.json': 2000 }))).toBeUndefined();
  expect(staleDist(checkout({ 'src/a.ts': 1000, 'src/b/c.ts': 3000, 'scripts/build.js': 1000, 'dist/build.json': 2000 }))).toBe('src/b/c.ts');
  expect(staleDist(checkout({ 'src/a.ts': 1000, 'scripts/build.js': 3000, 'dist/build.json': 2000 }))).toBe('scripts/build.js');
  expect(staleDist(checkout({ 'src/a.ts': 1000 }))).toBe('dist/build.json');
  // Other files (a test, a doc) do not go into dist/.
  expect(staleDist(checkout({ 'src/a.ts': 1000, 'test/a.test.ts': 3000, 'docs/a.md': 3000, 'dist/build.json': 2000 }))).toBeUndefined();
});
