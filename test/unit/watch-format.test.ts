import { Chalk } from 'chalk';
import { expect, test } from 'vitest';
import type { BuildOnce } from '../../src/watch/build-once.js';
import { formatWatchEvent } from '../../src/watch/format.js';

test('watch says which earlier outputs it removed or left, as build does', () => {
  // What the line is made of; the project does not come into it.
  const result = {
    status: 'built' as const,
    draft: false,
    outputs: ['out/X.md', 'out/X.docx', 'out/X.manifest.json'],
    heldOpen: [],
    removed: ['out/X.pdf'],
    left: ['out/X.notes.pdf'],
    diagnostics: [],
    inputs: [],
  } as unknown as BuildOnce;
  const lines = formatWatchEvent({ kind: 'build', run: 2, changed: ['positions/a.yaml'], result }, 'meetings/x.yaml', '10:00:00', new Chalk({ level: 0 }));
  expect(lines.map((line) => line.text)).toContain(
    "built  meetings/x.yaml → out/X.md, out/X.docx, out/X.manifest.json; removed out/X.pdf (an earlier build's, which this one did not write: name every format you want kept with --format); out/X.notes.pdf is an earlier build's, out of date, and was changed since or is held open: left as it is",
  );
});

test('a failed rebuild names the files it replaced all the same (old versions that could not be put back), as build does', () => {
  const result = { status: 'failed' as const, draft: false, outputs: ['out/X.md'], heldOpen: [], diagnostics: [], inputs: [] } as unknown as BuildOnce;
  const lines = formatWatchEvent({ kind: 'build', run: 2, changed: ['positions/a.yaml'], result }, 'meetings/x.yaml', '10:00:00', new Chalk({ level: 0 }));
  expect(lines.map((line) => line.text)).toContain('failed meetings/x.yaml: only partly written (out/X.md replaced). Still watching: fix it and save again.');
});
