import { strFromU8, unzipSync } from 'fflate';
import { toString } from 'mdast-util-to-string';
import { describe, expect, test } from 'vitest';
import { diff, type DiffFormat } from '../../src/commands/diff.js';
import { parseMarkdownText, walk } from '../../src/util/markdown.js';
import { exampleProject } from '../helpers/project.js';
import { notes, paragraphs } from '../helpers/redline.js';

/** 2021-02-19 00:00 UTC. */
const EPOCH = 1613692800;
const NOTE = 'Dati par 2020. gada decembri.';
const OTHER = 'Ministrijas aprēķins par ierīcēm.';

/** A position whose body is `body` (indented as a YAML block). */
function position(body: string): string {
  const block = body
    .split('\n')
    .map((line) => (line ? `  ${line}` : ''))
    .join('\n');
  return `id: p\nversion: 1\nstatus: draft\nowner: { ministry: IZM }\nquestions: [Q]\nbody: |\n${block}\n`;
}

async function compare(before: string, after: string, format: DiffFormat) {
  const cwd = exampleProject({ 'review/before.yaml': position(before), 'review/after.yaml': position(after) });
  return diff({ cwd, files: ['review/before.yaml', 'review/after.yaml'], format, stat: false, whitespace: false, colour: false, sourceDateEpoch: EPOCH });
}

async function redline(before: string, after: string): Promise<Uint8Array> {
  const { output } = await compare(before, after, 'docx');
  if (!(output instanceof Uint8Array)) throw new Error('expected DOCX bytes');
  return output;
}

/** Every tracked insertion or deletion in the redline's body and notes. */
function tracked(docx: Uint8Array): string[] {
  const files = unzipSync(docx);
  return ['word/document.xml', 'word/footnotes.xml'].flatMap((name) => [...strFromU8(files[name] ?? new Uint8Array()).matchAll(/<w:(ins|del) /g)].map((match) => `${name} ${match[1]}`));
}

describe('diff of a footnote whose label alone changed', () => {
  const before = `Iegādātas viedierīces[^1] skolēniem.\n\n[^1]: ${NOTE}`;
  const after = `Iegādātas viedierīces[^avots] skolēniem.\n\n[^avots]: ${NOTE}`;

  test('terminal: no change, and one quiet line naming both labels', async () => {
    const result = await compare(before, after, 'terminal');
    expect(result.exitCode).toBe(0);
    expect(String(result.output).split('\n').slice(3)).toEqual(['', 'No changes.', 'footnote [^p-1] is labelled [^p-avots] now (labels are not printed)', '']);
  });

  test('md and JSON: no change; JSON lists the label', async () => {
    const md = await compare(before, after, 'md');
    expect(md.exitCode).toBe(0);
    expect(String(md.output)).toContain('\nNo changes.\n');
    const json: { equal: boolean; footnoteLabels: unknown; blocks: { status: string }[] } = JSON.parse(String((await compare(before, after, 'json')).output));
    expect(json.equal).toBe(true);
    expect(json.footnoteLabels).toEqual([{ from: 'p-1', to: 'p-avots' }]);
    expect(json.blocks.map((block) => block.status).filter((status) => status !== 'equal')).toEqual([]);
  });

  test('docx: nothing tracked; the reference keeps its note', async () => {
    const docx = await redline(before, after);
    expect(tracked(docx)).toEqual([]);
    expect(notes(docx, 'as-is')).toEqual([NOTE]);
    expect(paragraphs(docx, 'as-is')).toEqual(['Q', 'Iegādātas viedierīces skolēniem.']);
  });

  test('two notes whose labels swapped, each note staying at its reference: no change in any format', async () => {
    const swapped = (a: string, b: string) => `Pirmā rindkopa[^${a}] par skolām.\n\nOtrā rindkopa[^${b}] par ierīcēm.\n\n[^${a}]: ${NOTE}\n\n[^${b}]: ${OTHER}`;
    const terminal = await compare(swapped('a', 'b'), swapped('b', 'a'), 'terminal');
    expect(terminal.exitCode).toBe(0);
    expect(String(terminal.output)).toContain('footnote [^p-a] is labelled [^p-b] now (labels are not printed)\nfootnote [^p-b] is labelled [^p-a] now');
    expect(String((await compare(swapped('a', 'b'), swapped('b', 'a'), 'md')).output)).toContain('\nNo changes.\n');
    const docx = await redline(swapped('a', 'b'), swapped('b', 'a'));
    expect(tracked(docx)).toEqual([]);
    expect(notes(docx, 'as-is')).toEqual([NOTE, OTHER]);
  });

  test('a label changed in case only is no change either', async () => {
    const result = await compare(`Teksts[^avots].\n\n[^avots]: ${NOTE}`, `Teksts[^Avots].\n\n[^Avots]: ${NOTE}`, 'terminal');
    expect(result.exitCode).toBe(0);
    expect(String(result.output)).toContain('footnote [^p-avots] is labelled [^p-Avots] now');
  });
});

