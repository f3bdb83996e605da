import type { DocxMeta } from '../docx/index.js';
import type { ReferenceDocx } from '../model/reference-docx.js';
import type { Config, Ministries, Position } from '../model/index.js';
import { escapeMarkdown } from '../render/escape.js';
import { normaliseMarkdown, scopeFootnotes } from '../resolve/markdown-field.js';

/** The line before a position's English answer in its diff. */
export const ENGLISH_ANSWER = 'English (body_en)';

/**
 * A position on its own as Markdown: the question(s) it answers in bold, then its
 * answer exactly as the report prints it (same normalisation, same footnote scoping).
 * `english`: its English answer too, after a bold line of its own, for the diff of the position:
 * an English report prints it, and a clearance covers it, so a change of it alone is a change.
 */
export function positionMarkdown(position: Position, english = false): string {
  const questions = position.questions.map((question) => `**${escapeMarkdown(question)}**`);
  const body = scopeFootnotes(normaliseMarkdown(position.body), position.id);
  const translation = english && position.body_en?.trim() ? [`**${ENGLISH_ANSWER}**`, scopeFootnotes(normaliseMarkdown(position.body_en), `${position.id}-en`)] : [];
  return `${[...questions, body, ...translation].join('\n\n')}\n`;
}

/** A position's DOCX laid out like a report: the project's layout, the owner as author, a draft mark while it is a draft. */
export function positionDocxMeta(position: Position, config: Config, ministries: Ministries, hash: string, reference?: ReferenceDocx): DocxMeta {
  return {
    title: position.questions.join(' '),
    creator: ministries[position.owner.ministry]?.nominative ?? position.owner.ministry,
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
