/** `meeting/unfinished-text`: a mark of work left to do still printed in the report. */

import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { FieldPlace } from '../docx/field-problems.js';
import { placeIn } from './report-parts.js';

/**
 * A mark a writer leaves where text is still to come: `TODO`, `TBD`, `FIXME` or `XXX` as a word
 * of its own in capitals (not `XXX` before a capital letter, the Roman thirty of "XXX Olimpiskās
 * spēles"), or an ellipsis (`…`, `...`) that stands for a value: alone on a line
 * or a list item, or the end of a line after a colon ("Ietekme uz budžetu: …"). An ellipsis in
 * a sentence ("u. c. …", a quotation cut short) is text, not a mark.
 */
const UNFINISHED = /(?<![\p{L}\p{N}_])(?:TODO|TBD|FIXME|XXX(?![ \t\u00A0]+\p{Lu}))(?![\p{L}\p{N}_])|^[ \t>]*(?:[-*+][ \t]+|\d+[.)][ \t]+)?(?:…|\.\.\.)[ \t]*$|:[ \t]*(?:…|\.\.\.)[ \t]*$|\[(?:…|\.\.\.)\]/gmu;

/** The template's files as {@link unfinishedText} searches them for a line it wrote. */
interface TemplateFiles {
  path: string;
  files: readonly { path: string; text: string }[];
}

/**
 * Each mark of unfinished work in the report's printed text (`printed`: the generated Markdown
 * with addresses and code blanked), once per place: at the field of the meeting or position it
 * comes from, else at the line of the template or partial that holds it, else at the template
 * with the line of the generated Markdown. A warning while the report is a draft; an error under
 * `--final`, as a report sent with "TODO: papildināt" or "Ietekme uz budžetu: …" in it is not
 * finished, however cleared its positions are.
 */
export function unfinishedText(meetingPath: string, printed: string, template: TemplateFiles, placeOf: (line: number, column: number) => FieldPlace | undefined, final: boolean): Diagnostic[] {
  const said = new Map<string, Diagnostic>();
  for (const match of printed.matchAll(UNFINISHED)) {
    const mark = match[0].trim().replace(/^.*?(?=…|\.\.\.|\[)/u, '');
    const at = match.index + (match[0].length - match[0].trimStart().length);
    const { field, line } = placeIn(printed, at, placeOf);
    // The line it stands on, cut out around it: splitting the whole report for each mark cost its length each time.
    const lineText = printed.slice(printed.lastIndexOf('\n', at - 1) + 1, (printed.indexOf('\n', at) + 1 || printed.length + 1) - 1).trim();
    const written = field?.place ? undefined : (templateLineHolding(template, lineText, mark) ?? templateLineHolding(template, mark, mark));
    const file = field?.place ? field.ref.file : (written?.file ?? template.path);
    const place = field?.place ?? written?.place;
    const key = `${file}:${place?.line ?? `md${line}`}:${place?.column ?? 0}`;
    if (said.has(key)) continue;
    const where = field?.place ? ` in \`${field.ref.field}\`` : written ? " in the template's text" : ` (line ${line} of the generated Markdown)`;
    const whose = field?.place && field.ref.file !== meetingPath ? `The report of ${meetingPath}` : 'The report';
    said.set(
      key,
      diagnostic(
        file,
        place,
        final ? 'error' : 'warning',
        'meeting/unfinished-text',
        `${whose} still prints “${mark}”${where}, a mark of text still to be written: “${lineText.length > 60 ? `${lineText.slice(0, 60)}…` : lineText}”.`,
        `Write the text in its place, or remove the line${written ? ' from the template' : ''}; the report is not final while it is there.`,
      ),
    );
  }
  return [...said.values()];
}

/**
 * The first line of the template or its partials that holds `text` (a line of the generated
 * Markdown, its backslashes as the template need not write them), and where `mark` (else the
 * text) stands in it; undefined when none does (a text a field printed).
 */
export function templateLineHolding(template: TemplateFiles, text: string, mark = text): { file: string; place: { line: number; column: number } } | undefined {
  const wanted = text.replace(/\\/g, '');
  if (wanted === '') return undefined;
  for (const file of template.files) {
    const lines = file.text.split(/\r?\n/);
    const index = lines.findIndex((one) => one.includes(wanted));
    if (index !== -1) return { file: file.path, place: { line: index + 1, column: Math.max((lines[index] ?? '').indexOf(mark), 0) + 1 } };
  }
  return undefined;
}
