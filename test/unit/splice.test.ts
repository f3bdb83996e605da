import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scopeFootnotes } from '../../src/resolve/markdown-field.js';
import { scopeLinkDefinitions } from '../../src/resolve/link-scope.js';
import { spliceAll, type TextEdit } from '../../src/util/splice.js';

/** The edits made one at a time from the last to the first, as the scoping functions did before. */
function oneAtATime(text: string, edits: readonly TextEdit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.from - a.from)) result = result.slice(0, edit.from) + edit.text + result.slice(edit.to);
  return result;
}

/** A text and edits that do not overlap and do not share a place, in any order. */
const textWithEdits = fc.string({ maxLength: 60 }).chain((text) =>
  fc
    .uniqueArray(fc.integer({ min: 0, max: text.length }), { maxLength: 12 })
    .chain((cuts) => {
      const sorted = [...cuts].sort((a, b) => a - b);
      const spans = sorted.flatMap((from, index) => (index % 2 === 0 ? [{ from, to: sorted[index + 1] ?? from }] : []));
      return fc.tuple(fc.constant(text), fc.shuffledSubarray(spans, { minLength: spans.length }), fc.array(fc.string({ maxLength: 5 }), { minLength: spans.length, maxLength: spans.length }));
    })
    .map(([text, spans, texts]) => ({ text, edits: spans.map((span, index) => ({ ...span, text: texts[index] ?? '' })) })),
);

describe('spliceAll', () => {
  it('makes every edit, replacing and inserting, whatever order they come in', () => {
    expect(spliceAll('abcdef', [{ from: 4, to: 6, text: 'X' }, { from: 0, to: 0, text: '>' }, { from: 1, to: 2, text: '' }])).toBe('>acdX');
    expect(spliceAll('abc', [])).toBe('abc');
    expect(spliceAll('', [{ from: 0, to: 0, text: 'a' }])).toBe('a');
  });

  it('gives the text that making the edits one at a time gives', () => {
    fc.assert(fc.property(textWithEdits, ({ text, edits }) => spliceAll(text, edits) === oneAtATime(text, edits)), { numRuns: 2000 });
  });
});

describe('scoping a field with many footnotes and link labels', () => {
  it('scopes every one of 1,000 footnotes and 1,000 reference links, in place', () => {
    const count = 1000;
    const footnotes = `${Array.from({ length: count }, (_, index) => `Teksts${index}[^${index}].`).join('\n\n')}\n\n${Array.from({ length: count }, (_, index) => `[^${index}]: Avots ${index}.`).join('\n\n')}`;
    const scoped = scopeFootnotes(footnotes, 'f');
    expect(scoped.match(/\[\^f-\d+\]/g)).toHaveLength(2 * count);
    expect(scoped).toContain('Teksts999[^f-999].');
    expect(scoped).toContain('[^f-999]: Avots 999.');
    const links = `${Array.from({ length: count }, (_, index) => `Saite [x][r${index}] un [r${index}].`).join('\n\n')}\n\n${Array.from({ length: count }, (_, index) => `[r${index}]: https://example.lv/${index}`).join('\n')}`;
    const scopedLinks = scopeLinkDefinitions(links, 's');
    expect(scopedLinks).toContain('Saite [x][s-r999] un [r999][s-r999].');
    expect(scopedLinks).toContain('\n[s-r999]: https://example.lv/999');
  });
});
