import type { Root } from 'mdast';

/** A construct that runs to the end of its text and would run on into what follows it. */
export interface Unclosed {
  /** Line and column where it opens. */
  line: number;
  column: number;
  what: string;
  close: string;
}

const HTML_BLOCKS: { open: RegExp; close: RegExp; what: string; closeText: string }[] = [
  { open: /^ {0,3}<!--/, close: /-->/, what: 'an HTML comment (`<!--`)', closeText: '`-->`' },
  { open: /^ {0,3}<\?/, close: /\?>/, what: 'an HTML processing instruction (`<?`)', closeText: '`?>`' },
  { open: /^ {0,3}<!\[CDATA\[/, close: /\]\]>/, what: 'a CDATA section (`<![CDATA[`)', closeText: '`]]>`' },
  { open: /^ {0,3}<![A-Za-z]/, close: /^<![^]*>/, what: 'an HTML declaration (`<!`)', closeText: '`>`' },
  {
    open: /^ {0,3}<(script|pre|style|textarea)(?=[\s>]|$)/i,
    close: /<\/(script|pre|style|textarea)>/i,
    what: 'a raw HTML block (`<script>`, `<pre>`, `<style>` or `<textarea>`)',
    closeText: 'its closing tag',
  },
];

/**
 * The last top-level construct of a Markdown text, when it is one that only its own end
 * marker closes (a fenced code block, an HTML comment, `<pre>`, …) and the text ends before
 * that marker: followed by more text, it would swallow it.
 */
export function unclosedAtEnd(text: string, tree: Root): Unclosed | undefined {
  const last = tree.children.at(-1);
  const start = last?.position?.start;
  if (!last || !start || start.offset === undefined) return undefined;
  const raw = text.slice(start.offset, last.position?.end.offset);
  const at = { line: start.line, column: start.column };
  if (last.type === 'code') {
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(raw)?.[1];
    if (!fence) return undefined;
    const lines = raw.split('\n');
    const closing = /^ {0,3}(`+|~+)[ \t]*$/.exec(lines.at(-1) ?? '')?.[1];
    const closed = lines.length > 1 && closing !== undefined && closing[0] === fence[0] && closing.length >= fence.length;
    return closed ? undefined : { ...at, what: `a code block (\`${fence}\`)`, close: `a line \`${fence}\`` };
  }
  if (last.type === 'html') {
    const kind = HTML_BLOCKS.find((block) => block.open.test(raw));
    if (kind && !kind.close.test(raw.replace(/^ {0,3}/, ''))) return { ...at, what: kind.what, close: kind.closeText };
  }
  return undefined;
}
