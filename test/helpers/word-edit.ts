import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/** Who made a tracked change and when, as Word stamps it. */
export interface Stamp {
  author: string;
  date: string;
}

let nextId = 900;

/** The namespaces Word declares on its comment parts. */
const WORD_NAMESPACES =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14 w15"';

/**
 * Edits a DOCX the way Word does with track changes on, on the XML itself: each function
 * finds a run holding `text` and splits it, so the edits look like Word's own markup.
 */
export class WordEdit {
  private readonly files: Record<string, Uint8Array>;
  private readonly part: string;
  private xml: string;
  private readonly comments: string[] = [];
  /** word/commentsExtended.xml's entries: a reply's thread and whether it is resolved (see {@link commentThread}). */
  private readonly extended: string[] = [];

  /** Edits `part`: the body by default, or e.g. `word/footnotes.xml` for changes made in the footnotes. */
  constructor(docx: Uint8Array, part = 'word/document.xml') {
    this.files = unzipSync(docx);
    this.part = part;
    this.xml = strFromU8(this.files[part] ?? new Uint8Array());
  }

  /** Replaces `from` by `to` as a tracked deletion and insertion (either may be empty). */
  replace(context: string, from: string, to: string, stamp: Stamp): this {
    return this.splitRun(context, from, (rPr, text) => {
      const del = text ? `<w:del w:id="${nextId++}" w:author="${stamp.author}" w:date="${stamp.date}"><w:r>${rPr}<w:delText xml:space="preserve">${text}</w:delText></w:r></w:del>` : '';
      const ins = to ? `<w:ins w:id="${nextId++}" w:author="${stamp.author}" w:date="${stamp.date}"><w:r>${rPr}<w:t xml:space="preserve">${to}</w:t></w:r></w:ins>` : '';
      return del + ins;
    });
  }

  /** Before `at`, text one reviewer inserted and another deleted again (`w:del` inside `w:ins`), as Word nests them. */
  insertedThenDeleted(context: string, at: string, text: string, inserter: Stamp, deleter: Stamp): this {
    return this.splitRun(context, at, (rPr, inner) => {
      const nested = `<w:ins w:id="${nextId++}" w:author="${inserter.author}" w:date="${inserter.date}"><w:del w:id="${nextId++}" w:author="${deleter.author}" w:date="${deleter.date}"><w:r>${rPr}<w:delText xml:space="preserve">${text}</w:delText></w:r></w:del></w:ins>`;
      return `${nested}<w:r>${rPr}<w:t xml:space="preserve">${inner}</w:t></w:r>`;
    });
  }

  /**
   * Inserts before `at` a character from Word's Insert → Symbol (`w:sym`, its font and its code
   * as Word writes them, `F0FC`), as a tracked insertion, or untracked when `stamp` is null.
   */
  insertSymbol(context: string, at: string, font: string, char: string, stamp: Stamp | null): this {
    return this.splitRun(context, at, (rPr, inner) => {
      const symbol = `<w:r>${rPr}<w:sym w:font="${font}" w:char="${char}"/></w:r>`;
      const inserted = stamp ? `<w:ins w:id="${nextId++}" w:author="${stamp.author}" w:date="${stamp.date}">${symbol}</w:ins>` : symbol;
      return `${inserted}<w:r>${rPr}<w:t xml:space="preserve">${inner}</w:t></w:r>`;
    });
  }

  /** Inserts before `at`, as a tracked insertion, `text` typed in a run whose fonts are `fonts` (the attributes of its `w:rFonts`, `w:ascii="Symbol"`). */
  typeInFont(context: string, at: string, fonts: string, text: string, stamp: Stamp): this {
    return this.typeWith(context, at, `<w:rFonts ${fonts}/>`, text, stamp);
  }

  /** Inserts before `at`, as a tracked insertion, `text` typed in a run whose properties are `properties` (the inside of its `w:rPr`). */
  typeWith(context: string, at: string, properties: string, text: string, stamp: Stamp): this {
    return this.splitRun(context, at, (rPr, inner) => {
      const typed = `<w:ins w:id="${nextId++}" w:author="${stamp.author}" w:date="${stamp.date}"><w:r><w:rPr>${properties}</w:rPr><w:t xml:space="preserve">${text}</w:t></w:r></w:ins>`;
      return `${typed}<w:r>${rPr}<w:t xml:space="preserve">${inner}</w:t></w:r>`;
    });
  }

