import { ANCHOR_NAME_PREFIX, ANCHOR_PROPERTY_PREFIX, recordedAnchors } from '../docx/anchors.js';
import type { FieldRef } from '../model/field.js';
import { markGone, textOf } from './paragraph-groups.js';
import { paragraphKey, printedKeys, untrackedEdits, type OutsideParagraph, type UntrackedEdit } from './printed-edits.js';
import type { ReviewComment, ReviewedDocument, ReviewedParagraph, Revision } from './reviewed-docx.js';

/** The paragraphs of one field anchor as the reviewer left them, with who changed what. */
export interface FieldReview {
  anchor: string;
  field: FieldRef;
  paragraphs: ReviewedParagraph[];
  /** The footnotes the field's paragraphs refer to: footnote id → the note's paragraphs as the reviewer left them. */
  footnotes: Map<string, ReviewedParagraph[]>;
  /** Every tracked change in the field and its footnotes: insertions, deletions, formatting changes, split or joined paragraphs. */
  revisions: Revision[];
  comments: ReviewComment[];
  /** The reviewer's join of the field's last paragraph with the text after the field, which no file can hold (see {@link joinedOutside}). */
  joinedOutside?: string;
}

/** A tracked change or comment outside every field (generated text such as the title), or an edit of such text made with track changes off. */
export interface OutsideChange {
  /** The paragraph's text, its tracked changes marked `[-deleted-]{+inserted+}`, shortened; for deleted paragraphs, the one they stood next to. */
  text: string;
  revisions: Revision[];
  comments: ReviewComment[];
  /** An edit made with track changes off (`printed-edits.ts`): the paragraph edited or added, or so many deleted before or after it. */
  untracked?: Pick<UntrackedEdit, 'kind' | 'count' | 'before' | 'afterField'>;
}

/** The document split into field anchors, plus what was changed outside them. */
export interface FieldSplit {
  fields: FieldReview[];
  outside: OutsideChange[];
  /** Why the field anchors cannot be trusted, if they cannot (see {@link brokenAnchors}): `review` then reads no field. */
  broken: string[];
}

/**
 * Groups the body's paragraphs by the field anchor they are in. A paragraph the reviewer
 * added inside a field (a split, a new paragraph) is inside the bookmark Word keeps
 * around the field, so it is grouped with it; so is one added right after the field's last
 * paragraph or before its first, which the bookmark does not take in (see {@link addedAfter}). A footnote belongs to the field that refers
 * to it: its changes and comments are the field's. A changed footnote no field refers to is
 * an outside change.
 */
