import { createHash } from 'node:crypto';
import * as z from 'zod';
import { isoDate, markdown, ministryCode, notWindowsReserved, plainText, WINDOWS_RESERVED } from './common.js';

/** What a position's id is written with: small ASCII letters, digits, `.`, `_` and `-`, from a letter or digit. */
export const POSITION_ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

/** A clearance's `answer`, as `briefing clear` writes it: 12 hexadecimal digits. */
export const ANSWER_FINGERPRINT_PATTERN = /^[0-9a-f]{12}$/;

/** Where a ministry stands on a position. */
export const clearanceStatus = z.enum(['cleared', 'pending', 'objected', 'withdrawn']);
export type ClearanceStatus = z.output<typeof clearanceStatus>;

/** What a ministry's answer of each status is called where a message names it: “The objection by LM is dated …”. */
export const CLEARANCE_RECORD: Readonly<Record<ClearanceStatus, string>> = {
  cleared: 'clearance',
  pending: 'request for clearance',
  objected: 'objection',
  withdrawn: 'withdrawal',
};

/** One ministry's clearance of a position: when and on what record. */
export const clearanceSchema = z
  .strictObject({
    status: clearanceStatus.meta({ description: 'cleared, pending (asked, no answer yet), objected, or withdrawn.' }),
    date: isoDate.optional().meta({ description: 'When the ministry answered.' }),
    version: z
      .int()
      .min(1)
      .optional()
      .meta({
        description:
          'The version of the position the ministry answered on (`briefing clear` records it). A clearance of an earlier version does not count for a later one: the changed text is cleared again.',
      }),
    answer: z
      .string()
      .regex(ANSWER_FINGERPRINT_PATTERN, 'an answer fingerprint is 12 hexadecimal digits, as briefing clear writes it')
      .optional()
      .meta({
        description:
          'A fingerprint of the answer (`body` and `body_en`) the ministry cleared, written by `briefing clear`: once the text changes, the clearance no longer counts, whatever `version` says.',
        patternErrorMessage: 'An answer fingerprint is 12 hexadecimal digits, as briefing clear writes it.',
      }),
    ref: plainText.optional().meta({ description: 'The record: letter number or e-mail, e.g. "e-pasts 2021-02-15".' }),
    note: plainText.optional().meta({ description: 'Anything a reviewer should know.' }),
  })
  .refine((c) => c.status !== 'cleared' || c.date !== undefined, {
    message: 'a cleared entry needs the date of the clearance',
    path: ['date'],
    params: { ruleId: 'clearance/no-date', hint: 'Add `date: YYYY-MM-DD`, the day the ministry cleared the position.' },
  })
  // The refinement above, as the editors' schema says it.
  .meta({ if: { properties: { status: { const: 'cleared' } }, required: ['status'] }, then: { required: ['date'] } });

/** The ministry and unit that owns a position. */
export const ownerSchema = z.strictObject({
  ministry: ministryCode,
  unit: plainText.optional().meta({ description: 'Department or unit.' }),
  contact: plainText.optional().meta({ description: 'Desk officer responsible.' }),
});

/** A country position answering one or more questions: `positions/**\/<id>.yaml`. */
export const positionSchema = z
  .strictObject({
    id: z
      .string()
      .regex(POSITION_ID_PATTERN, 'an id starts with a letter a–z or a digit, then letters a–z (no ā or š), digits, ".", "_" and "-"')
      .refine((id) => !WINDOWS_RESERVED.test(id), {
        message: 'Windows reserves this name for a device, so a colleague on Windows could not check out a file called that',
        params: { ruleId: 'position/reserved-id', hint: 'Choose a longer id, e.g. one that names the topic: educ-connectivity.' },
      })
      .meta({
        description: 'Unique id, referenced by meetings; by convention the file name.',
        patternErrorMessage: 'An id starts with a letter a–z or a digit, then letters a–z (no ā or š), digits, ".", "_" and "-".',
        ...notWindowsReserved,
      }),
    version: z.int().min(1).meta({ description: 'Raised with every change of substance.' }),
    status: z.enum(['draft', 'cleared']).meta({ description: 'draft while negotiated; cleared once every ministry agreed.' }),
    owner: ownerSchema.meta({ description: 'The ministry and unit that own the position.' }),
    questions: z
      .array(plainText)
      .min(1)
      .meta({ description: 'The question(s) this position answers, in short.' }),
    body: markdown.meta({ description: 'The answer as it appears in the report (Markdown).' }),
    body_en: markdown
      .optional()
      .meta({ description: 'The answer in English, for English templates such as informative-report.en (Markdown).' }),
    clearance: z
      .record(ministryCode, clearanceSchema)
      .default({})
      .meta({ description: 'Clearance record by ministry code.' }),
    speaking_points: z
      .array(plainText)
      .optional()
      .meta({ description: 'Short points for the minister’s speaking notes.' }),
    speaking_points_en: z
      .array(plainText)
      .optional()
      .meta({ description: 'The speaking points in English, for English templates.' }),
  })
  .meta({ title: 'briefing position', description: 'A country position, cleared with other ministries before use.' });

/** A position file as validated. */
export type Position = z.output<typeof positionSchema>;

/** Where a ministry stands on the position as it is now: `earlier version` is a clearance of another version or text. */
export type ClearanceState = 'cleared' | 'earlier version' | 'pending' | 'objected' | 'withdrawn' | 'not recorded';

/**
 * Where `code` stands on the position as it is now. A clearance counts for the version and the
 * answer its entry names (`stale` says which differs); an entry written by hand, without them,
 * counts for the current text.
 */
