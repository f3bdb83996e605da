import { expect, it } from 'vitest';
import { formatReview } from '../../src/cli/review-format.js';
import type { FieldOutcome, ReviewResult } from '../../src/review/review-result.js';

const plain = { red: (t: string) => t, green: (t: string) => t, dim: (t: string) => t, bold: (t: string) => t };

/** Position `a`'s body changed from the paragraphs `before` to `after`, by nobody named, nothing written. */
function bodyChange(before: string[], after: string[]): FieldOutcome {
  return {
    field: { kind: 'position', id: 'a', version: 1, field: 'body', file: 'positions/a.yaml' },
    before,
    after,
    revisions: [],
    byAuthor: [],
    takenBack: [],
    comments: [],
    formatting: [],
    notes: [],
    lost: [],
    conflicts: [],
    current: before.join('\n\n'),
    accepted: after.join('\n\n'),
    written: false,
  };
}

/** A review of one field, with no problems. */
function reviewOf(field: FieldOutcome): ReviewResult {
  return { docx: 'r.docx', meeting: 'meetings/m.yaml', ministry: null, fields: [field], outside: [], diagnostics: [], exitCode: 0 };
}

it('shows control characters a reviewer’s text holds as escapes in the word diff, not as they are (U+009B starts an escape in some terminals)', () => {
  // The other lines of the listing escaped them; the diff lines printed the DOCX's text as it was.
  const lines = formatReview(reviewOf(bodyChange(['Teksts.'], ['Teksts.\u009b2J\u009d0;t', 'Jauns.'])), plain);
  expect(lines.join('\n')).not.toMatch(/[\u0080-\u009f]/);
  expect(lines.slice(2)).toEqual(['position a v1 (positions/a.yaml) body', '  Teksts.{+\\u009b2J\\u009d0;t¶+}', '  {+Jauns.+}']);
});

it('lists a field with more word changes than one comparison takes paragraph by paragraph, not as every paragraph removed and written again', () => {
  // 1,500 paragraphs, a word changed in each of the first 600: beyond the edit limit of one word diff of the whole field.
  const before = Array.from({ length: 1500 }, (_, n) => `Rindkopa ${n} ar vārdiem par izglītību un skolām, kas nemainās.`);
  const after = before.map((text, n) => (n < 600 ? text.replace('skolām', 'pedagogiem') : text));
  const diffLines = formatReview(reviewOf(bodyChange(before, after)), plain).filter((line) => line.includes('[-') || line.includes('{+'));
  expect(diffLines).toHaveLength(600);
  expect(diffLines[0]).toBe('  Rindkopa 0 ar vārdiem par izglītību un [-skolām-]{+pedagogiem+}, kas nemainās.');
  expect(diffLines[599]).toBe('  Rindkopa 599 ar vārdiem par izglītību un [-skolām-]{+pedagogiem+}, kas nemainās.');
});
