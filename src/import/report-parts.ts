import { ItemNumbers } from '../review/markdown-blocks.js';
import { textOf } from '../review/paragraph-groups.js';
import type { ReviewedDocument, ReviewedParagraph } from '../review/reviewed-docx.js';
import { markdownOf } from './field-markdown.js';
import { isQuestion, numberedItem, QuestionCount, type NumberedItem } from './questions.js';
import { outermostCell } from './nested-tables.js';
import { hasFootnote, plain, questionTable } from './question-table.js';
import type { ImportedReport } from './imported-report.js';
import { dateNumbered, title, opening, invitation, TITLE_LINES, TITLE_WITH_PAR, titleGoesOn } from './report-heading.js';
import { isSignature, signatoryLine, CLEARANCE_LINE, DRAFT_NOTE, draftNoteMinistries, SPACED_SIGNATURE, signatureLine } from './report-closing.js';

/** A paragraph as the reader sees it: its text, its number when it is a top-level numbered item of the answers, and whether it is empty. */
interface Line {
  paragraph: ReviewedParagraph;
  text: string;
  item: NumberedItem | undefined;
  blank: boolean;
}

/** The part of the report being read: before the opening, the background, the questions and answers, after the clearance line or the signature. */
type Part = 'start' | 'background' | 'answers' | 'end';

/**
 * Splits a report of the informative-report kind into its fields: title, opening
 * paragraph, background, invitation formula, numbered questions each followed by its
 * answer, clearance line, signature and visa. Best effort: what matches no part is
 * listed in `unplaced`. Tracked changes are read as accepted.
 */
export function parseReport(document: ReviewedDocument): ImportedReport {
  const reader = new ReportReader(document);
  for (const paragraph of document.paragraphs) reader.read(paragraph);
  return reader.finish();
}

/** Reads a report's paragraphs one after another, in order, into an {@link ImportedReport}: the part being read decides what a paragraph can be. */
class ReportReader {
  private readonly document: ReviewedDocument;
  private readonly report: ImportedReport = { name: {}, questions: [], unplaced: [], notes: [] };
  private part: Part = 'start';
  /** Paragraphs before the opening that are not the title: the background's when no opening is recognised. */
  private start: ReviewedParagraph[] = [];
  /** The title's first lines when it is typed as several paragraphs, until the next says whether they are the title. */
  private titleHead: ReviewedParagraph[] = [];
  private background: ReviewedParagraph[] = [];
  /** The paragraphs of the last question's answer so far. */
  private answer: ReviewedParagraph[] = [];
  /** After the clearance line, the table row being read: a signature's (a cell for the role, one for the name), else text not placed. */
  private row: ReviewedParagraph[] = [];
  private readonly unplaced: ReviewedParagraph[] = [];
  private readonly numbers = new ItemNumbers();
  private readonly count = new QuestionCount();
  /** The paragraphs of a table that may set the questions and answers out, held until it ends (see {@link readTableLine}). */
  private table: Line[] = [];
  /** Whether the last questions were read from a table's rows: a table right after them (no paragraph but empty ones between) may hold more. */
  private questionsInTable = false;

  constructor(document: ReviewedDocument) {
    this.document = document;
  }

  /**
   * Reads the report's next paragraph: each part of the report is tried in the order the report
   * prints them, and a paragraph none of them takes goes to the part being read.
   */
  read(numbered: ReviewedParagraph): void {
    // Every Word list item counts, an empty one too: a question's number is the one Word shows.
    const shown = this.numbers.next(numbered);
    const paragraph = dateNumbered(numbered, shown);
    const text = plain(paragraph);
    this.closeTableBefore(paragraph);
    const item = this.part === 'answers' ? numberedItem(paragraph, text, shown) : undefined;
    // An empty paragraph is nothing to place, but for the line of a thematic break in a field's text, a question's number with no text,
    // and a footnote's mark with no text (on a picture: the chart's source), which would be lost.
    const blank = !text && !(paragraph.rule && (this.part === 'background' || this.part === 'answers')) && !hasFootnote(paragraph);
    const line = { paragraph, text, item, blank };
    // A picture in a table that may hold questions is told of when the table is read, as which question's it is is known then;
    // held, a picture alone keeps its cell's place (a question set as a picture is a question still).
    if ((paragraph.pictures?.length || !blank || item) && this.readTableLine(line)) return;
    this.notePictures(paragraph, this.count.count);
    if (blank && !item) return;
    this.place(line);
  }

