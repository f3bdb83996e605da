import { alignKeys } from '../diff/align.js';
import { printedKey, recordedKeys } from '../docx/printed-keys.js';
import type { FieldRef } from '../model/field.js';
import { textOf } from './paragraph-groups.js';
import type { ReviewedParagraph } from './reviewed-docx.js';

/** A paragraph of the body outside every field, as `untrackedEdits` reads it. */
export interface OutsideParagraph {
  paragraph: ReviewedParagraph;
  /** The paragraph before it in the document is outside every field too. */
  follows: boolean;
  /** The field whose paragraph stands right before it, if one does. */
  afterField?: FieldRef | undefined;
}

/** How a paragraph outside every field differs from what the build printed, with track changes off. */
export type UntrackedKind = 'edited' | 'added' | 'deleted';

/** A paragraph outside the fields the reviewer edited, added or deleted with track changes off. */
export interface UntrackedEdit {
  kind: UntrackedKind;
  /** The paragraph as the reviewer left it; for deleted ones, the paragraph after them, or before them at the end ('' when none is left). */
  text: string;
  /** How many paragraphs in a row were deleted (1 for an edited or added one). */
  count: number;
  /** Deleted ones stood before {@link text}, not after it. */
  before?: true;
  /** An added paragraph typed right after a field's last one (outside its bookmark, so not the field's): that field. */
  afterField?: FieldRef;
}

/**
 * The edits made with track changes off to the text the report prints outside its fields, found
 * by comparing each such paragraph's key, as it stood before the reviewer's tracked changes, with
 * the keys the build recorded (`docx/printed-keys.ts`); none when the DOCX records no keys. Only
 * letters and digits are compared: a change of punctuation or spacing alone is not found.
 *
 * `outside` holds the body's paragraphs outside the fields, in order (see {@link OutsideParagraph}):
 * a paragraph split with track changes on (its mark inserted) is joined to the next one again, as
 * it stood, only where both are outside.
 */
export function untrackedEdits(properties: ReadonlyMap<string, string>, outside: readonly OutsideParagraph[]): UntrackedEdit[] {
  const recorded = recordedKeys(properties);
  if (!recorded) return [];
  const printed: { key: string; text: string; afterField?: FieldRef | undefined }[] = [];
  let before = '';
  let now = '';
  let afterField: FieldRef | undefined;
  outside.forEach(({ paragraph, afterField: field }, index) => {
    if (!before && !now) afterField = field;
    before += textOf(paragraph, 'reject');
    now += textOf(paragraph, 'accept');
    // Enter pressed with track changes on: the text after it stood in this paragraph.
    if (paragraph.mark?.kind === 'ins' && outside[index + 1]?.follows) return;
    const key = printedKey(before);
    if (key) printed.push({ key, text: now, afterField });
    before = '';
    now = '';
  });
  const edits: UntrackedEdit[] = [];
  // Between two paragraphs that are as printed: so many recorded ones gone, and the reviewed ones from `at` not recorded.
  let gone = 0;
  let at = 0;
  let added = 0;
  const flush = () => {
    for (let index = at; index < at + added; index++) {
      const kind = index - at < gone ? 'edited' : 'added';
      const field = kind === 'added' ? printed[index]?.afterField : undefined;
      edits.push({ kind, text: printed[index]?.text ?? '', count: 1, ...(field ? { afterField: field } : {}) });
    }
    if (gone > added) {
      // Named by the paragraph that now stands where they stood, or, at the end, by the one before them.
      const next = printed[at + added];
      const previous = printed[at + added - 1];
      edits.push({ kind: 'deleted', text: (next ?? previous)?.text ?? '', count: gone - added, ...(next ? { before: true } : {}) });
    }
    at += added;
    gone = 0;
    added = 0;
  };
  for (const change of alignKeys(recorded, printed.map((one) => one.key))) {
    const count = change.count ?? change.value.length;
    if (change.removed) gone += count;
    else if (change.added) added += count;
    else {
      flush();
      at += count;
    }
  }
  flush();
  return edits;
}

/** The keys the DOCX records of what it printed outside the fields, as a set; undefined when it records none. */
export function printedKeys(properties: ReadonlyMap<string, string>): Set<string> | undefined {
  const keys = recordedKeys(properties);
  return keys && new Set(keys);
}

/** A reviewed paragraph's key (`printedKey`) as it stood before the reviewer's tracked changes. */
export function paragraphKey(paragraph: ReviewedParagraph): string | undefined {
  return printedKey(textOf(paragraph, 'reject'));
}
