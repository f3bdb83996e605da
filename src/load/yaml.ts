import {
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Document,
  type ErrorCode,
  type YAMLError,
} from 'yaml';
import { diagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import type { RuleId } from '../diagnostics/rules.js';
import { fileTooLarge } from './limits.js';
import { mergeConflicts } from './merge-conflicts.js';
import { binaryData, controlCharacters, crLineEnds, forbiddenCharacter, forbiddenCharacterOffsets, forbiddenCharacters, invisibleCharacters, ligatures, looksLikeUtf16, notUtf8, placeInText, utf16Text } from './characters.js';
import { withoutBom } from '../util/byte-order-mark.js';

/** How many alias expansions one file may make; bounds "billion laughs" inputs. */
export const MAX_ALIAS_COUNT = 100;

/** A parsed YAML file that still knows where each of its values came from. */
export interface YamlFile {
  /** Path relative to the project root, `/`-separated: what messages show. */
  path: string;
  /** The text as parsed: a leading byte-order mark removed (see `bom`). */
  text: string;
  /** Whether the file began with a byte-order mark, so the file's own bytes can be rebuilt. */
  bom: boolean;
  /** The plain data, or `undefined` when the file could not be parsed. */
  data: unknown;
  diagnostics: Diagnostic[];
  /** Finds where a value (or its key) sits in the file. */
  locate(path: readonly PropertyKey[], target?: 'key' | 'value'): Place | undefined;
}

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
 * Parses YAML text safely: the core schema only (no custom tags, no code), unique keys,
 * bounded alias expansion. Never throws for bad input; problems become diagnostics.
 */
export function parseYaml(path: string, source: string): YamlFile {
  const text = withoutBom(source);
  const tooLarge = fileTooLarge(path, text);
  if (tooLarge) return unreadable(path, text, text !== source, tooLarge);
  const binary = binaryData(path, text);
  if (binary) return unreadable(path, text, text !== source, binary);
  if (looksLikeUtf16(text)) return unreadable(path, text, text !== source, utf16Text(path));
  const oldMacLines = crLineEnds(path, text);
  if (oldMacLines) return unreadable(path, text, text !== source, oldMacLines);
  // Both versions of a conflict read as YAML are a cascade of syntax errors that name no cause.
  const conflicts = mergeConflicts(path, text, { yaml: true });
  if (conflicts.length) return unreadable(path, text, text !== source, ...conflicts);
  const doc = parseDocument(text, {
    prettyErrors: false,
    uniqueKeys: true,
    schema: 'core',
    customTags: [],
    merge: false,
    strict: true,
    // `!!binary`, `!!timestamp`, `!!set`…: YAML 1.1 types a plain text field must not turn into.
    resolveKnownTags: false,
  });
  // From the text's own line ends: the parser's LineCounter misses those of lines it skips after an
  // error (a line at the left edge that starts with `[`), and placed every message after them wrong.
  const placeAt = placeInText(text);
  const diagnostics: Diagnostic[] = [];
  const badByte = notUtf8(path, text, placeAt);
  const linesWithError = new Set<number>();
  if (badByte) {
    diagnostics.push(badByte);
    // What the parser makes of the unreadable characters on that line is that error's, not another.
    if (badByte.line !== undefined) linesWithError.add(badByte.line);
  }
  for (const found of forbiddenCharacters(path, text, placeAt)) {
    if (found.line !== undefined) linesWithError.add(found.line);
    diagnostics.push(found);
  }
  for (const found of escapedForbiddenCharacters(path, text, doc, placeAt)) {
    if (found.line !== undefined && linesWithError.has(found.line)) continue;
    if (found.line !== undefined) linesWithError.add(found.line);
    diagnostics.push(found);
  }
  for (const found of [...controlCharacters(path, text, placeAt), ...invisibleCharacters(path, text, placeAt)]) if (found.line === undefined || !linesWithError.has(found.line)) diagnostics.push(found);
  diagnostics.push(...ligatures(path, text, placeAt), ...commentsInValues(path, text, doc, placeAt));
  let parseErrors = 0;
  // After a line indented wrongly (a tab, a block's line at the left edge), up to the next field at the left edge.
  let confusedUntil = -1;
  for (const error of [...doc.errors, ...doc.warnings]) {
    // Once the parser has lost the file's structure, every token after it is "unexpected": the first message says it.
    if (parseErrors > 0 && error.code === 'UNEXPECTED_TOKEN' && / in YAML stream/.test(error.message)) continue;
    // The rest of that block reads as new fields, each "an implicit key": the first message says what to fix.
    // So is a key met twice there: the lines of two list items misread as one mapping.
    if (error.pos[0] < confusedUntil && error.name === 'YAMLParseError' && (CASCADE.has(error.code) || error.code === 'DUPLICATE_KEY')) continue;
    if (error.name === 'YAMLParseError') parseErrors += 1;
    const found = yamlErrorToDiagnostic(path, text, error, placeAt);
    if (found.ruleId === 'yaml/tab' || found.ruleId === 'yaml/indent') confusedUntil = nextField(text, error.pos[0]);
    // A name without its colon: the lines indented under it read as more of the same key, each said once already.
    else if (error.code === 'MULTILINE_IMPLICIT_KEY') confusedUntil = blockEnd(text, error.pos[0]);
    // One mistake often confuses the parser several times on the same line; the first message says it best.
    if (found.line !== undefined && linesWithError.has(found.line)) continue;
    if (found.line !== undefined) linesWithError.add(found.line);
    diagnostics.push(found);
  }
  let data: unknown;
  if (!diagnostics.some((d) => d.severity === 'error')) {
    if (doc.contents === null) {
      diagnostics.push(
        diagnostic(path, undefined, 'error', 'yaml/empty', 'The file is empty.', 'Fill it in, or delete it.'),
      );
    } else {
      const complexKey = complexKeyDiagnostic(path, doc, placeAt);
      if (complexKey) diagnostics.push(complexKey);
      else {
        try {
          // Text pasted from some PDFs and Mac programs spells "ā" as "a" and a combining macron: the
          // same letter to a reader, not to a search, a comparison or a font. Values are read composed.
          data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT, reviver: text.normalize('NFC') === text ? undefined : composed });
        } catch (error) {
          diagnostics.push(aliasDiagnostic(path, doc, error, placeAt));
        }
      }
    }
  }
  return {
    path,
    text,
    bom: text !== source,
    data,
    diagnostics,
    locate(target: readonly PropertyKey[], part: 'key' | 'value' = 'value') {
      const found = findNode(doc, target, part);
      return found === undefined ? undefined : placeAt(found);
    },
  };
}

