/**
 * The namespaces the parts' root elements declare, in the order and with the `mc:Ignorable` place
 * every DOCX briefing wrote has them (Word's own order, as the `docx` library wrote it).
 */
export const NAMESPACES: Record<string, string> = {
  wpc: 'http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  o: 'urn:schemas-microsoft-com:office:office',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  m: 'http://schemas.openxmlformats.org/officeDocument/2006/math',
  v: 'urn:schemas-microsoft-com:vml',
  wp14: 'http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing',
  wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  w10: 'urn:schemas-microsoft-com:office:word',
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  w14: 'http://schemas.microsoft.com/office/word/2010/wordml',
  w15: 'http://schemas.microsoft.com/office/word/2012/wordml',
  wpg: 'http://schemas.microsoft.com/office/word/2010/wordprocessingGroup',
  wpi: 'http://schemas.microsoft.com/office/word/2010/wordprocessingInk',
  wne: 'http://schemas.microsoft.com/office/word/2006/wordml',
  wps: 'http://schemas.microsoft.com/office/word/2010/wordprocessingShape',
  cp: 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  dcmitype: 'http://purl.org/dc/dcmitype/',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  cx: 'http://schemas.microsoft.com/office/drawing/2014/chartex',
  cx1: 'http://schemas.microsoft.com/office/drawing/2015/9/8/chartex',
  cx2: 'http://schemas.microsoft.com/office/drawing/2015/10/21/chartex',
  cx3: 'http://schemas.microsoft.com/office/drawing/2016/5/9/chartex',
  cx4: 'http://schemas.microsoft.com/office/drawing/2016/5/10/chartex',
  cx5: 'http://schemas.microsoft.com/office/drawing/2016/5/11/chartex',
  cx6: 'http://schemas.microsoft.com/office/drawing/2016/5/12/chartex',
  cx7: 'http://schemas.microsoft.com/office/drawing/2016/5/13/chartex',
  cx8: 'http://schemas.microsoft.com/office/drawing/2016/5/14/chartex',
  aink: 'http://schemas.microsoft.com/office/drawing/2016/ink',
  am3d: 'http://schemas.microsoft.com/office/drawing/2017/model3d',
  w16cex: 'http://schemas.microsoft.com/office/word/2018/wordml/cex',
  w16cid: 'http://schemas.microsoft.com/office/word/2016/wordml/cid',
  w16: 'http://schemas.microsoft.com/office/word/2018/wordml',
  w16sdtdh: 'http://schemas.microsoft.com/office/word/2020/wordml/sdtdatahash',
  w16se: 'http://schemas.microsoft.com/office/word/2015/wordml/symex',
};

/** The `xmlns:` attributes (name and value) for the given prefixes (space-separated), in that order. */
export function namespaceAttributes(prefixes: string): [string, string][] {
  return prefixes.split(' ').map((prefix) => [`xmlns:${prefix}`, NAMESPACES[prefix] ?? '']);
}

/** `xmlns:` attributes for the given prefixes (space-separated), in that order, then `mc:Ignorable` when given. */
export function namespaces(prefixes: string, ignorable?: string): string {
  const attributes = namespaceAttributes(prefixes).map(([name, value]) => ` ${name}="${value}"`);
  return attributes.join('') + (ignorable === undefined ? '' : ` mc:Ignorable="${ignorable}"`);
}

/** The namespaces of a part with text in it, as far as `wps`. */
export const WORD_NAMESPACES = 'wpc mc o r m v wp14 wp w10 w w14 w15 wpg wpi wne wps';
const CHARTS = 'cx cx1 cx2 cx3 cx4 cx5 cx6 cx7 cx8';

/** The opening tags of the body's parts. */
export const ROOT = {
  document: `<w:document mc:Ignorable="w14 w15 wp14"${namespaces(`${WORD_NAMESPACES} ${CHARTS} aink am3d w16cex w16cid w16 w16sdtdh w16se`)}>`,
  header: `<w:hdr${namespaces(`${WORD_NAMESPACES} ${CHARTS} w16cid w16se`)}>`,
  footer: `<w:ftr${namespaces(WORD_NAMESPACES)}>`,
} as const;