export function splitByField(document: ReviewedDocument): FieldSplit {
  const anchors = recordedAnchors(document.properties);
  const fields = new Map<string, FieldReview>();
  const outside: OutsideChange[] = [];
  const { paragraphs } = document;
  // Each paragraph's field anchor: the bookmark open in it, else the field a paragraph the reviewer added next to one belongs to.
  const anchorOf: (string | undefined)[] = [];
  paragraphs.forEach((paragraph, index) => {
    const previous = paragraphs[index - 1];
    const before = anchorOf[index - 1];
    anchorOf.push(paragraph.bookmarks.find((name) => anchors.has(name)) ?? (previous && before && addedAfter(previous, paragraph) ? before : undefined));
  });
  for (let index = paragraphs.length - 2; index >= 0; index--) {
    const paragraph = paragraphs[index];
    const next = anchorOf[index + 1];
    if (paragraph && anchorOf[index] === undefined && next !== undefined && addedBefore(paragraph)) anchorOf[index] = next;
  }
  tablesStartingFields(paragraphs, anchorOf, printedKeys(document.properties));
  textBeforeFields(paragraphs, anchorOf, printedKeys(document.properties));
  const broken = brokenAnchors(document, anchors, anchorOf);
  const printed: OutsideParagraph[] = [];
  paragraphs.forEach((paragraph, index) => {
    const anchor = anchorOf[index];
    const field = anchor ? anchors.get(anchor) : undefined;
    const revisions = revisionsOf(paragraph);
    const comments = commentsOf(document, paragraph.comments);
    if (!anchor || !field) {
      const previous = anchors.get(anchorOf[index - 1] ?? '');
      printed.push({ paragraph, follows: index > 0 && !previous, afterField: previous });
      if (revisions.length || comments.length) outside.push({ text: shorten(markedText(paragraph.pieces)), revisions, comments });
      return;
    }
    const review: FieldReview = fields.get(anchor) ?? { anchor, field, paragraphs: [], footnotes: new Map(), revisions: [], comments: [] };
    review.paragraphs.push(paragraph);
    review.revisions.push(...revisions);
    for (const comment of comments) if (!review.comments.includes(comment)) review.comments.push(comment);
    fields.set(anchor, review);
  });
  for (const review of fields.values()) {
    const joined = joinedOutside(paragraphs, review.paragraphs);
    if (joined) review.joinedOutside = joined;
  }
  const referred = new Set<string>();
  for (const review of fields.values()) {
    for (const id of footnoteIds(review.paragraphs)) {
      const note = document.footnotes.get(id);
      if (!note || review.footnotes.has(id)) continue;
      referred.add(id);
      review.footnotes.set(id, note);
      review.revisions.push(...note.flatMap(revisionsOf));
      for (const comment of commentsOf(document, note.flatMap((p) => p.comments))) if (!review.comments.includes(comment)) review.comments.push(comment);
    }
  }
  for (const [id, note] of document.footnotes) {
    if (referred.has(id)) continue;
    const revisions = note.flatMap(revisionsOf);
    const comments = commentsOf(document, note.flatMap((p) => p.comments));
    if (revisions.length || comments.length) outside.push({ text: `footnote: ${shorten(note.map((p) => markedText(p.pieces)).join(' '))}`, revisions, comments });
  }
  for (const edit of untrackedEdits(document.properties, printed)) {
    const { kind, count, before, afterField } = edit;
    outside.push({ text: shorten(edit.text), revisions: [], comments: [], untracked: { kind, count, ...(before ? { before } : {}), ...(afterField ? { afterField } : {}) } });
  }
  return { fields: [...fields.values()], outside: withoutFieldComments(outside, [...fields.values()]), broken };
}

/**
 * The field's last paragraph (with those joined to it) when the reviewer joined it with the question
 * or other printed text after the field, deleting its mark with track changes on: the field's own
 * paragraphs read as they were, but the report no longer would, so the join is not written, nor lost
 * without a word. A last paragraph deleted whole, mark and all, joins nothing. (The mark of a question
 * joined with the answer after it is the question's, a change of the generated text.)
 */
function joinedOutside(all: readonly ReviewedParagraph[], own: readonly ReviewedParagraph[]): string | undefined {
  const last = own.at(-1);
  const end = last ? all.indexOf(last) : -1;
  if (!last || end + 1 >= all.length || !markGone(last, 'accept')) return undefined;
  // What runs on into the paragraph after the field: the last, and those before it whose marks are gone too.
  let start = end;
  for (let previous = all[start - 1]; previous && own.includes(previous) && markGone(previous, 'accept'); previous = all[start - 1]) start--;
  if (all.slice(start, end + 1).every((p) => textOf(p, 'accept').trim() === '')) return undefined;
  return `the reviewer joined “${shorten(markedText(last.pieces))}” with the paragraph after it, outside the field (a question or other text the report prints)`;
}

/**
 * What says the field anchors cannot be trusted to tell whose text a paragraph is: an anchor whose
 * paragraphs stand in two places with other text between them (its bookmark there twice: copied in
 * from another file, or the XML edited), a recorded anchor whose bookmark is gone while others are
 * there (its text deleted with track changes off, or the bookmark removed), and an anchor's bookmark
 * whose field no property records. Read on, the first put one position's text into another and the
 * others listed an answer's changes as the generated text's.
 */
