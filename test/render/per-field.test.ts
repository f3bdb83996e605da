import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDocx, compileReportDocx } from '../../src/docx/index.js';
import { loadMeeting } from '../../src/load/meeting.js';
import { loadProject } from '../../src/load/project.js';
import { generateReport, type TemplateCache } from '../../src/pipeline/generate.js';
import { corpusCases, corpusProject } from '../helpers/corpus.js';
import { REPO } from '../helpers/project.js';

/** Every meeting of a project folder, rendered in memory as `build` renders it. */
async function renderedMeetings(root: string) {
  const project = loadProject(root);
  const templates: TemplateCache = new Map();
  const folder = join(root, 'meetings');
  const reports = [];
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.yaml')).sort()) {
    const loaded = loadMeeting(project.root, join(folder, name));
    reports.push(await generateReport(project, loaded, { final: false, formats: ['md'], sourceDateEpoch: 0 }, templates));
  }
  return reports;
}

const projects = [
  { name: 'example', root: () => REPO },
  ...corpusCases('warnings').map((c) => ({ name: `warnings/${c.name}`, root: () => corpusProject(c) })),
];

describe('parsing each Markdown field on its own', () => {
  it.each(projects)('gives the same DOCX bytes and warnings as parsing the whole report: $name', async ({ root }) => {
    const reports = await renderedMeetings(root());
    const rendered = reports.flatMap((r) => (r.rendered ? [r.rendered] : []));
    expect(rendered.length).toBeGreaterThan(0);
    for (const { markdown, source, meta, date } of rendered) {
      expect(source.fields.length).toBeGreaterThan(0);
      const whole = await compileDocx(markdown, meta, date);
      const parts = await compileReportDocx(source, meta, date);
      expect(parts.warnings).toEqual(whole.warnings);
      expect(Buffer.from(parts.bytes).equals(Buffer.from(whole.bytes))).toBe(true);
    }
  });
});

describe('field tags', () => {
  it('marks each block that came from a field with its file and field, and nothing else', async () => {
    const [report] = await renderedMeetings(REPO);
    if (!report?.rendered) throw new Error('the example did not render');
    const { reportTree } = await import('../../src/docx/index.js');
    const tree = reportTree(report.rendered.source);
    const tagged = tree.children.filter((node) => node.data?.field);
    const refs = new Set(tagged.map((node) => JSON.stringify(node.data?.field)));
    expect([...refs].map((r) => JSON.parse(r))).toEqual([
      { kind: 'meeting', id: 'meetings/2021-02-19-educ-informal.yaml', field: 'background', file: 'meetings/2021-02-19-educ-informal.yaml' },
      ...report.inputs.positions.map((p) => ({ kind: 'position', id: p.id, version: p.version, field: 'body', file: p.path })),
    ]);
    const headings = tree.children.filter((node) => node.type === 'heading');
    expect(headings.every((node) => node.data?.field === undefined)).toBe(true);
  });
});
