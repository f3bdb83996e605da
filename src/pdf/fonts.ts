import { fflate } from '../util/on-first-use.js';

/**
 * The fonts LibreOffice puts in for ones it lacks whose letters take the same room (metric
 * compatible), by the font a DOCX names, both compared as {@link fontKey}: a PDF in them looks and
 * breaks its lines as the DOCX does in Word.
 */
const SAME_METRICS: Readonly<Record<string, readonly string[]>> = {
  timesnewroman: ['liberationserif'],
  times: ['liberationserif'],
  arial: ['liberationsans'],
  helvetica: ['liberationsans'],
  arialnarrow: ['liberationsansnarrow'],
  couriernew: ['liberationmono'],
  courier: ['liberationmono'],
  calibri: ['carlito'],
  cambria: ['caladea'],
};

/** LibreOffice's own symbol font, which it may use for a bullet or a sign whatever the styles say. */
const OFFICE_SYMBOLS = 'opensymbol';

/**
 * The fonts a PDF made from `docx` is set in that the DOCX names nowhere, as the PDF names them:
 * LibreOffice took each in place of a font it does not have on this machine, or for letters the
 * named font lacks (ā, č, ē, ģ, ī, ķ, ļ, ņ, š, ū, ž in a font made without them). Empty when every
 * font is one the DOCX names (its styles, runs, theme), or a stand-in with the same metrics, or
 * when the PDF's font names cannot be read (a compressed object stream).
 */
export function fontsPutInForOthers(docx: Uint8Array, pdf: Uint8Array): { used: string[]; named: string[] } {
  const named = fontsNamedIn(docx);
  const allowed = new Set([...named.map(fontKey), OFFICE_SYMBOLS]);
  for (const key of [...allowed]) for (const standIn of SAME_METRICS[key] ?? []) allowed.add(standIn);
  const used = fontsOfPdf(pdf).filter((family) => {
    const key = fontKey(family);
    return ![...allowed].some((name) => name !== '' && key.startsWith(name));
  });
  return { used, named };
}

/** A font's name as compared: letters and digits only, lower case (`Times New Roman` and `TimesNewRomanPSMT` start alike). */
function fontKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The font names of a DOCX's XML parts: run fonts (`w:ascii`, `w:hAnsi`, …) and the theme's. */
function fontsNamedIn(docx: Uint8Array): string[] {
  let parts: Record<string, Uint8Array>;
  try {
    parts = fflate().unzipSync(docx, { filter: (file) => /^word\/.*\.xml$/.test(file.name) });
  } catch {
    return [];
  }
  const names = new Set<string>();
  for (const data of Object.values(parts)) {
    const xml = fflate().strFromU8(data);
    for (const m of xml.matchAll(/\bw:(?:ascii|hAnsi|cs|eastAsia)="([^"]+)"/g)) if (m[1]) names.add(m[1]);
    for (const m of xml.matchAll(/<a:(?:latin|ea|cs)\b[^>]*\btypeface="([^"]+)"/g)) if (m[1]) names.add(m[1]);
  }
  return [...names].sort();
}

/** The families of the fonts a PDF embeds (`/BaseFont /BAAAAA+LiberationSerif-Bold` → LiberationSerif), in order. */
function fontsOfPdf(pdf: Uint8Array): string[] {
  const text = new TextDecoder('latin1').decode(pdf);
  const families = new Set<string>();
  for (const m of text.matchAll(/\/BaseFont\s*\/(?:[A-Z]{6}\+)?([^\s/<>[\]()]+)/g)) {
    const family = (m[1] ?? '').split(/[-,]/)[0] ?? '';
    if (family) families.add(family.replace(/#20/g, ' '));
  }
  return [...families];
}
