/** Where a Markdown rule's message points: a field's line and column in its YAML file, and the words rules share to name a field and what more it holds. */

import { offsetInText, placeInText } from '../load/characters.js';
import { composedText } from '../util/composed.js';
import type { YamlFile } from '../load/yaml.js';
import { diagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import type { RuleId } from '../diagnostics/rules.js';

/** An error of a field's text read before it is parsed, placed at the first words of the line that starts at `lineStart`. */
export function errorAtLine(file: YamlFile, place: Placer, lineStart: number, line: string, ruleId: RuleId, message: string, hint: string): Diagnostic {
  return diagnostic(file.path, placeAtWords(place, lineStart, line, 20), 'error', ruleId, message, hint);
}

/** The place of the first words (up to `length` characters) of the line that starts at `lineStart`. */
export function placeAtWords(place: Placer, lineStart: number, line: string, length: number): Place | undefined {
  const shown = line.trim().slice(0, length);
  return place(lineStart + line.indexOf(shown), shown);
}

/** The text from `offset` to the end of its line. */
export function lineFrom(text: string, offset: number): string {
  const end = text.indexOf('\n', offset);
  return text.slice(offset, end === -1 ? undefined : end);
}

/** How a warning said once a field counts the rest of what it found: " (and 2 more in this field)"; "" for one. */
export function moreInField(count: number): string {
  return count > 1 ? ` (and ${count - 1} more in this field)` : '';
}

/** A field as a message names it: `` `body` ``, `` `name.locative` ``; a question’s text by the number the report gives it, “Question 3”. */
export function fieldLabel(field: readonly PropertyKey[]): string {
  const [list, index, key] = field;
  if (list === 'questions' && typeof index === 'number' && key === 'text') return `Question ${index + 1}`;
  return `\`${field.map(String).join('.')}\``;
}

/** Whether a field is one of a text's English (`body_en`, `topic_en`, `name.english`): English writes its own quotes. */
export function isEnglish(field: readonly PropertyKey[]): boolean {
  const last = String(field.at(-1));
  return last.endsWith('_en') || last === 'english';
}

/** Each file's text composed, with the offsets as written (see {@link composedFile}). */
const COMPOSED_FILES = new WeakMap<YamlFile, { text: string; offsets: number[] } | undefined>();

/** A file's text composed, with the offsets as written, when it holds decomposed letters; undefined when it is composed already. Worked out once a file. */
function composedFile(file: YamlFile): { text: string; offsets: number[] } | undefined {
  if (!COMPOSED_FILES.has(file)) COMPOSED_FILES.set(file, file.text.normalize('NFC') === file.text ? undefined : composedText(file.text));
  return COMPOSED_FILES.get(file);
}

/**
 * Where an offset of a field's text stands in its YAML file (see {@link placer}): the place of `needle`,
 * found at `offset` of the field's text, in the file; `within` characters into the needle, where the place is not its start.
 */
export type Placer = (offset: number, needle: string, within?: number) => Place | undefined;

/**
 * Places in the YAML file for one field: `needle`, found at `offset` of the field's text, is the
 * same occurrence of it after the value's start. That holds for every scalar style (a block
 * scalar's indentation, a folded or quoted value's line breaks); where it is not found (an escape
 * inside a quoted value), the value's start. Each needle's count carries on from where it was
 * last asked for, so a field's problems, asked for in the order of the text, cost one pass
 * over it, not one each (12,800 HTML tags in a paragraph took 4 s).
 */
export function placer(file: YamlFile, field: readonly PropertyKey[], text: string): Placer {
  const value = file.locate(field);
  if (!value) return () => undefined;
  // The field's text is composed (NFC); a file written with decomposed letters is searched composed, and placed as written.
  const composed = composedFile(file);
  const written = offsetInText(file.text, value);
  const start = composed ? composed.offsets.findIndex((offset) => offset >= written) : written;
  const inFileText = placeInText(file.text);
  const placeAt = composed ? (offset: number) => inFileText(composed.offsets[offset] ?? file.text.length) : inFileText;
  const haystack = composed?.text ?? file.text;
  /** For each needle: the text counted up to `counted`, and where the search in the file goes on (-1: not there). */
  const cursors = new Map<string, { counted: number; at: number }>();
  return (offset, needle, within = 0) => {
    let cursor = cursors.get(needle);
    if (!cursor || offset < cursor.counted) cursor = { counted: 0, at: start };
    for (let found = text.indexOf(needle, cursor.counted); found !== -1 && found + needle.length <= offset && cursor.at !== -1; found = text.indexOf(needle, cursor.counted)) {
      cursor.counted = found + needle.length;
      const inFile = haystack.indexOf(needle, cursor.at);
      cursor.at = inFile === -1 ? -1 : inFile + needle.length;
    }
    cursors.set(needle, cursor);
    const at = cursor.at === -1 ? -1 : haystack.indexOf(needle, cursor.at);
    return at === -1 ? value : placeAt(at + within);
  };
}
