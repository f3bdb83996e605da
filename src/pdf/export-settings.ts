/** The PDF export settings a conversion's LibreOffice profile holds: a tagged PDF, PDF/A-2b when asked, and the locale the office takes for its own. */

/**
 * The profile's PDF export settings: always a tagged PDF, and PDF/A-2b when asked. Given in the
 * profile, which each run makes afresh, because LibreOffice before 7.4 (Ubuntu 22.04 has 7.3) does
 * not read export settings given on the command line, and wrote a plain PDF under a config asking
 * for PDF/A. Tagged, the PDF says what each block is (a heading, a paragraph, a list, a table's
 * header cell, a note) and in which order it is read, which a screen reader needs and which the
 * accessibility rules for public bodies' documents (EN 301 549) ask; untagged, it was one run of text.
 * With them, the locale LibreOffice takes for its own ({@link OFFICE_LOCALE}).
 */
export function pdfSettings(pdfA: boolean): string {
  const settings = [setting('UseTaggedPDF', 'true'), ...(pdfA ? [setting('SelectPdfVersion', '2')] : []), officeLocale()];
  return `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
${settings.join('\n')}
</oor:items>
`;
}

/**
 * The locale LibreOffice takes for its own, whatever the machine's (`LANG`): under a Chinese, Japanese or
 * Korean one, or an Arabic or Hindi one, it took the report for one in that script and declared the
 * PDF's language (`/Lang`, which a screen reader reads it in) to be Japanese (`ja-JP`) or Arabic, the
 * Latvian text marked `lv-LV` span by span, as the DOCX names no language for those scripts. Any
 * locale of the Latin script does; LibreOffice's own default, en-US, is the one it takes under `C`.
 */
const OFFICE_LOCALE = 'en-US';

/** The profile's setting of the locale LibreOffice takes for its own ({@link OFFICE_LOCALE}), as registrymodifications.xcu holds it. */
function officeLocale(): string {
  return `<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>${OFFICE_LOCALE}</value></prop></item>`;
}

/** One setting of LibreOffice's PDF export, as a profile's registrymodifications.xcu holds it. */
function setting(name: string, value: string): string {
  return `<item oor:path="/org.openoffice.Office.Common/Filter/PDF/Export"><prop oor:name="${name}" oor:op="fuse"><value>${value}</value></prop></item>`;
}