/** A string value in Unicode's composed form (NFC); other values as they are. */
function composed(_key: unknown, value: unknown): unknown {
  return typeof value === 'string' ? value.normalize('NFC') : value;
}

/** Characters a DOCX cannot hold that a double-quoted value writes as an escape (`"\x01"`, `"\uFFFE"`). */
function escapedForbiddenCharacters(path: string, text: string, doc: Document.Parsed, placeAt: (offset: number) => Place): Diagnostic[] {
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
function commentsInValues(path: string, text: string, doc: Document.Parsed, placeAt: (offset: number) => Place): Diagnostic[] {
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

/**
 * `toJS` throws for an alias whose anchor is missing and for too many alias expansions;
 * both are reported at the first alias that causes them.
 */
function aliasDiagnostic(path: string, doc: Document.Parsed, error: unknown, placeAt: (offset: number) => Place): Diagnostic {
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

function yamlErrorToDiagnostic(path: string, text: string, error: YAMLError, placeAt: (offset: number) => Place): Diagnostic {
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
      hint: `Indent the first line by ${spaces} spaces, as the block's other lines${digit >= 1 && digit <= 9 ? `; if its extra spaces are meant (an indented code block), say how far the block is indented after the ${indicator[0] === '>' ? '>' : 'bar'}: \`${key}: ${indicator}${digit}\`` : ''}.`,
    };
  }
  // A line of prose at the left edge (a key of its own would be a field: that is not this mistake).
  const block = CASCADE.has(error.code) && leading === '' && !/^[A-Za-z_][\w-]*:(\s|$)/.test(text.slice(lineStart)) ? blockAbove(text, lineStart) : undefined;
  if (block) {
    return {
      offset: lineStart,
      rule: 'yaml/indent',
      message: `This line starts at the left edge inside the \`${block.key}: ${block.indicator}\` block above it, so YAML reads it as a new field: every line of the block must be indented.`,
      hint: `Indent it by ${block.spaces} spaces, as the lines of the block above it.`,
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
      message: `This line is indented by ${indented.spaces === 1 ? 'a space' : `${indented.spaces} spaces`}, but the lines after it start at the left edge: the file's fields must all start in the same column.`,
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
 * A field written `key: value` on the line at `lineStart` whose next line (blank and comment lines
 * aside) is indented further and starts a field or a list item: its key, its value and where the
 * value starts. Undefined when the line is not so (a block scalar's `|` or `>`, a quoted value, a
 * flow collection or an anchor can be followed by indented lines).
 */
function valueAndFields(text: string, lineStart: number): { key: string; value: string; offset: number } | undefined {
  const lineEnd = text.indexOf('\n', lineStart);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  const field = /^( *)(?:- )?([^\s:#"'][^:#]*?):[ \t]+([^\s|>"'[{&!*#][^#]*?)[ \t]*(?:#.*?)?\r?$/.exec(line);
  if (!field || lineEnd < 0) return undefined;
  const [, indent = '', key = '', value = ''] = field;
  const next = text
    .slice(lineEnd + 1)
    .split('\n')
    .find((each) => each.trim() !== '' && !each.trimStart().startsWith('#'));
  const nextIndent = /^ */.exec(next ?? '')?.[0].length ?? 0;
  // A list item's field starts after its `- `: a field in that column is the item's next field, not one under it.
  if (next === undefined || nextIndent <= line.indexOf(key, indent.length) || !/^ *(?:- |[^\s:#][^:#]*:(?:\s|$))/.test(next)) return undefined;
  return { key, value, offset: lineStart + line.indexOf(value, indent.length + key.length + 1) };
}

/**
 * A field written `key: []` (or `key: {}`, or with a quoted value, `key: "…"`) on the nearest line
 * of content above the one at `lineStart`, which is indented under it or is a list item at its
 * column (YAML's other way of writing a key's list): entries given a field that already holds an
 * empty collection or a text. Its key, what it was written with and where that starts; undefined
 * for any other line.
 */
function entriesUnderValue(text: string, lineStart: number): { key: string; written: string; offset: number } | undefined {
  const above = text.slice(0, Math.max(0, lineStart - 1)).split('\n');
  const index = above.findLastIndex((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  const field = /^( *)(?:- )?([^\s:#"'][^:#]*?):[ \t]+(\[[ \t]*\]|\{[ \t]*\}|"(?:[^"\\]|\\.)*"|'(?:[^']|'')*')[ \t]*(?:#.*?)?\r?$/.exec(above[index] ?? '');
  if (!field) return undefined;
  const [line = '', indent = '', key = '', written = ''] = field;
  const column = line.indexOf(key, indent.length);
  const current = text.slice(lineStart, text.indexOf('\n', lineStart) < 0 ? text.length : text.indexOf('\n', lineStart));
  const currentIndent = /^ */.exec(current)?.[0].length ?? 0;
  if (currentIndent < column || (currentIndent === column && !current.trimStart().startsWith('- '))) return undefined;
  const lineOffset = above.slice(0, index).reduce((sum, each) => sum + each.length + 1, 0);
  return { key, written, offset: lineOffset + line.lastIndexOf(written) };
}

/**
 * The line at `lineStart` when it is a field's name written without its colon (`version 1`,
 * `  LM` over the lines of its mapping), the commonest slip in a file edited by hand: its
 * indentation, name and value. Undefined for any other line.
 */
function withoutColon(text: string, lineStart: number): { indent: number; line: string; name: string; value: string } | undefined {
  const end = text.indexOf('\n', lineStart);
  const line = text.slice(lineStart, end < 0 ? text.length : end).replace(/\s+$/, '');
  const found = /^( *(?:- )?)([A-Za-z_][\w.-]*)(?:[ \t]+([^:#]*))?$/.exec(line);
  if (!found) return undefined;
  const [, indent = '', name = '', value = ''] = found;
  return { indent: indent.length, line: line.trim(), name, value: value.trim() };
}

/** The offset of the first line after the one at `offset` that is indented no deeper than it; the end of the text when none is. */
function blockEnd(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const indent = /^ */.exec(text.slice(lineStart))?.[0].length ?? 0;
  const line = /\n( *)(?=\S)/g;
  line.lastIndex = lineStart;
  for (let found = line.exec(text); found; found = line.exec(text)) {
    if ((found[1]?.length ?? 0) <= indent) return found.index + 1;
  }
  return text.length;
}

/** The offset of the next line after `offset` that starts a field at the left edge (`name:`); the end of the text when none does. */
function nextField(text: string, offset: number): number {
  const pattern = /\n[A-Za-z_][\w-]*:(?=\s|$)/g;
  pattern.lastIndex = offset;
  const found = pattern.exec(text);
  return found ? found.index + 1 : text.length;
}

/** Parser errors that follow from a line indented wrongly, reported once as that. */
const CASCADE = new Set(['MULTILINE_IMPLICIT_KEY', 'BLOCK_AS_IMPLICIT_KEY', 'UNEXPECTED_TOKEN', 'BAD_INDENT', 'TAB_AS_INDENT', 'MISSING_CHAR', 'BAD_SCALAR_START']);

/**
 * The block scalar (`key: |` or `key: >`) that the line at `lineStart` would belong to: the
 * nearest line above with such a header, with only indented or blank lines between; its key,
 * indicator and the indentation of its first line. Undefined when there is none.
 */
function blockAbove(text: string, lineStart: number): { key: string; indicator: string; spaces: number } | undefined {
  const lines = text.slice(0, Math.max(0, lineStart - 1)).split('\n');
  let spaces = 0;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    const header = /^\s*(?:- )?([^\s:#\p{Cc}][^:#\p{Cc}]*?):[ \t]+([|>][-+0-9]*)[ \t]*(?:#.*?)?\r?$/u.exec(line);
    if (header) return spaces > 0 ? { key: header[1] ?? '', indicator: header[2] ?? '', spaces } : undefined;
    const indent = /^ */.exec(line)?.[0].length ?? 0;
    if (indent === 0) return undefined;
    spaces = indent;
  }
  return undefined;
}

/**
 * A block scalar (`key: |`, no indentation digit) whose first line is indented further than a later
 * line still meant for it: the first non-blank line at or after `lineStart`, indented past the key but
 * less than that first line (a body that starts with an indented line, or a code block). YAML took the
 * block's indentation from its first line and ended it there. Where the first line starts, how far each
 * is indented, the later line's number and the key's column; undefined when the lines are not so.
 */
function shallowerThanFirstLine(
  text: string,
  lineStart: number,
): { key: string; indicator: string; first: number; firstSpaces: number; spaces: number; line: number; keyColumn: number } | undefined {
  const lines = text.split('\n');
  let index = text.slice(0, lineStart).split('\n').length - 1;
  while (index < lines.length && (lines[index] ?? '').trim() === '') index++;
  const spaces = /^ */.exec(lines[index] ?? '')?.[0].length ?? 0;
  let first: number | undefined;
  for (let above = index - 1; above >= 0; above--) {
    const line = (lines[above] ?? '').replace(/\r$/, '');
    if (line.trim() === '') continue;
    const header = /^(\s*(?:- )?)([^\s:#\p{Cc}][^:#\p{Cc}]*?):[ \t]+([|>][-+]?)[ \t]*(?:#.*?)?$/u.exec(line);
    if (header) {
      const keyColumn = header[1]?.length ?? 0;
      const firstSpaces = first === undefined ? 0 : (/^ */.exec(lines[first] ?? '')?.[0].length ?? 0);
      if (first === undefined || spaces <= keyColumn || spaces >= firstSpaces) return undefined;
      const offset = lines.slice(0, first).reduce((sum, one) => sum + one.length + 1, 0);
      return { key: header[2] ?? '', indicator: header[3] ?? '', first: offset, firstSpaces, spaces, line: index + 1, keyColumn };
    }
    if (!line.startsWith(' ')) return undefined;
    first = above;
  }
  return undefined;
}

/**
 * The file's first line of content (not a comment or blank), when it is indented and the line at
 * `at`, where the parser stopped, starts at the left edge: the first line is the mistake.
 */
function indentedFirstLine(text: string, at: number): { offset: number; spaces: number } | undefined {
  const first = /^(?:[ \t]*(?:#.*)?\r?\n|---[ \t]*\r?\n)*( +)\S/.exec(text);
  const spaces = first?.[1]?.length;
  if (!first || spaces === undefined) return undefined;
  const offset = first.index + first[0].length - 1 - spaces;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return at > offset && /^\S/.test(text.slice(lineStart)) ? { offset, spaces } : undefined;
}

/** Offset of the last `quote` mark in `text` that is not escaped, if any. */
function lastUnescaped(text: string, quote: string): number | undefined {
  for (let i = text.length - 1; i >= 0; i--) {
    if (text[i] !== quote) continue;
    if (quote === '"' && text[i - 1] === '\\') continue;
    if (quote === "'" && text[i - 1] === "'") {
      i--;
      continue;
    }
    return i;
  }
  return undefined;
}

/**
 * Offset of the node at `path`: the value, or with `part = 'key'` the key of the
 * last step. Falls back to the deepest node that exists, so a missing key is
 * reported at the mapping that should hold it.
 */
function findNode(doc: Document.Parsed, path: readonly PropertyKey[], part: 'key' | 'value'): number | undefined {
  let node: unknown = doc.contents;
  let offset = rangeStart(node);
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(step));
      if (!pair) return offset;
      if (last && part === 'key') return rangeStart(pair.key) ?? offset;
      node = pair.value;
      offset = rangeStart(pair.value) ?? rangeStart(pair.key) ?? offset;
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step];
      offset = rangeStart(node) ?? offset;
      if (node === undefined) return offset;
    } else {
      return offset;
    }
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  return isNode(node) && node.range ? node.range[0] : undefined;
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

/** A file that could not be parsed at all: one diagnostic, no data, no places. */
function unreadable(path: string, text: string, bom: boolean, ...problems: Diagnostic[]): YamlFile {
  return { path, text, bom, data: undefined, diagnostics: problems, locate: () => undefined };
}

/**
 * A key that is itself a list or mapping (`? {a: 1}` or `[a, b]: c`): no briefing file has
 * one, and turning it into data would stringify it (with a warning on the terminal).
 */
function complexKeyDiagnostic(path: string, doc: Document.Parsed, placeAt: (offset: number) => Place): Diagnostic | undefined {
  let found: Diagnostic | undefined;
  visit(doc, {
    Pair(_key, pair) {
      if (!isMap(pair.key) && !isSeq(pair.key)) return undefined;
      const offset = rangeStart(pair.key);
      found = diagnostic(path, offset === undefined ? undefined : placeAt(offset), 'error', 'yaml/complex-key', 'This key is a list or mapping; keys are plain words, like `status`.', 'Write the key as plain text, or remove the `?` line.');
      return visit.BREAK;
    },
  });
  return found;
}
