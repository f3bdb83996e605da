/** A report's heading read into its fields: the title, the opening with its days, place, time, topic and outcome, and the invitation to answer the questions. */

import { INTRODUCTION_START, type DateCase } from '../render/latvian.js';
import { placeNamed } from '../model/places.js';
import type { ReviewedDocument, ReviewedParagraph } from '../review/reviewed-docx.js';
import { startsWithDate } from '../util/markdown.js';
import { markdownOf } from './field-markdown.js';
import { DAYS_PATTERN, daysOf, namesMonths, writtenDates } from './report-dates.js';
import { plain } from './question-table.js';
import type { ImportedReport } from './imported-report.js';

/**
 * A paragraph that starts with a date whose year or day Word (or pandoc) took for a list's number
 * ("2022. gada 5. aprīlī …", typed so, shows as an item numbered 2022): the paragraph as it reads,
 * its number text again and no list item, so the opening is recognised and the date kept as written.
 */
export function dateNumbered(paragraph: ReviewedParagraph, shown: number): ReviewedParagraph {
  const [first] = paragraph.pieces;
  if (paragraph.list !== 'number' || paragraph.level !== 0 || !first || !startsWithDate(`${shown}. ${plain(paragraph)}`)) return paragraph;
  const number = { text: `${shown}. `, bold: first.bold, italic: first.italic, strike: first.strike, code: false, revision: first.revision, formatChanged: first.formatChanged };
  const { counting: _counting, numberAt: _numberAt, ...unlisted } = paragraph;
  return { ...unlisted, list: null, listMarker: '', listId: '', pieces: [number, ...paragraph.pieces] };
}

/** Takes the meeting's days from the text where they were found, unless `keep` (an earlier find stands). */
function takeDays(report: ImportedReport, days: string, grammaticalCase: DateCase, keep: boolean): void {
  const found = daysOf(days.replace(/\s/g, ' '), grammaticalCase);
  if (!found) {
    if (namesMonths(days)) report.impossibleDays ??= days.replace(/\s+/g, ' ');
    return;
  }
  if (keep && report.date !== undefined) return;
  report.date = found.date;
  if (found.endDate === undefined) delete report.endDate;
  else report.endDate = found.endDate;
}

/** "Informatīvais ziņojums par 2021. gada 19. februāra <locative> izskatāmajiem jautājumiem". */
export function title(text: string, report: ImportedReport): boolean {
  // In capitals too, as a ministry's own template may set it: "INFORMATĪVAIS ZIŅOJUMS par …".
  // In quotes too, as a title is written in the register of government documents ("Informatīvais ziņojums “Par …”"), and with a full stop.
  const match = new RegExp(`^Informatīvais ziņojums\\s+[“„"«]?par\\s+${DAYS_PATTERN}\\s+(.+?)\\s+izskatāmajiem jautājumiem[”“"»]?\\.?$`, 'siu').exec(writtenDates(text.replace(/\s+/g, ' '), 'genitive'));
  if (!match) return false;
  const [, days = '', locative = ''] = match;
  takeDays(report, days, 'genitive', true);
  report.name.locative = locative;
  return true;
}

/**
 * "2021. gada 19. februārī plkst. 10.00 notiks <nominative>, kurā ministri diskutēs par tēmu “<topic>”. <outcome>";
 * over several days "2021. gada 17. maijā plkst. 10.00 un 18. maijā Briselē notiks …".
 */
export function opening(paragraph: ReviewedParagraph, text: string, document: ReviewedDocument, report: ImportedReport): boolean {
  // The time after the first day, where the built-in template writes it (before the place and the other days), taken out
  // first; one after the place, where it wrote it before and reports by hand have it, is read by the pattern.
  const dated = writtenDates(text, 'locative');
  const early = FIRST_DAY_TIME.exec(dated);
  // The place, when there is one: what the report prints between the days and the time (or "notiks"), as the
  // template puts `place.locative` there: "Briselē", "Palmā de Maljorkā", "Sv. Pēterburgā".
  const match = new RegExp(`^${DAYS_PATTERN}(?: (\\p{Lu}.*?))?(?: plkst\\.\\s(\\d{1,2}\\.\\d{2}))? notiks (.+?), kurā ministri diskutēs par tēmu [“„"](.+?)[”“"](?:\\.|(?<=[.?!…][”“"]))\\s*(.*)$`, 'su').exec(
    early ? writtenDates(`${early[1] ?? ''}${dated.slice(early[0].length)}`, 'locative') : dated,
  );
  if (!match) return false;
  const [, days = '', place, laterTime, nominative = '', topic = '', outcome = ''] = match;
  takeDays(report, days, 'locative', false);
  if (place) report.place = placeNamed(place);
  const time = early?.[2] ?? laterTime;
  if (time) report.time = time;
  report.name.nominative = nominative.replace(new RegExp(`\\s*${INTRODUCTION_START}[^)]*\\)`, 'g'), '');
  report.topic = topic;
  if (outcome) {
    // The paragraph as Markdown, its lines joined; its footnotes' definitions, after it, each on a line of its own as a field needs them.
    const [text = '', ...definitions] = markdownOf([paragraph], document, report.notes).trim().split(/\n\n(?=\[\^)/);
    const whole = text.replace(/\n/g, ' ');
    const at = whole.lastIndexOf(outcome.slice(0, 20));
    const outcomeText = (at >= 0 ? whole.slice(at) : outcome).trim();
    // Only the outcome's own footnotes: one on the date or topic is no field's (see readOpening).
    const own = definitions.filter((definition) => {
      const label = /^\[\^[^\]]+\]/.exec(definition)?.[0];
      return label !== undefined && outcomeText.includes(label);
    });
    report.outcome = [outcomeText, ...own].join('\n\n');
  }
  return true;
}

