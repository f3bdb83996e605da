/** The rules of a field's lists: numbers a report would print otherwise, bullets pasted from Word, items without text. */

import type { Root } from 'mdast';
import type { YamlFile } from '../load/yaml.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { startsWithDate, walk } from '../util/markdown.js';
import { lineFrom, type Placer } from './markdown-rule-place.js';
import { OPENERS, width } from './markdown-limits.js';

/** A number and `.` or `)` among the marks that open a line (see `OPENERS`): a numbered list item. */
const NUMBERED_MARK = /(?<![\d^])(\d{1,9})([.)])(?=[ \t]|$)/g;

/**
 * Whether a text may hold a list item printed with another number than written, read without
 * parsing it. It may not when the numbered marks that open its lines are one to a line, with no
 * tab before them, and each list's items (one kind of mark, one column) go on one by one from the
 * number the list starts with. A list ends at a line after a blank line that starts no further
 * left than its marks and is not another of its items (a line that starts with a year or a date,
 * which the build keeps a paragraph, is such a line). Exported for the property test that holds
 * it to the parser.
 */
export function mayRenumber(text: string): boolean {
  const open = new Map<string, { number: number; column: number }>();
  let afterBlank = false;
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      afterBlank = true;
      continue;
    }
    const lead = startsWithDate(line) ? undefined : OPENERS.exec(line)?.[0];
    const marks = lead === undefined ? [] : [...lead.matchAll(NUMBERED_MARK)];
    // Two on a line nest; a tab's column depends on where it stands.
    if (marks.length > 1 || (marks.length === 1 && lead?.includes('\t'))) return true;
    const [found] = marks;
    const mark = found?.[2];
    if (afterBlank) {
      const indent = /^ */.exec(line)?.[0].length ?? 0;
      for (const [kind, list] of open) if (kind !== mark && indent <= list.column && !line.startsWith('\t')) open.delete(kind);
    }
    afterBlank = false;
    if (!found || !mark || lead === undefined) continue;
    const number = Number(found[1]);
    const column = width(lead.slice(0, found.index));
    const before = open.get(mark);
    if (before !== undefined && (number !== before.number + 1 || column !== before.column)) return true;
    open.set(mark, { number, column });
  }
  return false;
}

/**
 * `markdown/list-number`: an item of a numbered list written with another number than the one
 * it is printed with. A numbered list counts on from its first item, whatever the others say:
 * "12. panta …" and then "3. februārī …" (a date that does not start a line as a date would)
 * printed "13. februārī". A list whose items all repeat the first number (`1.`, `1.`, `1.`) is
 * numbered that way on purpose and is not reported.
 */
export function listNumberProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root, place: Placer): Diagnostic[] {
  const problems: Diagnostic[] = [];
  walk(tree, (node) => {
    if (node.type !== 'list' || !node.ordered) return;
    const start = node.start ?? 1;
    const written = node.children.map((item) => {
      const at = item.position?.start.offset;
      const found = at === undefined ? undefined : /^(\d{1,9})([.)])/.exec(text.slice(at, at + 12));
      return found && at !== undefined ? { at, number: Number(found[1]), marker: found[0] } : undefined;
    });
    if (written.every((item) => item?.number === start)) return;
    written.forEach((item, index) => {
      if (!item || item.number === start + index) return;
      const printed = `${start + index}${item.marker.slice(-1)}`;
      const line = lineFrom(text, item.at);
      const shown = line.length > 30 ? `${line.slice(0, 30)}…` : line;
      problems.push(
        diagnostic(
          file.path,
          place(item.at, line.slice(0, 20)),
          'warning',
          'markdown/list-number',
          `The list item written \`${item.marker}\` in \`${field.join('.')}\` is printed as \`${printed}\`: a numbered list counts on from its first item (\`${start}${item.marker.slice(-1)}\`).`,
          `If “${shown}” does not go on with the list, write its mark as \`${item.number}\\${item.marker.slice(-1)}\`; if it does, number the items in order.`,
        ),
      );
    });
  });
  return problems;
}

/** Bullet characters Word and PDF readers put before list items, which Markdown does not read as list marks. */
const BULLETS = '•◦▪▫●○■□·∙‣⁃';

