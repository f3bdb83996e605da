import { crc32 } from 'node:zlib';
import { fflate } from '../util/on-first-use.js';

/**
 * One file of a zip archive: its name and its bytes, or its text (written as UTF-8). An entry
 * given as text with the same name and text as in the last archive made in this thread is
 * neither encoded nor deflated again.
 */
export type ZipEntry = { name: string; data: Uint8Array; text?: string } | { name: string; data?: undefined; text: string };

interface Packed {
  crc: number;
  size: number;
  deflated: Uint8Array;
}

// Most parts of a DOCX (styles, theme, numbering, settings, fonts) are the same text in every
// report of a batch; deflating them again was about three quarters of the zip time. The last
// text of each entry name is remembered with its deflated bytes (a DOCX has about 25 names).
const lastByName = new Map<string, { text: string; packed: Packed }>();

const encoder = new TextEncoder();

/**
 * Zips the entries in the given order, deflated at level 6 with fflate, every entry stamped
 * with `mtime` (as a DOS time from its local-time parts). The bytes are exactly those of
 * fflate's `zipSync(entries, { level: 6, mtime })` (a test holds it to that), written here so
 * that an entry's deflated bytes can be reused from an earlier report.
 */
export function zipEntries(entries: readonly ZipEntry[], mtime: Date): Uint8Array {
  const files = entries.map((entry) => {
    const name = encoder.encode(entry.name);
    return { name, utf8Name: name.length !== entry.name.length, ...packed(entry) };
  });
  const localSize = files.reduce((sum, f) => sum + 30 + f.name.length + f.deflated.length, 0);
  const centralSize = files.reduce((sum, f) => sum + 46 + f.name.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  const time = dosTime(mtime);
  let offset = 0;
  let central = localSize;
  for (const file of files) {
    // Local file header, then the data; its central directory record further on.
    header(view, offset, false, file, time);
    out.set(file.name, offset + 30);
    out.set(file.deflated, offset + 30 + file.name.length);
    header(view, central, true, file, time);
    view.setUint32(central + 42, offset, true);
    out.set(file.name, central + 46);
    offset += 30 + file.name.length + file.deflated.length;
    central += 46 + file.name.length;
  }
  view.setUint32(central, 0x06054b50, true);
  view.setUint16(central + 8, files.length, true);
  view.setUint16(central + 10, files.length, true);
  view.setUint32(central + 12, centralSize, true);
  view.setUint32(central + 16, localSize, true);
  return out;
}

function packed(entry: ZipEntry): Packed {
  const last = lastByName.get(entry.name);
  if (entry.text !== undefined && last?.text === entry.text) return last.packed;
  const data = entry.data ?? encoder.encode(entry.text);
  const result = { crc: crc32(data), size: data.length, deflated: fflate().deflateSync(data, { level: 6 }) };
  if (entry.text !== undefined) lastByName.set(entry.name, { text: entry.text, packed: result });
  return result;
}

/** The fields a local header and a central directory record share (central ones 2 bytes later). */
function header(view: DataView, at: number, central: boolean, file: Packed & { name: Uint8Array; utf8Name: boolean }, time: number): void {
  view.setUint32(at, central ? 0x02014b50 : 0x04034b50, true);
  const b = central ? at + 6 : at + 4;
  if (central) view.setUint16(at + 4, 20, true); // made by: version 2.0
  view.setUint16(b, 20, true); // needed to extract: version 2.0
  view.setUint16(b + 2, file.utf8Name ? 0x0800 : 0, true); // flags: UTF-8 name
  view.setUint16(b + 4, 8, true); // deflate
  view.setUint32(b + 6, time, true);
  view.setUint32(b + 10, file.crc, true);
  view.setUint32(b + 14, file.deflated.length, true);
  view.setUint32(b + 18, file.size, true);
  view.setUint16(b + 22, file.name.length, true);
}

function dosTime(date: Date): number {
  const year = date.getFullYear() - 1980;
  if (year < 0 || year > 119) throw new Error(`a zip cannot hold the date ${date.toISOString()}`);
  return ((year << 25) | ((date.getMonth() + 1) << 21) | (date.getDate() << 16) | (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1)) >>> 0;
}
