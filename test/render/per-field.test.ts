import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkReportDocx, compileDocx, compileReportDocx } from '../../src/docx/index.js';
import { loadMeeting } from '../../src/load/meeting.js';
import { loadProject } from '../../src/load/project.js';
import { generateReport, type TemplateCache } from '../../src/pipeline/build-meeting.js';
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

/** The package's parts as text, with the field anchors' bookmarks and custom properties taken out. */
function withoutAnchors(docx: Uint8Array): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(docx))) {
    parts[name] = strFromU8(data)
      .replace(/<w:bookmarkStart w:name="_Bf\d+" w:id="\d+"\/>|<w:bookmarkEnd w:id="\d+"\/>/g, '')
      .replace(/<property [^>]*name="Briefing\.Field\.[^"]*">.*?<\/property>/g, '');
  }
  return parts;
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
      const whole = compileDocx(markdown, meta, date);
      const parts = compileReportDocx(source, meta, date);
      expect(parts.warnings).toEqual(whole.warnings);
      // The same package but for the field anchors, which only the per-field tree can place.
      expect(withoutAnchors(parts.bytes)).toEqual(withoutAnchors(whole.bytes));
      expect(whole.anchors).toEqual([]);
    }
  });

  it.each(projects)('says in check (compiled, not zipped) what the build says: $name', async ({ root }) => {
    const reports = await renderedMeetings(root());
    for (const { source, meta, date } of reports.flatMap((r) => (r.rendered ? [r.rendered] : []))) {
      const built = compileReportDocx(source, meta, date);
      const { warnings, anchors } = checkReportDocx(source, meta);
      expect({ warnings, anchors }).toEqual({ warnings: built.warnings, anchors: built.anchors });
      expect(anchors.length).toBeGreaterThan(0);
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

describe('text that looks like a placeholder', () => {
  it('is printed as written: the report is then parsed as one text', async () => {
    const { cpSync, readFileSync, writeFileSync } = await import('node:fs');
    const { CHECK_BASE } = await import('../helpers/corpus.js');
    const { tempDir } = await import('../helpers/project.js');
    const { build } = await import('../../src/commands/build.js');
    const { docxParts, part } = await import('../helpers/docx.js');
    const dir = tempDir();
    cpSync(CHECK_BASE, dir, { recursive: true });
    const path = join(dir, 'positions/youth/youth-organisations.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('Latvija atbalsta', 'Latvija \uE0000\uE001 atbalsta'));
    const result = await build({ cwd: dir, inputs: ['meetings/2021-05-17-youth.yaml'], final: false, out: 'out', formats: ['md', 'docx'] });
    expect(result.exitCode).toBe(0);
    expect(readFileSync(join(dir, 'out/IZMzin_170521_EYCS.md'), 'utf8')).toContain('Latvija \uE0000\uE001 atbalsta');
    expect(part(docxParts(readFileSync(join(dir, 'out/IZMzin_170521_EYCS.docx'))), 'word/document.xml')).toContain('Latvija \uE0000\uE001 atbalsta');
  });
});

describe('the parse cache', () => {
  it('keeps a field that comes back, and building a report leaves the cached tree as it was', async () => {
    const { parseField, fieldText } = await import('../../src/docx/fields.js');
    const { reportTree } = await import('../../src/docx/index.js');
    const [report] = await renderedMeetings(REPO);
    if (!report?.rendered) throw new Error('the example did not render');
    const { source } = report.rendered;
    const field = source.fields[1];
    if (!field) throw new Error('the example has no second field');
    const text = fieldText(field.text);
    parseField(text);
    const cached = parseField(text);
    const before = structuredClone(cached);
    expect(parseField(text)).toBe(cached);
    const first = reportTree(source);
    expect(cached).toEqual(before);
    expect(reportTree(source)).toEqual(first);
  });
});

describe('the parse cache in a batch', () => {
  it('keeps the tree of a field only from its second use on: a field used once costs no memory after its report', async () => {
    const { parseField } = await import('../../src/docx/fields.js');
    const text = 'Teksts, kas šajā testā parādās **vienu** reizi un tad vēlreiz.';
    const first = parseField(text);
    const second = parseField(text);
    expect(second).not.toBe(first);
    expect(second).toEqual(first);
    expect(parseField(text)).toBe(second);
  });
});

describe('a field placed twice', () => {
  it('is the same in both places, whether its parse is cached or not', async () => {
    const { fieldText, parseMarkdownTree, spliceReport } = await import('../../src/docx/fields.js');
    const text = 'Skatīt [y].\n\n[y]: https://example.com\n\n- a\n- b';
    const source = {
      skeleton: 'Pirms.\n\n\uE0000\uE001\n\nStarpā.\n\n\uE0000\uE001\n',
      fields: [{ ref: { kind: 'meeting' as const, id: 'm.yaml', field: 'background', file: 'm.yaml' }, text }],
    };
    const uncached = spliceReport(source, [parseMarkdownTree(fieldText(text))]);
    expect(uncached).toEqual(spliceReport(source));
    const identifiers = uncached.children.flatMap((node) => (node.type === 'definition' ? [node.identifier] : []));
    expect(identifiers).toEqual(['meeting:m.yaml:background:y', 'meeting:m.yaml:background:y']);
    expect(uncached.children.map((node) => node.position?.start.line)).toEqual([1, 3, 5, 7, 10, 12, 14, 16]);
  });
});