describe('diff of a footnote relabelled and reworded at the same reference', () => {
  const before = `Iegādātas viedierīces[^1] skolēniem.\n\n[^1]: ${NOTE}`;
  const after = 'Iegādātas viedierīces[^avots] skolēniem.\n\n[^avots]: Dati par 2021. gada janvāri.';

  test('md and terminal: the reference is unchanged and the note is compared word by word', async () => {
    const md = String((await compare(before, after, 'md')).output);
    expect(md).toContain('Iegādātas viedierīces[^p-avots] skolēniem.\n');
    expect(md).toContain('[^p-avots]: Dati par {~~2020~>2021~~}. gada {~~decembri~>janvāri~~}.\n');
    expect(md).not.toContain('p-1');
    const terminal = String((await compare(before, after, 'terminal')).output);
    expect(terminal).toContain('footnote [^p-1] is labelled [^p-avots] now');
    expect(terminal).toContain('[^p-avots]: Dati par [-2020-]{+2021+}. gada [-decembri-]{+janvāri+}.');
  });

  test('docx: the reference is not tracked; its note tracks the changed words', async () => {
    const docx = await redline(before, after);
    expect(tracked(docx).filter((change) => change.startsWith('word/document.xml'))).toEqual([]);
    expect(notes(docx, 'accept')).toEqual(['Dati par 2021. gada janvāri.']);
    expect(notes(docx, 'reject')).toEqual([NOTE]);
  });

  test('a note under a new label that shares too few words with the old one is another note: deleted and inserted', async () => {
    const md = String((await compare(before, 'Iegādātas viedierīces[^avots] skolēniem.\n\n[^avots]: Ministrijas aprēķins.', 'md')).output);
    expect(md).toContain('Iegādātas viedierīces{~~[^p-1]~>[^p-avots]~~} skolēniem.');
    expect(md).toContain(`[^p-1]: {--${NOTE}--}`);
    expect(md).toContain('[^p-avots]: {++Ministrijas aprēķins.++}');
  });

  test('a note deleted with its label while another label keeps its own note is not taken for a relabelling', async () => {
    const md = String((await compare(`Teksts[^a] un[^b].\n\n[^a]: ${NOTE}\n\n[^b]: ${OTHER}`, `Teksts un[^b].\n\n[^b]: ${OTHER}`, 'md')).output);
    expect(md).toContain('Teksts{--[^p-a]--} un[^p-b].');
    expect(md).toContain(`[^p-a]: {--${NOTE}--}`);
    expect(md).toContain(`[^p-b]: ${OTHER}`);
  });

  test('a note deleted and the next one renumbered into its label ([^2] → [^1]): the first is deleted, the second unchanged, in every format', async () => {
    const renumbered = {
      before: `Pirmā rindkopa[^1] par skolām.\n\nOtrā rindkopa[^2] par ierīcēm.\n\n[^1]: ${NOTE}\n\n[^2]: ${OTHER}`,
      after: `Pirmā rindkopa par skolām.\n\nOtrā rindkopa[^1] par ierīcēm.\n\n[^1]: ${OTHER}`,
    };
    const terminal = String((await compare(renumbered.before, renumbered.after, 'terminal')).output);
    expect(terminal).toContain('footnote [^p-2] is labelled [^p-1] now (labels are not printed)');
    expect(terminal).toContain('Pirmā rindkopa[-[^p-1]-] par skolām.');
    expect(terminal).not.toMatch(/\{\+\[\^p-1\]|\[-\[\^p-2\]|\{\+Ministrijas/);
    const md = String((await compare(renumbered.before, renumbered.after, 'md')).output);
    // The deleted note gets a label of its own: two definitions of `[^p-1]` would give both references the first.
    expect(md).toContain('Pirmā rindkopa{--[^p-1-old]--} par skolām.\n\nOtrā rindkopa[^p-1] par ierīcēm.\n');
    expect(md).toContain(`[^p-1-old]: {--${NOTE}--}\n\n[^p-1]: ${OTHER}\n`);
    const tree = parseMarkdownText(md);
    const definitions = new Map<string, string>();
    const references: string[] = [];
    walk(tree, (node) => {
      if (node.type === 'footnoteDefinition') definitions.set(node.identifier, toString(node));
      if (node.type === 'footnoteReference') references.push(node.identifier);
    });
    expect(tree.children.filter((node) => node.type === 'footnoteDefinition')).toHaveLength(definitions.size);
    expect(references.map((identifier) => definitions.get(identifier))).toEqual([`{--${NOTE}--}`, OTHER]);
    // The JSON names them as the Markdown does: one label a note.
    const json: { blocks: { kind: string; label?: string; status: string; segments: { op: string; text: string }[] }[] } = JSON.parse(String((await compare(renumbered.before, renumbered.after, 'json')).output));
    expect(json.blocks.filter((block) => block.kind === 'footnote').map((block) => [block.label, block.status])).toEqual([
      ['p-1-old', 'deleted'],
      ['p-1', 'equal'],
    ]);
    expect(json.blocks.flatMap((block) => block.segments).filter((segment) => segment.text.includes('[^'))).toEqual([
      { op: 'delete', text: '[^p-1-old]' },
      { op: 'equal', text: 'Otrā rindkopa[^p-1] par ierīcēm.' },
    ]);
    const docx = await redline(renumbered.before, renumbered.after);
    // The deleted reference, and its note's text and paragraph mark: nothing inserted.
    expect([...new Set(tracked(docx))]).toEqual(['word/document.xml del', 'word/footnotes.xml del']);
    expect(notes(docx, 'accept')).toEqual([OTHER]);
    expect(notes(docx, 'reject')).toEqual([NOTE, OTHER]);
  });
});
