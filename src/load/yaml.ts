/** Parsing a YAML file safely into data that still knows the line and column of each value. */

import { isMap, isNode, isPair, isScalar, isSeq, parseDocument, visit, YAMLParseError, type Document } from 'yaml';
import { diagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import { fileTooLarge, MAX_ALIAS_COUNT } from './limits.js';
import { mergeConflicts } from './merge-conflicts.js';
import { binaryData, controlCharacters, crLineEnds, forbiddenCharacters, invisibleCharacters, ligatures, looksLikeUtf16, notUtf8, placeInText, utf16Text } from './characters.js';
import { withoutBom } from '../util/byte-order-mark.js';
import { escapedForbiddenCharacters, commentsInValues } from './yaml-value-checks.js';
import { aliasDiagnostic, yamlErrorToDiagnostic, CASCADE } from './yaml-errors.js';
import { blockEnd, nextField } from './yaml-text-shapes.js';

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
  if (looksLikeUtf16(text)) return unreadable(path, text, text !== source, utf16Text(path, text));
  const oldMacLines = crLineEnds(path, text);
  if (oldMacLines) return unreadable(path, text, text !== source, oldMacLines);
  // Both versions of a conflict read as YAML are a cascade of syntax errors that name no cause.
  const conflicts = mergeConflicts(path, text, { yaml: true });
  if (conflicts.length) return unreadable(path, text, text !== source, ...conflicts);
  const doc = parseDocument(text, {
    prettyErrors: false,
    // Keys met twice are found by duplicateKeys: the parser's own check compares each key with every one before it.
    uniqueKeys: false,
    schema: 'core',
    customTags: [],
    merge: false,
    strict: true,
    // `!!binary`, `!!timestamp`, `!!set`…: YAML 1.1 types a plain text field must not turn into.
    resolveKnownTags: false,
  });
  withErrors(doc, duplicateKeys(doc));
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

/**
 * A key met again in the same mapping, as the error the parser gives with `uniqueKeys` (at the key, `DUPLICATE_KEY`):
 * found with one lookup a key, where the parser compares each key with every one before it in its mapping. A
 * position of 300,000 keys (4 MB) held check up for the better part of an hour; 20,000 took 13 s.
 */
function duplicateKeys(doc: Document): YAMLParseError[] {
  const found: YAMLParseError[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        // A key that is no scalar (a mapping, a list, an alias) is refused by complexKeyDiagnostic.
        if (!isScalar(key)) continue;
        const at = key.range?.[0] ?? 0;
        if (seen.has(key.value)) found.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
        seen.add(key.value);
      }
    },
  });
  return found;
}

/** Puts `errors` among the document's own errors by where they are, after the document's own at the same place: one pass, however many. */
function withErrors(doc: Document, errors: readonly YAMLParseError[]): void {
  if (!errors.length) return;
  const added = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  const own = doc.errors.splice(0);
  let next = 0;
  for (const error of own) {
    for (let add = added[next]; add !== undefined && add.pos[0] < error.pos[0]; add = added[++next]) doc.errors.push(add);
    doc.errors.push(error);
  }
  for (const add of added.slice(next)) doc.errors.push(add);
}

/** A string value in Unicode's composed form (NFC); other values as they are. */
function composed(_key: unknown, value: unknown): unknown {
  return typeof value === 'string' ? value.normalize('NFC') : value;
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
