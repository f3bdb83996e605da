import { expect, test } from 'vitest';
import { placeOfReportLine } from '../../src/docx/field-problems.js';
import { fieldPlaceholder } from '../../src/render/fields.js';

const p = (index: number) => fieldPlaceholder(index);
const meetingField = (field: string, text: string) => ({ ref: { kind: 'meeting' as const, id: 'm', field, file: 'meetings/m.yaml' }, text });
/** The field placed at a line and column of the report, undefined for the template's own text. */
const whose = (skeleton: string, fields: ReturnType<typeof meetingField>[], at: Parameters<typeof placeOfReportLine>[1]) =>
  placeOfReportLine({ skeleton, fields }, at, () => undefined)?.ref.field;

test('the template’s text right after a field on the field’s last line is the template’s, not the field’s', () => {
  // "Par: a b" / "c d.Beigas" (the field is "a b\nc d.")
  const fields = [meetingField('outcome', 'a b\nc d.')];
  const skeleton = `Par: ${p(0)}Beigas\n`;
  expect(whose(skeleton, fields, { line: 1, column: 5 })).toBeUndefined();
  expect(whose(skeleton, fields, { line: 1, column: 6 })).toBe('outcome');
  expect(whose(skeleton, fields, { line: 2, column: 4 })).toBe('outcome');
  expect(whose(skeleton, fields, { line: 2, column: 5 })).toBeUndefined();
  expect(whose(skeleton, fields, { line: 2, column: 6 })).toBeUndefined();
});

test('a warning the compiler says came from one field is placed in that field, also beside another field of the same file on its line', () => {
  const fields = [meetingField('outcome', 'pirmais'), meetingField('background', 'otrais')];
  const skeleton = `${p(0)} ${p(1)}\n`;
  expect(whose(skeleton, fields, { line: 1, column: 1, fieldColumn: true, field: { file: 'meetings/m.yaml', field: 'background' } })).toBe('background');
  expect(whose(skeleton, fields, { line: 1, column: 1, fieldColumn: true, field: { file: 'meetings/m.yaml', field: 'outcome' } })).toBe('outcome');
  expect(whose(skeleton, fields, { line: 1, column: 1, fieldColumn: true, field: { file: 'meetings/other.yaml', field: 'outcome' } })).toBeUndefined();
});
