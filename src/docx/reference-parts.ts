import { fflate } from '../util/on-first-use.js';
import type { ReferenceDocx, ReferencePart } from '../model/reference-docx.js';
import { escapeRegExp } from '../util/regexp.js';

type Parts = Record<string, string | Uint8Array>;

/**
 * Puts a reference DOCX's parts into a built package: its numbering definitions beside
 * ours, its theme, its mirrored margins (in the settings, where `w:mirrorMargins` follows
 * `w:displayBackgroundShape`, as the schema orders them), the custom properties its
 * letterhead's fields show, and its first-page header and footer (the letterhead) in place of ours.
 * What our own first-page header and footer print (the draft mark, the file code) is
 * added after the letterhead's content, so it is not lost. Deterministic: the same parts
 * and reference always give the same parts, in the same order.
 */
export function withReferenceParts(parts: Parts, reference: ReferenceDocx): Parts {
  const result: Parts = { ...parts };
  const custom = result['docProps/custom.xml'];
  if (custom !== undefined && reference.properties.length) result['docProps/custom.xml'] = withProperties(text(custom), reference.properties);
  const settings = result['word/settings.xml'];
  if (settings !== undefined && reference.page?.mirrored) result['word/settings.xml'] = text(settings).replace('<w:displayBackgroundShape/>', '<w:displayBackgroundShape/><w:mirrorMargins/>');
  const numbering = result['word/numbering.xml'];
  if (numbering !== undefined) result['word/numbering.xml'] = withNumbering(text(numbering), reference.numbering);
  if (reference.theme !== undefined && result['word/theme/theme1.xml'] !== undefined) result['word/theme/theme1.xml'] = reference.theme;
  const document = text(result['word/document.xml'] ?? '');
  const rels = text(result['word/_rels/document.xml.rels'] ?? '');
  for (const [kind, part] of [['header', reference.firstHeader], ['footer', reference.firstFooter]] satisfies [string, ReferencePart | undefined][]) {
    const target = part && firstPageTarget(document, rels, kind);
    if (!part || target === undefined) continue;
    const ours = result[`word/${target}`];
    result[`word/${target}`] = withOwnParagraphs(part.xml, ours === undefined ? '' : text(ours));
    if (part.rels !== undefined) result[`word/_rels/${target}.rels`] = part.rels;
    Object.assign(result, part.media);
    const types = result['[Content_Types].xml'];
    if (types !== undefined) result['[Content_Types].xml'] = withMediaTypes(text(types), Object.keys(part.media), part.mediaTypes);
  }
  return result;
}

/**
 * The custom properties the letterhead's fields show, added after ours under the pids that follow
 * them; a name the report has already (ours) keeps our value.
 */
function withProperties(custom: string, properties: ReferenceDocx['properties']): string {
  const names = new Set([...custom.matchAll(/<property\b[^>]*\bname="([^"]*)"/g)].map((m) => (m[1] ?? '').toLowerCase()));
  let pid = Math.max(1, ...[...custom.matchAll(/<property\b[^>]*\bpid="(\d+)"/g)].map((m) => Number(m[1])));
  const added = properties
    .filter((property) => !names.has(property.name.toLowerCase()))
    .map((property) => `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${++pid}" name="${property.name}">${property.xml}</property>`)
    .join('');
  if (!added) return custom;
  return custom.includes('</Properties>') ? custom.replace('</Properties>', `${added}</Properties>`) : custom.replace(/<Properties\b([^>]*?)\s*\/>/, `<Properties$1>${added}</Properties>`);
}

/** The reference's `w:abstractNum` elements go after ours, its `w:num` elements at the end, as the schema orders them. */
function withNumbering(numbering: string, reference: ReferenceDocx['numbering']): string {
  if (!reference.abstract.length && !reference.instances.length) return numbering;
  const firstInstance = numbering.search(/<w:num[\s>]/);
  const end = numbering.lastIndexOf('</w:numbering>');
  if (end === -1) return numbering;
  const abstractAt = firstInstance === -1 ? end : firstInstance;
  return numbering.slice(0, abstractAt) + reference.abstract.join('') + numbering.slice(abstractAt, end) + reference.instances.join('') + numbering.slice(end);
}

/** The part (e.g. `header2.xml`) our section uses for its first page's header or footer. */
function firstPageTarget(document: string, rels: string, kind: string): string | undefined {
  const tag = new RegExp(`<w:${kind}Reference\\b[^>]*w:type="first"[^>]*>`).exec(document)?.[0];
  const id = tag && /r:id="([^"]+)"/.exec(tag)?.[1];
  if (!id) return undefined;
  const relationship = (rels.match(/<Relationship\b[^>]*>/g) ?? []).find((r) => r.includes(`Id="${id}"`));
  return relationship && /Target="([^"]+)"/.exec(relationship)?.[1];
}

/** The reference's header or footer with our paragraphs added at its end, when ours print anything. */
function withOwnParagraphs(referenceXml: string, ours: string): string {
  if (!/<w:t[\s>]/.test(ours)) return referenceXml;
  const paragraphs = ours.match(/<w:p[\s>][\s\S]*?<\/w:p>/g) ?? [];
  const end = referenceXml.search(/<\/w:(hdr|ftr)>\s*$/);
  if (end === -1 || !paragraphs.length) return referenceXml;
  return referenceXml.slice(0, end) + paragraphs.join('') + referenceXml.slice(end);
}

const MEDIA_TYPES: Record<string, string> = {
  emf: 'image/x-emf',
  wmf: 'image/x-wmf',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  png: 'image/png',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  gif: 'image/gif',
};

/**
 * Declares the content type of each media part: the one the reference gave it (else the usual one
 * of its extension), as the default of an extension the package did not have yet, or as the part's
 * own where the package's default for its extension is another (an embedded object, `.bin`, is not
 * `application/octet-stream` to Word).
 */
function withMediaTypes(types: string, mediaPaths: string[], declared: Readonly<Record<string, string>>): string {
  let result = types;
  for (const path of mediaPaths) {
    const extension = /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase();
    const type = declared[path] ?? MEDIA_TYPES[extension ?? ''] ?? 'application/octet-stream';
    const known = extension && new RegExp(`<Default\\b[^>]*Extension="${escapeRegExp(extension)}"[^>]*>`, 'i').exec(result)?.[0];
    if (extension && !known) result = result.replace('</Types>', `<Default ContentType="${type}" Extension="${extension}"/></Types>`);
    else if (!known || !known.includes(`ContentType="${type}"`)) result = result.replace('</Types>', `<Override ContentType="${type}" PartName="/${path}"/></Types>`);
  }
  return result;
}

function text(data: string | Uint8Array): string {
  return typeof data === 'string' ? data : fflate().strFromU8(data);
}