function brokenAnchors(document: ReviewedDocument, anchors: ReadonlyMap<string, FieldRef>, anchorOf: readonly (string | undefined)[]): string[] {
  const { paragraphs } = document;
  const broken: string[] = [];
  const named = (field: FieldRef) => (field.kind === 'position' ? `position ${field.id}` : `the meeting’s ${field.field}`);
  const firstWords = (index: number) => `“${shorten(paragraphs[index]?.pieces.map((piece) => piece.text).join('') ?? '')}”`;
  for (const [anchor, field] of anchors) {
    const at = anchorOf.flatMap((name, index) => (name === anchor ? [index] : []));
    const gap = at.findIndex((index, n) => n > 0 && index !== (at[n - 1] ?? 0) + 1);
    if (gap > 0) broken.push(`the text of ${named(field)} (its hidden bookmark ${anchor}) is marked in two places, at ${firstWords(at[0] ?? 0)} and at ${firstWords(at[gap] ?? 0)}, with other text between them`);
  }
  const present = new Set(paragraphs.flatMap((paragraph) => paragraph.bookmarks));
  if (![...anchors.keys()].some((anchor) => present.has(anchor))) return broken;
  for (const [anchor, field] of anchors) if (!present.has(anchor)) broken.push(`the hidden bookmark ${anchor} that marks the text of ${named(field)} is gone (its text deleted with track changes off, or the bookmark removed)`);
  for (const name of present) {
    if (name.startsWith(ANCHOR_NAME_PREFIX) && /^\d+$/.test(name.slice(ANCHOR_NAME_PREFIX.length)) && !document.properties.has(`${ANCHOR_PROPERTY_PREFIX}${name}`)) broken.push(`the hidden bookmark ${name} marks text whose field no property of the file records (its property removed)`);
  }
  return broken;
}

/**
 * The changes outside the fields without the comments that are a field's too: one whose range runs
 * from the end of one answer across its question into the next is listed (and recorded) under both
 * answers, not a third time as one on the question, which `--accept` would say it recorded nowhere.
 */
function withoutFieldComments(outside: readonly OutsideChange[], fields: readonly FieldReview[]): OutsideChange[] {
  const inFields = new Set(fields.flatMap((field) => field.comments));
  return outside.flatMap((change) => {
    const comments = change.comments.filter((comment) => !inFields.has(comment));
    if (comments.length === change.comments.length) return [change];
    return change.revisions.length || comments.length || change.untracked ? [{ ...change, comments }] : [];
  });
}

/**
 * The comments anchored by `ids`, each followed by the replies to it (see `ReviewComment.replyTo`),
 * once each: a reply is where its thread is, whether or not it has a range of its own in the body.
 */
function commentsOf(document: ReviewedDocument, ids: readonly string[]): ReviewComment[] {
  const found: ReviewComment[] = [];
  const add = (comment: ReviewComment | undefined): void => {
    if (!comment || found.includes(comment)) return;
    found.push(comment);
    for (const reply of document.comments.values()) if (reply.replyTo === comment.id) add(reply);
  };
  for (const id of ids) add(document.comments.get(id));
  return found;
}

/**
 * A field that begins with a table has its bookmark start in the table's first cell; LibreOffice
 * saves it in the paragraph after the table, so the table reads as outside the field, and
 * `--accept` would take it for deleted. A table right before a field's first paragraph, outside
 * every field, whose paragraphs the build did not print outside the fields (none of their keys is
 * among those the DOCX records, `printed-keys.ts`), is that field's again. Without recorded keys
 * (a report built before them) nothing tells, and nothing is moved.
 */
function tablesStartingFields(paragraphs: readonly ReviewedParagraph[], anchorOf: (string | undefined)[], printed: ReadonlySet<string> | undefined): void {
  if (!printed) return;
  for (let index = 1; index < paragraphs.length; index++) {
    const anchor = anchorOf[index];
    const table = paragraphs[index - 1]?.cell?.table;
    if (anchor === undefined || anchorOf[index - 1] !== undefined || table === undefined || paragraphs[index]?.cell?.table === table) continue;
    let first = index - 1;
    while (first > 0 && paragraphs[first - 1]?.cell?.table === table && anchorOf[first - 1] === undefined) first--;
    const cells = paragraphs.slice(first, index);
    if (cells.some((cell) => printed.has(paragraphKey(cell) ?? ''))) continue;
    for (let at = first; at < index; at++) anchorOf[at] = anchor;
  }
}