  /**
   * A paragraph of a table that may set the questions and answers out, row by row: one just after the
   * invitation, or after questions read from such a table. Its paragraphs are held until the table
   * ends, then read as its questions, or one by one as any other when it is no such table.
   */
  private readTableLine(line: Line): boolean {
    // Only a table right after a table of questions may hold more: a paragraph between them ends the questions set in tables.
    if (!line.paragraph.cell) this.questionsInTable = false;
    if (!this.holdsTable(line.paragraph)) return false;
    this.table.push(line);
    return true;
  }

  /** Ends the table being held when the paragraph is not in it. */
  private closeTableBefore(paragraph: ReviewedParagraph): void {
    const first = this.table[0]?.paragraph;
    if (first && outermostCell(first)?.table !== outermostCell(paragraph)?.table) this.closeTable();
  }

  /** Whether the paragraph is of a table that may set the questions and answers out (see {@link readTableLine}). */
  private holdsTable(paragraph: ReviewedParagraph): boolean {
    return paragraph.cell !== undefined && this.part === 'answers' && (this.table.length > 0 || this.count.count === 0 || this.questionsInTable);
  }

  /** Tells of the pictures in the paragraph, which import does not read: in the answer to question `question` when in the answers, or `where` when given. */
  private notePictures(paragraph: ReviewedParagraph, question: number, where?: string): void {
    for (const boxed of paragraph.pictures ?? []) this.report.notes.push(pictureNote(boxed, where ?? placeOf(this.part, question), plain(paragraph)));
  }

  /** Ends the table being held: its rows as questions and answers when it sets them out so, else its paragraphs read one by one. */
  private closeTable(): void {
    const lines = this.table;
    this.table = [];
    const read = lines.length ? questionTable(lines.map((line) => line.paragraph)) : undefined;
    if (!read) {
      for (const line of lines) {
        if (!line.blank || line.item) this.place(line);
        this.notePictures(line.paragraph, this.count.count);
      }
      return;
    }
    const pictures = lines.map((line) => line.paragraph).filter((paragraph) => paragraph.pictures?.length);
    this.unplaced.push(...read.heading.filter((paragraph) => !pictureAlone(paragraph)));
    if (!this.questionsInTable) this.report.notes.push('the questions and answers stand in a table: each row was read as a question and its answer');
    const first = this.count.count + 1;
    read.questions.forEach((question, index) => {
      this.readQuestion(question.paragraphs, question.text, undefined);
      this.answer.push(...question.answer.filter((paragraph) => !pictureAlone(paragraph)));
      const row = rowOf(question.paragraphs[0]);
      for (const paragraph of pictures.filter((picture) => rowOf(picture) === row)) {
        this.notePictures(paragraph, first + index, question.paragraphs.includes(paragraph) ? `in question ${first + index}` : undefined);
      }
    });
    for (const paragraph of pictures.filter((picture) => read.heading.includes(picture))) this.notePictures(paragraph, first - 1, 'in the heading row of the table of questions');
    this.questionsInTable = true;
  }

  /** A paragraph that is not held with its table: each part of the report is tried in turn. */
  private place({ paragraph, text, item, blank }: Line): void {
    if (this.readCell(paragraph)) return;
    this.closeRow();
    const taken =
      this.readTitle(paragraph, text) ||
      this.readOpening(paragraph, text) ||
      this.readInvitation(paragraph, text) ||
      this.readFieldless(paragraph, text) ||
      this.readClearance(paragraph, text) ||
      this.readSignature(paragraph, text);
    if (!taken) this.placeInPart(paragraph, text, item, blank);
  }

