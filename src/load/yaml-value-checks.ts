/** Checks over a parsed YAML file's values: characters a DOCX cannot hold written as escapes, and a word after ` #` that YAML cuts off as a comment. */

import { isPair, isScalar, visit, type Document } from 'yaml';
import { diagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import { forbiddenCharacter, forbiddenCharacterOffsets } from './characters.js';

/** Characters a DOCX cannot hold that a double-quoted value writes as an escape (`"\x01"`, `"\uFFFE"`). */
export function escapedForbiddenCharacters(path: string, text: string, doc: Document.Parsed, placeAt: (offset: number) => Place): Diagnostic[] {
  // A text without `"` has no double-quoted value: the walk over every value (about 2 ms of a diff, in profiles) is spared.
  if (!text.includes('"')) return [];
  const found: Diagnostic[] = [];
  visit(doc, {
    Scalar(_key, node) {
      if (node.type !== 'QUOTE_DOUBLE' || typeof node.value !== 'string') return;
      const offset = forbiddenCharacterOffsets(node.value)[0];
      if (offset !== undefined) found.push(forbiddenCharacter(path, node.range ? placeAt(node.range[0]) : undefined, node.value.charAt(offset)));
    },
  });
  return found;
}

/** After a plain value: the blanks, and a comment whose first character is a letter or a digit ("#ES2030", "#1"); group 1 the comment. */
const COMMENT_AFTER_VALUE = /^[ \t]+(#[\p{L}\p{N}][^\r\n]*)/u;

/** After a plain value: the line below, a comment of the same kind; group 1 its indent, group 2 the comment. */
const COMMENT_BELOW_VALUE = /^[ \t]*\r?\n([ \t]+)(#[\p{L}\p{N}][^\r\n]*)/u;

/** The column (0-based) of `offset` in `text`. */
function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/**
 * `yaml/comment-in-value`: a plain (unquoted) value followed on its line by " #" and a word or a
 * number. YAML reads the rest of the line as a comment, so a question pasted with a hashtag or
 * "#1" in it ("…, ņemot vērā #EUYouthStrategy un #1 prioritāti?") was printed cut short, with no
 * word. A comment written as one, "# …" with a space, is not reported.
 */
export function commentsInValues(path: string, text: string, doc: Document.Parsed, placeAt: (offset: number) => Place): Diagnostic[] {
  const found: Diagnostic[] = [];
  visit(doc, {
    Scalar(_key, node, ancestors) {
      if (node.type !== 'PLAIN' || typeof node.value !== 'string' || !node.range) return;
      const after = text.slice(node.range[1]);
      let comment = COMMENT_AFTER_VALUE.exec(after)?.[1]?.trimEnd();
      const onItsLine = comment !== undefined;
      if (comment === undefined) {
        // A value wrapped over lines ends too at a line that starts with such a comment: indented under the value's key
        // (or list item), it was one more line of the value to the desk officer ("ņemot vērā" / "#ES2030 prioritāti?").
        const below = COMMENT_BELOW_VALUE.exec(after);
        const parent = ancestors.at(-1);
        const owner = isPair(parent) && isScalar(parent.key) && parent.key.range ? parent.key.range[0] : node.range[0] - 2;
        if (below && (below[1]?.length ?? 0) > columnOf(text, owner)) comment = below[2]?.trimEnd();
      }
      if (comment === undefined) return;
      const at = text.indexOf(comment, node.range[1]);
      const whole = `${node.value} ${comment}`;
      const quoted = whole.includes('"') ? `'${whole.replace(/'/g, "''")}'` : `"${whole.replace(/\\/g, '\\\\')}"`;
      const end = node.value.split(/\s+/).slice(-2).join(' ');
      found.push(
        diagnostic(
          path,
          placeAt(at),
          'warning',
          'yaml/comment-in-value',
          `YAML reads “${comment}” as a comment, as it ${onItsLine ? 'follows a space' : 'starts a line'}: the value ends at “${end}”, and the report leaves the rest out.`,
          `Put the whole value in quotation marks: ${quoted} (or, if it is meant as a comment, write a space after the #).`,
        ),
      );
    },
  });
  return found;
}
