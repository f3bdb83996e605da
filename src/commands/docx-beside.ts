import { existsSync } from 'node:fs';

/**
 * The hint for a file given to review or import that is no DOCX: where it is a report's Markdown or
 * PDF (Tab completes `out/IZMzin_190221_EDUC.` no further, the three files sharing the name) with a
 * DOCX of the same name beside it, that one; else `hint`, what to do about the file itself.
 */
export function docxBesideHint(absolute: string, shown: string, hint: string): string {
  const extension = /\.(md|pdf|manifest\.json)$/i.exec(absolute)?.[0];
  if (extension === undefined || !existsSync(`${absolute.slice(0, -extension.length)}.docx`)) return hint;
  return `Give the report's DOCX beside it: ${shown.slice(0, -extension.length)}.docx.`;
}