  /** Adds to word/styles.xml a style of `type` (`character`, `paragraph`) with id `id`, its properties `inner` (`<w:basedOn …/><w:rPr>…</w:rPr>`), as Word's Styles pane adds one. */
  addStyle(type: string, id: string, inner: string): this {
    return this.otherPart('word/styles.xml', (xml) => xml.replace('</w:styles>', `<w:style w:type="${type}" w:styleId="${id}"><w:name w:val="${id}"/>${inner}</w:style></w:styles>`));
  }

  /**
   * Defines the character style `id` (`inner`: its `w:basedOn`, `w:rPr`), as Word's own *Strong*
   * or *Emphasis* is written once used, in place of a style of that id the report's styles have
   * (a built report has a paragraph style Strong, which the gallery's character style is not).
   */
  characterStyle(id: string, inner: string): this {
    const style = `<w:style w:type="character" w:styleId="${id}"><w:name w:val="${id}"/>${inner}</w:style>`;
    return this.otherPart('word/styles.xml', (xml) => {
      const existing = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`).exec(xml)?.[0];
      return existing ? xml.replace(existing, style) : xml.replace('</w:styles>', `${style}</w:styles>`);
    });
  }

  /** Points the body's links to `from` to `to` (Edit Hyperlink in Word), which only their relationship holds: track changes do not record it. */
  relink(from: string, to: string): this {
    return this.otherPart('word/_rels/document.xml.rels', (xml) => xml.replaceAll(`Target="${from}"`, `Target="${to}"`));
  }

  /**
   * Writes the body's links to `target` as HYPERLINK fields, as Word may save a link: of runs
   * (`w:fldChar` begin, the instruction, separate, the text, end), or one `w:fldSimple`; with
   * `location`, the part after `#` as Word gives it apart (`\l "merki"`).
   */
  linkAsField(target: string, kind: 'runs' | 'simple', location?: string): this {
    const rels = strFromU8(this.files['word/_rels/document.xml.rels'] ?? new Uint8Array());
    const id = new RegExp(`Id="([^"]+)"[^>]*Target="${target}"`).exec(rels)?.[1];
    const link = new RegExp(`<w:hyperlink [^>]*r:id="${id}"[^>]*>(.*?)</w:hyperlink>`, 'g');
    const instruction = ` HYPERLINK "${target}" ${location === undefined ? '' : `\\l "${location}" `}`;
    const edited = this.xml.replace(link, (_whole, inner: string) =>
      kind === 'simple'
        ? `<w:fldSimple w:instr='${instruction}'>${inner}</w:fldSimple>`
        : `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">${instruction}</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${inner}<w:r><w:fldChar w:fldCharType="end"/></w:r>`,
    );
    if (!id || edited === this.xml) throw new Error(`no link to ${target}`);
    this.xml = edited;
    return this;
  }

  /** Makes the theme's body (minor) font `font`, as Design → Fonts in Word does. */
  themeBodyFont(font: string): this {
    return this.otherPart('word/theme/theme1.xml', (xml) => xml.replace(/(<a:minorFont><a:latin typeface=")[^"]*/, `$1${font}`));
  }

  /** Deletes the mark of footnote `id` (the run of its reference) with track changes on, as Word does when the mark is selected and deleted. */
  deleteFootnoteMark(id: string, stamp: Stamp): this {
    const run = new RegExp(`<w:r>(?:(?!</w:r>).)*<w:footnoteReference w:id="${id}"/></w:r>`).exec(this.xml)?.[0];
    if (!run) throw new Error(`no mark of footnote ${id}`);
    this.xml = this.xml.replace(run, `<w:del w:id="${nextId++}" w:author="${stamp.author}" w:date="${stamp.date}">${run}</w:del>`);
    return this;
  }

  /** Replaces `from` by `to` with track changes off: the text simply changes. */
  untracked(context: string, from: string, to: string): this {
    return this.splitRun(context, from, (rPr) => `<w:r>${rPr}<w:t xml:space="preserve">${to}</w:t></w:r>`);
  }

  /** Makes `text` bold with the formatting change tracked (`w:rPrChange`). */
  bold(context: string, text: string, stamp: Stamp): this {
    return this.format(context, text, { add: '<w:b/>' }, stamp);
  }

  /**
   * Formats `text` in a run of its own, as Word does: `add` goes into its run properties
   * (`<w:i/>`), the elements named in `remove` (`w:b`) go out of them; the change tracked
   * (`w:rPrChange`, holding the properties before) with `stamp`, or not, with track changes off.
   * `recorded` false writes the change as LibreOffice records one it made: a `w:rPrChange` with no
   * `w:rPr` inside, which says that the formatting changed, not what it was.
   */
  format(context: string, text: string, change: { add?: string; remove?: readonly string[] }, stamp: Stamp | null = null, recorded = true): this {
    return this.splitRun(context, text, (rPr, inner) => {
      const old = rPr.replace(/^<w:rPr>|<\/w:rPr>$/g, '');
      const kept = (change.remove ?? []).reduce((properties, name) => properties.replace(new RegExp(`<${name}(?: [^>]*)?/>`, 'g'), ''), old);
      const stamped = stamp ? `w:id="${nextId++}" w:author="${stamp.author}" w:date="${stamp.date}"` : '';
      const tracked = !stamp ? '' : recorded ? `<w:rPrChange ${stamped}><w:rPr>${old}</w:rPr></w:rPrChange>` : `<w:rPrChange ${stamped}/>`;
      return `<w:r><w:rPr>${change.add ?? ''}${kept}${tracked}</w:rPr><w:t xml:space="preserve">${inner}</w:t></w:r>`;
    });
  }

  /** Splits the run holding `text` into a run for each word (its space after it), each with the run's properties, as Word splits runs as it likes. */
  splitIntoWords(context: string, text: string): this {
    return this.splitRun(context, text, (rPr, inner) =>
      inner
        .split(/(?<= )/)
        .map((word) => `<w:r>${rPr}<w:t xml:space="preserve">${word}</w:t></w:r>`)
        .join(''),
    );
  }

  /**
   * Puts a thread of comments on `text` as Word saves one: the first comment and its replies, each
   * with its own range around the same text and its own `w:comment`, whose last paragraph's
   * `w14:paraId` word/commentsExtended.xml names (`w15:paraIdParent` for a reply, `w15:done="1"`
   * on each once the thread is resolved). `ranges: false` leaves the replies without ranges in the
   * body, as a tool that anchors only a thread's first comment saves them.
   */
  commentThread(context: string, text: string, thread: readonly { text: string; stamp: Stamp }[], options: { resolved?: boolean; ranges?: boolean } = {}): this {
    const ids = thread.map(() => nextId++);
    const paraIds = ids.map((id) => (0x1000_0000 + id).toString(16).toUpperCase());
    thread.forEach(({ text: said, stamp }, index) => {
      this.comments.push(`<w:comment w:id="${ids[index]}" w:author="${stamp.author}" w:date="${stamp.date}" w:initials="${stamp.author.slice(0, 1)}"><w:p w14:paraId="${paraIds[index]}" w14:textId="77777777"><w:r><w:annotationRef/></w:r><w:r><w:t>${said}</w:t></w:r></w:p></w:comment>`);
      this.extended.push(`<w15:commentEx w15:paraId="${paraIds[index]}"${index ? ` w15:paraIdParent="${paraIds[0]}"` : ''} w15:done="${options.resolved ? 1 : 0}"/>`);
    });
    const anchored = options.ranges === false ? ids.slice(0, 1) : ids;
    const starts = anchored.map((id) => `<w:commentRangeStart w:id="${id}"/>`).join('');
    const ends = anchored.map((id) => `<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`).join('');
    return this.splitRun(context, text, (rPr, inner) => `${starts}<w:r>${rPr}<w:t xml:space="preserve">${inner}</w:t></w:r>${ends}`);
  }

  /** Puts a comment on the text from `from` (in the run holding `fromContext`) to the end of `to` (in the run holding `toContext`), across paragraphs. */
  commentAcross(fromContext: string, from: string, toContext: string, to: string, comment: string, stamp: Stamp): this {
    const id = this.comments.length;
    this.comments.push(`<w:comment w:id="${id}" w:author="${stamp.author}" w:date="${stamp.date}"><w:p><w:r><w:t>${comment}</w:t></w:r></w:p></w:comment>`);
    this.splitRun(fromContext, from, (rPr, inner) => `<w:commentRangeStart w:id="${id}"/><w:r>${rPr}<w:t xml:space="preserve">${inner}</w:t></w:r>`);
    return this.splitRun(toContext, to, (rPr, inner) => `<w:r>${rPr}<w:t xml:space="preserve">${inner}</w:t></w:r><w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`);
  }

  /** Puts a comment on `text`. */
  comment(context: string, text: string, comment: string, stamp: Stamp): this {
    const id = this.comments.length;
    this.comments.push(`<w:comment w:id="${id}" w:author="${stamp.author}" w:date="${stamp.date}"><w:p><w:r><w:t>${comment}</w:t></w:r></w:p></w:comment>`);
    return this.splitRun(context, text, (rPr, inner) => `<w:commentRangeStart w:id="${id}"/><w:r>${rPr}<w:t xml:space="preserve">${inner}</w:t></w:r><w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`);
  }

  /**
   * Splits the paragraph before `at` with Enter under track changes: the first half's
   * paragraph mark is a tracked insertion, the second half keeps the original mark.
   */
  splitParagraph(context: string, at: string, stamp: Stamp): this {
    const paragraphStart = this.paragraphStartOf(context);
    const pPrMatch = /^<w:p>(<w:pPr>.*?<\/w:pPr>)?/.exec(this.xml.slice(paragraphStart));
    const pPr = pPrMatch?.[1] ?? '<w:pPr></w:pPr>';
    const markedPPr = pPr.replace('</w:pPr>', `<w:rPr><w:ins w:id="${nextId++}" w:author="${stamp.author}" w:date="${stamp.date}"/></w:rPr></w:pPr>`);
    this.splitRun(context, at, (rPr, inner) => `</w:p><w:p>${pPr}<w:r>${rPr}<w:t xml:space="preserve">${inner}</w:t></w:r>`);
    // The first half's pPr gets the inserted mark.
    this.xml = this.xml.slice(0, paragraphStart) + this.xml.slice(paragraphStart).replace(pPr, markedPPr);
    return this;
  }

  /**
   * Splits the paragraph before `at` as `splitter` (its mark inserted), then joins it again as
   * `joiner`, who deletes that mark: Word keeps both on the mark (`w:ins` and `w:del` in its `w:rPr`).
   */
  splitThenJoined(context: string, at: string, splitter: Stamp, joiner: Stamp): this {
    this.splitParagraph(context, at, splitter);
    const mark = /<w:rPr><w:ins w:id="\d+" w:author="[^"]*" w:date="[^"]*"\/><\/w:rPr><\/w:pPr>/.exec(this.xml.slice(this.paragraphStartOf(context.slice(0, context.indexOf(at)) || context)));
    if (!mark) throw new Error(`no inserted mark before: ${at}`);
    this.xml = this.xml.replace(mark[0], mark[0].replace('</w:rPr>', `<w:del w:id="${nextId++}" w:author="${joiner.author}" w:date="${joiner.date}"/></w:rPr>`));
    return this;
  }

  /**
   * Adds a paragraph after the one holding `context` as Word does with track changes on
   * (Enter at its end, then typing): that paragraph's mark is inserted, the new one has its
   * properties (a list item stays in the list) and its text is a tracked insertion.
   */
  insertParagraphAfter(context: string, text: string, stamp: Stamp): this {
    const start = this.paragraphStartOf(context);
    const end = this.xml.indexOf('</w:p>', this.xml.indexOf(context)) + 6;
    const paragraph = this.xml.slice(start, end);
    const pPr = /^<w:p>(<w:pPr>.*?<\/w:pPr>)/.exec(paragraph)?.[1] ?? '<w:pPr></w:pPr>';
    const marked = paragraph.replace(pPr, pPr.replace('</w:pPr>', `<w:rPr><w:ins w:id="${nextId++}" w:author="${stamp.author}" w:date="${stamp.date}"/></w:rPr></w:pPr>`));
    const added = `<w:p>${pPr}<w:ins w:id="${nextId++}" w:author="${stamp.author}" w:date="${stamp.date}"><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:ins></w:p>`;
    this.xml = this.xml.slice(0, start) + marked + added + this.xml.slice(end);
    return this;
  }

  /** Types `text`, as a tracked insertion, into the paragraph after the one holding `context`, a paragraph of no text (an item's number alone). */
  typeIntoNext(context: string, text: string, stamp: Stamp): this {
    const start = this.xml.indexOf('</w:p>', this.xml.indexOf(context)) + 6;
    const end = this.xml.indexOf('</w:p>', start);
    if (start < 6 || end < 0 || this.xml.slice(start, end).includes('<w:t')) throw new Error(`no empty paragraph after: ${context}`);
    const typed = `<w:ins w:id="${nextId++}" w:author="${stamp.author}" w:date="${stamp.date}"><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:ins>`;
    this.xml = this.xml.slice(0, end) + typed + this.xml.slice(end);
    return this;
  }

  /** Adds a plain paragraph after the one holding `context`, without tracking (as pasted text in an old report). */
  paragraphAfter(context: string, text: string): this {
    const at = this.xml.indexOf('</w:p>', this.xml.indexOf(context));
    if (at < 0) throw new Error(`not in the document: ${context}`);
    this.xml = `${this.xml.slice(0, at + 6)}<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>${this.xml.slice(at + 6)}`;
    return this;
  }

  /** Takes the paragraph holding `context` out of its list with track changes on, as Word records it (`w:pPrChange`). */
  unnumber(context: string, stamp: Stamp): this {
    const start = this.paragraphStartOf(context);
    const end = this.xml.indexOf('</w:pPr>', start);
    const properties = this.xml.slice(start, end);
    const numbering = /<w:numPr>.*?<\/w:numPr>/.exec(properties)?.[0];
    if (!numbering) throw new Error(`not a list item: ${context}`);
    const change = `<w:pPrChange w:id="${nextId++}" w:author="${stamp.author}" w:date="${stamp.date}"><w:pPr>${numbering}</w:pPr></w:pPrChange>`;
    this.xml = `${this.xml.slice(0, start)}${properties.replace(numbering, '')}${change}${this.xml.slice(end)}`;
    return this;
  }

  /**
   * Adds a table row after the one holding `context` as Word does with track changes on: the
   * row is marked inserted (`w:trPr/w:ins`), each cell's paragraph mark too, and each cell's text
   * (`cells`, in order) is a tracked insertion; the cells keep the row's widths and alignment.
   * With `marks: 'row'`, only the row is marked, as the format allows and other tools write it.
   */
  insertRowAfter(context: string, cells: readonly string[], stamp: Stamp, marks: 'word' | 'row' = 'word'): this {
    const { start, end } = this.rowAround(context);
    let column = 0;
    const added = this.xml
      .slice(start, end)
      .replace(/<w:trPr>(.*?)<\/w:trPr>/, `<w:trPr>$1<w:ins w:id="${nextId++}" w:author="${stamp.author}" w:date="${stamp.date}"/></w:trPr>`)
      .replace(/<w:p>(<w:pPr>(?:(?!<\/w:pPr>).)*)<\/w:pPr>.*?<\/w:p>/g, (_, pPr: string) => {
        const text = cells[column++] ?? '';
        if (marks === 'row') return `<w:p>${pPr}</w:pPr>${text ? `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>` : ''}</w:p>`;
        const run = text ? `<w:ins w:id="${nextId++}" w:author="${stamp.author}" w:date="${stamp.date}"><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:ins>` : '';
        return `<w:p>${pPr}<w:rPr><w:ins w:id="${nextId++}" w:author="${stamp.author}" w:date="${stamp.date}"/></w:rPr></w:pPr>${run}</w:p>`;
      });
    this.xml = this.xml.slice(0, end) + added + this.xml.slice(end);
    return this;
  }

  /**
   * Deletes the table row holding `context` as Word does with track changes on: the row, each
   * cell's paragraph mark and all its text are tracked deletions. With `marks: 'row'`, only the
   * row is marked (`w:trPr/w:del`), as the format allows and other tools write it.
   */
  deleteRow(context: string, stamp: Stamp, marks: 'word' | 'row' = 'word'): this {
    const { start, end } = this.rowAround(context);
    const row = this.xml
      .slice(start, end)
      .replace(/<w:trPr>(.*?)<\/w:trPr>/, `<w:trPr>$1<w:del w:id="${nextId++}" w:author="${stamp.author}" w:date="${stamp.date}"/></w:trPr>`);
    if (marks === 'row') {
      this.xml = this.xml.slice(0, start) + row + this.xml.slice(end);
      return this;
    }
    const deleted = row
      .replace(/<\/w:pPr>/g, () => `<w:rPr><w:del w:id="${nextId++}" w:author="${stamp.author}" w:date="${stamp.date}"/></w:rPr></w:pPr>`)
      .replace(/<w:r>(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:t xml:space="preserve">([^<]*)<\/w:t><\/w:r>/g, (_, rPr = '', text: string) => `<w:del w:id="${nextId++}" w:author="${stamp.author}" w:date="${stamp.date}"><w:r>${rPr}<w:delText xml:space="preserve">${text}</w:delText></w:r></w:del>`);
    this.xml = this.xml.slice(0, start) + deleted + this.xml.slice(end);
    return this;
  }

  /** Sets the table holding `context` in from the margin by `twips` (`w:tblInd`), as a table of a report written in Word may be. */
  tableIndent(context: string, twips: number): this {
    const start = this.xml.lastIndexOf('<w:tbl>', this.xml.indexOf(context));
    if (start < 0) throw new Error(`in no table: ${context}`);
    const properties = start + '<w:tbl><w:tblPr>'.length;
    this.xml = `${this.xml.slice(0, properties)}<w:tblInd w:type="dxa" w:w="${twips}"/>${this.xml.slice(properties)}`;
    return this;
  }

  /**
   * Inserts `text` before `at` as a tracked insertion that Word writes twice, in a paragraph-level
   * `mc:AlternateContent`: once in `mc:Choice` for readers of a newer feature, again in `mc:Fallback`.
   */
  insertAlternateContent(context: string, at: string, text: string, stamp: Stamp): this {
    return this.splitRun(context, at, (rPr, inner) => {
      const inserted = () => `<w:ins w:id="${nextId++}" w:author="${stamp.author}" w:date="${stamp.date}"><w:r>${rPr}<w:t xml:space="preserve">${text}</w:t></w:r></w:ins>`;
      const alternate = `<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="w14">${inserted()}</mc:Choice><mc:Fallback>${inserted()}</mc:Fallback></mc:AlternateContent>`;
      return `${alternate}<w:r>${rPr}<w:t xml:space="preserve">${inner}</w:t></w:r>`;
    });
  }

  /** Before `at`, text one reviewer inserted and another deleted again, nested the other way round from Word's: `w:ins` inside `w:del`. */
  insertionInsideDeletion(context: string, at: string, text: string, inserter: Stamp, deleter: Stamp): this {
    return this.splitRun(context, at, (rPr, inner) => {
      const nested = `<w:del w:id="${nextId++}" w:author="${deleter.author}" w:date="${deleter.date}"><w:ins w:id="${nextId++}" w:author="${inserter.author}" w:date="${inserter.date}"><w:r>${rPr}<w:delText xml:space="preserve">${text}</w:delText></w:r></w:ins></w:del>`;
      return `${nested}<w:r>${rPr}<w:t xml:space="preserve">${inner}</w:t></w:r>`;
    });
  }

  /** After `context`, a line break (Shift+Enter; `type` "page" for Ctrl+Enter) typed with track changes on and nothing after it. */
  breakAfter(context: string, stamp: Stamp, type?: 'page' | 'column'): this {
    return this.splitRun(context, context, (rPr, text) => {
      const br = type ? `<w:br w:type="${type}"/>` : '<w:br/>';
      return `<w:r>${rPr}<w:t xml:space="preserve">${text}</w:t></w:r><w:ins w:id="${nextId++}" w:author="${stamp.author}" w:date="${stamp.date}"><w:r>${rPr}${br}</w:r></w:ins>`;
    });
  }

  /** Deletes the mark of the paragraph holding `context` with track changes on (Delete at its end): it is one with the next. */
  joinWithNext(context: string, stamp: Stamp): this {
    const start = this.paragraphStartOf(context);
    const end = this.xml.indexOf('</w:pPr>', start);
    if (this.xml.slice(start, end).includes('<w:rPr>')) throw new Error(`the mark has properties already: ${context}`);
    this.xml = `${this.xml.slice(0, end)}<w:rPr><w:del w:id="${nextId++}" w:author="${stamp.author}" w:date="${stamp.date}"/></w:rPr>${this.xml.slice(end)}`;
    return this;
  }

  /** Gives the paragraph holding `context` the properties `properties` with track changes on: a `w:pPrChange` holding its properties before, as Word records them. */
  relayout(context: string, properties: string, stamp: Stamp): this {
    const start = this.paragraphStartOf(context);
    const open = this.xml.indexOf('<w:pPr>', start);
    const end = this.xml.indexOf('</w:pPr>', start);
    if (open !== start + '<w:p>'.length) throw new Error(`no paragraph properties: ${context}`);
    const before = this.xml.slice(open + '<w:pPr>'.length, end);
    const change = `<w:pPrChange w:id="${nextId++}" w:author="${stamp.author}" w:date="${stamp.date}"><w:pPr>${before}</w:pPr></w:pPrChange>`;
    this.xml = `${this.xml.slice(0, open + '<w:pPr>'.length)}${properties}${change}${this.xml.slice(end)}`;
    return this;
  }

  /** Renames a bookmark: `<w:bookmarkStart … w:name="from"/>` gets the name `to`, its end its own id still. */
  renameBookmark(from: string, to: string): this {
    const edited = this.xml.replace(`w:name="${from}"`, `w:name="${to}"`);
    if (edited === this.xml) throw new Error(`no bookmark ${from}`);
    this.xml = edited;
    return this;
  }

  /** Removes the bookmark named `name`, its start and its end. */
  withoutBookmark(name: string): this {
    const id = new RegExp(`<w:bookmarkStart w:name="${name}" w:id="(\\d+)"/>`).exec(this.xml)?.[1];
    if (id === undefined) throw new Error(`no bookmark ${name}`);
    this.xml = this.xml.replace(`<w:bookmarkStart w:name="${name}" w:id="${id}"/>`, '').replace(`<w:bookmarkEnd w:id="${id}"/>`, '');
    return this;
  }

  /** Removes the custom property `name` (docProps/custom.xml), as one may in Word's File → Properties → Custom. */
  withoutProperty(name: string): this {
    return this.otherPart('docProps/custom.xml', (xml) => xml.replace(new RegExp(`<property [^>]*name="${name.replaceAll('.', '\\.')}">.*?</property>`), ''));
  }

  /** Saves as an editor that drops bookmarks would: every `<w:bookmarkStart>` and `<w:bookmarkEnd>` gone. */
  withoutBookmarks(): this {
    this.xml = this.xml.replace(/<w:bookmarkStart [^>]*\/>|<w:bookmarkEnd [^>]*\/>/g, '');
    return this;
  }

  /** Damages word/document.xml as a broken tool might: a paragraph opened after `<w:body>` is never closed. */
  unclosedParagraph(): this {
    this.xml = this.xml.replace('<w:body>', '<w:body><w:p>');
    return this;
  }

  /** The edited DOCX. */
  bytes(): Uint8Array {
    const files: Record<string, Uint8Array> = { ...this.files, [this.part]: strToU8(this.xml) };
    if (this.comments.length) {
      files['word/comments.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments ${WORD_NAMESPACES}>${this.comments.join('')}</w:comments>`);
      if (this.extended.length) {
        files['word/commentsExtended.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w15:commentsEx ${WORD_NAMESPACES}>${this.extended.join('')}</w15:commentsEx>`);
        const rels = strFromU8(files['word/_rels/document.xml.rels'] ?? new Uint8Array());
        files['word/_rels/document.xml.rels'] = strToU8(rels.replace('</Relationships>', '<Relationship Id="rIdReviewCommentsEx" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" Target="commentsExtended.xml"/></Relationships>'));
        const types = strFromU8(files['[Content_Types].xml'] ?? new Uint8Array());
        files['[Content_Types].xml'] = strToU8(types.replace('</Types>', '<Override PartName="/word/commentsExtended.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"/></Types>'));
      }
      const rels = strFromU8(files['word/_rels/document.xml.rels'] ?? new Uint8Array());
      if (!rels.includes('comments.xml')) {
        files['word/_rels/document.xml.rels'] = strToU8(rels.replace('</Relationships>', '<Relationship Id="rIdReviewComments" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>'));
        const types = strFromU8(files['[Content_Types].xml'] ?? new Uint8Array());
        files['[Content_Types].xml'] = strToU8(types.replace('</Types>', '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>'));
      }
    }
    return zipSync(files);
  }

  /** Edits a part other than the one this edits. */
  private otherPart(name: string, edit: (xml: string) => string): this {
    const xml = strFromU8(this.files[name] ?? new Uint8Array());
    const edited = edit(xml);
    if (edited === xml) throw new Error(`nothing to edit in ${name}`);
    this.files[name] = strToU8(edited);
    return this;
  }

  /** Where the table row holding `context` starts and ends in the part. */
  private rowAround(context: string): { start: number; end: number } {
    const at = this.xml.indexOf(context);
    const start = this.xml.lastIndexOf('<w:tr>', at);
    if (at < 0 || start < 0) throw new Error(`in no table row: ${context}`);
    return { start, end: this.xml.indexOf('</w:tr>', at) + '</w:tr>'.length };
  }

  private paragraphStartOf(context: string): number {
    const at = this.xml.indexOf(context);
    if (at < 0) throw new Error(`not in the document: ${context}`);
    return this.xml.lastIndexOf('<w:p>', at);
  }

  /** Finds the `w:t` holding `context` (which contains `text`) and replaces `text` with `make(rPr, text)`, closing and reopening the run around it. */
  private splitRun(context: string, text: string, make: (rPr: string, text: string) => string): this {
    // `text` found elsewhere than in `context` would be cut at the wrong place, and the paragraph written wrong without a word.
    if (!context.includes(text)) throw new Error(`"${text}" is not in "${context}": name text inside the context`);
    const runs = /<w:r>(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:t xml:space="preserve">([^<]*)<\/w:t><\/w:r>/g;
    for (const match of this.xml.matchAll(runs)) {
      const [whole, rPr = '', inner = ''] = match;
      if (!inner.includes(context)) continue;
      const offset = inner.indexOf(context) + context.indexOf(text);
      const before = inner.slice(0, offset);
      const after = inner.slice(offset + text.length);
      const run = (t: string): string => (t ? `<w:r>${rPr}<w:t xml:space="preserve">${t}</w:t></w:r>` : '');
      const replacement = run(before) + make(rPr, text) + run(after);
      this.xml = this.xml.slice(0, match.index) + replacement + this.xml.slice(match.index + whole.length);
      return this;
    }
    throw new Error(`no run holds: ${context}`);
  }
}

/**
 * The example's report built in `dir` (out/IZMzin_190221_EDUC.docx), reviewed by `stamp` with two
 * tracked changes — a word of `equity-reforms`' answer and one of the meeting's background — and
 * saved as out/reviewed.docx, whose path is returned.
 */
export function reviewedExample(dir: string, stamp: Stamp): string {
  const docx = join(dir, 'out/reviewed.docx');
  const edit = new WordEdit(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.docx')))
    .replace('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'vispirms', stamp)
    .replace('Portugāles prezidentūra neformālo', 'neformālo', 'oficiālo', stamp);
  writeFileSync(docx, edit.bytes());
  return docx;
}
