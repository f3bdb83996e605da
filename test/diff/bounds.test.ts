import { diffArrays } from 'diff';
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignKeys } from '../../src/diff/align.js';
import { exampleFile, exampleProject, runCli } from '../helpers/project.js';

const POSITION = 'positions/educ/equity-achievements.yaml';

/** The example position with `body` holding `paragraphs`, one after another. */
function withBody(paragraphs: readonly string[]): string {
  return exampleFile(POSITION).replace(/^body: \|\n/m, `body: |\n  ${paragraphs.join('\n\n  ')}\n\n`);
}

/** What a change list says `before` and `after` were. */
function sides(changes: ReturnType<typeof alignKeys>): { before: string[]; after: string[] } {
  return {
    before: changes.flatMap((change) => (change.added ? [] : change.value)),
    after: changes.flatMap((change) => (change.removed ? [] : change.value)),
  };
}

describe('the bounds on comparing two versions', () => {
  it('aligns as the diff library does while the work is bounded, and else gives one removal and one addition', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'ā'), { maxLength: 40 }), fc.array(fc.constantFrom('a', 'b', 'c', 'ā'), { maxLength: 40 }), (before, after) => {
        expect(alignKeys(before, after)).toEqual(diffArrays(before, after));
      }),
      { numRuns: 500 },
    );
    // `a b` 15,000 times against `b a c` 10,000 times: every step of the algorithm is taken (14 s for such a paragraph).
    const before = Array.from({ length: 30_000 }, (_, i) => (i % 2 ? 'b' : 'a'));
    const after = Array.from({ length: 30_000 }, (_, i) => ['b', 'a', 'c'][i % 3] ?? '');
    const changes = alignKeys(before, after);
    expect(changes.map((change) => [change.removed, change.added, change.count])).toEqual([
      [true, false, 30_000],
      [false, true, 30_000],
    ]);
    expect(sides(changes)).toEqual({ before, after });
  });

  it('pairs rewritten paragraphs in order when there are too many to weigh every pairing', () => {
    // 600 paragraphs removed and 600 added between the same unchanged ones: 360,000 pairings, over the 250,000 weighed.
    const count = 600;
    const dir = exampleProject();
    writeFileSync(join(dir, 'old.yaml'), withBody(Array.from({ length: count }, (_, i) => `Vecais vārds${i} teksts.`)));
    writeFileSync(join(dir, 'new.yaml'), withBody(Array.from({ length: count }, (_, i) => `Jaunais vārds${i} teksts.`)));
    const run = runCli(['diff', 'old.yaml', 'new.yaml', '--format', 'md'], dir);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout.match(/^\{~~Vecais~>Jaunais~~\} vārds\d+ teksts\.$/gm)).toHaveLength(count);
    expect(run.stdout).toContain('{~~Vecais~>Jaunais~~} vārds599 teksts.');
  });
});
