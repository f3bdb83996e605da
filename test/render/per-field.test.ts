import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkReportDocx, compileDocx, compileReportDocx, reportTree } from '../../src/docx/index.js';
import { loadMeeting } from '../../src/load/meeting.js';
import { loadProject } from '../../src/load/project.js';
import { generateReport, type TemplateCache } from '../../src/pipeline/build-meeting.js';
import { corpusCases, corpusProject } from '../helpers/corpus.js';
import { exampleProject, REPO } from '../helpers/project.js';
import { toString } from 'mdast-util-to-string';
import { parseMarkdownTree } from '../../src/docx/fields.js';

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
      .replace(/<property [^>]*name="Briefing\.(?:Field|Printed)\.[^"]*">.*?<\/property>/g, '');
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
      // The same warnings; only the per-field tree knows which field each is in.
      expect(parts.warnings.map(({ field: _field, ...warning }) => warning)).toEqual(whole.warnings);
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
      // Anchors wherever the template prints a field (a project's own template may print none: a note of the date alone).
      const fields = reportTree(source).children.filter((node) => node.data?.field).length;
      expect(anchors.length > 0).toBe(fields > 0);
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

/** The example with answers that start or end with numbered lists, and one that starts with a bullet list. */
function listsAtFieldEdges(): string {
  const read = (id: string) => readFileSync(join(REPO, `positions/educ/${id}.yaml`), 'utf8');
  const achievements = read('equity-achievements')
    .replace(/\n {2}1\) pāreju/, '\n  1. pāreju')
    .replace(/\n {2}2\) pedagogu/, '\n  2. pedagogu')
    .replace(/\n {2}3\) mērķtiecīgu/, '\n  3. mērķtiecīgu')
    .replace('  sociālo dienestu sadarbību.\n', '  sociālo dienestu sadarbību.\n\n  Tāpēc Latvija turpinās:\n\n  1. pirmo;\n  2. otro.\n');
  const reforms = read('equity-reforms').replace(/\nbody: \|\n/, '\nbody: |\n  1. Latvija atbalsta pirmo priekšlikumu.\n  2. Latvija neatbalsta otro.\n\n');
  const cooperation = read('equity-eu-cooperation').replace(/\nbody: \|\n/, '\nbody: |\n  - pirmkārt;\n  - otrkārt.\n\n');
  return exampleProject({
    'positions/educ/equity-achievements.yaml': achievements,
    'positions/educ/equity-reforms.yaml': reforms,
    'positions/educ/equity-eu-cooperation.yaml': cooperation,
  });
}

describe('a field that starts or ends with a list', () => {
  it('does not run on into the question numbers in the .md: each question is its own list, numbered as in the DOCX', async () => {
    const dir = listsAtFieldEdges();
    const [report] = await renderedMeetings(dir);
    if (!report?.rendered) throw new Error(`the example did not render: ${JSON.stringify(report?.diagnostics)}`);
    const { markdown, source, meta, date } = report.rendered;
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // An empty comment before each question after a list that ends a field, and before each field that starts with a list.
    expect(markdown).toContain('\n2. otro.\n\n<!-- -->\n\n2. **Kādi pasākumi');
    expect(markdown).toContain('izglītībā, pilnībā izmantojot ES un valsts finansējuma sniegtās iespējas?**\n\n<!-- -->\n\n1. Latvija atbalsta');
    expect(markdown.split('<!-- -->')).toHaveLength(3);
    // The bullet list after the question `3.` is of another kind: nothing to keep apart.
    expect(markdown).toMatch(/\?\*\*\n\n- pirmkārt;/);
    const questions = parseMarkdownTree(markdown).children.flatMap((node) =>
      node.type === 'list' && node.ordered && toString(node.children[0]).endsWith('?') ? [[node.start, node.children.length]] : [],
    );
    expect(questions).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
    ]);
    // The DOCX is the same whether made from the fields or from the whole .md, and prints no comment.
    const whole = compileDocx(markdown, meta, date);
    const parts = compileReportDocx(source, meta, date);
    expect(withoutAnchors(parts.bytes)).toEqual(withoutAnchors(whole.bytes));
    expect(withoutAnchors(parts.bytes)['word/document.xml']).not.toContain('&lt;!--');
  });

  it('keeps an answer that starts indented (as far as a question’s text) out of the question’s list item, whatever it starts with', async () => {
    const read = (id: string) => readFileSync(join(REPO, `positions/educ/${id}.yaml`), 'utf8');
    const indented = (id: string, first: string) => read(id).replace(/\nbody: \|\n/, `\nbody: |2\n     ${first}\n\n`);
    const dir = exampleProject({
      'positions/educ/equity-achievements.yaml': indented('equity-achievements', 'Ievilkts teksts.'),
      'positions/educ/equity-reforms.yaml': indented('equity-reforms', '1) pirmais;'),
      'positions/educ/equity-eu-cooperation.yaml': indented('equity-eu-cooperation', '- pirmkārt;'),
    });
    const [report] = await renderedMeetings(dir);
    if (!report?.rendered) throw new Error(`the example did not render: ${JSON.stringify(report?.diagnostics)}`);
    const { markdown, source, meta, date } = report.rendered;
    expect(markdown.split('<!-- -->')).toHaveLength(4);
    const questions = parseMarkdownTree(markdown).children.flatMap((node) =>
      node.type === 'list' && node.ordered && toString(node.children[0]).endsWith('?') ? [node.children.map((item) => item.children.length)] : [],
    );
    // Each question item holds its question only.
    expect(questions).toEqual([[1], [1], [1]]);
    expect(withoutAnchors(compileReportDocx(source, meta, date).bytes)).toEqual(withoutAnchors(compileDocx(markdown, meta, date).bytes));
  });

  it('prints nothing for an empty comment a field writes itself to end a list, and does not warn of it as HTML', async () => {
    const read = readFileSync(join(REPO, 'positions/educ/equity-eu-cooperation.yaml'), 'utf8');
    const text = read.replace(/\nbody: \|\n/, '\nbody: |\n  1. pirmais;\n\n  <!-- -->\n\n  1. otrs <!-- x --> teikums.\n\n');
    const [report] = await renderedMeetings(exampleProject({ 'positions/educ/equity-eu-cooperation.yaml': text }));
    if (!report?.rendered) throw new Error('the example did not render');
    // The comment inside the line is HTML as before: printed, and warned of.
    expect(report.diagnostics.filter((d) => d.ruleId === 'markdown/html').map((d) => d.message)).toEqual(['An HTML comment in `body` is printed in the DOCX as written, though Markdown viewers hide it.']);
    const { markdown, source, meta, date } = report.rendered;
    const document = withoutAnchors(compileReportDocx(source, meta, date).bytes)['word/document.xml'];
    expect(document?.match(/&lt;!--/g)).toHaveLength(1);
    expect(withoutAnchors(compileDocx(markdown, meta, date).bytes)['word/document.xml']).toBe(document);
  });

  it('leaves the example as it was: no list of its answers meets a list beside it', async () => {
    const [report] = await renderedMeetings(REPO);
    expect(report?.rendered?.markdown).not.toContain('<!--');
    expect(report?.rendered?.markdown).toBe(readFileSync(join(REPO, 'test/fixtures/example/IZMzin_190221_EDUC.md'), 'utf8'));
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
