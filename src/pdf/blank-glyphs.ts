import { inflateSync } from 'node:zlib';

/**
 * The characters a PDF from LibreOffice draws as blank space or an empty box, in the order first
 * met: ones no font on the machine has (👍, 你好 with no emoji or CJK font installed). LibreOffice
 * sets such a character in the paragraph's font with its `.notdef` glyph (no outline in Liberation
 * Serif, a box in Liberation Mono), so the page shows a gap or a box while
 * its text (copied, searched, `pdftotext`) still holds the character: only the font tells. The
 * first such character is that glyph's entry in the font's ToUnicode map; each further one is
 * drawn with the same code inside a span whose ActualText names it. Empty when the PDF's objects
 * cannot be read this way (object streams, another writer than LibreOffice).
 */
export function charactersDrawnBlank(pdf: Uint8Array): string[] {
  const objects = pdfObjects(pdf);
  const found = new Set<string>();
  // Per font object: the codes it draws with its .notdef glyph, and what they stand for.
  const blankCodes = new Map<string, Map<number, string>>();
  for (const [id, object] of objects) {
    const file = /\/FontDescriptor\s+(\d+)\s+0\s+R/.exec(object.dict)?.[1];
    const fontFile = file ? /\/FontFile2\s+(\d+)\s+0\s+R/.exec(objects.get(file)?.dict ?? '')?.[1] : undefined;
    const toUnicode = /\/ToUnicode\s+(\d+)\s+0\s+R/.exec(object.dict)?.[1];
    const font = fontFile ? objects.get(fontFile)?.stream : undefined;
    const map = toUnicode ? objects.get(toUnicode)?.stream : undefined;
    if (!font || !map) continue;
    const unicode = toUnicodeMap(map.toString('latin1'));
    const blank = new Map<number, string>();
    for (const code of missingGlyphCodes(font)) {
      const text = unicode.get(code);
      // A space, or a sign that only steers the layout (a soft hyphen, a zero-width joiner), is blank by right; a code with no text is no character of the report.
      if (text === undefined || /^[\s\p{Cf}]*$/u.test(text)) continue;
      blank.set(code, text);
      found.add(text);
    }
    if (blank.size) blankCodes.set(id, blank);
  }
  if (!blankCodes.size) return [];
  // The content streams: each further character, by the span that draws a blank code of its font.
  const fontsByName = new Map<string, string>();
  for (const object of objects.values()) {
    // The page's fonts, in its resources or in an object of their own (`/Font 22 0 R`).
    for (const fonts of object.dict.matchAll(/\/Font\s*(?:<<([^>]*)>>|(\d+)\s+0\s+R)/g)) {
      const names = fonts[1] ?? objects.get(fonts[2] ?? '')?.dict ?? '';
      for (const each of names.matchAll(/\/([^\s/]+)\s+(\d+)\s+0\s+R/g)) fontsByName.set(each[1] ?? '', each[2] ?? '');
    }
  }
  for (const object of objects.values()) {
    const content = object.stream?.toString('latin1');
    if (!content?.includes('/ActualText')) continue;
    for (const span of content.matchAll(/\/ActualText\s*<FEFF([0-9A-Fa-f]*)>[^]*?BDC([^]*?)EMC/g)) {
      const drawn = /\/([^\s/]+)\s+[\d.]+\s+Tf\s*<([0-9A-Fa-f]{2})>\s*Tj/.exec(span[2] ?? '');
      const blank = blankCodes.get(fontsByName.get(drawn?.[1] ?? '') ?? '');
      if (drawn && blank?.has(Number.parseInt(drawn[2] ?? '', 16))) found.add(utf16(span[1] ?? ''));
    }
  }
  return [...found];
}

/** A PDF object's dictionary and, when it has one, its stream (inflated when it is Flate-encoded). */
interface PdfObject {
  dict: string;
  stream: Buffer | undefined;
}

