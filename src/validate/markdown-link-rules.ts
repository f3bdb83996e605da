/** The rules of a field's links: addresses that lead nowhere or are unsafe, link texts without words, labels never defined, addresses broken by a space. */

import type { Root } from 'mdast';
import type { YamlFile } from '../load/yaml.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { walk } from '../util/markdown.js';
import { toString as mdastToString } from 'mdast-util-to-string';
import type { Placer } from './markdown-rule-place.js';

/** Addresses a reader's copy can open from anywhere: a text whose links all have one is not parsed for this check. */
const READER_SCHEMES = 'https?|mailto|tel|ftps?';
/** Schemes of addresses on the web: a site's name follows their `//`. */
const WEB_SCHEME = 'https?|ftps?';
/** An ellipsis as a placeholder address has it, also percent-escaped (see {@link isPlaceholderAddress}). */
const ELLIPSIS = '(?:…|%E2%80%A6|(?:\\.|%2E){3})';

/**
 * A link (`](…)`) or link definition (`]: …`) whose address does not start with one of
 * {@link READER_SCHEMES}, or with a web one not followed by `//` and a site's name, or one or a web
 * autolink with an ellipsis (`https://…`, a placeholder), or an autolink (`<…:…>`) with a scheme that
 * runs or embeds something: only such a text needs the parse that tells a link from text that looks like one.
 */
export const SUSPECT_LINK = new RegExp(
  `\\](?:\\(|:)[ \\t]*<?(?:(?!(?:${READER_SCHEMES}):)|(?:${WEB_SCHEME}):(?!//[^/?#\\s)>])|[^\\s)>]*${ELLIPSIS})|<(?:javascript|vbscript|data|file):|<(?:${WEB_SCHEME}):[^\\s>]*${ELLIPSIS}`,
  'i',
);
/** Schemes that run code or carry a document inside the link: never in a report. */
const UNSAFE_SCHEME = /^(?:javascript|vbscript|data):/i;

/**
 * Links whose address a reader of the DOCX cannot open, as problems at their place in the YAML file:
 *
 * - `markdown/link-unsafe` (error): `javascript:`, `vbscript:` or `data:`, which run code or open
 *   a document carried in the link when clicked; a report never needs one.
 * - `markdown/link-address` (warning): an address with no scheme (`www.izm.gov.lv`, which Word
 *   opens as a file beside the report, `../annex.pdf`, `#part`, or none), a web one with no site
 *   after it (`https://` left to be filled in, `https:/www…`), a placeholder (`https://…`, `<url>`),
 *   or a file on one computer (`file:`, `C:\…`): the link opens nothing for whoever receives the report.
 */
export function linkProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root, place: Placer): Diagnostic[] {
  const name = field.join('.');
  const problems: Diagnostic[] = [];
  walk(tree, (node) => {
    if (node.type !== 'link' && node.type !== 'definition') return;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const problem = addressProblem(node.url.trim());
    if (!problem) return;
    const source = text.slice(start, end).split('\n')[0] ?? '';
    const shown = source.length > 60 ? `${source.slice(0, 60)}…` : source;
    const at = place(start, source);
    problems.push(
      problem.unsafe
        ? diagnostic(file.path, at, 'error', 'markdown/link-unsafe', `The link \`${shown}\` in \`${name}\` ${problem.what}; a report never carries one.`, 'Link to a web page (https://…), or write the text without a link.')
        : diagnostic(file.path, at, 'warning', 'markdown/link-address', `The link \`${shown}\` in \`${name}\` ${problem.what}.`, problem.hint),
    );
  });
  return problems;
}

/** Brackets with no letter or digit between them (`[]`, `[ ]`, `[**  **]`): only a text with them can hold a link with no text. */
export const BRACKETS_WITHOUT_WORDS = /\[[^\]\p{L}\p{N}]*\]/u;

/**
 * `markdown/link-text` (warning): a link with no text to read (`[](https://…)`, an image without
 * alternative text as its text): the DOCX prints nothing where it stands, so the reader can neither see
 * nor follow it, and a screen reader announces a link with no name.
 */
export function linkTextProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root, place: Placer): Diagnostic[] {
  const problems: Diagnostic[] = [];
  walk(tree, (node) => {
    if (node.type !== 'link' && node.type !== 'linkReference') return;
    if (mdastToString(node).trim() !== '') return;
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    const source = text.slice(start, end).split('\n')[0] ?? '';
    const shown = source.length > 60 ? `${source.slice(0, 60)}…` : source;
    problems.push(
      diagnostic(
        file.path,
        place(start, source),
        'warning',
        'markdown/link-text',
        `The link \`${shown}\` in \`${field.join('.')}\` has no text: the report prints nothing where it stands, so the reader can neither see nor follow it, and a screen reader says only “link”.`,
        'Write what the link leads to between the brackets, e.g. `[Padomes secinājumi](https://…)`, or give the address itself in angle brackets, `<https://…>`.',
      ),
    );
  });
  return problems;
}

