import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { compileReportDocx } from '../../src/docx/index.js';
import { loadMeeting } from '../../src/load/meeting.js';
import { loadProject } from '../../src/load/project.js';
import { generateReport } from '../../src/pipeline/build-meeting.js';
import { textOf } from '../../src/review/accepted.js';
import { splitByField } from '../../src/review/fields.js';
import { readReviewedDocx } from '../../src/review/read-docx.js';
import { EXAMPLE_MEETING, REPO } from '../helpers/project.js';

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
});
