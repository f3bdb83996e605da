import { expect, test } from 'vitest';
import { fieldsInReportOrder, placeOfReportLine } from '../../src/docx/field-problems.js';
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

test('places asked in report order are told apart as placeOfReportLine tells them: each field, and the template’s text between and around', () => {
  // "Par: a b" / "c d.Beigas" / "x y" (the fields are "a b\nc d." and "x"; " y" is the template's)
  const fields = [meetingField('outcome', 'a b\nc d.'), meetingField('background', 'x')];
  const skeleton = `Par: ${p(0)}Beigas\n${p(1)} y\n`;
  const places = [
    { line: 1, column: 1 },
    { line: 1, column: 6 },
    { line: 2, column: 4 },
    { line: 2, column: 5 },
    { line: 3, column: 1 },
    { line: 3, column: 2 },
    { line: 4, column: 1 },
  ];
  const fieldAt = fieldsInReportOrder({ skeleton, fields });
  const walked = places.map((at) => fields[fieldAt(at) ?? -1]?.ref.field);
  expect(walked).toEqual([undefined, 'outcome', 'outcome', undefined, 'background', undefined, undefined]);
  expect(walked).toEqual(places.map((at) => whose(skeleton, fields, at)));
  // Two fields on one line: the second starts where the first has ended, on the same line.
  const sideBySide = [meetingField('outcome', 'a'), meetingField('background', 'b')];
  const onOneLine = fieldsInReportOrder({ skeleton: `${p(0)} ${p(1)}\n`, fields: sideBySide });
  expect([1, 2, 3].map((column) => sideBySide[onOneLine({ line: 1, column }) ?? -1]?.ref.field)).toEqual(['outcome', undefined, 'background']);
});
