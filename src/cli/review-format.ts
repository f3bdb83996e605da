import { diffWordsWithSpace, type Change } from 'diff';
import { alignKeys, editLimit } from '../diff/align.js';
import type { FieldOutcome, ReviewResult } from '../review/review-result.js';
import type { FieldRef } from '../model/field.js';
import type { OutsideChange } from '../review/fields.js';
import { commentThreads, type ReviewComment } from '../review/reviewed-docx.js';
import { oneLine } from '../diagnostics/human.js';

/** The colours the listing uses; chalk fits. */
export interface Painter {
  red(text: string): string;
  green(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

/**
 * The listing of `briefing review`: per field, who changed it and when, a word diff
 * (`[-deleted-]{+inserted+}`, coloured on a terminal), the comments, and what `--accept`
 * wrote; then the changes outside every field, which are not applied.
 */
export function formatReview(result: ReviewResult, paint: Painter): string[] {
  const lines: string[] = [];
  if (!result.fields.length && !result.outside.length) return [`${result.docx}: no tracked changes or comments`];
  lines.push(oneLine(`${result.docx} (built from ${result.meeting})${result.ministry ? `, reviewed by ${result.ministry}` : ''}`));
  for (const field of result.fields) lines.push('', ...formatField(field, paint));
  if (result.outside.length) {
    lines.push('', paint.bold('Not applicable (generated text, not from any position or meeting field):'));
    for (const change of result.outside) {
      if (change.untracked) {
        lines.push(`  ${untrackedLine(change.text, change.untracked)}`);
        continue;
      }
      lines.push(`  “${oneLine(change.text)}”: ${oneLine(who(change.revisions.map((r) => ({ author: r.author, date: r.date })).concat(change.comments)))}`);
      lines.push(...threadLines(change.comments, paint).map((line) => `  ${line}`));
    }
  }
  return lines;
}

/** How the listing names a field: `position equity-reforms v2 (positions/educ/equity-reforms.yaml) body`. */
function fieldName(ref: FieldRef): string {
  return ref.kind === 'position' ? `position ${ref.id} v${ref.version ?? '?'} (${ref.file}) ${ref.field}` : `meeting ${ref.file} ${ref.field}`;
}

function formatField(field: FieldOutcome, paint: Painter): string[] {
  const { field: ref } = field;
  const title = fieldName(ref);
  // An edit made without track changes names nobody: then there is no such line.
  const authors = who([...field.revisions, ...field.comments]);
  const lines = [paint.bold(oneLine(title)), ...(authors ? [`  ${oneLine(authors)}`] : [])];
  const before = field.before.join('\n');
  const after = field.after.join('\n');
  if (before !== after) {
    let text = '';
    const parts = wordDiff(before, after) ?? paragraphWise(field.before, field.after);
    for (const part of parts) {
      // The reviewer's text, as the other lines' is: a control character (U+009B, which some terminals take for an escape) shown as an escape, the line breaks kept.
      const value = part.value.split('\n').map(oneLine).join('\n');
      // A paragraph split or joined shows as ¶ at the end of the line.
      const shown = value.replace(/\n/g, '¶\n');
      if (part.added) text += shown.split('\n').map((piece) => (piece ? paint.green(`{+${piece}+}`) : '')).join('\n');
      else if (part.removed) text += shown.split('\n').map((piece) => (piece ? paint.red(`[-${piece}-]`) : '')).join('\n');
      else text += value;
    }
    lines.push(...text.split('\n').filter((p) => p.includes('{+') || p.includes('[-')).map((p) => `  ${p}`));
  }
  // Several reviewers changed the text: the diff shows their changes together, so each one's are named.
  if (field.byAuthor.length > 1) {
    for (const { author, changes } of field.byAuthor) lines.push(`  ${paint.dim(`changed by ${oneLine(author || 'unknown')}:`)} ${changes.map(oneLine).join(' … ')}`);
  }
  for (const text of field.formatting) lines.push(`  formatting changed: “${oneLine(text)}”`);
  for (const text of field.lost) lines.push(`  ${paint.red('cannot be written:')} ${oneLine(text)}`);
  lines.push(...threadLines(field.comments, paint));
  for (const conflict of field.conflicts) {
    lines.push(`  ${paint.red('conflict:')} this change no longer fits the current text:`);
    for (const line of conflict) lines.push(`    ${line.startsWith('+') ? paint.green(oneLine(line)) : paint.red(oneLine(line))}`);
  }
  for (const note of field.notes) lines.push(`  ${paint.dim(`note: ${oneLine(note)}`)}`);
  if (field.newVersion !== undefined) lines.push(`  ${paint.green('written')} as version ${field.newVersion}`);
  if (field.clearance) lines.push(`  ${paint.green('recorded')} clearance ${field.clearance}`);
  return lines;
}

/** One piece of a word diff: text kept, removed or added. */
type Part = Pick<Change, 'value' | 'added' | 'removed'>;

/**
 * The word diff of two texts, as `diff` bounds its comparison (diff/align.ts): undefined for texts
 * that far apart. Characters, not words: a limit at least as tight.
 */
function wordDiff(before: string, after: string): Part[] | undefined {
  return diffWordsWithSpace(before, after, { maxEditLength: editLimit(before.length + after.length) });
}

/**
 * A field's paragraphs too far apart for one word diff (more than about 500 words changed in it):
 * the paragraphs aligned first, then each reworded one compared with its own, so a reviewer's
 * many changes are still listed word by word and the paragraphs no one changed are not listed.
 * A run of removed paragraphs beside a run of added ones of another length is compared as one
 * text; what is still too far apart shows as removed and added whole.
 */
function paragraphWise(before: readonly string[], after: readonly string[]): Part[] {
  const parts: Part[] = [];
  const add = (more: readonly Part[]) => {
    if (parts.length) parts.push({ value: '\n', added: false, removed: false });
    parts.push(...more);
  };
  const compared = (from: string, to: string): Part[] =>
    wordDiff(from, to) ?? [...(from ? [{ value: from, added: false, removed: true }] : []), ...(to ? [{ value: to, added: true, removed: false }] : [])];
  const changes = alignKeys(before, after);
  for (let index = 0; index < changes.length; index++) {
    const change = changes[index];
    if (!change) continue;
    if (!change.added && !change.removed) {
      for (const paragraph of change.value) add([{ value: paragraph, added: false, removed: false }]);
      continue;
    }
    const next = changes[index + 1];
    const removed = change.removed ? change.value : [];
    const added = change.added ? change.value : next?.added ? next.value : [];
    if (change.removed && next?.added) index++;
    if (removed.length === added.length) removed.forEach((paragraph, at) => add(compared(paragraph, added[at] ?? '')));
    else add(compared(removed.join('\n'), added.join('\n')));
  }
  return parts;
}

/**
 * The comments, each thread together: a comment (marked resolved when its thread is), then the
 * replies to it, set in under it. A reply whose comment is not among them is listed as one.
 */
function threadLines(comments: readonly ReviewComment[], paint: Painter): string[] {
  const lines: string[] = [];
  const line = (comment: ReviewComment, what: string, indent: string) =>
    `${indent}${paint.dim(`${what} by ${oneLine(comment.author)}${comment.date ? `, ${comment.date.slice(0, 10)}` : ''}${comment.resolved && what === 'comment' ? ' (resolved)' : ''}:`)} ${oneLine(comment.text)}`;
  for (const { comment, replies } of commentThreads(comments)) {
    lines.push(line(comment, 'comment', '  '));
    for (const reply of replies) lines.push(line(reply, 'reply', '    '));
  }
  return lines;
}

/** An edit of generated text made with track changes off, which names nobody. */
function untrackedLine(text: string, { kind, count, before, afterField }: NonNullable<OutsideChange['untracked']>): string {
  // Typed after a field's last paragraph, where its bookmark does not reach: most likely meant for it.
  if (afterField) return `“${oneLine(text)}”: added with track changes off right after ${oneLine(fieldName(afterField))}, outside its text: not written into it`;
  if (kind !== 'deleted') return `“${oneLine(text)}”: ${kind} with track changes off`;
  const what = count === 1 ? 'a paragraph' : `${count} paragraphs`;
  return `${what}${text ? ` ${before ? 'before' : 'after'} “${oneLine(text)}”` : ''}: deleted with track changes off`;
}

function who(marks: readonly { author: string; date: string }[]): string {
  const seen = new Map<string, string>();
  for (const mark of marks) {
    const day = mark.date.slice(0, 10);
    const latest = seen.get(mark.author) ?? '';
    if (!seen.has(mark.author) || day > latest) seen.set(mark.author, day);
  }
  return [...seen].map(([author, day]) => (day ? `${author || 'unknown'}, ${day}` : author || 'unknown')).join('; ');
}
