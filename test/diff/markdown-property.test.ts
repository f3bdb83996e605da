import fc from 'fast-check';
import type { Nodes, PhrasingContent, Root } from 'mdast';
import { expect, test } from 'vitest';
import { compareMarkdown } from '../../src/diff/compare.js';
import { formatMarkdown } from '../../src/diff/format/markdown.js';
import { parseMarkdownText, walk } from '../../src/util/markdown.js';

/**
 * `--format md` read back: for random documents with lists (nested, numbered past 9 and 99, task items ticked or not),
 * hard line breaks (added and removed too), quotes with lists, tables with pipes in code and notes in cells, headings
 * (made another level too), reference links (their definitions given other addresses too), images, code blocks (with
 * their language, changed too), HTML
 * comments and footnotes of several paragraphs, the diff's Markdown with every change accepted
 * (`{--…--}` dropped, `{++…++}` kept) parses to the newer version's structure and text, each
 * footnote reference reaching the newer version's note; with every change rejected, to the older's.
 */

const WORDS = ['skola', 'pedagogs', 'mācības', 'ģimene', 'atbalsts', 'ES', '2021.', 'gadā', '53,5 %', 'līdz', 'un', 'ar', 'a*b', 'c_d', '#1', '#', 'Latvija'];
const word = fc.constantFrom(...WORDS);
const words = fc.array(word, { minLength: 1, maxLength: 6 });

/**
 * Inline content: words, maybe a hard line break among them (after which word, and whether written with a
 * backslash or two spaces), maybe a piece of code (with a pipe or a backtick), maybe a footnote reference.
 */
const inline = fc.record({
  words,
  breakAt: fc.option(fc.nat(9), { nil: undefined, freq: 3 }),
  code: fc.option(fc.constantFrom('a|b', 'x`y', 'kods'), { nil: undefined }),
  note: fc.option(fc.nat(2), { nil: undefined }),
  link: fc.option(fc.nat(1), { nil: undefined, freq: 3 }),
  image: fc.option(fc.constantFrom('https://a.example/i.png', '<https://a.example/i (1).png> "Attēls"'), { nil: undefined, freq: 4 }),
});
type Inline = typeof inline extends fc.Arbitrary<infer T> ? T : never;

interface Item {
  /** A task item's box, ticked or not; undefined for an item without one. */
  box?: boolean | undefined;
  text: Inline;
  more?: Inline | undefined;
  nested?: List | undefined;
}
interface List {
  kind: '-' | '.' | ')';
  start: number;
  items: Item[];
}
type Block =
  | { kind: 'paragraph'; text: Inline }
  | { kind: 'heading'; level: number; text: Inline }
  | { kind: 'list'; list: List }
  | { kind: 'quote'; text: Inline; list?: List | undefined }
  | { kind: 'table'; rows: Inline[][] }
  | { kind: 'code'; info: string; lines: string[] }
  | { kind: 'comment'; text: string[] };

const listOf = (item: fc.Arbitrary<Item>): fc.Arbitrary<List> =>
  fc.record({ kind: fc.constantFrom<List['kind']>('-', '.', ')'), start: fc.constantFrom(1, 9, 10, 99, 100), items: fc.array(item, { minLength: 1, maxLength: 3 }) });
const box = fc.option(fc.boolean(), { nil: undefined, freq: 2 });
const leafItem: fc.Arbitrary<Item> = fc.record({ box, text: inline, more: fc.option(inline, { nil: undefined }) });
const item: fc.Arbitrary<Item> = fc.record({ box, text: inline, more: fc.option(inline, { nil: undefined }), nested: fc.option(listOf(leafItem), { nil: undefined, freq: 3 }) });
const list = listOf(item);

