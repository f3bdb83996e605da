import { compileDocxTree, type DocxMeta } from '../../docx/index.js';
import type { DocumentDiff } from '../compare.js';
import { changeLine, versionLabel } from './labels.js';

/**
 * The redline: the document laid out exactly as `briefing build` lays it out, every
 * change a Word tracked change by `author` dated at the later version, track changes
 * on, and the changes of status and clearance in a comment on the first paragraph.
 */
export function formatDocx(diff: DocumentDiff, meta: DocxMeta, author: string, created: Date): Uint8Array {
  const summary = [
    `briefing diff: ${diff.file}`,
    `${versionLabel(diff.from)} → ${versionLabel(diff.to)}`,
    ...diff.metadata.map((change) => changeLine(change, diff.kind)),
  ];
  return compileDocxTree(diff.tree, { ...meta, revisions: { author, date: diff.to.date, summary } }, created);
}
