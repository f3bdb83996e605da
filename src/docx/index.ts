import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { remarkDocx, type DocxMeta } from './compile.js';
import { packDocx } from './pack.js';

export type { DocxMeta } from './compile.js';
export { remarkDocx } from './compile.js';

/** DOCX bytes plus what the conversion could not carry over. */
export interface DocxResult {
  bytes: Uint8Array;
  /** Things the DOCX cannot show as the Markdown has them (e.g. images), with Markdown line numbers. */
  warnings: { reason: string; line?: number; column?: number }[];
}

/**
 * Markdown → DOCX bytes through our unified compiler. `date` is stamped as the
 * document's creation date; nothing else varies between runs.
 */
export async function compileDocx(markdown: string, meta: DocxMeta, date: Date): Promise<DocxResult> {
  const file = unified().use(remarkParse).use(remarkGfm).use(remarkDocx, meta).processSync(markdown);
  const document = file.result;
  const bytes = await packDocx(document, date);
  const warnings = file.messages.map((message) => ({
    reason: message.reason,
    ...(message.line ? { line: message.line } : {}),
    ...(message.column ? { column: message.column } : {}),
  }));
  return { bytes, warnings };
}
