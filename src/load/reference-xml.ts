/** A reference DOCX part's XML as read: its text, its attributes, whether it is Word's (the w: prefix, a declared content type, well-formed) and what to do when not. */

import { fflate, saxes } from '../util/on-first-use.js';

/** What to do about a reference damaged inside (a part that is not XML): saving it is no matter of .doc or .docx. */
export const RESAVE = 'Open it in Word, which repairs what it can, and save it again; or start again from `briefing reference-docx`.';

/**
 * A part's text, its namespaces Transitional. Word's "Strict Open XML Document" names the same
 * elements and relationship types under `http://purl.oclc.org/ooxml/<area>/…` where Transitional,
 * which the rest of a report is written in, has `http://schemas.openxmlformats.org/<area>/2006/…`
 * (`wordprocessingml/main`, `officeDocument/relationships/image`, `drawingml/main` …). Copied as
 * they are, a report would mix the two: a logo's Strict relationship type is none Word looks for in
 * a Transitional package.
 */
export function partText(data: Uint8Array): string {
  return fflate().strFromU8(data).replace(/http:\/\/purl\.oclc\.org\/ooxml\/([A-Za-z]+)\//g, 'http://schemas.openxmlformats.org/$1/2006/');
}

/** The attributes of one start tag, by qualified name. */
export function attributes(tag: string): Map<string, string> {
  const values = new Map<string, string>();
  // XML quotes a value with " or ' and allows spaces around "=": xmlns:w='…' is a w: part too.
  for (const [, name, double, single] of tag.matchAll(/\s([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) if (name !== undefined) values.set(name, double ?? single ?? '');
  return values;
}

/** The WordprocessingML namespace, bound to `w` in every part Word writes. */
const WORD_NAMESPACE = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/**
 * True when a part's root element is named with the `w:` prefix, bound on it to WordprocessingML,
 * as Word and LibreOffice write every part: the parts taken are copied as text beside ours, which
 * name their elements `w:…`, and a reference's styles, numbering or letterhead under another prefix
 * (or none, its namespace the default) would not be read as Word's.
 */
export function wordPrefixed(xml: string): boolean {
  const root = /<(?![?!])([^\s/>]+)[^>]*>/.exec(xml);
  return root !== null && (root[1] ?? '').startsWith('w:') && attributes(root[0]).get('xmlns:w') === WORD_NAMESPACE;
}

/** The reason a part whose elements are not `w:…` cannot be taken, and what to do. */
export function notWordPrefixed(name: string): { unreadable: string; hint: string } {
  return { unreadable: `its ${name} names Word's elements with another prefix than w: (or none), as the program that wrote it chose, which briefing does not read`, hint: RESAVE };
}

/** True when a part declares a document type (`<!DOCTYPE …>`, with entities perhaps), which no part Word writes does. */
export function declaresType(text: string): boolean {
  return /<!DOCTYPE\b/i.test(text);
}

/**
 * The reason a part with a document type declaration cannot be taken: copied into a report, Word,
 * which allows none in a DOCX, finds it damaged, and LibreOffice does not open it (so no PDF).
 */
export function typeDeclared(name: string): { unreadable: string; hint: string } {
  return { unreadable: `its ${name} declares a document type (<!DOCTYPE …>), which Word does not allow in a DOCX and LibreOffice refuses to open`, hint: RESAVE };
}

/** Why a part is not well-formed XML, with the line and column; undefined when it is. */
export function notWellFormed(text: string): string | undefined {
  const { SaxesParser } = saxes();
  const parser = new SaxesParser();
  try {
    parser.write(text).close();
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const place = /^(?:[^:]*:)?(\d+):(\d+): (.*)$/.exec(message);
    return place ? `line ${place[1]}, column ${place[2]}: ${(place[3] ?? '').replace(/\.$/, '')}` : message;
  }
}
