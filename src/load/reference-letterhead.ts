/** The first page's header or footer of a reference DOCX taken in as the letterhead, with its pictures, or why not; the document properties its fields show. */

import type { ReferenceDocx, ReferencePart } from '../model/reference-docx.js';
import { RESAVE, partText, attributes, wordPrefixed, notWordPrefixed, declaresType, typeDeclared, notWellFormed } from './reference-xml.js';
import { type PartReference, declaredType, partPath, relationshipsPath, relationshipTargets } from './reference-relationships.js';
import { withStyleIds } from './reference-styles.js';

/** What to do about a letterhead whose picture is not in the file. */
const RESAVE_PICTURE = 'Open it in Word, put the picture into the first page’s header again (Insert → Pictures), and save it.';

/** What to do about a chart or a diagram in a letterhead. */
const AS_PICTURE = 'Open it in Word, replace that object in the first page’s header with a picture of it (copy it, then Home → Paste → Paste Special → Picture), and save it.';

/** What to do about a letterhead with tracked changes. */
const ACCEPT_CHANGES = 'Open it in Word, accept or reject the changes (Review → Accept → Accept All Changes; LibreOffice: Edit → Track Changes → Manage → Accept All), and save it again.';

/** What to do about a letterhead that shows a picture or object from an address outside the file. */
const EMBED_PICTURE = 'Open it in Word, insert the picture into the first page’s header from a file (Insert → Pictures → This Device, then Insert, not Link to File), and save it.';

/** The reference's first-page header or footer with its relationships and pictures, ready to copy into a report; a reason instead when it cannot be taken; undefined when it has none. */
export function referencePart(
  files: Record<string, Uint8Array>,
  targets: ReadonlyMap<string, string>,
  references: readonly PartReference[],
  kind: 'header' | 'footer',
  renames: ReadonlyMap<string, string>,
  types: string,
): ReferencePart | { unreadable: string; hint: string } | undefined {
  const reference = references.find((found) => found.kind === kind && found.type === 'first');
  const target = targets.get(reference?.id ?? '');
  const data = target === undefined ? undefined : files[`word/${target}`];
  if (target === undefined || data === undefined) return undefined;
  const relsData = files[`word/_rels/${target}.rels`];
  const media: Record<string, Uint8Array> = {};
  const mediaTypes: Record<string, string> = {};
  let rels = relsData === undefined ? undefined : partText(relsData);
  const xml = withoutComments(partText(data));
  for (const [name, text] of [[`word/${target}`, xml], [`word/_rels/${target}.rels`, rels]] as const) {
    if (text === undefined) continue;
    if (declaresType(text)) return typeDeclared(name);
    // Copied as it is: a part that is not XML would make every report one Word calls damaged and LibreOffice does not open.
    const problem = notWellFormed(text);
    if (problem) return { unreadable: `its ${name} is not well-formed XML (${problem})`, hint: RESAVE };
  }
  if (!wordPrefixed(xml)) return notWordPrefixed(`word/${target}`);
  const revision = /<w:(?:ins|del|moveFrom|moveTo|[a-zA-Z]+Change|cellIns|cellDel|cellMerge)\b[^>]*>/.exec(xml)?.[0];
  if (revision !== undefined) {
    const author = attributes(revision).get('w:author');
    const by = author ? ` (by ${author})` : '';
    return { unreadable: `its first-page ${kind} (word/${target}) has tracked changes${by}, which every report would show as changes in its letterhead`, hint: ACCEPT_CHANGES };
  }
  const reaching = fieldTypes(xml).find((type) => REACHING_FIELDS.has(type));
  if (reaching !== undefined)
    return {
      unreadable: `its first-page ${kind} (word/${target}) has ${/^[AEIOU]/.test(reaching) ? 'an' : 'a'} ${reaching} field, which fetches from outside the file or asks another program, and Word would do so in every report as it updates the field`,
      hint: `Open it in Word, delete the field from the first page’s ${kind} (a picture: insert it from a file; a text: type it), and save it.`,
    };
  // A Packager object is a file of any kind (a program too) wrapped to be opened with a double click: every report would carry it.
  const packaged = [...xml.matchAll(/<o:OLEObject\b[^>]*>/g)].map((m) => attributes(m[0]).get('ProgID') ?? '').find((id) => /^Package/i.test(id));
  if (packaged !== undefined)
    return {
      unreadable: `its first-page ${kind} (word/${target}) holds a file embedded as a Packager object (ProgID ${packaged}), which every report would carry and a reader could open, or run, with a double click`,
      hint: `Open it in Word, delete that object from the first page’s ${kind} (put a picture in its place if one is needed), and save it.`,
    };
  // A picture (a logo) the part names must be in the file: copied without it, Word finds the report damaged.
  const defined = relationshipTargets(rels ?? '');
  const missing = [...xml.matchAll(/\br:(?:embed|id|link|pict)="([^"]+)"/g)].map((m) => m[1] ?? '').find((id) => !defined.has(id));
  if (missing !== undefined) return { unreadable: `its first-page ${kind} (word/${target}) uses a picture or link ${missing} that the file does not have`, hint: RESAVE_PICTURE };
  let gone: string | undefined;
  let nested: string | undefined;
  let outside: { what: string; address: string } | undefined;
  if (rels !== undefined) {
    rels = rels.replace(/<Relationship\b[^>]*>/g, (tag) => {
      const values = attributes(tag);
      const linked = values.get('Target');
      if (linked === undefined) return tag;
      if (values.get('TargetMode') === 'External') {
        // A hyperlink is followed when clicked; a picture or object linked by address is fetched as the report opens.
        const type = values.get('Type')?.split('/').pop() ?? '';
        if (type !== 'hyperlink') outside ??= { what: type === 'image' ? 'a picture' : 'an object', address: linked };
        return tag;
      }
      const bytes = files[partPath(linked)];
      if (bytes === undefined) {
        gone ??= partPath(linked);
        return tag;
      }
      if (files[relationshipsPath(partPath(linked))] !== undefined) nested ??= partPath(linked);
      const renamed = `media/reference-${kind}-${linked.split('/').pop() ?? 'part'}`;
      media[`word/${renamed}`] = bytes;
      const type = declaredType(types, partPath(linked));
      if (type !== undefined) mediaTypes[`word/${renamed}`] = type;
      return tag.replace(`Target="${linked}"`, `Target="${renamed}"`);
    });
  }
  if (outside !== undefined)
    return {
      unreadable: `its first-page ${kind} (word/${target}) shows ${outside.what} from outside the file, ${outside.address}, which Word and LibreOffice would fetch from there whenever a report is opened`,
      hint: EMBED_PICTURE,
    };
  if (gone !== undefined) return { unreadable: `its first-page ${kind} (word/${target}) uses ${gone}, which the file does not have`, hint: RESAVE_PICTURE };
  // Such a part (a chart, a diagram) is copied alone, its own relationships not: they would name parts the report does not have.
  if (nested !== undefined) return { unreadable: `its first-page ${kind} (word/${target}) holds ${nested}, which has parts of its own (a chart or a diagram) that a report does not take`, hint: AS_PICTURE };
  return { xml: withStyleIds(xml, renames), rels, media, mediaTypes };
}

