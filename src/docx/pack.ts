import type { ReferenceDocx } from '../model/reference-docx.js';
import { withReferenceParts } from './reference-parts.js';
import { documentParts, type DocumentOptions } from './ooxml/document.js';
import { zipEntries, type ZipEntry } from './zip.js';
import { utcSeconds } from '../model/date.js';
import { fflate } from '../util/on-first-use.js';

/**
 * The zip entries' modification time. fflate writes DOS times from local-time getters,
 * so the date is built from local-time parts, anew for each document (the time zone
 * may change during a process): the same bytes in every time zone.
 */
function zipTime(): Date {
  return new Date(1980, 0, 1, 12, 0, 0);
}

/**
 * Packs a document into DOCX bytes that depend only on the document and `date`:
 * fixed zip entry order and times, the given creation date in the core properties,
 * and stable relationship ids for links (rIdL1, rIdL2, … in order of appearance).
 * With a reference DOCX, its numbering, theme and first-page header and footer are put in.
 */
export function packDocx(document: DocumentOptions, date: Date, reference?: ReferenceDocx): Uint8Array {
  const parts = documentParts(document);
  return zipParts(reference ? withReferenceParts(parts, reference) : parts, date);
}

/** Zips a package's files with fixed order and times, the given date, and stable relationship ids. */
export function zipParts(entries: Record<string, string | Uint8Array>, date: Date): Uint8Array {
  const names = Object.keys(entries);
  const renames = stableRelationshipIds(names.filter((n) => n.endsWith('.rels')).map((n) => text(entries, n)));
  // Our writer numbers links as they are renamed (rIdL1, …): a pass over every part only when some id changes.
  const renaming = [...renames].some(([from, to]) => from !== to);
  const stamp = utcSeconds(date);

  const ordered: ZipEntry[] = [];
  const first = names.filter((n) => n === '[Content_Types].xml');
  for (const name of [...first, ...names.filter((n) => n !== '[Content_Types].xml')]) {
    const data = entries[name];
    if (!data) continue;
    if (!/\.(xml|rels)$/.test(name)) {
      ordered.push({ name, data: typeof data === 'string' ? fflate().strToU8(data) : data });
      continue;
    }
    let xml = typeof data === 'string' ? data : fflate().strFromU8(data);
    // One pass over the part, however many ids are renamed (a pass per id grew with the square of the links).
    if (renaming) xml = xml.replace(/"([^"<>\s]+)(?=")/g, (_quoted, id: string) => `"${renames.get(id) ?? id}`);
    if (name === 'docProps/core.xml') {
      xml = xml.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`);
    }
    ordered.push({ name, text: xml });
  }
  return zipEntries(ordered, zipTime());
}

/** Maps each relationship id that is not of the plain `rId<n>` form to `rIdL<n>`, in order of appearance. */
function stableRelationshipIds(relationshipFiles: string[]): Map<string, string> {
  const renames = new Map<string, string>();
  for (const xml of relationshipFiles) {
    for (const match of xml.matchAll(/\bId="([^"]+)"/g)) {
      const id = match[1];
      if (id && !/^rId\d+$/.test(id) && !renames.has(id)) renames.set(id, `rIdL${renames.size + 1}`);
    }
  }
  return renames;
}

function text(entries: Record<string, string | Uint8Array>, name: string): string {
  const data = entries[name] ?? '';
  return typeof data === 'string' ? data : fflate().strFromU8(data);
}
