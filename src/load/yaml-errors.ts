/** The YAML parser's errors said for people: a rule id, words that name the mistake where it is, and a hint what to do. */

import { isAlias, isNode, visit, type Document, type ErrorCode, type YAMLError } from 'yaml';
import { diagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import type { RuleId } from '../diagnostics/rules.js';
import { MAX_ALIAS_COUNT } from './limits.js';
import { codePointName, unseenCharacterName } from './characters.js';
import { valueAndFields, entriesUnderValue, withoutColon, blockAbove, shallowerThanFirstLine, indentedFirstLine, lastUnescaped } from './yaml-text-shapes.js';

const ERROR_RULES: Record<string, { rule: RuleId; hint?: string }> = {
  DUPLICATE_KEY: { rule: 'yaml/duplicate-key', hint: 'Keep one of the two entries; YAML keys must be unique.' },
  TAB_AS_INDENT: { rule: 'yaml/tab', hint: 'Indent with spaces; YAML does not allow tabs for indentation.' },
  BAD_INDENT: { rule: 'yaml/indent', hint: 'Align the entry with its siblings, using spaces.' },
  MULTIPLE_DOCS: { rule: 'yaml/multiple-documents', hint: 'Keep one document per file: remove the `---` line.' },
  BAD_ALIAS: { rule: 'yaml/alias', hint: 'Define the anchor (&name) before using it (*name).' },
  TAG_RESOLVE_FAILED: { rule: 'yaml/tag', hint: 'Remove the tag: briefing files use plain YAML values only.' },
  RESOURCE_EXHAUSTION: {
    rule: 'yaml/alias-limit',
    hint: `Write the values out; a file may expand at most ${MAX_ALIAS_COUNT} aliases.`,
  },
};

/**
 * `toJS` throws for an alias whose anchor is missing and for too many alias expansions;
 * both are reported at the first alias that causes them.
 */
export function aliasDiagnostic(path: string, doc: Document.Parsed, error: unknown, placeAt: (offset: number) => Place): Diagnostic {
  // Values nested too deeply for the stack are a third reason, reported as that.
  if (error instanceof RangeError && !/alias/i.test(error.message)) {
    return diagnostic(path, placeAt(0), 'error', 'yaml/too-deep', TOO_DEEP.message, TOO_DEEP.hint);
  }
  const message = error instanceof Error ? error.message : String(error);
  const unresolved = /^Unresolved alias[^:]*: (.+)$/.exec(message);
  const anchors = new Set<string>();
  let place: Place | undefined;
  let firstAlias: Place | undefined;
  visit(doc, (_key, node) => {
    if (isNode(node) && node.anchor) anchors.add(node.anchor);
    if (!isAlias(node) || !node.range) return undefined;
    firstAlias ??= placeAt(node.range[0]);
    if (unresolved && node.source === unresolved[1] && !anchors.has(node.source)) {
      place = placeAt(node.range[0]);
      return visit.BREAK;
    }
    return undefined;
  });
  if (unresolved) {
    return diagnostic(path, place ?? firstAlias, 'error', 'yaml/alias', `The alias \`*${unresolved[1]}\` refers to an anchor that is not defined before it.`, ERROR_RULES.BAD_ALIAS?.hint);
  }
  return diagnostic(
    path,
    firstAlias ?? placeAt(0),
    'error',
    'yaml/alias-limit',
    `The file expands aliases (*name) more than ${MAX_ALIAS_COUNT} times.`,
    ERROR_RULES.RESOURCE_EXHAUSTION?.hint,
  );
}

/** One error or warning of the YAML parser as a diagnostic: in plain words where {@link plainWords} knows the mistake, else the parser's own words with a hint. */
export function yamlErrorToDiagnostic(path: string, text: string, error: YAMLError, placeAt: (offset: number) => Place): Diagnostic {
  const known = ERROR_RULES[error.code];
  // An unknown tag is a warning to the parser, but it would silently turn a value into text.
  const severity = error.name === 'YAMLWarning' && error.code !== 'TAG_RESOLVE_FAILED' ? 'warning' : 'error';
  const message = firstLine(error.message).replace(/ at line \d+, column \d+$/, '');
  const plain = plainWords(error, message, text);
  if (plain) return diagnostic(path, placeAt(plain.offset), severity, plain.rule, plain.message, plain.hint);
  return diagnostic(path, placeAt(error.pos[0]), severity, known?.rule ?? 'yaml/syntax', sentence(message), known?.hint ?? syntaxHint(error.code, message));
}

/** What a field is, said in every hint below: the shape a line that YAML cannot read most often lost. */
const FIELD_SHAPE = 'a field is `name: value` on one line, at the indentation of the fields around it; a text that runs on over lines goes under its field\'s `|` or `>`, every line indented further than the name';

/**
 * The hints for the parser's messages that {@link plainWords} does not rewrite, by the parser's code:
 * its words say what it met, these what to do (a fuzzer met each of them swapping, cutting and typing into the example's files).
 */
const SYNTAX_HINTS: Readonly<Partial<Record<ErrorCode, string>>> = {
  MULTILINE_IMPLICIT_KEY: `YAML reads this line and the next as the name of a field: ${FIELD_SHAPE}.`,
  MISSING_CHAR: `This line is neither a field nor a list entry (\`- …\`) where it stands: ${FIELD_SHAPE}.`,
  KEY_OVER_1024_CHARS: `YAML reads this long line, up to its “: ”, as the name of a field: if it is text, indent it under its field's \`|\` or \`>\` as the lines around it, or put it in quotes.`,
  BAD_SCALAR_START: 'Put the value in quotes: a text that starts with one of YAML\'s marks (@ ` % | > and others) must be quoted, or written on the lines under `|`.',
  BAD_DQ_ESCAPE: 'In double quotes a backslash starts an escape (\\n, \\"): write a backslash itself as \\\\, or put the value in single quotes.',
  BLOCK_IN_FLOW: 'Inside [ ] or { } entries are separated by commas, and a list or mapping written over lines goes one entry a line without the brackets.',
  BAD_DIRECTIVE: 'Remove the line that starts with %: briefing files need no YAML directives.',
  MULTIPLE_ANCHORS: 'Remove the & marks: briefing files need no anchors; a text that starts with & goes in quotes.',
  MULTIPLE_TAGS: 'Remove the ! marks: briefing files use plain values only; a text that starts with ! goes in quotes.',
  ALIAS_PROPS: 'Write the value out in full: briefing files need no anchors or aliases (&name, *name).',
  BAD_PROP_ORDER: 'Remove the & and ! marks, or put a text that starts with them in quotes.',
};

/** A hint for a parser message that has none of its own: by its code, else what every line must be. */
function syntaxHint(code: ErrorCode, message: string): string {
  if (/^Block scalar header includes extra characters/.test(message)) {
    return 'After `|` or `>` (and a `-` or `+`) only a comment may follow on the line: start the text on the line under it, indented.';
  }
  return SYNTAX_HINTS[code] ?? `YAML cannot read the file from here on: ${FIELD_SHAPE}; put a value that starts with one of YAML's marks (: # [ ] { } & * ! | > ' " % @ \`) in quotes.`;
}

/**
 * The parser's words for the mistakes people make most, rewritten for people, and
 * placed where the mistake is rather than where the parser noticed it.
 */
function plainWords(
  error: YAMLError,
  message: string,
  text: string,
): { offset: number; rule: RuleId; message: string; hint?: string } | undefined {
  const at = error.pos[0];
  const tag = /^Unresolved tag: (.+)$/.exec(message)?.[1];
  if (tag) {
    return { offset: at, rule: 'yaml/tag', message: `The tag \`${tag.replace(/^tag:yaml\.org,2002:/, '!!')}\` is not allowed.`, hint: ERROR_RULES.TAG_RESOLVE_FAILED?.hint };
  }
  if (error.code === 'RESOURCE_EXHAUSTION' && !/alias/i.test(message)) {
    // Where the parser's stack ran out depends on the machine: the line it is on says enough.
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    return { offset: lineStart, rule: 'yaml/too-deep', message: TOO_DEEP.message, hint: TOO_DEEP.hint };
  }
  if (error.code === 'DUPLICATE_KEY') {
    const key = /^[^:\n]+/.exec(text.slice(at))?.[0].trim() ?? '';
    return { offset: at, rule: 'yaml/duplicate-key', message: `The key \`${key}\` appears twice in the same mapping.`, hint: ERROR_RULES.DUPLICATE_KEY?.hint };
  }
  if (error.code === 'MULTIPLE_DOCS') {
    return { offset: at, rule: 'yaml/multiple-documents', message: 'The file holds a second YAML document after a `---` line.', hint: ERROR_RULES.MULTIPLE_DOCS?.hint };
  }
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const line = text.slice(lineStart, text.indexOf('\n', lineStart) >>> 0);
  const spaced = CASCADE.has(error.code) ? SPACE_OF_ANOTHER_KIND.exec(line) : null;
  if (spaced?.groups) {
    const { head = '', key = '', space = '' } = spaced.groups;
    return {
      offset: lineStart + head.length,
      rule: 'yaml/syntax',
      message: `The colon after \`${key.trim()}\` is followed by a ${unseenCharacterName(space)}, not a plain space: YAML takes a name and a colon for a field only before a space or the line's end, so it reads this line as text.`,
      hint: 'Delete the space after the colon and type it again: text copied from Word, an e-mail or a web page brings no-break spaces, which look the same as a space.',
    };
  }
  const colon = CASCADE.has(error.code) ? COLON_OF_ANOTHER_KIND.exec(line) : null;
  if (colon?.groups) {
    const { head = '', key = '', mark = '', rest = '' } = colon.groups;
    return {
      offset: lineStart + line.indexOf(mark, head.length + key.length),
      rule: 'yaml/syntax',
      message: `\`${key}\` is followed by a ${COLON_NAMES[mark] ?? 'colon-like mark'} (${codePointName(mark)}), not a colon (:): YAML takes a name for a field only before a plain colon, so it reads this line as text.`,
      hint: `Write \`${key}: ${rest.trim()}\`${rest.trim() ? '' : ' (the value after a space)'}: type the colon on a Latin keyboard layout; a Chinese or Japanese input method, or text pasted from a document in such a script, writes a full-width one, which looks much the same.`,
    };
  }
  const unspaced = CASCADE.has(error.code) ? COLON_WITHOUT_SPACE.exec(line) : null;
  if (unspaced?.groups) {
    const { head = '', key = '', rest = '' } = unspaced.groups;
    return {
      offset: lineStart + head.length + key.length,
      rule: 'yaml/syntax',
      message: `\`${key}:${rest}\` has no space after its colon, so YAML reads the line as text, not as the field \`${key}\`.`,
      hint: `Write \`${key}: ${rest}\`: a space after the colon.`,
    };
  }
  const leading = /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
  if (CASCADE.has(error.code) && leading.includes('\t')) {
    return {
      offset: lineStart + leading.indexOf('\t'),
      rule: 'yaml/tab',
      message: 'This line is indented with a tab; YAML indents with spaces only.',
      hint: 'Replace the tab with spaces, as many as the lines around it start with.',
    };
  }
  const shallower = CASCADE.has(error.code) ? shallowerThanFirstLine(text, lineStart) : undefined;
  if (shallower) {
    const { key, indicator, first, firstSpaces, spaces, line, keyColumn } = shallower;
    const digit = spaces - keyColumn;
    return {
      offset: first,
      rule: 'yaml/indent',
      message: `The first line of the \`${key}: ${indicator}\` block is indented by ${firstSpaces} spaces, line ${line} under it by ${spaces}: YAML takes a block's indentation from its first line, so the block ends before line ${line}, and what follows is read as new fields.`,
      hint: `Indent the first line by ${spacesSaid(spaces)}, as the block's other lines${digit >= 1 && digit <= 9 ? `; if its extra spaces are meant (an indented code block), say how far the block is indented after the ${indicator[0] === '>' ? '>' : 'bar'}: \`${key}: ${indicator}${digit}\`` : ''}.`,
    };
  }
  // A line of prose at the left edge (a key of its own would be a field: that is not this mistake).
  const block = CASCADE.has(error.code) && leading === '' && !/^[A-Za-z_][\w-]*:(\s|$)/.test(text.slice(lineStart)) ? blockAbove(text, lineStart) : undefined;
  if (block) {
    return {
      offset: lineStart,
      rule: 'yaml/indent',
      message: `This line starts at the left edge inside the \`${block.key}: ${block.indicator}\` block above it, so YAML reads it as a new field: every line of the block must be indented.`,
      hint: `Indent it by ${spacesSaid(block.spaces)}, as the lines of the block above it.`,
    };
  }
  const quote = /^Missing closing (["'])quote/.exec(message)?.[1];
  if (quote) {
    // An unclosed quote runs to the end of the file, so the last quote mark opened it.
    const opening = lastUnescaped(text.slice(0, at), quote);
    return {
      offset: opening ?? at,
      rule: 'yaml/syntax',
      message: `This quoted value is never closed: the ${quote} has no matching ${quote}.`,
      hint: `End the value with ${quote}${quote === "'" ? ' (write an apostrophe inside as two: \'\')' : ''}.`,
    };
  }
  const bracket = /must be sufficiently indented and end with a ([\]}])/.exec(message)?.[1];
  if (bracket) {
    const open = bracket === ']' ? '[' : '{';
    const opening = text.lastIndexOf(open, at);
    return {
      offset: opening >= 0 ? opening : at,
      rule: 'yaml/syntax',
      message: `The ${bracket === ']' ? 'list' : 'mapping'} opened with \`${open}\` is not closed with \`${bracket}\`.`,
      hint: `Add \`${bracket}\` at the end of the line.`,
    };
  }
  const indented = error.code === 'UNEXPECTED_TOKEN' && /at node end/.test(message) ? indentedFirstLine(text, at) : undefined;
  if (indented) {
    return {
      offset: indented.offset,
      rule: 'yaml/indent',
      message: `This line is indented by ${spacesSaid(indented.spaces)}, but the lines after it start at the left edge: the file's fields must all start in the same column.`,
      hint: 'Remove the spaces at the start of this line.',
    };
  }
  const stray = error.code === 'UNEXPECTED_TOKEN' ? / token in YAML stream: "(.*)"$/.exec(message)?.[1] : undefined;
  if (stray !== undefined) {
    const shown = stray.length > 30 || stray.includes('\\n') ? `${stray.split('\\n')[0]?.slice(0, 30) ?? ''}…` : stray;
    return {
      offset: at,
      rule: 'yaml/syntax',
      message: `YAML cannot read the file from here on: \`${shown}\` does not fit where it stands.`,
      hint: 'A field starts `name: value` at the same column as the fields above it; put a text that begins with a mark such as ] or } in quotes.',
    };
  }
  // `questions: []` as new meeting writes it, with entries typed under it (as the hint of meeting/no-questions says to add them).
  const emptied = CASCADE.has(error.code) ? entriesUnderValue(text, lineStart) : undefined;
  if (emptied && (emptied.written.startsWith('[') || emptied.written.startsWith('{'))) {
    const flow = emptied.written.startsWith('[') ? '[]' : '{}';
    const [what, items] = flow === '[]' ? ['an empty list', 'entries'] : ['an empty mapping', 'fields'];
    return {
      offset: emptied.offset,
      rule: 'yaml/indent',
      message: `\`${emptied.key}\` is written \`${flow}\`, ${what}, yet has ${items} on the lines under it: YAML takes one or the other, not both.`,
      hint: `Delete the \`${flow}\` after \`${emptied.key}:\` to keep the ${items} under it.`,
    };
  }
  // The same with a quoted text (`questions: "Kā?"`), which valueAndFields below leaves out: the error is met on the line under it.
  if (emptied) {
    return {
      offset: emptied.offset,
      rule: 'yaml/indent',
      message: `\`${emptied.key}\` has a value on its line (${emptied.written}) and indented lines under it: a field holds one or the other, not both.`,
      hint: `Remove ${emptied.written} to keep the lines under \`${emptied.key}\`; or, if the indented lines are fields of their own, start them in the same column as \`${emptied.key}\`.`,
    };
  }
  const both = error.code === 'BLOCK_AS_IMPLICIT_KEY' ? valueAndFields(text, lineStart) : undefined;
  if (both) {
    return {
      offset: both.offset,
      rule: 'yaml/indent',
      message: `\`${both.key}\` has a value on its line (“${both.value}”) and indented fields under it: a field holds one or the other, not both.`,
      hint: `Remove “${both.value}” to keep the fields under \`${both.key}\`; or, if the indented lines are fields of their own, start them in the same column as \`${both.key}\`.`,
    };
  }
  const colonless = error.code === 'MULTILINE_IMPLICIT_KEY' ? withoutColon(text, lineStart) : undefined;
  if (colonless) {
    return {
      offset: lineStart + colonless.indent,
      rule: 'yaml/syntax',
      message: `\`${colonless.line}\` has no colon, so YAML reads it and the line after it as one long key.`,
      hint: `Write \`${colonless.name}:${colonless.value ? ` ${colonless.value}` : ''}\`: a colon after the field's name${colonless.value ? ', then a space' : ''}.`,
    };
  }
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY') {
    return {
      offset: at,
      rule: 'yaml/syntax',
      message: 'A value here contains “: ”, which YAML reads as the start of another mapping.',
      hint: 'Put the value in quotes; or, if the next line starts a new field, give it the same indentation as the field above.',
    };
  }
  return undefined;
}

