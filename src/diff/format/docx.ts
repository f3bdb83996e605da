import { compileDocxTree, type DocxMeta } from '../../docx/index.js';
import type { DocumentDiff } from '../compare.js';
import { changeLine, versionLabel } from './labels.js';

/**
 * The redline: the document laid out exactly as `briefing build` lays it out, every
 * change a Word tracked change by `author` dated at the later version, track changes
 * on, and the changes of status and clearance in a comment on the first paragraph.
 * Dated by the version's own clock, marked Z as Word marks the stamps of its own changes: Word and
 * LibreOffice show the stamp as it is, so a UTC time read 22:30 in Riga for a commit made at 00:30.
 */
export function formatDocx(diff: DocumentDiff, meta: DocxMeta, author: string, created: Date): Uint8Array {
  const summary = [
    `briefing diff: ${diff.file}`,
    `${versionLabel(diff.from)} → ${versionLabel(diff.to)}`,
    ...diff.metadata.map((change) => changeLine(change, diff.kind)),
  ];
  return compileDocxTree(diff.tree, { ...meta, revisions: { author, date: `${diff.to.localTime}Z`, summary } }, created);
}
