import { isLatvian, isMarkdownField, type FieldRef } from '../model/field.js';
import type { Meeting, Position } from '../model/index.js';
import { normaliseMarkdown } from '../resolve/markdown-field.js';
import { countWords } from './blocks.js';
import { compareMarkdown } from './compare.js';
import type { MetadataChange } from './metadata.js';
import { wordsOf } from './tokens.js';

/** A text field and its English counterpart, and how a reviewer reads each one's name. */
interface TextPair {
  latvian: string;
  english: string;
  /** The field's name in a label, without its language: "topic" → "topic in English". */
  name: string;
  /** The kind of file it is in: whether it is Markdown, {@link isMarkdownField} says. */
  file: FieldRef['kind'];
}

type Texts = Record<string, unknown>;

const MEETING_TEXTS: readonly TextPair[] = [
  { latvian: 'topic', english: 'topic_en', name: 'topic', file: 'meeting' },
  { latvian: 'outcome', english: 'outcome_en', name: 'outcome', file: 'meeting' },
  { latvian: 'background', english: 'background_en', name: 'background', file: 'meeting' },
];
const QUESTION_TEXT: TextPair = { latvian: 'text', english: 'text_en', name: 'question', file: 'meeting' };
const ANSWER_TEXT: TextPair = { latvian: 'body', english: 'body_en', name: 'answer', file: 'position' };

/**
 * What changed in the texts of a meeting and of the positions in both versions that its report
 * does not print: a meeting's diff compares the report as its template prints it, so these lines
 * are all a reviewer sees of them. A Latvian report (`language` lv-…) prints no English text; a
 * report in English (the English template) prints the English text where there is one, the
 * Latvian only where there is none, so a Latvian text is listed where both versions have its
 * English. A plain text (`topic`, a question's `text`, said of the position answering it) is given
 * whole, a Markdown one (`outcome`, `background`, a position's `body`) as its words, added and
 * removed. A change of whitespace alone is none. A position's own diff shows its English answer
 * word by word.
 */
export function unprintedTextChanges(
  before: { meeting: Meeting; positions: ReadonlyMap<string, Position> },
  after: { meeting: Meeting; positions: ReadonlyMap<string, Position> },
  language: string,
): MetadataChange[] {
  const latvianReport = isLatvian(language);
  const changes: MetadataChange[] = [];
  const compare = (subject: string, pair: TextPair, older: Texts, newer: Texts) => {
    if (!latvianReport && !(text(older[pair.english]) && text(newer[pair.english]))) return;
    const field = latvianReport ? pair.english : pair.latvian;
    const label = `${pair.name} in ${latvianReport ? 'English' : 'Latvian'}`;
    const [from, to] = [text(older[field]), text(newer[field])];
    const change = isMarkdownField(pair.file, field) ? markdownChange(from, to) : plainChange(from, to);
    if (change) changes.push({ subject, field, label, ...change });
  };
  for (const pair of MEETING_TEXTS) compare('report', pair, { ...before.meeting }, { ...after.meeting });
  // A question is its position's: the questions around it added, removed or reordered, it is the same question.
  for (const question of after.meeting.questions) {
    const old = before.meeting.questions.find((q) => q.position === question.position);
    if (old) compare(question.position, QUESTION_TEXT, { ...old }, { ...question });
  }
  for (const [id, now] of after.positions) {
    const old = before.positions.get(id);
    if (old) compare(id, ANSWER_TEXT, { ...old }, { ...now });
  }
  return changes;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

function plainChange(from: string | undefined, to: string | undefined): Pick<MetadataChange, 'from' | 'to'> | undefined {
  return spaced(from) === spaced(to) ? undefined : { from: from?.trim() || null, to: to?.trim() || null };
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