/** The first day of an opening and the time after it: "2021. gada 17. maijā plkst. 10.00" before " un 18. maijā", " – 19. maijā", the place or "notiks". */
const FIRST_DAY_TIME = /^(\d{4}\. gada \d{1,2}\.\s\S+)\s+plkst\.\s(\d{1,2}\.\d{2})(?=\s)/u;

/**
 * "Ņemot vērā augstākminēto, ministri 2021. gada 19. februāra <short_locative> aicināti atbildēt uz šādiem jautājumiem:",
 * "… sanāksmē tiks aicināti …", "… sanāksmē ministriem tiks lūgts …", or worded otherwise (see {@link invitationWordedOtherwise}).
 */
export function invitation(text: string, report: ImportedReport): boolean {
  // The short name ends where the ministers, a "tiks" or the asking start: "Padomes sanāksmē ministri tiks aicināti" → "Padomes sanāksmē".
  const match = new RegExp(`${DAYS_PATTERN} (.+?)(?: (?:ministri|ministriem|tiks|ir|būs))* (?:aicināti atbildēt|(?:aicināti|lūgts) .*${ASKED_QUESTIONS.source})`, 'u').exec(writtenDates(text, 'genitive'));
  if (!match && !invitationWordedOtherwise(text)) return false;
  if (match?.[2]) report.name.short_locative = match[2];
  return true;
}

/**
 * An invitation as a report written by hand may word it: "Ministri aicināti paust viedokli par sekojošiem jautājumiem:",
 * "… kuri tiks aicināti atbildēt uz diviem jautājumiem:", "Diskusijai prezidentūra ir sagatavojusi šādus jautājumus:",
 * "Prezidentūras sagatavotie jautājumi diskusijai:", "Ministriem tiks lūgts atbildēt uz šādiem jautājumiem.".
 * It ends with its questions (a colon after them, or a full stop after questions it asks to answer); a paragraph of the
 * background that ends so ("… ministri diskutēs par izglītības jautājumiem.") is none.
 */
function invitationWordedOtherwise(text: string): boolean {
  if (/aicināti atbildēt uz (?:šādiem jautājumiem|šādu jautājumu)|(?:šādiem|sekojošiem|šādu|sekojošu) jautājum(?:iem|u):$/u.test(text)) return true;
  if (!ASKED_QUESTIONS.test(text)) return false;
  return text.trimEnd().endsWith(':') ? TO_THE_MINISTERS.test(text) : ASKED_TO_ANSWER.test(text);
}

/** A paragraph's end that names questions: "… jautājumiem:", "… jautājumus:", "… jautājumi diskusijai:", "… jautājumiem.". */
const ASKED_QUESTIONS = /\bjautājum\p{L}*(?:\s+\p{L}+)?\s*[:.]\s*$/u;

/**
 * Words of a paragraph that puts questions to the ministers: asking, answering, a view, discussing to come, questions
 * prepared ("sagatavojusi šādus jautājumus"); not a discussion past ("ministri diskutēja par vairākiem jautājumiem:")
 * nor a document prepared ("sagatavojusi diskusiju dokumentu, kurā aplūkoti šādi jautājumi:"), which the background may tell of.
 */
const TO_THE_MINISTERS = /aicin|lūgt|lūdz|atbild|viedokl|diskusijai|diskusijas jautājum|apspriešanai|diskutēs|diskutēt|apspriedīs|apspriest|sagatavo\p{L}*\s+(?:\p{L}+\s+)?jautājum/iu;

/** Asked to answer questions that follow: "atbildēt uz šādiem …", "paust viedokli par turpmāk minētajiem …". */
const ASKED_TO_ANSWER = /(?:atbildēt|viedokli|diskutēt|izteikties)\s+(?:uz|par)\s+(?:šād|sekojoš|turpmāk|tālāk|zemāk|nākamaj)/iu;

/** How many paragraphs a title may be typed in: "Informatīvais ziņojums", "par … sanāksmē", "izskatāmajiem jautājumiem". */
export const TITLE_LINES = 3;

/** A title's words up to "par", in quotes or capitals too: "Informatīvais ziņojums par …", "INFORMATĪVAIS ZIŅOJUMS “Par …". */
export const TITLE_WITH_PAR = /^Informatīvais ziņojums\s+[“„"«]?par\b/iu;

/**
 * Whether the lines read so far may be the start of a title typed on several paragraphs, so the next is
 * waited for: "Informatīvais ziņojums" alone, then a line starting "par"; after a "par …" line, only
 * "izskatāmajiem jautājumiem" may follow, so a one-line title that does not read as one is not held with the opening after it.
 */
export function titleGoesOn(lines: readonly string[]): boolean {
  const [first = '', second, third] = lines;
  if (third !== undefined) return false;
  if (second === undefined) return TITLE_ALONE.test(first) || TITLE_WITH_PAR.test(first);
  return TITLE_ALONE.test(first) && /^[“„"«]?par\b/iu.test(second);
}

/** A title's first line alone: "Informatīvais ziņojums", in capitals too. */
const TITLE_ALONE = /^Informatīvais ziņojums$/iu;
