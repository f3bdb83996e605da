import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';

/** How to read a document with tracked changes: as it is shown, or after accepting or rejecting every change. */
export type Reading = 'as-is' | 'accept' | 'reject';

interface Paragraph {
  text: string;
  /** The paragraph mark itself is a tracked insertion, a deletion, or both (inserted, then deleted: gone either way). */
  marks: ('ins' | 'del')[];
}

/**
 * The paragraphs of a DOCX part (body or footnotes) as text, read from its XML the way
 * Word resolves tracked changes: accepting drops `w:del` and unwraps `w:ins`, rejecting
 * does the opposite, and a paragraph whose mark goes away joins the paragraph after it; the
 * last paragraph's mark cannot go, so a last paragraph of one version stays, empty, in the other.
 * `as-is` refuses a document that still has tracked changes.
 */
export function paragraphs(docx: Uint8Array, reading: Reading, part: 'document' | 'footnotes' = 'document'): string[] {
  const entry = unzipSync(docx)[`word/${part}.xml`];
  if (!entry) return [];
  return resolve(readParagraphs(strFromU8(entry)), reading, `word/${part}.xml`);
}

/**
 * The footnotes a reader sees, in the order of their references in the body: the text of
 * each one (its paragraphs joined by line breaks), read as {@link paragraphs} reads a part.
 * Accepting every change drops the notes whose reference is a tracked deletion, rejecting
 * those whose reference is a tracked insertion, as Word does with a note and its mark.
 */
export function notes(docx: Uint8Array, reading: Reading): string[] {
  const files = unzipSync(docx);
  const body = files['word/document.xml'];
  if (!body) return [];
  const texts = new Map<string, string>();
  const part = files['word/footnotes.xml'];
  for (const [, id, xml] of strFromU8(part ?? new Uint8Array()).matchAll(/<w:footnote\b[^>]*\bw:id="(-?\d+)"[^>]*>([\s\S]*?)<\/w:footnote>/g)) {
    texts.set(id ?? '', resolve(readParagraphs(`<w:footnote>${xml ?? ''}</w:footnote>`), reading, `footnote ${id ?? ''}`).join('\n'));
  }
  const parser = new SaxesParser();
  const stack: string[] = [];
  const found: string[] = [];
  parser.on('opentag', (tag) => {
    stack.push(tag.name);
    if (tag.name !== 'w:footnoteReference') return;
    if ((reading === 'accept' && stack.includes('w:del')) || (reading === 'reject' && stack.includes('w:ins'))) return;
    const id = String(tag.attributes['w:id'] ?? '');
    const text = texts.get(id);
    if (text === undefined) throw new Error(`footnote reference ${id} has no footnote`);
    found.push(text);
  });
  parser.on('closetag', () => stack.pop());
  parser.write(strFromU8(body)).close();
  return found;
}

/** Paragraphs read from a part, as shown or with every tracked change accepted or rejected. */
function resolve(read: ReturnType<typeof readParagraphs>, reading: Reading, where: string): string[] {
  if (reading === 'as-is') {
    if (read.revisions) throw new Error(`${where} has ${read.revisions} tracked changes`);
    return read.paragraphs.map((p) => p.text);
  }
  const dropped = reading === 'accept' ? 'del' : 'ins';
  const result: string[] = [];
  let carried = '';
  read.paragraphs.forEach((paragraph, index) => {
    const text = carried + (reading === 'accept' ? paragraph.accepted : paragraph.rejected);
    // The last paragraph's mark stays whatever is accepted or rejected, as in Word and LibreOffice: nothing follows to join.
    if (paragraph.marks.includes(dropped) && index < read.paragraphs.length - 1) carried = text;
    else {
      carried = '';
      result.push(text);
    }
  });
  return result;
}

/** Counts the tracked insertions and deletions in the body, with their authors and dates. */
export function revisions(docx: Uint8Array): { kind: 'ins' | 'del'; author: string; date: string }[] {
  const entry = unzipSync(docx)['word/document.xml'];
  const found: { kind: 'ins' | 'del'; author: string; date: string }[] = [];
  if (!entry) return found;
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    if (tag.name === 'w:ins' || tag.name === 'w:del') {
      found.push({ kind: tag.name === 'w:ins' ? 'ins' : 'del', author: String(tag.attributes['w:author'] ?? ''), date: String(tag.attributes['w:date'] ?? '') });
    }
  });
  parser.write(strFromU8(entry)).close();
  return found;
}

