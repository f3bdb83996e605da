import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/commands/build.js';
import { review } from '../../src/commands/review.js';
import { compileReportDocx } from '../../src/docx/index.js';
import { loadMeeting } from '../../src/load/meeting.js';
import { loadProject } from '../../src/load/project.js';
import { generateReport } from '../../src/pipeline/build-meeting.js';
import { textOf } from '../../src/review/paragraph-groups.js';
import { splitByField } from '../../src/review/fields.js';
import { readReviewedDocx } from '../../src/review/read-docx.js';
import { anchorProperties, PROPERTY_TEXT_LIMIT, recordedAnchors } from '../../src/docx/anchors.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject, REPO } from '../helpers/project.js';

async function exampleDocx() {
  const project = loadProject(REPO);
  const report = await generateReport(project, loadMeeting(project.root, join(REPO, EXAMPLE_MEETING)), { final: false, formats: ['md'], sourceDateEpoch: 0 }, new Map());
  if (!report.rendered) throw new Error('the example did not render');
  const { source, meta, date } = report.rendered;
  return { project, first: compileReportDocx(source, meta, date), second: compileReportDocx(source, meta, date) };
}

describe('field anchors in the DOCX', () => {
  it('wrap exactly the paragraphs of each field in a hidden bookmark named in the custom properties, the same bytes every time', async () => {
    const { project, first, second } = await exampleDocx();
    expect(Buffer.from(first.bytes).equals(Buffer.from(second.bytes))).toBe(true);
    expect(first.anchors.map((a) => `${a.name} ${a.field.kind} ${a.field.id}`)).toEqual([
      '_Bf1 meeting meetings/2021-02-19-educ-informal.yaml',
      '_Bf2 position equity-achievements',
      '_Bf3 position equity-reforms',
      '_Bf4 position equity-eu-cooperation',
    ]);
    const custom = strFromU8(unzipSync(first.bytes)['docProps/custom.xml'] ?? new Uint8Array());
    expect(custom).toContain('name="Briefing.Field._Bf3"><vt:lpwstr>{&quot;kind&quot;:&quot;position&quot;,&quot;id&quot;:&quot;equity-reforms&quot;,&quot;version&quot;:2');

    const { fields, outside } = splitByField(readReviewedDocx(first.bytes));
    expect(outside).toEqual([]);
    const reforms = fields.find((f) => f.field.id === 'equity-reforms');
    const paragraphs = reforms?.paragraphs.map((p) => textOf(p, 'accept')) ?? [];
    const body = project.positions.get('equity-reforms')?.position?.body ?? '';
    expect(paragraphs[0]).toBe(body.split('\n\n')[0]?.replace(/\n/g, ' '));
    expect(paragraphs.length).toBe(9);
    expect(paragraphs.at(-1)).toMatch(/^Lai ES finansējums sniegtu vislielāko atdevi.*nākotnē\.$/);
  });

  // Word keeps a text property's first 255 characters, and a field's JSON names its file (a meeting's twice): with a
  // long position id in a long folder the property ran past it, and a report saved by Word would lose that field.
  it('record a field whose JSON is longer than Word keeps of a property in pieces of at most 255 characters, read back whole', async () => {
    const id = `equity-reforms-${'a'.repeat(90)}`;
    const file = `positions/izglitibas-politikas-departaments-${'b'.repeat(40)}/${id}.yaml`;
    const dir = exampleProject({
      [file]: exampleFile('positions/educ/equity-reforms.yaml').replace('id: equity-reforms', `id: ${id}`),
      [EXAMPLE_MEETING]: exampleFile(EXAMPLE_MEETING).replace('position: equity-reforms', `position: ${id}`),
    });
    rmSync(join(dir, 'positions/educ/equity-reforms.yaml'));
    const project = loadProject(dir);
    const report = await generateReport(project, loadMeeting(project.root, join(dir, EXAMPLE_MEETING)), { final: false, formats: ['md'], sourceDateEpoch: 0 }, new Map());
    if (!report.rendered) throw new Error('the meeting did not render');
    const { bytes } = compileReportDocx(report.rendered.source, report.rendered.meta, report.rendered.date);
    const custom = strFromU8(unzipSync(bytes)['docProps/custom.xml'] ?? new Uint8Array());
    const values = [...custom.matchAll(/<vt:lpwstr>([^<]*)<\/vt:lpwstr>/g)].map((match) => (match[1] ?? '').replaceAll('&quot;', '"').replaceAll('&amp;', '&'));
    expect(Math.max(...values.map((value) => value.length))).toBeLessThanOrEqual(PROPERTY_TEXT_LIMIT);
    expect(custom).toContain('name="Briefing.Field._Bf3.2"');
    const { fields, outside } = splitByField(readReviewedDocx(bytes));
    expect(outside).toEqual([]);
    expect(fields.map((f) => `${f.field.id} ${f.field.file}`)).toContain(`${id} ${file}`);
  });

  it('split a field’s JSON between the two halves of no character, and read pieces in order, leaving out a field with a piece missing', () => {
    const field = { kind: 'position' as const, id: `${'x'.repeat(200)}😀${'y'.repeat(100)}`, version: 2, field: 'body', file: 'positions/x.yaml' };
    const json = JSON.stringify(field);
    // Put the emoji across the first boundary.
    const padded = { ...field, id: `${'x'.repeat(PROPERTY_TEXT_LIMIT - json.indexOf('x') - 1)}😀${'y'.repeat(100)}` };
    const properties = anchorProperties({ name: '_Bf7', field: padded });
    expect(properties.map((p) => p.name)).toEqual(['Briefing.Field._Bf7', 'Briefing.Field._Bf7.2']);
    for (const { value } of properties) expect(value).not.toMatch(/[\uD800-\uDBFF]$|^[\uDC00-\uDFFF]/);
    expect(recordedAnchors(new Map(properties.map((p) => [p.name, p.value])))).toEqual(new Map([['_Bf7', padded]]));
    expect(recordedAnchors(new Map(properties.slice(0, 1).map((p) => [p.name, p.value])))).toEqual(new Map());
  });

  it('name only the report’s Markdown fields: an anchor a DOCX from outside points at another key (status, file_code) is not read as a field, and review --accept writes nothing into that key', async () => {
    // It was: the reforms body, written into the position's `status` as version 3, AM's clearance recorded on it.
    const dir = exampleProject();
    expect((await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, out: 'out', formats: ['docx'] })).exitCode).toBe(0);
    const parts = unzipSync(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.docx')));
    const custom = strFromU8(parts['docProps/custom.xml'] ?? new Uint8Array());
    const forged = custom
      .replace('equity-reforms&quot;,&quot;version&quot;:2,&quot;field&quot;:&quot;body&quot;', 'equity-reforms&quot;,&quot;version&quot;:2,&quot;field&quot;:&quot;status&quot;')
      .replace('&quot;field&quot;:&quot;background&quot;', '&quot;field&quot;:&quot;file_code&quot;');
    expect(forged).not.toBe(custom);
    parts['docProps/custom.xml'] = strToU8(forged);
    writeFileSync(join(dir, 'forged.docx'), zipSync(parts));
    const position = join(dir, 'positions/educ/equity-reforms.yaml');
    const meeting = join(dir, EXAMPLE_MEETING);
    const before = [readFileSync(position, 'utf8'), readFileSync(meeting, 'utf8')];

    const result = await review({ cwd: dir, docx: 'forged.docx', accept: true, ministry: 'AM', cleared: false, rebase: false, today: '2021-02-20' });
    expect(result.fields.map((f) => `${f.field.id} ${f.field.field}`)).not.toContain('equity-reforms status');
    expect(result.fields.map((f) => f.field.field)).not.toContain('file_code');
    expect([readFileSync(position, 'utf8'), readFileSync(meeting, 'utf8')]).toEqual(before);
  });
});