/**
 * A field's name and colon followed by a space that is no plain space (a no-break space, a thin or an
 * ideographic space, pasted with the text): `version:<U+00A0>2` is a text to YAML, and the parser's
 * message names the line after it, or an implicit key. `head` runs up to that space.
 */
const SPACE_OF_ANOTHER_KIND = /^(?<head>[ \t]*(?:- +)?(?<key>[^\s#:'"[\]{}|>-][^:\n]*?):)(?<space>[\u00A0\u2000-\u200A\u202F\u205F\u3000])/;

/**
 * A field's name followed by a mark that looks like a colon and is none (a full-width colon, as a Chinese or Japanese
 * input method types it, a ratio sign, a modifier letter colon): `version：2` is a text to YAML. `head` runs up to the name.
 */
const COLON_OF_ANOTHER_KIND = /^(?<head>[ \t]*(?:- +)?)(?<key>[A-Za-z_][\w.-]*)[ \t]*(?<mark>[\uFF1A\uFE55\uFE13\u2236\uA789\u02D0\u0589])(?<rest>.*)$/;

/** The names of those marks, as a message says them. */
const COLON_NAMES: Readonly<Record<string, string>> = {
  '\uFF1A': 'full-width colon',
  '\uFE55': 'small colon',
  '\uFE13': 'vertical colon',
  '\u2236': 'ratio sign',
  '\uA789': 'modifier letter colon',
  '\u02D0': 'triangular colon',
  '\u0589': 'Armenian full stop',
};

/** A field's name and colon with the value right after it, no space between (`kind:informal`): a text to YAML. */
const COLON_WITHOUT_SPACE = /^(?<head>[ \t]*(?:- +)?)(?<key>[A-Za-z_][\w.-]*):(?<rest>[^\s:/][^:]*?)\s*$/;

/** Parser errors that follow from a line indented wrongly, reported once as that. */
export const CASCADE = new Set(['MULTILINE_IMPLICIT_KEY', 'BLOCK_AS_IMPLICIT_KEY', 'UNEXPECTED_TOKEN', 'BAD_INDENT', 'TAB_AS_INDENT', 'MISSING_CHAR', 'BAD_SCALAR_START']);

/** A count of spaces in words: `a space`, `4 spaces`. */
function spacesSaid(count: number): string {
  return count === 1 ? 'a space' : `${count} spaces`;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** Lists or mappings nested deeper than the parser's stack: not an alias problem. */
const TOO_DEEP = {
  message: 'The file nests lists or mappings too deeply to be read.',
  hint: 'Briefing files need a few levels at most; look for brackets or indentation that run away.',
};