/**
 * The reference's custom document properties (`docProps/custom.xml`) that a field of its letterhead
 * shows (`DOCPROPERTY Numurs`): a report has none of the template's own, and Word, which updates a
 * header's fields as it lays the page out, would print an error in their place. Each as its
 * `property` element's name (as written in the XML) and its value element (`<vt:lpwstr>…`).
 */
export function shownProperties(custom: string, parts: readonly string[]): ReferenceDocx['properties'] {
  const instructions = parts.map((xml) => [...xml.matchAll(/<w:instrText\b[^>]*>([^<]*)<\/w:instrText>|\bw:instr="([^"]*)"/g)].map((m) => m[1] ?? m[2] ?? '').join('')).join(' ');
  const named = new Set([...instructions.replaceAll('&quot;', '"').matchAll(/\bDOCPROPERTY\s+(?:"([^"]+)"|([^\s"\\]+))/gi)].map((m) => (m[1] ?? m[2] ?? '').toLowerCase()));
  if (!named.size) return [];
  return [...custom.matchAll(/<property\b([^>]*)>([\s\S]*?)<\/property>/g)].flatMap((m) => {
    const name = attributes(m[1] ?? '').get('name') ?? '';
    return named.has(name.toLowerCase()) ? [{ name, xml: (m[2] ?? '').trim() }] : [];
  });
}

/**
 * A header's or footer's text without the anchors of its comments (`w:commentRangeStart`, `…End`,
 * the run of a `w:commentReference`): the comments are the template's authors' notes, in its own
 * comments part, which a report does not take. Left in, they name comments the report does not
 * have: LibreOffice cannot open such a report at all, and Word finds it damaged.
 */
function withoutComments(xml: string): string {
  return xml
    .replace(/<w:commentRange(?:Start|End)\b[^>]*?(?:\/>|>\s*<\/w:commentRange(?:Start|End)>)/g, '')
    .replace(/<w:r\b[^>]*>(?:(?!<\/w:r>)[\s\S])*?<w:commentReference\b[\s\S]*?<\/w:r>/g, '')
    .replace(/<w:commentReference\b[^>]*\/>/g, '');
}

/**
 * Fields that take their result from outside the document: a picture or text from a file or an address
 * (`INCLUDEPICTURE`, `INCLUDETEXT`, `IMPORT`), an object linked from another file (`LINK`), or data asked of
 * another program, which `DDEAUTO` starts as the document opens (`DDE`, `DDEAUTO`).
 */
const REACHING_FIELDS = new Set(['INCLUDEPICTURE', 'INCLUDETEXT', 'IMPORT', 'LINK', 'DDE', 'DDEAUTO']);

/**
 * The type (the first word, in capitals) of each field in a part: a simple one's `w:instr`, and a complex one's
 * instruction, its `w:instrText` runs from its `begin` to the next field character (a nested field is one too).
 */
function fieldTypes(xml: string): string[] {
  const simple = [...xml.matchAll(/<w:fldSimple\b[^>]*>/g)].map((m) => attributes(m[0]).get('w:instr') ?? '');
  const complex = xml
    .split(/<w:fldChar\b[^>]*\bw:fldCharType="begin"[^>]*>/)
    .slice(1)
    .map((after) => [...(after.split('<w:fldChar')[0] ?? '').matchAll(/<w:instrText\b[^>]*>([^<]*)<\/w:instrText>/g)].map((m) => m[1] ?? '').join(''));
  return [...simple, ...complex].map((instruction) => (instruction.trim().split(/\s+/)[0] ?? '').toUpperCase());
}
