import { Packer, type Document } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

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
 * and stable relationship ids instead of the random ones `docx` gives hyperlinks.
 */
export async function packDocx(document: Document, date: Date): Promise<Uint8Array> {
  const packed = new Uint8Array(await Packer.toArrayBuffer(document));
  const entries = unzipSync(packed);
  const names = Object.keys(entries);
  const renames = stableRelationshipIds(names.filter((n) => n.endsWith('.rels')).map((n) => text(entries, n)));
  const stamp = date.toISOString().replace(/\.\d{3}Z$/, 'Z');

  const ordered: Zippable = {};
  const first = names.filter((n) => n === '[Content_Types].xml');
  for (const name of [...first, ...names.filter((n) => n !== '[Content_Types].xml')]) {
    const data = entries[name];
    if (!data) continue;
    if (!/\.(xml|rels)$/.test(name)) {
      ordered[name] = data;
      continue;
    }
    let xml = strFromU8(data);
    for (const [from, to] of renames) xml = xml.split(`"${from}"`).join(`"${to}"`);
    if (name === 'docProps/core.xml') {
      xml = xml.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`);
    }
    ordered[name] = strToU8(xml);
  }
  return zipSync(ordered, { level: 6, mtime: zipTime() });
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

function text(entries: Record<string, Uint8Array>, name: string): string {
  const data = entries[name];
  return data ? strFromU8(data) : '';
}