  /** After the clearance line, a table's cell: the cells of a row are read together, as a signature's role and name may stand in two. */
  private readCell(paragraph: ReviewedParagraph): boolean {
    const cell = outermostCell(paragraph);
    if (this.part !== 'end' || !cell) return false;
    const held = this.row[0] && outermostCell(this.row[0]);
    if (held && (held.table !== cell.table || held.row !== cell.row)) this.closeRow();
    this.row.push(paragraph);
    return true;
  }

  /** The title, before the opening: it gives the meeting's date and its name in the locative. */
  private readTitle(paragraph: ReviewedParagraph, text: string): boolean {
    if (this.part !== 'start' || this.report.name.locative) return false;
    // A title typed on two or three lines as paragraphs: "Informatīvais ziņojums", "par … sanāksmē", "izskatāmajiem jautājumiem".
    const lines = [...this.titleHead, paragraph];
    const joined = lines.map(plain).join(' ');
    if (title(joined, this.report)) {
      this.titleHead = [];
      return this.footnotesKept(lines, 'the title');
    }
    if (lines.length < TITLE_LINES && titleGoesOn(lines.map(plain)) && !/izskatāmajiem jautājumiem/iu.test(joined)) {
      this.titleHead = lines;
      return true;
    }
    // The lines held were no title: what they are is read as before, and the paragraph alone may be one.
    const held = this.titleHead;
    this.titleHead = [];
    if (!held.length) return false;
    this.notTitle(held);
    return this.readTitle(paragraph, text);
  }

  /** Lines held as a title's that were none: "Informatīvais ziņojums par …" a title that did not read as one (kept unplaced, as {@link readFieldless} keeps it), else text before the opening. */
  private notTitle(held: ReviewedParagraph[]): void {
    if (TITLE_WITH_PAR.test(held.map(plain).join(' '))) this.unplaced.push(...held);
    else this.start.push(...held);
  }

  /**
   * A paragraph read as one of the report's formulas (its title, opening, invitation, clearance line,
   * signature): a footnote on it, which no field holds, is kept with it among the text not placed, and said.
   */
  private footnotesKept(paragraphs: ReviewedParagraph[], what: string, heldElsewhere = 0): true {
    const footnotes = paragraphs.flatMap((paragraph) => paragraph.pieces.filter((piece) => piece.footnote !== undefined));
    if (footnotes.length > heldElsewhere) {
      this.unplaced.push(...paragraphs);
      this.report.notes.push(`${what} has a footnote, which no field holds: it is kept with its footnote in the comments at the end of the meeting file; move the note where it belongs`);
    }
    return true;
  }