/**
 * The paragraphs right before a field's first one, outside every field, that are none of the text
 * the build printed outside the fields (its keys, `printed`): the field's own, whose bookmark starts
 * later than they do. LibreOffice writes a field's bookmark across paragraphs as a start without an
 * end in its first paragraph and the same name again around its last; saved by LibreOffice a second
 * time, the bookmark is the last's alone, and the field's paragraphs before it read as deleted (and
 * added outside it) with track changes off: `--accept` took them out of the file. A paragraph typed
 * there with track changes off is the field's too, as one typed with them on is ({@link addedBefore}).
 * Without the keys (a report built before they were recorded) nothing tells, and nothing is moved.
 */
function textBeforeFields(paragraphs: readonly ReviewedParagraph[], anchorOf: (string | undefined)[], printed: ReadonlySet<string> | undefined): void {
  if (!printed) return;
  for (let index = 1; index < paragraphs.length; index++) {
    const anchor = anchorOf[index];
    if (anchor === undefined || anchorOf[index - 1] !== undefined) continue;
    for (let at = index - 1; at >= 0 && anchorOf[at] === undefined; at--) {
      const paragraph = paragraphs[at];
      const key = paragraph && !paragraph.cell ? paragraphKey(paragraph) : undefined;
      if (key === undefined || printed.has(key)) break;
      anchorOf[at] = anchor;
    }
  }
}

/**
 * The reviewer added `paragraph` after `previous` with track changes on: Enter at the end of
 * `previous` (its mark is inserted), then typing (every piece of `paragraph` inserted). Word and
 * LibreOffice leave a bookmark's end where it was, before that mark, so a paragraph added after
 * a field's last one is outside its anchor; it is the field's all the same.
 */
function addedAfter(previous: ReviewedParagraph, paragraph: ReviewedParagraph): boolean {
  return previous.mark?.kind === 'ins' && allInserted(paragraph);
}

/**
 * The reviewer added `paragraph` before the next one with track changes on: Enter at the start
 * of that one (LibreOffice leaves its marks there, a field's bookmark start too), then typing
 * into the paragraph before it, whose mark is then inserted and all of whose text is. A
 * paragraph so added before a field's first one is the field's.
 */
function addedBefore(paragraph: ReviewedParagraph): boolean {
  return paragraph.mark?.kind === 'ins' && allInserted(paragraph);
}

/** Every piece of the paragraph's text is a tracked insertion (true for a paragraph of none). */
function allInserted(paragraph: ReviewedParagraph): boolean {
  return paragraph.pieces.every((piece) => piece.revision?.kind === 'ins');
}

/** The ids of the footnotes the paragraphs refer to, in order. */
function footnoteIds(paragraphs: readonly ReviewedParagraph[]): string[] {
  return paragraphs.flatMap((p) => p.pieces.flatMap((piece) => (piece.footnote !== undefined ? [piece.footnote] : [])));
}

/** The tracked changes of one paragraph, its mark included. */
export function revisionsOf(paragraph: ReviewedParagraph): Revision[] {
  const found: Revision[] = [];
  if (paragraph.mark) found.push(paragraph.mark);
  if (paragraph.markDeleted) found.push(paragraph.markDeleted);
  for (const { inserted, deleted } of paragraph.withdrawn ?? []) found.push(inserted, deleted);
  if (paragraph.layoutChanged) found.push(paragraph.layoutChanged);
  for (const piece of paragraph.pieces) {
    if (piece.revision && !found.includes(piece.revision)) found.push(piece.revision);
    if (piece.formatChanged) found.push(piece.formatChanged);
  }
  return found;
}

/**
 * The text on one line, cut to 60 characters. A cut inside a change's mark (`{+…+}`, `[-…-]`, as
 * {@link markedText} writes them) closes it after the ellipsis, `{+tiek…+}`: left open, the mark read as
 * running on into what follows it in the listing; a mark cut right after its opening is left out.
 */