export function clearanceOf(position: Pick<Position, 'version' | 'clearance' | 'body' | 'body_en'>, code: string): { state: ClearanceState; stale?: 'version' | 'answer' } {
  const entry = position.clearance[code];
  if (!entry) return { state: 'not recorded' };
  if (entry.status !== 'cleared') return { state: entry.status };
  if (entry.version !== undefined && entry.version !== position.version) return { state: 'earlier version', stale: 'version' };
  if (entry.answer !== undefined && !namesAnswer(entry.answer, position)) return { state: 'earlier version', stale: 'answer' };
  return { state: 'cleared' };
}

/**
 * The ministries of a meeting's `required` whose answer the position needs: all but the ministry that
 * owns it, which does not clear its own position (`clear` refuses it, `clearance/by-owner`) though the
 * meeting requires its answer on the others.
 */
export function clearancesNeeded(position: Pick<Position, 'owner'>, required: readonly string[]): string[] {
  return required.filter((code) => code !== position.owner.ministry);
}

/** Whether `code` has cleared the position as it is now (see {@link clearanceOf}). */
export function clearedBy(position: Pick<Position, 'version' | 'clearance' | 'body' | 'body_en'>, code: string): boolean {
  return clearanceOf(position, code).state === 'cleared';
}

/** Each position's fingerprints, now and as worked out before (see {@link namesAnswer}), each worked out once however often its clearances are asked about. */
const fingerprints = new WeakMap<object, string>();
const earlierFingerprints = new WeakMap<object, string>();

function fingerprintOf(position: { body?: unknown; body_en?: unknown }, known = fingerprints, work = answerFingerprint): string {
  let value = known.get(position);
  if (value === undefined) {
    value = work(position);
    known.set(position, value);
  }
  return value;
}

/**
 * A fingerprint of a position's answer (`body` and `body_en`): 12 hexadecimal digits of the
 * SHA-256 of their text with the lines of each paragraph joined (see {@link unwrapped}) and the
 * spaces between words made one, so wrapping the lines anew, which Markdown prints the same, is not
 * a changed answer, nor a space made no-break, narrow or doubled by text pasted from Word or a PDF,
 * which `diff` counts no change either.
 */
export function answerFingerprint(data: { body?: unknown; body_en?: unknown }): string {
  return fingerprint(data, (text) => text.replace(BETWEEN_WORDS, ' '));
}

/** Spaces between two words of a line, of any kind: a tab, a no-break or narrow space, two spaces. */
const BETWEEN_WORDS = /(?<=\S)[^\S\n]+(?=\S)/g;

/**
 * Whether `recorded`, the `answer` of a clearance, names this answer: its fingerprint now, or as it
 * was worked out before spaces between words counted as one, which clearances recorded then name.
 */
export function namesAnswer(recorded: string, data: { body?: unknown; body_en?: unknown }): boolean {
  return recorded === fingerprintOf(data) || recorded === fingerprintOf(data, earlierFingerprints, (each) => fingerprint(each, (text) => text));
}

function fingerprint(data: { body?: unknown; body_en?: unknown }, spaced: (text: string) => string): string {
  const text = (value: unknown) => (typeof value === 'string' ? spaced(unwrapped(value)) : '');
  return createHash('sha256').update(`${text(data.body)}\u0000${text(data.body_en)}`).digest('hex').slice(0, 12);
}

/** A line that starts a block of its own: a list item, a quote, a table row, a heading, a fence, a footnote definition. */
const STARTS_BLOCK = /^(?:[-*+][ \t]|\d{1,9}[.)](?:[ \t]|$)|>|\||#|```|~~~|\[\^[^\]]+\]:)/;

/**
 * Markdown text with each line break inside a paragraph (a soft break, printed as a space) made a
 * space: a break before a line that starts a block, after a hard break (two spaces or `\`), next
 * to a blank line, or inside a fenced code block stays.
 */
function unwrapped(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').replace(/\s+$/, '').split('\n');
  // Pieces joined once at the end: trimming the text joined so far copied all of it at every line (a 1 MB answer took seconds).
  const pieces = [lines[0] ?? ''];
  // The open block's fence (its marker repeated), or '' outside one.
  let open = fenceOf(pieces[0] ?? '');
  for (let i = 1; i < lines.length; i++) {
    const before = lines[i - 1] ?? '';
    const line = lines[i] ?? '';
    const fence = fenceOf(line);
    const soft = !open && !fence && before.trim() !== '' && line.trim() !== '' && !/( {2}|\\)$/.test(before) && !STARTS_BLOCK.test(line.trimStart());
    // The last piece is the line before, which is not blank when the break is soft: its trailing spaces are the text's.
    if (soft) pieces.push((pieces.pop() ?? '').trimEnd(), ` ${line.trimStart()}`);
    else pieces.push(`\n${line}`);
    if (!open) open = fence;
    else if (closes(open, line)) open = '';
  }
  return pieces.join('');
}

/** The fence a line starts with (three or more backticks or tildes), or ''. */
function fenceOf(line: string): string {
  return /^\s*(`{3,}|~{3,})/.exec(line)?.[1] ?? '';
}

/**
 * Whether `line` ends the block `open` began, as CommonMark has it: a fence of the same character,
 * at least as long, with nothing after it. Inside a `~~~` block a line of backticks is code, and so
 * is a "```yaml" line inside a "```" block: the lines after it are still the block's.
 */
function closes(open: string, line: string): boolean {
  const fence = /^\s*(`{3,}|~{3,})\s*$/.exec(line)?.[1] ?? '';
  return fence[0] === open[0] && fence.length >= open.length;
}
/** One ministry's clearance entry. */
export type Clearance = z.output<typeof clearanceSchema>;
