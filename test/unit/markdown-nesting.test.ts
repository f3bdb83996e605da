import type { Nodes } from 'mdast';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMarkdownText } from '../../src/util/markdown.js';
import { MAX_NESTING, nestingLevels } from '../../src/validate/markdown-limits.js';

/** The most quotes, lists and footnote definitions open around any node of the parsed text. */
function parsedNesting(text: string): number {
  let deepest = 0;
  const stack: [Nodes, number][] = [[parseMarkdownText(text), 0]];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [node, open] = next;
    const here = open + (node.type === 'blockquote' || node.type === 'list' || node.type === 'footnoteDefinition' ? 1 : 0);
    deepest = Math.max(deepest, here);
    if ('children' in node) for (const child of node.children) stack.push([child, here]);
  }
  return deepest;
}

/** A line that may open quotes, lists and footnotes: indentation, markers with blanks after them, then text. */
const line = fc
  .tuple(
    fc.array(fc.constantFrom(' ', '\t'), { maxLength: 10 }),
    fc.array(fc.tuple(fc.constantFrom('>', '-', '*', '+', '1.', '2)', '10.', '[^a]:', '`', 'x'), fc.constantFrom('', ' ', '  ', '   ', '    ', '\t', ' \t')), { maxLength: 8 }),
    fc.constantFrom('', 'teksts', 'a b', '- - -', '```', '    kods'),
  )
  .map(([indent, markers, text]) => indent.join('') + markers.map(([marker, blank]) => marker + blank).join('') + text);

describe('nestingLevels, the reading of a line that markdown/too-deep uses before anything parses a field', () => {
  it('is never less than the nesting the parser makes, for any text of such lines', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (lines) => {
        const text = lines.join('\n');
        expect(parsedNesting(text)).toBeLessThanOrEqual(Math.max(...lines.map(nestingLevels)));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads markers, indentation and tabs, and not a rule across the page', () => {
    expect(nestingLevels('Teksts bez saraksta')).toBe(0);
    expect(nestingLevels('> > - 1. teksts')).toBe(4);
    expect(nestingLevels('>>>>')).toBe(4);
    // Indentation before the first marker may continue a list item of the line above ("-" then "  >": a quote in the item).
    expect(nestingLevels('  >')).toBe(2);
    expect(nestingLevels('      - teksts')).toBe(4);
    expect(nestingLevels('\t- teksts')).toBe(3);
    expect(nestingLevels('[^1]: > teksts')).toBe(2);
    expect(nestingLevels('- - - - - - - - - - - - - - - - - - - - - - - -')).toBe(0);
    expect(nestingLevels(`${'- '.repeat(MAX_NESTING + 1)}teksts`)).toBe(MAX_NESTING + 1);
  });
});