/** An address with a web scheme (see {@link WEB_SCHEME}). */
const WEB_ADDRESS = new RegExp(`^(?:${WEB_SCHEME}):`, 'i');
/**
 * A web address written whole: `//` and a site's name after the scheme. Browsers mend `https:/x`
 * and `https:///x`; the URI parser a .NET program opens a DOCX with need not, and refuses a
 * `https://` left to be filled in.
 */
const WHOLE_WEB_ADDRESS = new RegExp(`^(?:${WEB_SCHEME})://[^/?#\\s)>]`, 'i');

/** Words that stand for an address to be filled in (`[r]: <url>`), not for one. */
const PLACEHOLDER_WORDS = new Set(['url', 'uri', 'link', 'address', 'adrese', 'saite', 'href']);

/**
 * An address left to be filled in, as a hint or a template shows one: an ellipsis (`https://…`,
 * `...`, `https://eur-lex.europa.eu/…`) where the rest of it should be, or a word for one (`<url>`).
 * The parser keeps the address as written; its percent-escapes are read back too, so that an
 * ellipsis copied escaped (`https://…` as `https://%E2%80%A6`, as some browsers copy it) is one as well.
 */
function isPlaceholderAddress(url: string): boolean {
  const written = decodedAddress(url);
  return /…|\.\.\./.test(written) || PLACEHOLDER_WORDS.has(written.toLowerCase());
}