/** The PDF's objects by number, as written one after another (not in object streams). */
function pdfObjects(pdf: Uint8Array): Map<string, PdfObject> {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const text = bytes.toString('latin1');
  const objects = new Map<string, PdfObject>();
  for (const match of text.matchAll(/(?<![\d])(\d+)\s+0\s+obj\b((?:(?!endobj)[^])*?)(?:stream\r?\n|endobj)/g)) {
    const dict = match[2] ?? '';
    let stream: Buffer | undefined;
    if (match[0].endsWith('\n')) {
      const start = (match.index ?? 0) + match[0].length;
      const end = text.indexOf('endstream', start);
      const raw = bytes.subarray(start, end < 0 ? start : end);
      try {
        stream = /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw;
      } catch {
        stream = undefined;
      }
    }
    objects.set(match[1] ?? '', { dict, stream });
  }
  return objects;
}

/** A ToUnicode CMap's single codes (`<43> <D83DDC4D>`) → the text each stands for. */
export function toUnicodeMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([^]*?)endbfchar/g)) {
    for (const pair of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g)) map.set(Number.parseInt(pair[1] ?? '', 16), utf16(pair[2] ?? ''));
  }
  for (const block of cmap.matchAll(/beginbfrange([^]*?)endbfrange/g)) {
    for (const range of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const from = Number.parseInt(range[1] ?? '', 16);
      const to = Number.parseInt(range[2] ?? '', 16);
      // The range's first text, in UTF-16 as a CMap writes it; each next code is that text with its last unit one further.
      const first = utf16(range[3] ?? '');
      const last = first.charCodeAt(first.length - 1);
      if (!first || Number.isNaN(last)) continue;
      for (let code = from; code <= to && code - from < 256; code++) map.set(code, first.slice(0, -1) + String.fromCharCode(last + code - from));
    }
  }
  return map;
}

/** Text written as UTF-16BE hex digits. */
function utf16(hex: string): string {
  const units: number[] = [];
  for (let at = 0; at + 4 <= hex.length; at += 4) units.push(Number.parseInt(hex.slice(at, at + 4), 16));
  return String.fromCharCode(...units);
}

/**
 * The one-byte codes of an embedded TrueType font (its `cmap` of format 0, as LibreOffice writes a
 * subset) drawn with the font's sign for a missing character: the glyph is the same as glyph 0,
 * `.notdef`, which is no outline in Liberation Serif (a gap) and an empty box in Liberation Mono.
 * Code 0 is left out.
 */
function missingGlyphCodes(font: Buffer): number[] {
  try {
    const tables = new Map<string, number>();
    for (let index = 0; index < font.readUInt16BE(4); index++) tables.set(font.toString('latin1', 12 + 16 * index, 16 + 16 * index), font.readUInt32BE(20 + 16 * index));
    const [cmap, loca, head, glyf] = [tables.get('cmap'), tables.get('loca'), tables.get('head'), tables.get('glyf')];
    if (cmap === undefined || loca === undefined || head === undefined || glyf === undefined) return [];
    const longOffsets = font.readInt16BE(head + 50) === 1;
    const offset = (glyph: number) => (longOffsets ? font.readUInt32BE(loca + 4 * glyph) : 2 * font.readUInt16BE(loca + 2 * glyph));
    const outline = (glyph: number) => font.subarray(glyf + offset(glyph), glyf + offset(glyph + 1));
    const notdef = outline(0);
    const codes = new Set<number>();
    for (let index = 0; index < font.readUInt16BE(cmap + 2); index++) {
      const table = cmap + font.readUInt32BE(cmap + 8 + 8 * index);
      if (font.readUInt16BE(table) !== 0) continue;
      for (let code = 1; code < 256; code++) {
        const glyph = font[table + 6 + code] ?? 0;
        if (outline(glyph).equals(notdef)) codes.add(code);
      }
    }
    return [...codes];
  } catch {
    // A font cut short or not TrueType: nothing can be said of it.
    return [];
  }
}