/**
 * `markdown/pasted-bullet`: a list pasted from Word or a PDF, its items starting with "•" rather
 * than a Markdown list mark, or with a mark Word types as text: a dash, the "o" of its second
 * level, "a)" or "(i)". Markdown reads them as lines of one paragraph and joins them: the report
 * printed "Latvija atbalsta: • pirmo pasākumu; • otro pasākumu." on one line. Reported once per
 * paragraph, at its first such line after the first.
 */
export function pastedBulletProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root, place: Placer): Diagnostic[] {
  const problems: Diagnostic[] = [];
  walk(tree, (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (node.type !== 'paragraph' || start === undefined || end === undefined) return;
    const found = pastedMark(text.slice(start, end));
    if (!found) return;
    const at = start + found.at;
    problems.push(
      diagnostic(
        file.path,
        place(at, lineFrom(text, at).slice(0, 20)),
        'warning',
        'markdown/pasted-bullet',
        `This line of \`${field.join('.')}\` ${found.what}.`,
        found.lettered
          ? 'Number the items “1)”, “2)” as a list, each on its own line, after a blank line below the text that introduces it; or, to keep the letters, put a blank line before each item, which makes it a paragraph of its own.'
          : 'Start each item on its own line with “- ” (or “1) ” for a numbered list), after a blank line below the text that introduces the list.',
      ),
    );
  });
  return problems;
}

/**
 * A line after another that starts with one of {@link BULLETS}, a blank after it or a letter right after it (text copied from a
 * PDF loses the tab: "•pirmais"): only a text with one can have such a line joined to the one above. Groups: the blanks before the
 * bullet, the bullet.
 */
const BULLET_LINE = new RegExp(`\\n([ \\t]*)([${BULLETS}])(?:[ \\t]|(?=\\p{L}))`, 'u');
/** A line after another that starts with a mark of a pasted list: a field without one holds none. */
export const PASTED_MARK_LINE = new RegExp(`\\n[ \\t]*(?:[${BULLETS}](?=\\p{L})|(?:[${BULLETS}–—o]|\\(?[a-z]{1,4}\\))[ \\t])`, 'u');
/** A mark Word or a PDF gives a list item as text, at a line's start: a dash or Word's "o" (group 1), or letters in brackets or after them (group 2), "a)" or "(ii)". */
const TEXT_MARK = /^[ \t]*(?:([–—o])|(\(?[a-z]{1,4}\)))(?=[ \t])/;
const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'];

/**
 * Where a paragraph holds a pasted list, and what to say: a line after the first that starts with
 * a bullet; else two lines that start with the same dash or "o", or with letters or Roman numbers
 * one after the other ("a)" … "b)"), said at the first of them after the paragraph's first line.
 * One dash or one "a)" at a line's start goes on with a sentence: a reference wrapped before
 * "a) apakšpunktu" is no list.
 */
