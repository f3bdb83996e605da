import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { answerFingerprint, clearanceOf } from '../../src/model/index.js';

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

test('a code block ends only at a fence of its own kind: its lines after a line of other fence marks are kept too', () => {
  // A line of backticks inside a ~~~ block, a shorter fence inside a longer one, a fence with a language inside a bare one: code, not the end.
  expect(of('Teksts.\n\n~~~\na\n```\nb\nc\n~~~')).not.toBe(of('Teksts.\n\n~~~\na\n```\nb c\n~~~'));
  expect(of('````\na\n```\nb\nc\n````')).not.toBe(of('````\na\n```\nb c\n````'));
  expect(of('```\na\n```bash\nb\nc\n```')).not.toBe(of('```\na\n```bash\nb c\n```'));
  // After its real end, a paragraph wrapped anew is the same answer.
  expect(of('~~~\na\n```\n~~~\nTeksts, kas\nturpinās')).toBe(of('~~~\na\n```\n~~~\nTeksts, kas turpinās'));
});

const position = (body: string, answer: string) => ({ version: 2, body, clearance: { AM: { status: 'cleared' as const, date: '2021-02-10', version: 2, answer } } });

test('spaces between words made no-break, narrow or doubled are no changed answer: the fingerprint and the clearance stand', () => {
  const typed = 'Latvija atbalsta 53,5 % un 11 352 ierīces.';
  const pasted = 'Latvija\u00A0atbalsta 53,5\u202F% un 11\u00A0352  ierīces.';
  expect(answerFingerprint({ body: pasted })).toBe(answerFingerprint({ body: typed }));
  expect(clearanceOf(position(pasted, answerFingerprint({ body: typed })), 'AM')).toEqual({ state: 'cleared' });
  // A word changed is a changed answer still.
  expect(clearanceOf(position('Latvija neatbalsta 53,5 % un 11 352 ierīces.', answerFingerprint({ body: typed })), 'AM')).toEqual({ state: 'earlier version', stale: 'answer' });
  // A clearance recorded before, on a text with a double space, named its fingerprint with the spaces as they were: it stands.
  const doubled = 'Latvija  atbalsta.';
  const recordedThen = createHash('sha256').update(`${doubled}\u0000`).digest('hex').slice(0, 12);
  expect(recordedThen).not.toBe(answerFingerprint({ body: doubled }));
  expect(clearanceOf(position(doubled, recordedThen), 'AM')).toEqual({ state: 'cleared' });
});

// Each joined line copied the whole text joined so far: an uncommitted edit of a 1 MB position made its build take 30 s
// instead of 1 (the answer is fingerprinted for `version-not-raised` and each clearance), one of 5 MB more than ten minutes.
test('the answer of a long position is fingerprinted in a time that grows with its length, not with its square', () => {
  const paragraph = 'Latvija atbalsta kopīgu pieeju\ndigitālo prasmju stiprināšanai   \nun pedagogu profesionālajai pilnveidei.\n\n';
  const body = paragraph.repeat(Math.ceil(1_000_000 / paragraph.length));
  const started = performance.now();
  const fingerprint = of(body);
  expect(performance.now() - started).toBeLessThan(2000);
  expect(fingerprint).toBe(of(body.replaceAll('pieeju\n', 'pieeju ')));
  // One paragraph of 30,000 lines.
  const lines = 'Latvija atbalsta kopīgu pieeju  \ndigitālo prasmju stiprināšanai\n'.repeat(15_000);
  const again = performance.now();
  of(lines);
  expect(performance.now() - again).toBeLessThan(2000);
});

test('a fenced code block keeps its lines wherever it stands: two of its lines joined is a changed answer, the paragraph after it re-wrapped is not', () => {
  const commands = 'Pārbaudei:\n\n```\nbriefing check\nbriefing build\n```\n\nLatvija atbalsta\npriekšlikumu.';
  const cleared = answerFingerprint({ body: commands });
  // The block's two commands run together on one line: the clearance no longer counts.
  expect(clearanceOf(position('Pārbaudei:\n\n```\nbriefing check briefing build\n```\n\nLatvija atbalsta\npriekšlikumu.', cleared), 'AM')).toEqual({ state: 'earlier version', stale: 'answer' });
  // The paragraph after the block wrapped anew: it stands.
  expect(clearanceOf(position('Pārbaudei:\n\n```\nbriefing check\nbriefing build\n```\n\nLatvija atbalsta priekšlikumu.', cleared), 'AM')).toEqual({ state: 'cleared' });
  // A block that opens the answer closes too: the paragraph after it is text again.
  expect(of('```\nbriefing check\n```\n\nLatvija atbalsta\npriekšlikumu.')).toBe(of('```\nbriefing check\n```\n\nLatvija atbalsta priekšlikumu.'));
});