  /** The opening paragraph: what came before it and was not the title is not placed; the background follows it. */
  private readOpening(paragraph: ReviewedParagraph, text: string): boolean {
    if (this.part !== 'start' || this.report.topic || !opening(paragraph, text, this.document, this.report)) return false;
    this.unplaced.push(...this.start);
    this.start = [];
    this.part = 'background';
    // The outcome keeps its own footnotes (see opening); one on the date, name or topic no field holds.
    return this.footnotesKept([paragraph], 'the opening paragraph', this.report.outcome?.match(/^\[\^[^\]]+\]:/gm)?.length ?? 0);
  }

  /** The invitation formula: it ends the background, and the questions follow it. */
  private readInvitation(paragraph: ReviewedParagraph, text: string): boolean {
    if ((this.part !== 'start' && this.part !== 'background') || !invitation(text, this.report)) return false;
    this.closeBackground();
    this.part = 'answers';
    return this.footnotesKept([paragraph], 'the invitation to answer');
  }

  /** The draft mark ("PROJEKTS") and the sentences of a briefing draft's note under it, left out, and a title that did not read as one, kept unplaced: text of no field. */
  private readFieldless(paragraph: ReviewedParagraph, text: string): boolean {
    if (/^PROJEKTS\b/.test(text)) {
      this.report.draft ??= { ministries: [] };
      return this.footnotesKept([paragraph], 'the draft mark (“PROJEKTS”)');
    }
    if (this.part === 'start' && DRAFT_NOTE.test(text)) {
      // The note names what the clearance line does not: the ministries that have not cleared every position.
      this.report.draft ??= { ministries: [] };
      const named = draftNoteMinistries(text);
      if (named) this.report.draft.ministries.push(named);
      return this.footnotesKept([paragraph], 'the draft note');
    }
    if (!TITLE_WITH_PAR.test(text)) return false;
    // A title that did not read as one (its date otherwise written): no field's, but kept for the user.
    this.unplaced.push(paragraph);
    return true;
  }

  /** The clearance line: the ministries it names; it ends the part being read. */
  private readClearance(paragraph: ReviewedParagraph, text: string): boolean {
    const cleared = CLEARANCE_LINE.exec(text);
    if (!cleared?.[1]) return false;
    this.closePart();
    this.report.clearedWith = cleared[1];
    return this.footnotesKept([paragraph], 'the clearance line');
  }

  /** A signature or visa line, its role and name a tab apart (it ends the part being read), or a space apart after the clearance line. */
  private readSignature(paragraph: ReviewedParagraph, text: string): boolean {
    const line = textOf(paragraph, 'accept');
    if (paragraph.pieces.some((piece) => piece.text === '\t') && isSignature(line)) {
      this.closePart();
      if (!signatureLine(line, this.report)) this.unplaced.push(paragraph);
      else this.footnotesKept([paragraph], signatoryLine(line));
      return true;
    }
    // After the clearance line, a signature typed with spaces for the tab: "Izglītības un zinātnes ministre I. Šuplinska".
    const spaced = this.part === 'end' ? SPACED_SIGNATURE.exec(text) : null;
    const tabbed = `${spaced?.[1] ?? ''}\t${spaced?.[2] ?? ''}`;
    return spaced !== null && isSignature(tabbed) && signatureLine(tabbed, this.report) && this.footnotesKept([paragraph], signatoryLine(tabbed));
  }

  /** A paragraph no formula took: the part being read takes it (in the answers, as a question or its answer's), or it is not placed. */
  private placeInPart(paragraph: ReviewedParagraph, text: string, item: NumberedItem | undefined, blank: boolean): void {
    if (this.part === 'start') this.start.push(paragraph);
    else if (this.part === 'background') this.background.push(paragraph);
    else if (this.part === 'answers' && isQuestion(paragraph, text, item, this.count)) this.readQuestion([paragraph], text.replace(/^\d+[.)](?:\s+|$)/, ''), item);
    // A number alone that asks nothing: nothing to place.
    else if (blank) return;
    else if (this.part === 'answers' && this.report.questions.length) {
      this.count.inAnswer(item);
      this.answer.push(paragraph);
    } else this.unplaced.push(paragraph);
  }

  /** A question, in one paragraph or a table cell's several, `asked` its text without its typed number: it ends the last question's answer. */
  private readQuestion(paragraphs: readonly ReviewedParagraph[], asked: string, item: NumberedItem | undefined): void {
    const [paragraph] = paragraphs;
    if (!paragraph) return;
    this.questionsInTable = false;
    this.closeAnswer();
    this.count.asked(item, paragraph);
    if (paragraphs.some(hasFootnote)) {
      // A question's text is plain in the meeting: its footnote would be lost, so the question is kept whole with it.
      this.unplaced.push(...paragraphs);
      this.report.notes.push(`question ${this.count.count} has a footnote, which a question's text cannot hold: the question is kept with its footnote in the comments at the end of the meeting file; move the note into the answer if it belongs there`);
    }
    if (!asked && paragraphs.some((each) => each.pictures?.length)) {
      this.report.notes.push(`question ${this.count.count} is a picture in the report, with no text: write its text in the meeting (it is x) and in its position`);
    } else if (!asked) this.report.notes.push(`question ${this.count.count} is only its number in the report, with no text: write its text in the meeting (it is x) and in its position`);
    this.report.questions.push({ text: asked || 'x', body: '' });
  }

  /** Ends the report: the part being read, and what no part took. */
  finish(): ImportedReport {
    const report = this.report;
    this.closeTable();
    this.closeRow();
    this.notTitle(this.titleHead);
    this.closePart();
    report.unplaced = this.unplaced.map((paragraph) => shorten(plain(paragraph)));
    if (this.unplaced.length) report.unplacedMarkdown = markdownOf(this.unplaced, this.document, report.notes, 'among the text not placed');
    return report;
  }

  /** Ends the last question's answer: its paragraphs become the question's body. */
  private closeAnswer(): void {
    const question = this.report.questions.at(-1);
    if (question) question.body = markdownOf(this.answer, this.document, this.report.notes, `in the answer to question ${this.report.questions.length}`);
    this.answer = [];
  }

  /** Ends the part before the questions: its paragraphs are the background, all of them after the title when no opening was recognised. */
  private closeBackground(): void {
    if (this.part === 'start' && this.start.length) {
      this.background = this.start;
      this.start = [];
      this.report.notes.push('the opening paragraph (“<date> notiks <meeting>, kurā ministri diskutēs par tēmu “<topic>”.”) was not recognised: it is in background, with what follows it; take the date, topic and name out of it');
    }
    this.report.background = this.background.length ? markdownOf(this.background, this.document, this.report.notes, 'in the background') : undefined;
    this.background = [];
  }

  /** Ends the table row being read: a signature or visa when it reads as one, else not placed. */
  private closeRow(): void {
    const line = rowLine(this.row);
    if (this.row.length && isSignature(line) && signatureLine(line, this.report)) this.footnotesKept(this.row, signatoryLine(line));
    else this.unplaced.push(...this.row);
    this.row = [];
  }

  /** Leaves the part being read for the clearance line and the signature: the part that follows. */
  private closePart(): void {
    if (this.part === 'answers') this.closeAnswer();
    else if (this.part !== 'end') {
      this.closeBackground();
      this.report.notes.push('no invitation formula (“… aicināti atbildēt uz šādiem jautājumiem:”) was found, so no questions were read: if the report asks some, they are in background with their answers');
    }
    this.part = 'end';
  }
}

