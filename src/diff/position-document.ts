import type { DocxMeta } from '../docx/index.js';
import type { ReferenceDocx } from '../model/reference-docx.js';
import type { Config, Ministries, Position } from '../model/index.js';
import { escapeMarkdown } from '../render/escape.js';
import { normaliseMarkdown, scopeFootnotes } from '../resolve/markdown-field.js';

/**
 * A position on its own as Markdown: the question(s) it answers in bold, then its
 * answer exactly as the report prints it (same normalisation, same footnote scoping).
 */
export function positionMarkdown(position: Position): string {
  const questions = position.questions.map((question) => `**${escapeMarkdown(question)}**`);
  const body = scopeFootnotes(normaliseMarkdown(position.body), position.id);
  return `${[...questions, body].join('\n\n')}\n`;
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
