import { createHash } from 'node:crypto';
import { isRecord } from '../util/record.js';
import { answerFingerprint } from './position.js';

/**
 * A fingerprint of one text alone, or of a list of texts (speaking points) in their order, as
 * {@link answerFingerprint} counts a change: lines re-wrapped and spaces between words aside.
 * Anything else (none, an empty list, a number) is the fingerprint of no text.
 */
export function textFingerprint(value: unknown): string {
  // An empty list of points is no text, as no list is: removing `speaking_points: []` changes nothing.
  if (!Array.isArray(value) || !value.length) return answerFingerprint({ body: typeof value === 'string' ? value : undefined });
  return createHash('sha256').update(value.map(textFingerprint).join(',')).digest('hex').slice(0, 12);
}

/** A position's Latvian and English answers and speaking points, each fingerprinted alone ({@link textFingerprint}). */
export interface PositionTextFingerprints {
  body: string;
  bodyEn: string;
  speakingPoints: string;
  speakingPointsEn: string;
}

/**
 * The fingerprints `position/translation-stale` compares, of a position file's data as it is now or
 * as committed: one function for both sides, so that what counts as a change (re-wrapping and spaces
 * aside) is the same on each.
 */
export function positionTextFingerprints(data: unknown): PositionTextFingerprints {
  const at = (key: string) => (isRecord(data) ? data[key] : undefined);
  return { body: textFingerprint(at('body')), bodyEn: textFingerprint(at('body_en')), speakingPoints: textFingerprint(at('speaking_points')), speakingPointsEn: textFingerprint(at('speaking_points_en')) };
}

/** One Latvian text of a meeting and its English beside it, each fingerprinted alone ({@link textFingerprint}). */
export interface TranslationPair {
  /** Which text: `topic`, `outcome`, `background`, `name`, `place`, or `question <position id>`. */
  id: string;
  /** The fingerprint of the Latvian text. */
  latvian: string;
  /** The fingerprint of its English. */
  english: string;
}

/** A pair as the meeting has it now: where its English is, and whether it has any. */
export interface PresentTranslationPair extends TranslationPair {
  /** The English text's place in the meeting file: `['topic_en']`, `['place', 'english']`, `['questions', 0, 'text_en']`. */
  englishAt: (string | number)[];
  /** Its English is there, not blank. */
  translated: boolean;
  /** What the English translates, as a message names it: `text`, `name`, `place`, `question`. */
  what: 'text' | 'name' | 'place' | 'question';
  /** For a question: its number, from 1. */
  question?: number;
}

/** A Latvian text of the meeting file's data and the English one beside it. */
interface MeetingText {
  id: string;
  what: PresentTranslationPair['what'];
  /** The Latvian text, or the forms that together are it (a name's nominative and locative). */
  latvian: (data: Record<string, unknown>) => unknown;
  englishAt: [string] | [string, string];
}

/** A value of the data, `data[key]`, or a value inside it, `data[key][inner]`; undefined where there is none. */
const field = (data: Record<string, unknown>, key: string, inner?: string): unknown => {
  const value = data[key];
  return inner === undefined ? value : isRecord(value) ? value[inner] : undefined;
};

/**
 * The meeting's texts that have an English one beside them. A name is its nominative and locative,
 * the forms the Latvian report prints: its genitive, which templates of one's own may print, and its
 * short locative ("sanāksmē") are other cases of the same name, not another name to translate.
 */
const MEETING_TEXTS: readonly MeetingText[] = [
  { id: 'topic', what: 'text', latvian: (data) => data['topic'], englishAt: ['topic_en'] },
  { id: 'outcome', what: 'text', latvian: (data) => data['outcome'], englishAt: ['outcome_en'] },
  { id: 'background', what: 'text', latvian: (data) => data['background'], englishAt: ['background_en'] },
  { id: 'name', what: 'name', latvian: (data) => [field(data, 'name', 'nominative'), field(data, 'name', 'locative')], englishAt: ['name', 'english'] },
  { id: 'place', what: 'place', latvian: (data) => field(data, 'place', 'locative'), englishAt: ['place', 'english'] },
];

/**
 * The Latvian texts of a meeting file's data and their English ones, fingerprinted: the topic, the
 * outcome, the background, the name, the place, and each question, known by the position that answers it. A question
 * whose position answers another question of the meeting too is left out: which of them it was
 * before, a reordering could not tell, and a warning must not rest on a guess.
 */
export function meetingTranslationPairs(data: unknown): PresentTranslationPair[] {
  if (!isRecord(data)) return [];
  const pair = (latvian: unknown, english: unknown) => ({ latvian: textFingerprint(latvian), english: textFingerprint(english), translated: typeof english === 'string' && english.trim() !== '' });
  const texts = MEETING_TEXTS.map(({ id, what, latvian, englishAt }) => ({ id, what, ...pair(latvian(data), field(data, englishAt[0], englishAt[1])), englishAt }));
  const questions = Array.isArray(data['questions']) ? data['questions'] : [];
  const positions = questions.map((question) => (isRecord(question) && typeof question['position'] === 'string' ? question['position'] : undefined));
  const asked = questions.flatMap((question, index) => {
    const position = positions[index];
    if (!isRecord(question) || position === undefined || positions.indexOf(position) !== positions.lastIndexOf(position)) return [];
    return [{ id: `question ${position}`, what: 'question' as const, ...pair(question['text'], question['text_en']), englishAt: ['questions', index, 'text_en'], question: index + 1 }];
  });
  return [...texts, ...asked];
}

/**
 * The pairs whose Latvian text changed since `committed` while their English one did not: the
 * English now translates the earlier text. Only a pair with English now, matched by its id; not a
 * pair whose texts, both as they are now, were a pair then too (two questions with one English text).
 */
export function staleTranslations(now: readonly PresentTranslationPair[], committed: readonly TranslationPair[]): PresentTranslationPair[] {
  const before = new Map(committed.map((pair) => [pair.id, pair]));
  const pairedBefore = new Set(committed.map((pair) => `${pair.latvian} ${pair.english}`));
  return now.filter((pair) => {
    const then = before.get(pair.id);
    return pair.translated && then !== undefined && then.latvian !== pair.latvian && then.english === pair.english && !pairedBefore.has(`${pair.latvian} ${pair.english}`);
  });
}

/** The pairs of a committed meeting file's data, as {@link staleTranslations} compares with them: ids and fingerprints. */
export function committedTranslationPairs(data: unknown): TranslationPair[] {
  return meetingTranslationPairs(data).map(({ id, latvian, english }) => ({ id, latvian, english }));
}