function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= 60) return flat;
  // A mark's two characters are not parted: a closing one kept whole, an opening one left out.
  const at = flat.slice(56, 58);
  const cut = flat.slice(0, at === '+}' || at === '-]' ? 58 : at === '{+' || at === '[-' ? 56 : 57);
  const opened = Math.max(cut.lastIndexOf('{+'), cut.lastIndexOf('[-'));
  const closed = Math.max(cut.lastIndexOf('+}'), cut.lastIndexOf('-]'));
  if (opened < 0 || closed > opened) return `${cut}…`;
  if (!cut.slice(opened + 2).trim()) return `${cut.slice(0, opened).trimEnd()}…`;
  return `${cut}…${cut.startsWith('{+', opened) ? '+}' : '-]'}`;
}

/** Notes on the text one reviewer inserted and another deleted again, which no reading shows: who did each. */
export function withdrawnNotes(paragraphs: readonly ReviewedParagraph[]): string[] {
  return paragraphs.flatMap((paragraph) => paragraph.withdrawn ?? []).map(({ inserted, deleted, text }) => `text ${inserted.author || 'unknown'} inserted and ${deleted.author || 'unknown'} deleted again: “${text}”`);
}

/** A tracked change another one takes back (`by`): text inserted and deleted again, a paragraph mark inserted (a split) and deleted again (a join). */
export interface TakenBack {
  change: Revision;
  by: Revision;
  /** Nothing of `change` is left in either reading: no other text of the same insertion stays. */
  wholly: boolean;
}

/**
 * The tracked changes another takes back, each with the one that does: applied or rejected, the pair
 * leaves the text as it was. Who only took back changes (another reviewer's, or those of its own
 * ministry) has not changed the text. So has not a reviewer who deleted words and typed them back
 * (see {@link retypedChanges}).
 */
export function takenBackChanges(paragraphs: readonly ReviewedParagraph[]): TakenBack[] {
  const staying = new Set<Revision>();
  for (const paragraph of paragraphs) {
    for (const piece of paragraph.pieces) if (piece.revision) staying.add(piece.revision);
    if (paragraph.mark && !paragraph.markDeleted) staying.add(paragraph.mark);
  }
  const withdrawn = paragraphs
    .flatMap((paragraph) => [
      ...(paragraph.withdrawn ?? []).map(({ inserted, deleted }) => ({ change: inserted, by: deleted })),
      ...(paragraph.mark && paragraph.markDeleted ? [{ change: paragraph.mark, by: paragraph.markDeleted }] : []),
    ])
    .map((pair) => ({ ...pair, wholly: !staying.has(pair.change) }));
  return [...withdrawn, ...retypedChanges(paragraphs)];
}

type ReviewedPiece = ReviewedParagraph['pieces'][number];

/**
 * Words one reviewer deleted and typed back, with track changes on: Word keeps the deletion and the
 * insertion of the same text side by side (`w:del`, `w:ins`, one author), and both readings, every
 * change applied or every one rejected, read the same there. Found as a stretch of a paragraph that
 * holds only one author's tracked changes, whose deleted text is its inserted text, formatting and
 * all, and whose changes have no text outside it. Each change of the stretch is taken back by the
 * next, the last by the first, so every one of them reads as taken back.
 */
function retypedChanges(paragraphs: readonly ReviewedParagraph[]): TakenBack[] {
  const piecesOf = new Map<Revision, number>();
  for (const piece of paragraphs.flatMap((paragraph) => paragraph.pieces)) if (piece.revision) piecesOf.set(piece.revision, (piecesOf.get(piece.revision) ?? 0) + 1);
  return paragraphs.flatMap((paragraph) =>
    oneAuthorStretches(paragraph.pieces)
      .filter(readsTheSame)
      .flatMap((stretch) => {
        const changes = [...new Set(stretch.flatMap((piece) => (piece.revision ? [piece.revision] : [])))];
        // A change with text outside the stretch changes that text: the stretch is not only taken back then.
        if (changes.some((change) => stretch.filter((piece) => piece.revision === change).length !== piecesOf.get(change))) return [];
        return changes.map((change, index) => ({ change, by: changes[(index + 1) % changes.length] ?? change, wholly: true }));
      }),
  );
}

