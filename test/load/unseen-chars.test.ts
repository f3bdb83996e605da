import { expect, test } from 'vitest';
import { check } from '../../src/commands/check.js';
import { baseProject, baseText as base } from '../helpers/corpus.js';

const MEETING = 'meetings/2021-05-17-youth.yaml';

// A code or an id pasted from Word, a PDF or a web page may carry a no-break space, a zero-width space or a
// byte-order mark, which no editor shows: the message said `"LM"` is not a code "such as … LM", or that the
// position `youth-participation` does not exist, "Did you mean `youth-participation`?".
test('a value refused for a character that does not show names it, and says to delete it', async () => {
  const text = base(MEETING)
    .replace('required_clearances: [AM, LM]', 'required_clearances: [AM, LM\uFEFF]')
    .replace('kind: formal', 'kind: formal\u00A0')
    .replace('    position: youth-participation', '    position: youth-participation\u200B');
  const found = (await check({ cwd: baseProject({ [MEETING]: text }), paths: [MEETING], final: false })).diagnostics.filter((d) => d.severity === 'error');
  const unseen = (what: string) => `Delete ${what}, which does not show in an editor: text pasted from Word, a PDF or a web page brings such characters.`;
  expect(found.map((d) => [d.ruleId, d.message, d.hint])).toEqual([
    ['schema/enum', '`kind` is "formal<U+00A0>" (with a no-break space, U+00A0), which is not one of: formal, informal.', unseen('the no-break space (U+00A0)')],
    ['schema/format', '`required_clearances[1]` is "LM<U+FEFF>" (with a byte-order mark, U+FEFF): a ministry code is a short ASCII code such as AM, LM or IZM.', unseen('the byte-order mark (U+FEFF)')],
  ]);
  // Once the schema takes the file, a question's position id with a zero-width space is named the same way.
  const idOnly = base(MEETING).replace('    position: youth-participation', '    position: youth-participation\u200B');
  const unknown = (await check({ cwd: baseProject({ [MEETING]: idOnly }), paths: [MEETING], final: false })).diagnostics.filter((d) => d.severity === 'error');
  expect(unknown.map((d) => [d.ruleId, d.message, d.hint])).toEqual([
    ['meeting/unknown-position', 'Question 1 points to the position `youth-participation<U+200B>` (with a zero-width space, U+200B), which does not exist.', unseen('the zero-width space (U+200B)')],
  ]);
});

test('a key with a character that does not show before it (a byte-order mark left mid-file by files put together) is named so', async () => {
  const position = 'positions/youth/youth-participation.yaml';
  const text = base(position).replace('\nbody: |', '\n\uFEFFbody: |');
  const found = (await check({ cwd: baseProject({ [position]: text }), paths: [position], final: false })).diagnostics.filter((d) => d.ruleId === 'schema/unknown-key');
  expect(found.map((d) => [d.message, d.hint])).toEqual([
    [
      'Unknown field `<U+FEFF>body` (with a byte-order mark, U+FEFF) in this position.',
      'Delete the byte-order mark (U+FEFF), which does not show in an editor: text pasted from Word, a PDF or a web page brings such characters.',
    ],
  ]);
});

test('a ministry code as a key with a character that does not show (a no-break space pasted after it) is named so, and the hint says to delete it', async () => {
  const position = 'positions/youth/youth-participation.yaml';
  const text = base(position).replace('\n  LM:', '\n  LM\u00A0:');
  const found = (await check({ cwd: baseProject({ [position]: text }), paths: [position], final: false })).diagnostics.filter((d) => d.ruleId === 'schema/key-format');
  expect(found.map((d) => [d.message, d.hint])).toEqual([
    [
      '`LM<U+00A0>` (with a no-break space, U+00A0) is not a valid key here: a ministry code is a short ASCII code such as AM, LM or IZM.',
      'Delete the no-break space (U+00A0), which does not show in an editor: text pasted from Word, a PDF or a web page brings such characters.',
    ],
  ]);
});

test('a version with a no-break space after it is no number, and the hint says to delete the space', async () => {
  const position = 'positions/youth/youth-participation.yaml';
  const text = base(position).replace(/^version: (\d+)$/m, 'version: $1\u00A0');
  const found = (await check({ cwd: baseProject({ [position]: text }), paths: [position], final: false })).diagnostics.filter((d) => d.ruleId === 'schema/type');
  expect(found.map((d) => d.hint)).toEqual(['Delete the no-break space (U+00A0), which does not show in an editor: text pasted from Word, a PDF or a web page brings such characters.']);
});

// A Russian keyboard layout, or a code copied from a Cyrillic document, types "АМ" (Cyrillic) for the code AM,
// a Cyrillic "е" in an id: the message quoted the value as it is, which reads as the right one, and offered
// `Did you mean \`IZ\`?`, the value with the letter left out; the meeting named "the id `youth-pаrticipation`".
test('a Cyrillic letter that looks like a Latin one in a code or an id is written out, and the hint names the Latin letter', async () => {
  const position = 'positions/youth/youth-participation.yaml';
  const text = base(position).replace('ministry: IZM', 'ministry: IZ\u041C').replace('id: youth-participation', 'id: youth-p\u0430rticipation').replace('\n  LM:', '\n  \u0410\u041C:');
  const dir = baseProject({ [position]: text });
  const found = (await check({ cwd: dir, paths: [], final: false })).diagnostics.filter((d) => d.severity === 'error');
  const latin = (latin: string, char: string, code: string) =>
    `Write the Latin “${latin}” in place of the Cyrillic “${char}” (${code}): the two look the same, but briefing tells them apart. A Russian or Greek keyboard layout, or text pasted from a document in those letters, brings them.`;
  expect(found.map((d) => [d.file, d.ruleId, d.message, d.hint])).toEqual([
    [
      MEETING,
      'meeting/unknown-position',
      'Question 1 points to the position `youth-participation`, which does not exist.',
      'positions/youth/youth-participation.yaml has the id `youth-p<U+0430>rticipation` (with a Cyrillic “а” that looks like the Latin “a”, U+0430): give it the id `youth-participation` (by convention a position\'s id is its file name).',
    ],
    [
      position,
      'schema/format',
      '`id` is "youth-p<U+0430>rticipation" (with a Cyrillic “а” that looks like the Latin “a”, U+0430): an id starts with a letter a–z or a digit, then letters a–z (no ā or š), digits, ".", "_" and "-".',
      latin('a', 'а', 'U+0430'),
    ],
    [
      position,
      'schema/format',
      '`owner.ministry` is "IZ<U+041C>" (with a Cyrillic “М” that looks like the Latin “M”, U+041C): a ministry code is a short ASCII code such as AM, LM or IZM.',
      latin('M', 'М', 'U+041C'),
    ],
    [
      position,
      'schema/key-format',
      '`<U+0410><U+041C>` (with a Cyrillic “А” that looks like the Latin “A”, U+0410 and a Cyrillic “М” that looks like the Latin “M”, U+041C) is not a valid key here: a ministry code is a short ASCII code such as AM, LM or IZM.',
      `${latin('A', 'А', 'U+0410').split(':')[0]}, and ${latin('M', 'М', 'U+041C').replace('Write ', '')}`,
    ],
  ]);
});