function readParagraphs(xml: string) {
  const parser = new SaxesParser();
  const stack: string[] = [];
  const paragraphs: (Paragraph & { accepted: string; rejected: string })[] = [];
  let current: (Paragraph & { accepted: string; rejected: string }) | null = null;
  let revisionCount = 0;
  // The space the writer puts after a note's number mark (as Word does) parts the mark from the note's text: none of it.
  let afterNoteMark = false;
  const inside = (name: string) => stack.includes(name);
  const add = (written: string) => {
    const text = afterNoteMark && written.startsWith(' ') ? written.slice(1) : written;
    afterNoteMark = false;
    if (!current) return;
    const deleted = inside('w:del') && !inside('w:pPr');
    const inserted = inside('w:ins') && !inside('w:pPr');
    current.text += text;
    if (!deleted) current.accepted += text;
    if (!inserted) current.rejected += text;
  };
  parser.on('opentag', (tag) => {
    const parent = stack.at(-1);
    stack.push(tag.name);
    if (tag.name === 'w:p') current = { text: '', accepted: '', rejected: '', marks: [] };
    if ((tag.name === 'w:ins' || tag.name === 'w:del') && current) {
      revisionCount++;
      if (parent === 'w:rPr' && stack.includes('w:pPr')) current.marks.push(tag.name === 'w:ins' ? 'ins' : 'del');
    }
    if (tag.name === 'w:footnoteRef') afterNoteMark = true;
    if (tag.name === 'w:tab' && parent === 'w:r') add('\t');
    if (tag.name === 'w:br') add('\n');
  });
  parser.on('text', (text) => {
    const name = stack.at(-1);
    if (name === 'w:t' || name === 'w:delText') add(text);
  });
  parser.on('closetag', (tag) => {
    stack.pop();
    if (tag.name === 'w:p' && current) {
      paragraphs.push(current);
      current = null;
    }
  });
  parser.write(xml).close();
  return { paragraphs, revisions: revisionCount };
}

/**
 * The numbered paragraphs of the body as Word numbers them after accepting or rejecting every
 * change (`3) text`): a paragraph whose mark is dropped goes, a tracked change of its list
 * (`w:pPrChange`) gives it its older list when rejected, and each list (`w:numId`) counts its
 * first level on from its start. Enough for flat lists; nested levels are not counted apart.
 */
export function numberedItems(docx: Uint8Array, reading: 'accept' | 'reject'): string[] {
  const files = unzipSync(docx);
  const numbering = strFromU8(files['word/numbering.xml'] ?? new Uint8Array());
  const starts = new Map<string, number>();
  for (const [, id, num] of numbering.matchAll(/<w:num w:numId="(\d+)">([\s\S]*?)<\/w:num>/g)) {
    starts.set(id ?? '', Number(/<w:lvlOverride w:ilvl="0"><w:startOverride w:val="(\d+)"/.exec(num ?? '')?.[1] ?? 1));
  }
  const counted = new Map<string, number>();
  const items: string[] = [];
  const [dropped, kept] = reading === 'accept' ? ['del', 'ins'] : ['ins', 'del'];
  for (const [, properties = '', content = ''] of strFromU8(files['word/document.xml'] ?? new Uint8Array()).matchAll(/<w:p\b[^>]*>(?:<w:pPr>((?:<w:pPrChange\b[\s\S]*?<\/w:pPrChange>|[\s\S])*?)<\/w:pPr>)?([\s\S]*?)<\/w:p>/g)) {
    const change = /<w:pPrChange\b[\s\S]*<\/w:pPrChange>/.exec(properties)?.[0];
    const own = properties.replace(/<w:pPrChange\b[\s\S]*<\/w:pPrChange>/, '');
    if (new RegExp(`<w:rPr><w:${dropped}\\b|<w:rPr><w:${kept}\\b[^>]*/><w:${dropped}\\b`).test(own)) continue;
    const numId = /<w:numId w:val="(\d+)"/.exec(reading === 'reject' && change ? change : own)?.[1];
    if (numId === undefined) continue;
    const number = counted.has(numId) ? (counted.get(numId) ?? 0) + 1 : (starts.get(numId) ?? 1);
    counted.set(numId, number);
    const text = content
      .replace(new RegExp(`<w:${dropped}\\b[^>]*[^/]>[\\s\\S]*?</w:${dropped}>`, 'g'), '')
      .replace(/<[^>]+>/g, '');
    items.push(`${number}) ${text}`);
  }
  return items;
}
