import { describe, expect, it } from 'vitest';
import { rebaseText } from '../../src/review/rebase.js';

describe('rebaseText', () => {
  it('carries a change onto a text changed elsewhere', () => {
    expect(rebaseText('A\n\nX\n\nB\n\nC\n', 'A\n\nY\n\nB\n\nC\n', 'A\n\nX\n\nB\n\nC2\n')).toEqual({ text: 'A\n\nY\n\nB\n\nC2\n', conflicts: [] });
  });

  it('finds a change the current text already holds (the same DOCX accepted before for another ministry) no conflict', () => {
    expect(rebaseText('A\n\nX\n\nB\n', 'A\n\nY\n\nB\n', 'A\n\nY\n\nB\n')).toEqual({ text: 'A\n\nY\n\nB\n', conflicts: [] });
    expect(rebaseText('A\n\nX\n\nB\n\nC\n', 'A\n\nY\n\nB\n\nC\n', 'A\n\nY\n\nB\n\nC2\n')).toEqual({ text: 'A\n\nY\n\nB\n\nC2\n', conflicts: [] });
    expect(rebaseText('A\n\nX\n\nB\n', 'A\n\nB\n', 'A\n\nB\n')).toEqual({ text: 'A\n\nB\n', conflicts: [] });
  });

  // Its reverse "applied" (a blank line and B are next to each other in any text with B), so it was taken for written.
  it('does not take a deleted paragraph reworded since for a deletion already made: it is a conflict', () => {
    expect(rebaseText('A\n\nX\n\nB\n', 'A\n\nB\n', 'A\n\nX2\n\nB\n')).toEqual({ text: 'A\n\nX2\n\nB\n', conflicts: [{ lines: ['-X', '-'] }] });
  });
});