/** The longest runs of pieces that are each a tracked change of one author (a run broken by untouched text or another author). */
function oneAuthorStretches(pieces: readonly ReviewedPiece[]): ReviewedPiece[][] {
  const stretches: ReviewedPiece[][] = [];
  let stretch: ReviewedPiece[] = [];
  for (const piece of pieces) {
    if (!piece.revision || piece.revision.author !== stretch[0]?.revision?.author) {
      if (stretch.length) stretches.push(stretch);
      stretch = [];
    }
    if (piece.revision) stretch.push(piece);
  }
  if (stretch.length) stretches.push(stretch);
  return stretches;
}

/**
 * A stretch deletes some text and inserts the same back: the same characters in the same formatting.
 * One with a footnote reference, a symbol briefing cannot read or a tracked formatting change is
 * not taken for one (those are read on their own).
 */
function readsTheSame(stretch: readonly ReviewedPiece[]): boolean {
  if (stretch.some((piece) => piece.footnote !== undefined || piece.symbol !== undefined || piece.formatChanged)) return false;
  const deleted = stretch.filter((piece) => piece.revision?.kind === 'del');
  const inserted = stretch.filter((piece) => piece.revision?.kind === 'ins');
  return deleted.length > 0 && inserted.length > 0 && formattedText(deleted) === formattedText(inserted);
}

/** The pieces' text, each character with the formatting Markdown writes of it: Word may split its runs anywhere. */
function formattedText(pieces: readonly ReviewedPiece[]): string {
  return pieces.flatMap((piece) => [...piece.text].map((char) => `${char}${piece.bold ? 'b' : ''}${piece.italic ? 'i' : ''}${piece.strike ? 's' : ''}${piece.code ? 'c' : ''}>${piece.link ?? ''}\n`)).join('');
}

/** The paragraphs whose numbering, list level or style the reviewer changed with track changes on, by their text. */
export function layoutChanges(paragraphs: readonly ReviewedParagraph[]): string[] {
  return paragraphs.filter((paragraph) => paragraph.layoutChanged).map((paragraph) => shorten(paragraph.pieces.map((piece) => piece.text).join('')));
}

/** The texts whose formatting was changed with track changes on, as whole runs. */
export function formattingChanges(paragraphs: readonly ReviewedParagraph[]): string[] {
  return paragraphs.flatMap((paragraph) => paragraph.pieces.filter((piece) => piece.formatChanged && piece.text.trim()).map((piece) => piece.text.trim()));
}

/** The text one reviewer changed, each change marked `[-deleted-]{+inserted+}`, in the order the document has them. */
export interface AuthorChanges {
  author: string;
  changes: string[];
}

/**
 * Who made which of the text's tracked changes, reviewer by reviewer: for a field several reviewers
 * changed, where the word diff of the whole field does not tell. A change is a run of text one
 * reviewer inserted or deleted, within a paragraph.
 */
export function changesByAuthor(paragraphs: readonly ReviewedParagraph[]): AuthorChanges[] {
  const byAuthor = new Map<string, string[]>();
  for (const paragraph of paragraphs) {
    let run: ReviewedParagraph['pieces'][number][] = [];
    const close = () => {
      const author = run[0]?.revision?.author;
      if (author !== undefined && run.some((piece) => piece.text.trim())) byAuthor.set(author, [...(byAuthor.get(author) ?? []), markedText(run)]);
      run = [];
    };
    for (const piece of paragraph.pieces) {
      if (piece.revision?.author !== run[0]?.revision?.author || !piece.revision) close();
      if (piece.revision) run.push(piece);
    }
    close();
  }
  return [...byAuthor].map(([author, changes]) => ({ author, changes }));
}

/** A paragraph's text with its tracked changes marked as the listing marks them: `[-deleted-]{+inserted+}`. */
export function markedText(pieces: readonly ReviewedParagraph['pieces'][number][]): string {
  let text = '';
  let open: 'ins' | 'del' | null = null;
  const close = () => (open === 'del' ? '-]' : open === 'ins' ? '+}' : '');
  for (const piece of pieces) {
    const kind = piece.revision?.kind ?? null;
    if (kind !== open) {
      text += close() + (kind === 'del' ? '[-' : kind === 'ins' ? '{+' : '');
      open = kind;
    }
    text += piece.text;
  }
  return text + close();
}
