import type { Meeting, Position } from '../model/index.js';
import { normaliseMarkdown } from '../resolve/markdown-field.js';
import { countWords } from './blocks.js';
import { compareMarkdown } from './compare.js';
import type { MetadataChange } from './metadata.js';
import { wordsOf } from './tokens.js';

/** The English Markdown fields of a meeting, and how a reviewer reads their names. */
const MEETING_MARKDOWN = [
  ['outcome_en', 'outcome in English'],
  ['background_en', 'background in English'],
] as const;

/**
 * What changed in the English texts of a meeting and of the positions in both versions: a meeting's
 * diff compares the report as its template prints it, and a Latvian template prints none of them, so
 * these lines are all a reviewer sees of a translation changed (a position's own diff shows its
 * English answer word by word). A plain text (`topic_en`, a question's `text_en`, said of the position
 * answering it) is given whole,
 * a Markdown one (`outcome_en`, `background_en`, a position's `body_en`) as its words, added and
 * removed. A change of whitespace alone is none.
 */
export function englishChanges(
  before: { meeting: Meeting; positions: ReadonlyMap<string, Position> },
  after: { meeting: Meeting; positions: ReadonlyMap<string, Position> },
): MetadataChange[] {
  const changes: MetadataChange[] = [];
  const plain = (subject: string, field: string, label: string, from: string | undefined, to: string | undefined) => {
    if (spaced(from) !== spaced(to)) changes.push({ subject, field, label, from: from?.trim() || null, to: to?.trim() || null });
  };
  const markdown = (subject: string, field: string, label: string, from: string | undefined, to: string | undefined) => {
    const change = markdownChange(from, to);
    if (change) changes.push({ subject, field, label, ...change });
  };
  plain('report', 'topic_en', 'topic in English', before.meeting.topic_en, after.meeting.topic_en);
  // A question is its position's: the questions around it added, removed or reordered, it is the same question.
  for (const question of after.meeting.questions) {
    const old = before.meeting.questions.find((q) => q.position === question.position);
    if (old) plain(question.position, 'text_en', 'question in English', old.text_en, question.text_en);
  }
  for (const [field, label] of MEETING_MARKDOWN) markdown('report', field, label, before.meeting[field], after.meeting[field]);
  for (const [id, now] of after.positions) {
    const old = before.positions.get(id);
    if (old) markdown(id, 'body_en', 'answer in English', old.body_en, now.body_en);
  }
  return changes;
}

/** A Markdown text changed beyond its whitespace, as word counts: "42 words" → "43 words: 2 added, 1 removed". */
function markdownChange(from: string | undefined, to: string | undefined): Pick<MetadataChange, 'from' | 'to'> | undefined {
  const [older, newer] = [normaliseMarkdown(from ?? ''), normaliseMarkdown(to ?? '')];
  if (spaced(older) === spaced(newer)) return undefined;
  const { inserted, deleted } = countWords(compareMarkdown(older, newer, { whitespace: false }).blocks);
  const words = (text: string) => (text.trim() ? counted(wordsOf(text).length) : null);
  const now = words(newer);
  return { from: words(older), to: now && older.trim() ? `${now}: ${inserted} added, ${deleted} removed` : now };
}

function counted(n: number): string {
  return `${n} ${n === 1 ? 'word' : 'words'}`;
}

function spaced(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
