import { createHash } from 'node:crypto';
import { fflate } from '../util/on-first-use.js';

// The PDF dated as its DOCX is, instead of at the moment LibreOffice converted it (pdf/convert.ts).

/** One change to the PDF's bytes: `length` bytes at `at` replaced by `with`. */
interface Edit {
  at: number;
  length: number;
  with: Buffer;
}

/** A PDF's classic cross-reference table: where it starts, and each object's number and offset. */
interface XrefTable {
  at: number;
  entries: { at: number; offset: number; object: number }[];
  startxrefAt: number;
  trailer: string;
}

/**
 * The PDF with `date` where LibreOffice stamped the time of the conversion, and an id made from its
 * content instead of from that time: the same DOCX then gives the same PDF, byte for byte, with the same
 * LibreOffice and fonts, and the PDF says it was made on the report's date, as its DOCX does (in the
 * time zone of no machine: LibreOffice wrote the local time, so a PDF built in Riga and one built in
 * CI differed). Changed: the creation and change dates of the document information and of the XMP
 * metadata (PDF/A), the date in the header of the colour profile PDF/A embeds, the `/ID` of the
 * trailer and LibreOffice's `/DocChecksum`; the cross-reference table follows what moved. A PDF this
 * does not know how to read (a cross-reference stream, an update appended) is returned as it is.
 */
export function withDocumentDate(pdf: Uint8Array, date: Date): Uint8Array {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const text = bytes.toString('latin1');
  const xref = xrefTable(text);
  if (!xref) return pdf;
  const xmp = xmpDates(text, xref, date);
  // Its other dates changed alone would disagree with the XMP's, which PDF/A forbids: better the time of the conversion throughout.
  if (!xmp) return pdf;
  const edits = [...infoDates(text, xref, date), ...xmp, ...profileDate(bytes, text, xref, date)];
  const dated = applyEdits(bytes, edits, xref);
  return withContentId(dated);
}

/** The cross-reference table `startxref` points at, when it is the only one and a table, not a stream. */
function xrefTable(text: string): XrefTable | undefined {
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!start) return undefined;
  const at = Number(start[1]);
  const trailerAt = text.indexOf('trailer', at);
  if (!text.startsWith('xref', at) || trailerAt < 0) return undefined;
  const trailer = text.slice(trailerAt, start.index);
  // An update appended to the file (`/Prev`) has a table of its own: not LibreOffice's way, and not read here.
  if (/\/Prev\b/.test(trailer)) return undefined;
  const entries: XrefTable['entries'] = [];
  const table = text.slice(at + 4, trailerAt);
  for (const section of table.matchAll(/(\d+)\s+(\d+)[ \t]*\r?\n((?:\d{10} \d{5} [nf][ \r\n]{2})*)/g)) {
    const first = Number(section[1]);
    const lines = section[3] ?? '';
    const lineAt = at + 4 + (section.index ?? 0) + section[0].length - lines.length;
    for (let index = 0; index * 20 < lines.length; index++) {
      const line = lines.slice(index * 20, index * 20 + 20);
      if (line[17] === 'n') entries.push({ at: lineAt + index * 20, offset: Number(line.slice(0, 10)), object: first + index });
    }
  }
  return { at, entries, startxrefAt: start.index + start[0].indexOf(start[1] ?? ''), trailer };
}

/** The text of object `number` (from `N 0 obj` to its `endobj`) and where it starts; none when the table does not list it. */
function objectAt(text: string, xref: XrefTable, number: number): { at: number; text: string } | undefined {
  const entry = xref.entries.find((each) => each.object === number);
  if (!entry || !text.startsWith(`${number} 0 obj`, entry.offset)) return undefined;
  const end = text.indexOf('endobj', entry.offset);
  return end < 0 ? undefined : { at: entry.offset, text: text.slice(entry.offset, end) };
}

/** The object a key of the trailer or of another object refers to (`/Info 158 0 R`). */
function referred(text: string, key: string): number | undefined {
  const found = new RegExp(`/${key}\\s+(\\d+)\\s+0\\s+R`).exec(text)?.[1];
  return found === undefined ? undefined : Number(found);
}

