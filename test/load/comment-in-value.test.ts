import { expect, test } from 'vitest';
import { check } from '../../src/commands/check.js';
import { baseProject, baseText as base } from '../helpers/corpus.js';

const MEETING = 'meetings/2021-05-17-youth.yaml';

// A plain (unquoted) value ends where " #" starts a comment: a hashtag or "#1" pasted into a question was cut off
// there, and the report printed the question's first half with no word from check.
test('a comment that starts right after a value with a word or a number ("#ES2030", "#1") is a warning: the value ends before it', async () => {
  const text = base(MEETING).replace('  - text: Kā dalībvalstis iesaista jauniešus politikas veidošanā?', '  - text: Kā dalībvalstis iesaista jauniešus, ņemot vērā #EUYouthStrategy un #1 prioritāti?');
  const dir = baseProject({ [MEETING]: text });
  const lines = text.split('\n');
  const line = lines.findIndex((one) => one.includes('#EUYouthStrategy')) + 1;
  const column = (lines[line - 1] ?? '').indexOf('#') + 1;
  const found = (await check({ cwd: dir, paths: [], final: false })).diagnostics.filter((d) => d.ruleId === 'yaml/comment-in-value');
  expect(found.map((d) => [d.file, d.line, d.column, d.severity, d.message, d.hint])).toEqual([
    [
      MEETING,
      line,
      column,
      'warning',
      'YAML reads “#EUYouthStrategy un #1 prioritāti?” as a comment, as it follows a space: the value ends at “ņemot vērā”, and the report leaves the rest out.',
      'Put the whole value in quotation marks: "Kā dalībvalstis iesaista jauniešus, ņemot vērā #EUYouthStrategy un #1 prioritāti?" (or, if it is meant as a comment, write a space after the #).',
    ],
  ]);
  // A comment written as one (a space after #), a value quoted, and a # inside a word are not reported.
  const fine = base(MEETING)
    .replace('topic: Jauniešu līdzdalība lēmumu pieņemšanā', 'topic: Jauniešu līdzdalība lēmumu pieņemšanā # jāprecizē')
    .replace('  - text: Kā dalībvalstis iesaista jauniešus politikas veidošanā?', '  - text: "Kā dalībvalstis iesaista jauniešus (#1)? #ES"');
  expect((await check({ cwd: baseProject({ [MEETING]: fine }), paths: [], final: false })).diagnostics.filter((d) => d.ruleId === 'yaml/comment-in-value')).toEqual([]);
});

// A value wrapped over lines ends too at a line that starts with such a comment: "ņemot vērā" / "#ES2030 prioritāti?" printed
// the question without its last line (left by the pasted-text run).
test('a line of a wrapped value that starts with such a comment is a warning too; a comment at the level of the keys is not', async () => {
  const question = '  - text: Kā dalībvalstis iesaista jauniešus politikas veidošanā?';
  const text = base(MEETING).replace(question, '  - text: Kā dalībvalstis iesaista jauniešus,\n      ņemot vērā\n      #ES2030 prioritāti?');
  const lines = text.split('\n');
  const line = lines.findIndex((one) => one.includes('#ES2030')) + 1;
  const found = (await check({ cwd: baseProject({ [MEETING]: text }), paths: [], final: false })).diagnostics.filter((d) => d.ruleId === 'yaml/comment-in-value');
  expect(found.map((d) => [d.line, d.column, d.message, d.hint])).toEqual([
    [
      line,
      7,
      'YAML reads “#ES2030 prioritāti?” as a comment, as it starts a line: the value ends at “ņemot vērā”, and the report leaves the rest out.',
      'Put the whole value in quotation marks: "Kā dalībvalstis iesaista jauniešus, ņemot vērā #ES2030 prioritāti?" (or, if it is meant as a comment, write a space after the #).',
    ],
  ]);
  const besideKeys = base(MEETING).replace(question, `${question}\n    #jāprecizē`);
  expect(besideKeys).toContain('    #jāprecizē');
  expect((await check({ cwd: baseProject({ [MEETING]: besideKeys }), paths: [], final: false })).diagnostics.filter((d) => d.ruleId === 'yaml/comment-in-value')).toEqual([]);
});