function pastedMark(paragraph: string): { at: number; what: string; lettered: boolean } | undefined {
  const bullet = BULLET_LINE.exec(paragraph);
  if (bullet) {
    return { at: bullet.index + 1 + (bullet[1]?.length ?? 0), what: `starts with “${bullet[2] ?? ''}”, which Markdown does not read as a list item: it is joined to the line above, into one paragraph`, lettered: false };
  }
  // Each marked line with how the line above it ends ("" for the paragraph's first).
  const lines: { at: number; mark: string; kind: 'same' | 'letter' | 'roman'; above: string }[] = [];
  let offset = 0;
  let above = '';
  for (const line of paragraph.split('\n')) {
    const found = TEXT_MARK.exec(line);
    const blanks = line.length - line.trimStart().length;
    const [, same, letters] = found ?? [];
    if (same) lines.push({ at: offset + blanks, mark: same, kind: 'same', above });
    // "(i)" may be a letter or a Roman number: what follows it tells.
    if (letters && /^\(?[a-z]\)$/.test(letters)) lines.push({ at: offset + blanks, mark: letters, kind: 'letter', above });
    if (letters && ROMAN.includes(letters.replace(/[()]/g, ''))) lines.push({ at: offset + blanks, mark: letters, kind: 'roman', above });
    offset += line.length + 1;
    above = line.trimEnd();
  }
  // A list opens the paragraph or follows a line ending in ":" or ";", and its items end in a mark: text that wrapped so that two
  // dashes of a sentence ("(turpmāk – paziņojums)" / "– tā sauktā …, kas" / "– saskaņā ar …") or a reference ("3. punkta" / "a)
  // apakšpunktu un 4. punkta" / "b) apakšpunktu") start lines is no list.
  const opens = (item: { at: number; above: string }) => item.at === 0 || item.above === '' || /[:;]$/.test(item.above);
  const goesOn = (item: { above: string }) => /[;,.:!?]$/.test(item.above);
  for (const [index, first] of lines.entries()) {
    if (!opens(first)) continue;
    const second = lines.slice(index + 1).find((other) => other.at !== first.at && follows(first, other) && goesOn(other));
    if (!second) continue;
    const [at, mark] = first.at > 0 ? [first.at, first.mark] : [second.at, second.mark];
    if (first.kind === 'same') {
      return { at, what: `starts with “${mark}”, as a line ${first.at > 0 ? 'below' : 'above'} it does: Markdown does not read it as a list item, and joins the lines into one paragraph`, lettered: false };
    }
    const said = first.at > 0 ? `starts with “${first.mark}”, and a line below it with “${second.mark}”` : `starts with “${second.mark}”, after a line that starts with “${first.mark}”`;
    return { at, what: `${said}: Markdown has no lettered lists, so it joins the lines into one paragraph`, lettered: true };
  }
  return undefined;
}

/** Whether `second` goes on with the list `first` starts: the same dash, or the next letter or Roman number, bracketed alike. */
function follows(first: { mark: string; kind: string }, second: { mark: string; kind: string }): boolean {
  if (first.kind !== second.kind) return false;
  if (first.kind === 'same') return first.mark === second.mark;
  const bare = (mark: string) => mark.replace(/[()]/g, '');
  if (first.mark.startsWith('(') !== second.mark.startsWith('(')) return false;
  if (first.kind === 'roman') return ROMAN.indexOf(bare(second.mark)) === ROMAN.indexOf(bare(first.mark)) + 1;
  return bare(second.mark).charCodeAt(0) === bare(first.mark).charCodeAt(0) + 1;
}

/** A line that is a list item's mark alone (`2)`), or a mark right after another (`3) - a`), as an item with no text of its own first is written. */
export const ITEM_WITHOUT_TEXT = /^[ \t>]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]*$|[ \t]+(?:[-+*]|\d{1,9}[.)])[ \t])/m;

/**
 * `markdown/empty-item`: a list item with no paragraph first — nothing in it (`2)` on a line of its
 * own, most often a line left when an item was moved), or a list or a code block first (`3) - a`).
 * The report prints its number on a line of its own, with nothing after it or above its first block.
 */
export function emptyItemProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root, place: Placer): Diagnostic[] {
  const problems: Diagnostic[] = [];
  walk(tree, (node) => {
    const start = node.position?.start.offset;
    if (node.type !== 'listItem' || node.children[0]?.type === 'paragraph' || start === undefined) return;
    const mark = /^\s*(?:[-+*]|\d{1,9}[.)])/.exec(text.slice(start))?.[0].trim() ?? '';
    const first = node.children[0];
    const block = first?.type === 'list' ? 'list' : first?.type === 'code' ? 'code block' : 'block';
    // A bullet list (`-`) has no numbers to shift when the item goes.
    const bullet = /^[-+*]$/.test(mark);
    const sign = bullet ? 'bullet' : 'number';
    const what = first === undefined ? `is empty: the report prints its ${sign} with nothing after it` : `starts with a ${block}: the report prints its ${sign} on a line of its own, above the ${block}`;
    problems.push(
      diagnostic(
        file.path,
        place(start, mark),
        'warning',
        'markdown/empty-item',
        `The list item \`${mark}\` in \`${field.join('.')}\` ${what}.`,
        first === undefined
          ? `Write its text after the mark, or delete the line${bullet ? '' : ' (the items after it are then numbered one less)'}.`
          : 'Write a line of text after the mark first (e.g. what the list below is about), or make the list the item itself.',
      ),
    );
  });
  return problems;
}