/**
 * What to tell of a picture, chart, text box or object import does not read (the built report will
 * not have it): where it stands, and the text a text box holds, which would be lost otherwise.
 */
function pictureNote(boxed: string, where: string, text: string): string {
  const near = text ? ` (in the paragraph “${shorten(text)}”)` : '';
  const box = boxed ? `; it holds the text “${boxed}”` : '';
  return `a picture, chart or text box ${where}${near} is not read: add what it shows by hand${box}`;
}

/** Where a picture in `part` stands, after `questions` questions, for {@link pictureNote}. */
function placeOf(part: Part, questions: number): string {
  if (part === 'answers') return questions ? `in the answer to question ${questions}` : 'between the invitation and the first question';
  return part === 'background' ? 'in the background' : part === 'end' ? 'after the clearance line' : 'before the opening';
}

/** A paragraph that holds a picture and no text (nor a footnote's mark): nothing of it is written, and its picture is told of. */
function pictureAlone(paragraph: ReviewedParagraph): boolean {
  return Boolean(paragraph.pictures?.length) && !plain(paragraph) && !hasFootnote(paragraph);
}

/** The row of the outermost table a paragraph is in (a table set in a cell is that cell's); undefined outside tables. */
function rowOf(paragraph: ReviewedParagraph | undefined): number | undefined {
  return paragraph && outermostCell(paragraph)?.row;
}

/** A table row's text as a line: its cells' text, a tab between them, as {@link isSignature} reads a line. */
function rowLine(row: readonly ReviewedParagraph[]): string {
  const columnOf = (paragraph: ReviewedParagraph): number => outermostCell(paragraph)?.column ?? 0;
  const columns = [...new Set(row.map(columnOf))];
  return columns.map((column) => row.filter((paragraph) => columnOf(paragraph) === column).map(plain).join(' ')).join('\t');
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 70 ? `${flat.slice(0, 67)}…` : flat;
}