const block: fc.Arbitrary<Block> = fc.oneof(
  { weight: 4, arbitrary: inline.map((text): Block => ({ kind: 'paragraph', text })) },
  { weight: 1, arbitrary: fc.record({ level: fc.constantFrom(1, 2, 3), text: inline }).map((heading): Block => ({ kind: 'heading', ...heading })) },
  { weight: 3, arbitrary: list.map((found): Block => ({ kind: 'list', list: found })) },
  { weight: 1, arbitrary: fc.record({ text: inline, list: fc.option(listOf(leafItem), { nil: undefined }) }).map((quote): Block => ({ kind: 'quote', ...quote })) },
  { weight: 1, arbitrary: fc.array(fc.array(inline, { minLength: 2, maxLength: 2 }), { minLength: 2, maxLength: 3 }).map((rows): Block => ({ kind: 'table', rows })) },
  {
    weight: 1,
    arbitrary: fc.record({ info: fc.constantFrom('', 'yaml', 'js title="a b"'), lines: fc.array(words.map((w) => w.join(' ')), { minLength: 1, maxLength: 3 }) }).map((code): Block => ({ kind: 'code', ...code })),
  },
  { weight: 1, arbitrary: words.map((text): Block => ({ kind: 'comment', text })) },
);

/** The notes: each has one or two paragraphs. */
const notes = fc.array(fc.record({ first: words, second: fc.option(words, { nil: undefined }) }), { minLength: 3, maxLength: 3 });

const LABELS = ['1', '2', '3'];