/** The document information's `/CreationDate` and `/ModDate`, as `D:YYYYMMDDHHmmSSZ`. */
function infoDates(text: string, xref: XrefTable, date: Date): Edit[] {
  const number = referred(xref.trailer, 'Info');
  const info = number === undefined ? undefined : objectAt(text, xref, number);
  if (!info) return [];
  const stamp = `D:${date.toISOString().slice(0, 19).replace(/[-T:]/g, '')}Z`;
  return [...info.text.matchAll(/\/(?:CreationDate|ModDate)\s*\(([^)]*)\)/g)].map((found) => ({
    at: info.at + (found.index ?? 0) + found[0].length - 1 - (found[1] ?? '').length,
    length: (found[1] ?? '').length,
    with: Buffer.from(stamp, 'latin1'),
  }));
}

/**
 * The XMP metadata's dates (`xmp:CreateDate`, `xmp:ModifyDate`, `xmp:MetadataDate`) in the catalog's
 * `/Metadata` stream, and the stream's `/Length` after them: LibreOffice writes a local time with its
 * offset (`-05:00`), so the stream's length, too, came from the time zone of the machine. None when
 * there is no such stream; undefined when there is one that is compressed (PDF/A's never is) or holds
 * a date written otherwise than as an element of its own.
 */
function xmpDates(text: string, xref: XrefTable, date: Date): Edit[] | undefined {
  const root = referred(xref.trailer, 'Root');
  const catalog = root === undefined ? undefined : objectAt(text, xref, root);
  const number = catalog ? referred(catalog.text, 'Metadata') : undefined;
  const metadata = number === undefined ? undefined : objectAt(text, xref, number);
  if (!metadata) return [];
  const dict = metadata.text.slice(0, metadata.text.indexOf('stream'));
  const length = /\/Filter\b/.test(dict) ? undefined : streamLength(text, xref, metadata.at, dict);
  if (!length) return undefined;
  const stamp = Buffer.from(`${date.toISOString().slice(0, 19)}Z`, 'latin1');
  const found = [...metadata.text.matchAll(/<(xmp:(?:CreateDate|ModifyDate|MetadataDate))>([^<]*)<\/\1>/g)];
  // Each element names its date twice, where it opens and where it closes.
  if (found.length !== (metadata.text.match(/xmp:(?:CreateDate|ModifyDate|MetadataDate)\b/g)?.length ?? 0) / 2) return undefined;
  const edits = found.map((each) => ({
    at: metadata.at + (each.index ?? 0) + (each[1] ?? '').length + 2,
    length: (each[2] ?? '').length,
    with: stamp,
  }));
  const grown = edits.reduce((sum, edit) => sum + edit.with.length - edit.length, 0);
  if (!edits.length || !grown) return edits;
  return [...edits, { at: length.at, length: String(length.value).length, with: Buffer.from(String(length.value + grown), 'latin1') }];
}

/**
 * The date in the header of the ICC colour profile a PDF/A's output intent embeds (`/DestOutputProfile`):
 * LibreOffice makes the profile afresh on every run, dated then. The stream is compressed again (by
 * fflate, the same bytes wherever it runs) and its `/Length` written anew.
 */
function profileDate(bytes: Buffer, text: string, xref: XrefTable, date: Date): Edit[] {
  const number = referred(text, 'DestOutputProfile');
  const profile = number === undefined ? undefined : objectAt(text, xref, number);
  if (!profile) return [];
  const dictEnd = profile.text.indexOf('stream');
  const dict = profile.text.slice(0, dictEnd);
  if (!/\/Filter\s*\/FlateDecode\s*[/>]/.test(dict) || /\/DecodeParms/.test(dict)) return [];
  const length = streamLength(text, xref, profile.at, dict);
  if (!length) return [];
  const dataAt = profile.at + dictEnd + (profile.text.startsWith('stream\r\n', dictEnd) ? 8 : 7);
  let icc: Uint8Array;
  try {
    icc = fflate().unzlibSync(bytes.subarray(dataAt, dataAt + length.value));
  } catch {
    return [];
  }
  // An ICC profile's header: its signature `acsp` at 36, its date at 24 as six 16-bit numbers, year to second.
  if (icc.length < 128 || Buffer.from(icc.subarray(36, 40)).toString('latin1') !== 'acsp') return [];
  const header = Buffer.from(icc);
  [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()].forEach((value, index) => header.writeUInt16BE(value, 24 + 2 * index));
  const data = Buffer.from(fflate().zlibSync(header, { level: 6 }));
  return [
    { at: dataAt, length: length.value, with: data },
    { at: length.at, length: String(length.value).length, with: Buffer.from(String(data.length), 'latin1') },
  ];
}

