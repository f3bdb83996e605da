import { describe, expect, it } from 'vitest';
import { lastChanges, parseLog, parseMoves } from '../../src/list/follow.js';

// What `git log --format=%x01%cs %H %P --name-status -M100% --cc -z` writes: a commit of one parent, a merge, the first commit.
const LOG =
  '\x012021-03-04 m1 c3 s1\0\0MM\0p/b.yaml\0' +
  '\x012021-03-03 c3 c2\0\nR100\0p/old.yaml\0p/new.yaml\0M\0p/b.yaml\0' +
  '\x012021-03-02 c2 c1\0\nM\0p/old.yaml\0A\0p/c.yaml\0' +
  '\x012021-03-01 c1\0\nA\0p/old.yaml\0A\0p/b.yaml\0';

describe('the history list dates positions by', () => {
  it('is read commit by commit: a move with both names, a merge with one per file', () => {
    const commits = parseLog(LOG);
    expect(commits.map((c) => [c.day, c.hash, c.parents])).toEqual([
      ['2021-03-04', 'm1', ['c3', 's1']],
      ['2021-03-03', 'c3', ['c2']],
      ['2021-03-02', 'c2', ['c1']],
      ['2021-03-01', 'c1', []],
    ]);
    expect(commits[0]?.changes).toEqual([{ status: 'MM', path: 'p/b.yaml' }]);
    expect(commits[1]?.changes).toEqual([
      { status: 'R100', path: 'p/new.yaml', from: 'p/old.yaml' },
      { status: 'M', path: 'p/b.yaml' },
    ]);
  });

  it('dates a file moved unchanged by its text under its earlier name; an add of one parent is marked as one a commit may have moved in', () => {
    const found = lastChanges(parseLog(LOG), new Map([['p/new.yaml', 'new'], ['p/b.yaml', 'b'], ['p/c.yaml', 'c']]));
    expect(found.get('new')).toEqual({ day: '2021-03-02', hash: 'c2', path: 'p/old.yaml', added: false });
    expect(found.get('b')).toEqual({ day: '2021-03-04', hash: 'm1', path: 'p/b.yaml', added: false });
    expect(found.get('c')).toEqual({ day: '2021-03-02', hash: 'c2', path: 'p/c.yaml', added: true });
  });

  it('reads the moves of `git diff-tree --stdin --diff-filter=R -z` by commit, new name to earlier', () => {
    const output = 'c2\0R100\0q/c.yaml\0p/c.yaml\0R100\0q/d.yaml\0p/d.yaml\0c9\0R100\0x.yaml\0y.yaml\0';
    expect(parseMoves(output, new Set(['c2', 'c9']))).toEqual(
      new Map([
        ['c2', new Map([['p/c.yaml', 'q/c.yaml'], ['p/d.yaml', 'q/d.yaml']])],
        ['c9', new Map([['y.yaml', 'x.yaml']])],
      ]),
    );
  });
});