/** Words as Markdown text, escaped as the report escapes them: `2021.` at the start of a line would begin a list. */
function escapedWords(list: readonly string[]): string {
  return list
    .map((w) => w.replace(/[*_#]/g, '\\$&'))
    .join(' ')
    .replace(/^(\d+)\./, '$1\\.');
}

/** `lineStart`: what a line after a hard line break begins with (an indent, `> `); undefined where no break can be (a heading, a table cell). */
function inlineText(text: Inline, inTable: boolean, lineStart?: string): string {
  const code = text.code === undefined ? '' : ` ${text.code.includes('`') ? `\`\` ${text.code} \`\`` : `\`${inTable ? text.code.replace('|', '\\|') : text.code}\``}`;
  const at = text.breakAt === undefined || lineStart === undefined || text.words.length < 2 ? text.words.length : (text.breakAt % (text.words.length - 1)) + 1;
  const lineBreak = `${text.breakAt !== undefined && text.breakAt % 2 ? '  ' : '\\'}\n${lineStart ?? ''}`;
  const wordText = at < text.words.length ? `${escapedWords(text.words.slice(0, at))}${lineBreak}${escapedWords(text.words.slice(at))}` : escapedWords(text.words);
  const link = text.link === undefined ? '' : ` [saite][r${text.link}]`;
  const image = text.image === undefined ? '' : ` ![bilde](${text.image})`;
  return `${wordText}${link}${image}${code}${text.note === undefined ? '' : `[^${LABELS[text.note]}]`}`;
}

function listMarkdown(found: List, indent: string): string[] {
  const lines: string[] = [];
  found.items.forEach((entry, index) => {
    const marker = found.kind === '-' ? '-' : `${found.start + index}${found.kind}`;
    const inner = indent + ' '.repeat(marker.length + 1);
    const task = entry.box === undefined ? '' : entry.box ? '[x] ' : '[ ] ';
    lines.push(`${indent}${marker} ${task}${inlineText(entry.text, false, inner)}`);
    if (entry.more) lines.push('', `${inner}${inlineText(entry.more, false, inner)}`);
    if (entry.nested) lines.push('', ...listMarkdown(entry.nested, inner));
    lines.push('');
  });
  return lines;
}

function blockMarkdown(found: Block): string[] {
  switch (found.kind) {
    case 'paragraph':
      return [inlineText(found.text, false, '')];
    case 'heading':
      return [`${'#'.repeat(found.level)} ${inlineText(found.text, false)}`];
    case 'list':
      return listMarkdown(found.list, '');
    case 'quote':
      return [`> ${inlineText(found.text, false, '> ')}`, ...(found.list ? ['>', ...listMarkdown(found.list, '').map((line) => (line ? `> ${line}` : '>'))] : [])];
    case 'table':
      return [...found.rows.flatMap((row, index) => [`| ${row.map((cell) => inlineText(cell, true)).join(' | ')} |`, ...(index ? [] : ['| --- | --- |'])])];
    case 'code':
      return [`\`\`\`${found.info}`, ...found.lines, '```'];
    case 'comment':
      return [`<!-- ${found.text.join(' ')} -->`];
  }
}

/**
 * One version of the document, its notes defined after the text, then its reference links, to
 * `site`. `renumbered`: the notes are labelled 1, 2, 3 in the order of their references, as an
 * author renumbers them after deleting one.
 */
function documentMarkdown(blocks: readonly Block[], noteTexts: readonly { first: string[]; second?: string[] | undefined }[], renumbered = false, site = 'a'): string {
  const body = blocks.map((found) => blockMarkdown(found).join('\n').trimEnd());
  const used = new Set<number>();
  const visit = (text: Inline | undefined) => text?.note !== undefined && used.add(text.note);
  const visitList = (found: List | undefined): void =>
    found?.items.forEach((entry) => {
      visit(entry.text);
      visit(entry.more);
      visitList(entry.nested);
    });
  for (const found of blocks) {
    if (found.kind === 'paragraph' || found.kind === 'heading') visit(found.text);
    if (found.kind === 'quote') (visit(found.text), visitList(found.list));
    if (found.kind === 'list') visitList(found.list);
    if (found.kind === 'table') found.rows.flat().forEach(visit);
  }
  const definitions = [...used].sort().map((index) => {
    const note = noteTexts[index];
    return `[^${LABELS[index]}]: ${escapedWords(note?.first ?? [])}.${note?.second ? `\n\n    ${escapedWords(note.second)}.` : ''}`;
  });
  // An empty comment keeps two lists in a row apart, as the report writes them.
  const text = body.map((markdown, index) => (index && blocks[index]?.kind === 'list' && blocks[index - 1]?.kind === 'list' ? `<!-- -->\n\n${markdown}` : markdown));
  const links = [0, 1].map((index) => `[r${index}]: https://${site}.example/${index}`).join('\n');
  const markdown = `${[...text, ...definitions, links].join('\n\n')}\n`;
  const order = [...used];
  return renumbered ? markdown.replace(/\[\^(\d)\]/g, (_, label: string) => `[^${order.indexOf(LABELS.indexOf(label)) + 1}]`) : markdown;
}

/** Edits: a block kept, dropped, reworded (a word replaced or added), followed by a new block, or a paragraph split in two or joined to the next. */
const edit = fc.record({ action: fc.constantFrom('keep', 'keep', 'drop', 'reword', 'reword', 'insert-after', 'split', 'join'), word, at: fc.nat(10), added: block });
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function rewordInline(text: Inline, at: number, replacement: string): Inline {
  // Now and then a hard line break is added or taken away instead.
  if (at % 4 === 3) return { ...text, breakAt: text.breakAt === undefined ? at : undefined };
  const copy = [...text.words];
  if (at % 2) copy.splice(at % (copy.length + 1), 0, replacement);
  else copy[at % copy.length] = replacement;
  return { ...text, words: copy };
}

function rewordList(found: List, at: number, replacement: string): List {
  return {
    ...found,
    items: found.items.map((entry, index) =>
      index === at % found.items.length
        ? // Now and then the item's box is ticked, cleared, added or taken away instead.
          at % 3
          ? { ...entry, text: rewordInline(entry.text, at, replacement), ...(entry.nested ? { nested: rewordList(entry.nested, at + 1, replacement) } : {}) }
          : { ...entry, box: entry.box === undefined ? at % 2 === 0 : entry.box ? false : undefined }
        : entry,
    ),
  };
}

function applyEdits(blocks: readonly Block[], edits: readonly Edit[]): Block[] {
  const joined = new Set<number>();
  return blocks.flatMap((found, index): Block[] => {
    const change = edits[index % Math.max(1, edits.length)];
    if (joined.has(index)) return [];
    const next = blocks[index + 1];
    // A paragraph joined to the next keeps the next one's code, note, link …; split, its first part has its words alone.
    if (change?.action === 'join' && found.kind === 'paragraph' && next?.kind === 'paragraph') {
      joined.add(index + 1);
      return [{ kind: 'paragraph', text: { ...next.text, words: [...found.text.words, ...next.text.words] } }];
    }
    if (change?.action === 'split' && found.kind === 'paragraph' && found.text.words.length > 1) {
      const at = 1 + (change.at % (found.text.words.length - 1));
      return [
        { kind: 'paragraph', text: { words: found.text.words.slice(0, at), breakAt: undefined, code: undefined, note: undefined, link: undefined, image: undefined } },
        { kind: 'paragraph', text: { ...found.text, words: found.text.words.slice(at), breakAt: undefined } },
      ];
    }
    // In a list, an item of one paragraph split in two items, or joined to the next one.
    if (found.kind === 'list' && (change?.action === 'split' || change?.action === 'join')) {
      const items = [...found.list.items];
      const at = change.at % items.length;
      const item = items[at];
      const next = items[at + 1];
      const simple = (entry: Item | undefined): entry is Item => entry !== undefined && !entry.more && !entry.nested;
      if (change.action === 'split' && simple(item) && item.text.words.length > 1) {
        const cut = 1 + (change.at % (item.text.words.length - 1));
        items.splice(at, 1, { ...item, text: { ...item.text, words: item.text.words.slice(0, cut), breakAt: undefined } }, { text: { ...item.text, words: item.text.words.slice(cut), breakAt: undefined } });
      }
      if (change.action === 'join' && simple(item) && simple(next) && next.box === undefined) items.splice(at, 2, { ...item, text: { ...next.text, words: [...item.text.words, ...next.text.words], breakAt: undefined } });
      return [{ ...found, list: { ...found.list, items } }];
    }
    if (!change || change.action === 'keep' || change.action === 'split' || change.action === 'join') return [found];
    if (change.action === 'drop') return [];
    if (change.action === 'insert-after') return [found, change.added];
    switch (found.kind) {
      case 'paragraph':
        return [{ ...found, text: rewordInline(found.text, change.at, change.word) }];
      case 'heading':
        // Now and then the heading is made another level, its words the same.
        return [change.at % 3 ? { ...found, text: rewordInline(found.text, change.at, change.word) } : { ...found, level: (found.level % 3) + 1 }];
      case 'quote':
        return [{ ...found, text: rewordInline(found.text, change.at, change.word), ...(found.list ? { list: rewordList(found.list, change.at, change.word) } : {}) }];
      case 'list':
        return [{ ...found, list: rewordList(found.list, change.at, change.word) }];
      case 'table':
        return [{ ...found, rows: found.rows.map((row, r) => (r === change.at % found.rows.length ? row.map((cell, c) => (c === change.at % 2 ? rewordInline(cell, change.at, change.word) : cell)) : row)) }];
      case 'code':
        // Now and then the block is given another language instead.
        return [change.at % 3 ? { ...found, lines: [...found.lines, change.word] } : { ...found, info: found.info === 'yaml' ? 'json' : 'yaml' }];
      case 'comment':
        return [{ ...found, text: [...found.text, change.word] }];
    }
  });
}

/**
 * The Markdown of the diff with every change accepted (`take` insert: deletions and notes on moves
 * dropped, insertions kept) or rejected (`take` delete: the reverse), as text. A line that is a
 * dropped block alone goes with its mark (an item's number), the lines after its hard line breaks
 * too; a note's label goes on to the note's next paragraph, or with the note when it has none.
 */
function taken(markdown: string, take: 'insert' | 'delete'): string {
  const [dropped, kept] = take === 'insert' ? ['--', '\\+\\+'] : ['\\+\\+', '--'];
  // What is dropped goes whole: its lines are one line here, so that a block dropped whole is a line alone.
  const oneLine = markdown.replace(new RegExp(`\\{${dropped}[^]*?${dropped}\\}`, 'g'), (change) => change.replace(/\n[ >]*/g, ' '));
  const droppedAlone = new RegExp(`^([ >]*)((?:[-+*]|\\d+[.)]|#+) |\\[\\^[^\\]]+\\]: )?\\{${dropped}(?:(?!${dropped}\\})[^\\n])*${dropped}\\}(?: \\{>>[^\\n]*?<<\\})?$`);
  const lines: string[] = [];
  let label: string | undefined;
  for (const line of oneLine.split('\n')) {
    const alone = droppedAlone.exec(line);
    if (alone) {
      if (alone[2]?.startsWith('[^')) label = alone[2];
      continue;
    }
    if (label !== undefined && line.trim()) {
      lines.push(line.startsWith('    ') ? label + line.slice(4) : line);
      label = undefined;
    } else lines.push(line);
  }
  return lines
    .join('\n')
    .replace(/\{~~([^]*?)~>([^]*?)~~\}/g, take === 'insert' ? '$2' : '$1')
    .replace(new RegExp(`\\{${dropped}[^]*?${dropped}\\}`, 'g'), '')
    .replace(new RegExp(`\\{${kept}([^]*?)${kept}\\}`, 'g'), '$1')
    .replace(/ ?\{>>[^]*?<<\}/g, '');
}

/**
 * A document's structure as lines, in reading order: each leaf block (a paragraph, heading, code
 * block, comment, table row) with the blocks it is in and its text, a footnote reference shown as
 * the text of its note. Blocks left empty by accepting a deletion are no blocks; comments that
 * only keep two blocks apart are left out, as are footnote definitions (they print at their references).
 */
function outline(tree: Root): string[] {
  const definitions = new Map<string, Nodes>();
  for (const node of tree.children) if (node.type === 'footnoteDefinition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node);
  const addresses = new Map<string, string>();
  walk(tree, (node) => node.type === 'definition' && !addresses.has(node.identifier) && addresses.set(node.identifier, node.url));
  const squeeze = (text: string) => text.replace(/[\s\u00a0]+/g, ' ').trim();
  const phrasing = (nodes: readonly PhrasingContent[]): string =>
    nodes
      .map((node): string => {
        if (node.type === 'footnoteReference') {
          const note = definitions.get(node.identifier);
          return `[^${note ? leaves(note, []).map((line) => line.replace(/^.*?: /, '')).join(' / ') : 'MISSING'}]`;
        }
        if (node.type === 'inlineCode') return `\`${node.value}\``;
        if (node.type === 'break') return '↵';
        // A link by its address, however it is written.
        if (node.type === 'link') return `[${phrasing(node.children)}](${node.url})`;
        if (node.type === 'image') return `![${node.alt ?? ''}](${node.url} ${node.title ?? ''})`;
        if (node.type === 'linkReference') return `[${phrasing(node.children)}](${addresses.get(node.identifier) ?? 'MISSING'})`;
        if ('value' in node) return node.value;
        if ('children' in node) return phrasing(node.children);
        return '';
      })
      .join('');
  const leaves = (node: Nodes, path: readonly string[]): string[] => {
    const here = (kind: string, text: string) => (squeeze(text) ? [`${path.join('>')}${path.length ? '>' : ''}${kind}: ${squeeze(text)}`] : []);
    switch (node.type) {
      case 'paragraph':
        return here('paragraph', phrasing(node.children));
      case 'heading':
        return here(`heading ${node.depth}`, phrasing(node.children));
      case 'code':
        return here(['code', node.lang, node.meta].filter((part) => part).join(' '), node.value);
      case 'html':
        // The diff writes HTML as code, so that its text shows: either is one block of text as written.
        return node.value.replace(/\s/g, '') === '<!---->' ? [] : here('code', node.value);
      case 'tableRow':
        return here('row', node.children.map((cell) => phrasing(cell.children)).join(' | ').replace(/^[ |]+$/, ''));
      case 'list': {
        // Where each list starts: two lists in a row are not one.
        const kind = node.ordered ? 'ol' : 'ul';
        const items = node.children.flatMap((entry) => leaves(entry, [...path, kind]));
        return items.length ? [`${path.join('>')}${path.length ? '>' : ''}${kind}`, ...items] : [];
      }
      case 'listItem': {
        const inside = node.children.flatMap((child) => leaves(child, [...path, 'item']));
        const task = typeof node.checked === 'boolean' ? (node.checked ? ' [x]' : ' [ ]') : '';
        return inside.length ? [`${path.join('>')}>item${task}`, ...inside] : [];
      }
      case 'blockquote':
      case 'table':
        return node.children.flatMap((child) => leaves(child, [...path, node.type]));
      case 'footnoteDefinition':
        return path.length ? [] : node.children.flatMap((child) => leaves(child, ['note']));
      case 'root':
        return node.children.flatMap((child) => (child.type === 'footnoteDefinition' ? [] : leaves(child, path)));
      default:
        return [];
    }
  };
  return leaves(tree, []);
}

/** The text part of the diff's Markdown, or undefined when the text is unchanged (a relabelled note, a re-wrapped line). */
function diffMarkdown(before: string, after: string): string | undefined {
  const { tree, blocks, footnoteLabels } = compareMarkdown(before, after, { whitespace: false });
  if (blocks.every((found) => found.status === 'equal')) return undefined;
  const version = { label: 'v', commit: null, date: '2021-02-19T00:00:00Z', localTime: '2021-02-19T00:00:00', author: 'x' };
  const markdown = formatMarkdown({ kind: 'position', file: 'x.yaml', from: version, to: version, equal: false, metadata: [], stat: [], blocks, footnoteLabels, tree }, false);
  return markdown.slice(markdown.indexOf('## Text\n') + '## Text\n'.length);
}

test('md: for random documents and edits, the diff with every change accepted parses to the newer version and rejected to the older, each reference to its own note', () => {
  fc.assert(
    fc.property(fc.array(block, { minLength: 1, maxLength: 5 }), fc.array(edit, { minLength: 1, maxLength: 5 }), notes, fc.boolean(), fc.boolean(), fc.boolean(), (base, edits, noteTexts, reworded, renumbered, readdressed) => {
      // Notes with the same words are one note to a reader: which reference has which cannot be told.
      fc.pre(new Set(noteTexts.map((note) => note.first.join(' '))).size === noteTexts.length);
      const changed = applyEdits(base, edits);
      const newNotes = reworded ? noteTexts.map((note) => ({ ...note, first: [...note.first, 'jauns'] })) : noteTexts;
      const before = documentMarkdown(base, noteTexts);
      const after = documentMarkdown(changed.length ? changed : base, newNotes, renumbered, readdressed ? 'b' : 'a');
      const markdown = diffMarkdown(before, after);
      if (markdown === undefined) return;
      const versions = `before:\n${before}\nafter:\n${after}\ndiff:\n${markdown}`;
      expect(outline(parseMarkdownText(taken(markdown, 'insert'))), versions).toEqual(outline(parseMarkdownText(after)));
      expect(outline(parseMarkdownText(taken(markdown, 'delete'))), versions).toEqual(outline(parseMarkdownText(before)));
      // Every label is defined once.
      const labels = [...markdown.matchAll(/^ *\[\^([^\]]+)\]:/gm)].map((match) => match[1]?.toLowerCase());
      expect(labels.length).toBe(new Set(labels).size);
    }),
    { numRuns: Number(process.env.RUNS ?? 150) },
  );
});
