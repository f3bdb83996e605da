import { expect, test } from 'vitest';
import { answerFingerprint } from '../../src/model/index.js';

const of = (body: string) => answerFingerprint({ body });

test('re-wrapping the lines of a paragraph is not a changed answer; another word is', () => {
  const wrapped = 'Latvija atbalsta kopīgu pieeju\ndigitālo prasmju stiprināšanai.\n\nOtrā rindkopa.\n';
  expect(of('Latvija atbalsta kopīgu pieeju digitālo\nprasmju stiprināšanai.\n\nOtrā rindkopa.')).toBe(of(wrapped));
  expect(of('Latvija atbalsta kopīgu pieeju digitālo prasmju stiprināšanai.\r\n\r\nOtrā rindkopa.\r\n')).toBe(of(wrapped));
  expect(of('Latvija atbalsta vienotu pieeju\ndigitālo prasmju stiprināšanai.\n\nOtrā rindkopa.\n')).not.toBe(of(wrapped));
  // Two paragraphs are not one.
  expect(of('Latvija atbalsta kopīgu pieeju\ndigitālo prasmju stiprināšanai. Otrā rindkopa.\n')).not.toBe(of(wrapped));
});

test('breaks that Markdown prints stay: list items, quotes, hard breaks, code', () => {
  expect(of('Punkti:\n1) pirmais;\n2) otrais.')).not.toBe(of('Punkti: 1) pirmais; 2) otrais.'));
  expect(of('Punkti:\n- a\n- b')).not.toBe(of('Punkti: - a - b'));
  expect(of('Teksts\n> citāts')).not.toBe(of('Teksts > citāts'));
  expect(of('Rinda ar cietu  \npārnesumu')).not.toBe(of('Rinda ar cietu pārnesumu'));
  expect(of('```\na\nb\n```')).not.toBe(of('```\na b\n```'));
  // An item's own continuation line is a soft break like any other.
  expect(of('1) garš punkts, kas\n   turpinās')).toBe(of('1) garš punkts, kas turpinās'));
});