/** An address as it was written, its percent-escapes read back; as it is where they do not decode. */
function decodedAddress(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/** What is wrong with a link's address for a reader of the report, if anything. */
function addressProblem(url: string): { unsafe: boolean; what: string; hint?: string } | undefined {
  if (UNSAFE_SCHEME.test(url)) return { unsafe: true, what: `would ${/^data:/i.test(url) ? 'open a document carried in the link' : 'run code'} when clicked in the DOCX` };
  if (isPlaceholderAddress(url)) {
    return {
      unsafe: false,
      what: 'is a placeholder, not an address: the report links to nothing the reader can open',
      hint: 'Write the whole address in its place (copy it from the browser’s address bar), or write the text without a link.',
    };
  }
  if (/^file:|^[a-z]:[\\/]|^\\\\/i.test(url)) {
    return { unsafe: false, what: 'points to a file on one computer: nobody who receives the report can open it', hint: 'Link to where the document is published (https://…), or name it in the text.' };
  }
  if (WEB_ADDRESS.test(url) && !WHOLE_WEB_ADDRESS.test(url)) {
    return {
      unsafe: false,
      what: 'is not a whole web address (no site’s name after the //): in the DOCX it may open nothing, and a document system built on Microsoft’s Open XML SDK may refuse the whole file for it (“Malformed URI”)',
      hint: 'Write the whole address, e.g. `https://www.izm.gov.lv/…`, or write the text without a link.',
    };
  }
  if (/^[a-z][a-z0-9+.-]+:/i.test(url)) return undefined; // a scheme of its own (https:, mailto:, tel:, …): the reader's programs know it
  if (url === '') return { unsafe: false, what: 'has no address: it opens nothing', hint: 'Give the whole address (https://…), or write the text without a link.' };
  const host = /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?=[/?#]|$)/i.exec(url)?.[0];
  if (host && (host.startsWith('www.') || !/\.(?:docx?|pdf|xlsx?|pptx?|odt|txt|html?)$/i.test(host))) {
    return { unsafe: false, what: `has no https:// in front: Word opens it as a file named “${url}” beside the report, not as the website`, hint: `Write the whole address: \`https://${url}\`.` };
  }
  return { unsafe: false, what: 'has no web address: in the DOCX it opens nothing the reader has', hint: 'Give the whole address (https://…), or write the text without a link.' };
}

/** `[text][label]` and `[text][]` left as text (GFM found no definition for it); a `\[` escapes it; `[text][^1]` is a footnote's. */
const UNRESOLVED_REFERENCE = /(?<!\\)\[((?:[^[\]\\]|\\.)*)\]\[(?!\^)((?:[^[\]\\]|\\.)*)\]/g;

/**
 * `markdown/undefined-link`: a link written `[text][label]` (or `[text][]`) whose label has no
 * definition `[label]: address` in the field: GFM prints it as written, both pairs of brackets
 * and all, with no link. Each field's definitions are its own, as its footnotes are.
 */
export function undefinedLinkLabelProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root, place: Placer): Diagnostic[] {
  const name = field.join('.');
  const problems: Diagnostic[] = [];
  // An address written as the link (`<https://…>`, `www.…`, an e-mail) is one: its brackets are the address's.
  // (The walk reaches a link before the text in it.)
  const addresses: [number, number][] = [];
  walk(tree, (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    if (node.type === 'link') {
      const written = text.slice(start, end);
      if (written.startsWith('<') || !written.startsWith('[')) addresses.push([start, end]);
      return;
    }
    if (node.type !== 'text' || addresses.some(([from, to]) => from <= start && end <= to)) return;
    for (const match of text.slice(start, end).matchAll(UNRESOLVED_REFERENCE)) {
      const written = match[0];
      const label = match[2] === '' ? (match[1] ?? '') : (match[2] ?? '');
      const needle = written.split('\n')[0] ?? written;
      problems.push(
        diagnostic(
          file.path,
          place(start + match.index, needle),
          'warning',
          'markdown/undefined-link',
          `The link \`${written.replace(/\s*\n\s*/g, ' ')}\` in \`${name}\` refers to \`[${label}]\`, which is not defined in that field: the report prints it as written, brackets and all, with no link.`,
          `Define it in \`${name}\`, on a line of its own: \`[${label}]: https://…\`; or give the link its address: \`[${match[1] ?? ''}](https://…)\`.`,
        ),
      );
    }
  });
  return problems;
}

/** `[text](address with a space)` on one line, the brackets not escaped: no link in CommonMark, unless the part after the space is a title. */
export const SPACED_ADDRESS = /(?<!\\)\[((?:[^[\]\\\n]|\\.)+)\]\(([^()\s<]+(?:[ \t]+[^()\s]+)+)\)/;

/** `[text] (https://…)`: a space between the brackets and an address in parentheses, which makes them no link. */
export const SPACED_LINK = /(?<!\\)\[((?:[^[\]\\\n]|\\.)+)\][ \t]+\(((?:https?|mailto|tel|ftps?):[^()\s]+|www\.[^()\s]+)\)/i;

/**
 * `markdown/link-space`: a link whose address has a space (`[e-pasts](mailto:x@y.lv?subject=ES jautājums)`,
 * a web address typed with one) is no link in CommonMark: the report prints it as written, brackets,
 * address and all. Said where its `[` stands as text in the tree, so a link with a title after the
 * address (`[a](https://… "Virsraksts")`), which is one, and code are left alone.
 */
export function spacedAddressProblems(file: YamlFile, field: readonly PropertyKey[], text: string, tree: Root, place: Placer): Diagnostic[] {
  const name = field.join('.');
  // The text nodes outside links: where a `[` stands as written. The walk visits a link's text right after the link
  // (links hold no links), so the last link seen is the only one a text node can be in; asking every link was quadratic.
  const plain: [number, number][] = [];
  let link: [number, number] | undefined;
  walk(tree, (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    if (node.type === 'link' || node.type === 'linkReference') link = [start, end];
    else if (node.type === 'text' && !(link && link[0] <= start && end <= link[1])) plain.push([start, end]);
  });
  plain.sort(([a], [b]) => a - b);
  const asText = (offset: number) => {
    const at = lastStartingBy(plain, offset);
    return at !== undefined && offset < at[1];
  };
  const found = (pattern: RegExp, say: (written: string, label: string, address: string) => [string, string]) =>
    [...text.matchAll(new RegExp(pattern, `${pattern.flags}g`))].flatMap((match) => {
      const [written, label = '', address = ''] = match;
      if (!asText(match.index)) return [];
      const [message, hint] = say(written, label, address);
      return [diagnostic(file.path, place(match.index, written), 'warning', 'markdown/link-space', message, hint)];
    });
  return [
    ...found(SPACED_ADDRESS, (written, label, address) => [
      `The link \`${written}\` in \`${name}\` is no link: its address has a space, so the report prints it as written, brackets and all.`,
      `Write each space in the address as %20 (\`${address.replace(/[ \t]+/g, '%20')}\`), or put the address in angle brackets: \`[${label}](<${address}>)\`.`,
    ]),
    ...found(SPACED_LINK, (written, label, address) => [
      `The link \`${written}\` in \`${name}\` is no link: a space stands between \`]\` and \`(\`, so the report prints the brackets and the address as written.`,
      `Write it without the space: \`[${label}](${address})\`.`,
    ]),
  ].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** The last of `spans` (sorted by start, not overlapping) that starts at or before `offset`, by halving. */
function lastStartingBy(spans: readonly [number, number][], offset: number): [number, number] | undefined {
  let [low, high] = [0, spans.length];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((spans[middle]?.[0] ?? 0) <= offset) low = middle + 1;
    else high = middle;
  }
  return spans[low - 1];
}
