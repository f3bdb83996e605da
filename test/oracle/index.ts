/**
 * The DOCX writer as it was before src/docx/ooxml: our compiler on the `docx` library's object model
 * and serialiser. Kept only as the oracle of the differential tests (test/docx-oracle.test.ts): the
 * writer must give the same bytes, for any tree and settings, as this one does.
 */
import { Packer, type Document } from 'docx';
import type { Root } from 'mdast';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { withReferenceParts } from '../../src/docx/reference-parts.js';
import { zipParts } from '../../src/docx/pack.js';
import { remarkDocx, type DocxMeta } from './compile.js';

/** The DOCX bytes the `docx` library's route gives for a syntax tree (`source`: the Markdown it came from, if any). */
export function oracleDocx(tree: Root, meta: DocxMeta, date: Date, source = ''): Uint8Array {
  const file = new VFile(source);
  const document = unified().use(remarkDocx, meta).stringify(tree, file) as unknown as Document;
  const parts = compiled(document);
  return zipParts(meta.reference ? withReferenceParts(parts, meta.reference) : parts, date);
}

function compiled(document: Document): Record<string, string | Uint8Array> {
  const compiler = Reflect.get(Packer, 'compiler') as { compile: (...args: unknown[]) => Map<string, string | Uint8Array> };
  return Object.fromEntries(compiler.compile(document, undefined, []));
}
