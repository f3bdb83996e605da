import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { convertWithOffice } from './docx.js';
import { tempDir } from './project.js';

/** Who made a change, as LibreOffice records it (its date without a zone). */
export interface OfficeStamp {
  author: string;
  date: string;
}

/**
 * Edits a DOCX as a reviewer does in LibreOffice Writer with Edit → Track Changes → Record on:
 * LibreOffice opens the DOCX (here: saves it as a flat ODT), the changes are written into the
 * ODT as Writer records them (`text:tracked-changes`), and LibreOffice saves it as a DOCX again.
 * So the DOCX that comes back is LibreOffice's own: its runs, styles, bookmarks and revision marks.
 * Needs LibreOffice (use with `itWithOffice`).
 */
export class OfficeEdit {
  private xml: string;
  private readonly regions: string[] = [];
  private readonly styles: string[] = [];
  private readonly dir = tempDir('briefing-office-edit-');
  private readonly name: string;

  constructor(docx: string) {
    this.name = basename(docx).replace(/\.docx$/, '');
    this.xml = readFileSync(convertWithOffice(docx, 'fodt', this.dir), 'utf8');
  }

  /**
   * Makes `text` (once inside `context`, literal ODT XML) bold, as Format → Bold does with
   * changes recorded: Writer records that the formatting changed, not what it was before.
   */
  bold(context: string, text: string, stamp: OfficeStamp): this {
    return this.format(context, text, 'briefing-bold', 'fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"', stamp);
  }

  /** Gives `text` (once inside `context`) the text properties `properties` (ODF attributes, `fo:color="#ff0000"`), the change recorded. */
  format(context: string, text: string, style: string, properties: string, stamp: OfficeStamp): this {
    if (!this.styles.includes(style)) {
      this.styles.push(style);
      this.replaceOnce('<office:automatic-styles>', `<office:automatic-styles><style:style style:name="${style}" style:family="text"><style:text-properties ${properties}/></style:style>`);
    }
    const [head, tail] = split(context, text);
    const id = this.region('format-change', stamp);
    return this.replaceOnce(context, `${head}<text:change-start text:change-id="${id}"/><text:span text:style-name="${style}">${text}</text:span><text:change-end text:change-id="${id}"/>${tail}`);
  }

  /**
   * Adds a paragraph with `text` after the paragraph that ends with `end` (literal ODT XML up to its
   * `</text:p>`), as Enter at its end and typing do: the insertion runs from that paragraph's end
   * into the new one.
   */
  paragraphAfter(end: string, text: string, stamp: OfficeStamp): this {
    if (!end.endsWith('</text:p>')) throw new Error(`not the end of a paragraph: ${end}`);
    const id = this.region('insertion', stamp);
    const head = end.slice(0, -'</text:p>'.length);
    return this.replaceOnce(end, `${head}<text:change-start text:change-id="${id}"/></text:p><text:p text:style-name="Standard">${text}<text:change-end text:change-id="${id}"/></text:p>`);
  }

  /**
   * Adds a paragraph with `text` before the paragraph that starts with `start` (literal ODT XML from
   * its `<text:p …>`), as Enter at its start and typing into the new paragraph above do: the
   * insertion runs from the new paragraph into the start of that one, whose marks (a bookmark's
   * start) stay where they were, after it.
   */
  paragraphBefore(start: string, text: string, stamp: OfficeStamp): this {
    const open = /^<text:p [^>]*>/.exec(start)?.[0];
    if (!open) throw new Error(`not the start of a paragraph: ${start}`);
    const id = this.region('insertion', stamp);
    return this.replaceOnce(start, `${open}<text:change-start text:change-id="${id}"/>${text}</text:p>${open}<text:change-end text:change-id="${id}"/>${start.slice(open.length)}`);
  }

  /** Saves the edited document as a DOCX, as LibreOffice writes it, and returns its path. */
  save(): string {
    const changes = `<text:tracked-changes text:track-changes="true">${this.regions.join('')}</text:tracked-changes>`;
    const edited = this.xml.replace(/<office:text( [^>]*)?>/, (open) => open + changes);
    const path = join(this.dir, `${this.name}.fodt`);
    writeFileSync(path, edited);
    return convertWithOffice(path, 'docx:MS Word 2007 XML', tempDir('briefing-office-docx-'));
  }

  private region(kind: 'insertion' | 'format-change', stamp: OfficeStamp): string {
    const id = `ct${this.regions.length + 1}`;
    const info = `<office:change-info><dc:creator>${stamp.author}</dc:creator><dc:date>${stamp.date}</dc:date></office:change-info>`;
    this.regions.push(`<text:changed-region xml:id="${id}" text:id="${id}"><text:${kind}>${info}</text:${kind}></text:changed-region>`);
    return id;
  }

  private replaceOnce(from: string, to: string): this {
    const at = this.xml.indexOf(from);
    if (at < 0 || this.xml.indexOf(from, at + 1) >= 0) throw new Error(`${at < 0 ? 'not found' : 'found more than once'} in the ODT: ${from}`);
    this.xml = this.xml.slice(0, at) + to + this.xml.slice(at + from.length);
    return this;
  }
}

/** `context` around its one `text`: what stands before it and after. */
function split(context: string, text: string): [string, string] {
  const parts = context.split(text);
  if (parts.length !== 2) throw new Error(`“${text}” is not once in “${context}”`);
  return [parts[0] ?? '', parts[1] ?? ''];
}
