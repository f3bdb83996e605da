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
