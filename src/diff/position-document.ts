import type { DocxMeta } from '../docx/index.js';
import type { ReferenceDocx } from '../model/reference-docx.js';
import type { Config } from '../model/config.js';
import { nominativeOn, type Ministries } from '../model/ministries.js';
import type { Position } from '../model/position.js';
import { escapeMarkdown } from '../render/escape.js';
import { normaliseMarkdown, scopeFootnotes } from '../resolve/markdown-field.js';

/** The line before a position's English answer in its diff. */
export const ENGLISH_ANSWER = 'English (body_en)';
/** The lines before its speaking points and its English ones, named by their fields as the English answer's is. */
const SPEAKING_POINTS = 'Speaking points (speaking_points)';
const ENGLISH_SPEAKING_POINTS = 'English speaking points (speaking_points_en)';
/** The bold lines that start the parts after a position's answer in its diff: a terminal showing a change in a part shows its line too. */
export const PART_TITLES: ReadonlySet<string> = new Set([SPEAKING_POINTS, ENGLISH_ANSWER, ENGLISH_SPEAKING_POINTS]);

/**
 * A position on its own as Markdown: the question(s) it answers in bold, then its
 * answer exactly as the report prints it (same normalisation, same footnote scoping).
 * `whole`: for the diff of the position, the rest of what a report may print and a clearance
 * covers, each part after a bold line of its own, so a change of it alone is a change shown
 * word by word: its speaking points, its English answer and its English speaking points.
 */
export function positionMarkdown(position: Position, whole = false): string {
  const questions = position.questions.map((question) => `**${escapeMarkdown(question)}**`);
  const body = scopeFootnotes(normaliseMarkdown(position.body), position.id);
  const rest = whole
    ? [
        ...part(SPEAKING_POINTS, pointList(position.speaking_points)),
        ...part(ENGLISH_ANSWER, position.body_en?.trim() ? scopeFootnotes(normaliseMarkdown(position.body_en), `${position.id}-en`) : ''),
        ...part(ENGLISH_SPEAKING_POINTS, pointList(position.speaking_points_en)),
      ]
    : [];
  return `${[...questions, body, ...rest].join('\n\n')}\n`;
}

/** A part of a position's diff after its bold line; none when the position has nothing there. */
function part(title: string, markdown: string): string[] {
  return markdown ? [`**${title}**`, markdown] : [];
}

/** Speaking points (plain text) as a Markdown list, one item a point, so points are paired and diffed as list items. */
function pointList(points: readonly string[] = []): string {
  return points.map((point) => `- ${escapeMarkdown(point)}`).join('\n');
}

/**
 * A position's DOCX laid out like a report: the project's layout, the owner as author (named as on `day`,
 * YYYY-MM-DD), a draft mark while it is a draft.
 */
export function positionDocxMeta(position: Position, config: Config, ministries: Ministries, hash: string, day: string, reference?: ReferenceDocx): DocxMeta {
  return {
    title: position.questions.join(' '),
    creator: nominativeOn(ministries, position.owner.ministry, day),
    footerText: position.id,
    draftMark: position.status === 'draft' ? 'PROJEKTS' : null,
    customProperties: [
      { name: `Briefing.Position.${position.id}`, value: `v${position.version}` },
      { name: `Briefing.PositionHash.${position.id}`, value: `sha256:${hash}` },
    ],
    layout: config.layout,
    reference,
  };
}