/** The `/Length` of the stream whose object starts at `start`, given in its dictionary or in an object of its own (`/Length 114 0 R`): its value and where its digits are. */
function streamLength(text: string, xref: XrefTable, start: number, dict: string): { at: number; value: number } | undefined {
  const indirect = /\/Length\s+(\d+)\s+0\s+R/.exec(dict);
  if (indirect) {
    const holder = objectAt(text, xref, Number(indirect[1]));
    const value = holder ? /obj\s+(\d+)/.exec(holder.text) : undefined;
    return holder && value?.[1] ? { at: holder.at + value.index + value[0].length - value[1].length, value: Number(value[1]) } : undefined;
  }
  const direct = /\/Length\s+(\d+)/.exec(dict);
  return direct?.[1] ? { at: start + direct.index + direct[0].length - direct[1].length, value: Number(direct[1]) } : undefined;
}

/** The PDF with the edits made (none overlapping), its objects' offsets in the cross-reference table and `startxref` moved with them. */
function applyEdits(bytes: Buffer, edits: readonly Edit[], xref: XrefTable): Buffer {
  const sorted = [...edits].sort((a, b) => a.at - b.at);
  const moved = (offset: number) => offset + sorted.filter((edit) => edit.at < offset).reduce((sum, edit) => sum + edit.with.length - edit.length, 0);
  const out = Buffer.from(bytes);
  for (const entry of xref.entries) out.write(String(moved(entry.offset)).padStart(10, '0'), entry.at, 'latin1');
  const pieces: Buffer[] = [];
  let from = 0;
  for (const edit of sorted) {
    pieces.push(out.subarray(from, edit.at), edit.with);
    from = edit.at + edit.length;
  }
  // The edits are all before the table: `startxref` is the last number of the file, written anew.
  pieces.push(out.subarray(from, xref.startxrefAt), Buffer.from(String(moved(xref.at)), 'latin1'), out.subarray(xref.startxrefAt + String(xref.at).length));
  return Buffer.concat(pieces);
}

/**
 * The PDF with its `/ID` (both parts) and LibreOffice's `/DocChecksum` set to the MD5 of its bytes with
 * them blanked: LibreOffice made them of the time of the conversion, too. Each keeps its length.
 */
function withContentId(pdf: Buffer): Uint8Array {
  const text = pdf.toString('latin1');
  const trailerAt = text.lastIndexOf('trailer');
  if (trailerAt < 0) return new Uint8Array(pdf);
  const places: { at: number; length: number }[] = [];
  // Each hexadecimal string of the `/ID` array, and the name that holds the checksum.
  for (const found of text.slice(trailerAt).matchAll(/\/ID\s*\[([^\]]*)\]|\/DocChecksum\s*\/([0-9A-Fa-f]+)/g)) {
    const at = trailerAt + (found.index ?? 0);
    if (found[2] !== undefined) places.push({ at: at + found[0].length - found[2].length, length: found[2].length });
    const inside = at + found[0].indexOf('[') + 1;
    for (const hex of (found[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>/g)) places.push({ at: inside + (hex.index ?? 0) + 1, length: (hex[1] ?? '').length });
  }
  const out = Buffer.from(pdf);
  for (const place of places) out.fill('0', place.at, place.at + place.length, 'latin1');
  const digest = createHash('md5').update(out).digest('hex').toUpperCase();
  for (const place of places) out.write(digest.padEnd(place.length, '0').slice(0, place.length), place.at, 'latin1');
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
