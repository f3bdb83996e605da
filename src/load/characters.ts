import type * as z from 'zod';
import { diagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import { FORBIDDEN_CHARACTER, MAY_BE_FORBIDDEN } from '../model/common.js';

/** Every character a DOCX cannot hold (see {@link FORBIDDEN_CHARACTER}). */
const FORBIDDEN = new RegExp(FORBIDDEN_CHARACTER.source, 'g');

/** Offsets of the characters a DOCX cannot hold, in order. */
export function forbiddenCharacterOffsets(text: string): number[] {
  if (!MAY_BE_FORBIDDEN.test(text)) return [];
  return [...text.matchAll(FORBIDDEN)].map((match) => match.index);
}

/** A C1 control character (U+0080–U+009F): XML holds it, Word shows it as nothing or a box. */
const C1_CONTROL = /[\u0080-\u009F]/g;

/** The character a C1 control stands for in Windows-1252 (U+0096 → "–"), undefined where that code page has none. */
function windows1252(char: string): string | undefined {
  const meant = new TextDecoder('windows-1252').decode(Uint8Array.of(char.charCodeAt(0)));
  return meant === char ? undefined : meant;
}

/**
 * `file/control-char`: one warning per line that holds a C1 control character, at its first. None
 * is typed: they come from text saved as Windows-1252 and read as Latin-1 by a converter, where a
 * dash, quotation mark or ellipsis became the control of the same code (“–” U+2013 as U+0096), which
 * the report prints as nothing; the message names the character it most likely was.
 */
export function controlCharacters(path: string, text: string, placeAt: (offset: number) => Place): Diagnostic[] {
  return oncePerLine(text, C1_CONTROL, placeAt, (char, place) => {
    const meant = windows1252(char);
    return diagnostic(
      path,
      place,
      'warning',
      'file/control-char',
      `The text holds the control character ${codePointName(char)}, which the report prints as nothing (or a box)${meant ? `: text saved as Windows-1252 and read as Latin-1 writes “${meant}” so` : ''}.`,
      meant ? `Write “${meant}” in its place, and look for more of them in text pasted from the same source.` : 'Delete it, or write the character you meant.',
    );
  });
}

/**
 * The message `make` gives for each line of `text` that holds a match of `pattern` (global), at its
 * first: a pasted paragraph full of one odd character is one warning a line, not one a character.
 */
function oncePerLine(text: string, pattern: RegExp, placeAt: (offset: number) => Place, make: (match: string, place: Place, offset: number) => Diagnostic): Diagnostic[] {
  const lines = new Set<number>();
  const found: Diagnostic[] = [];
  for (const match of text.matchAll(pattern)) {
    const place = placeAt(match.index);
    if (lines.has(place.line)) continue;
    lines.add(place.line);
    found.push(make(match[0], place, match.index));
  }
  return found;
}

/**
 * Characters that print as nothing and take no room: zero-width spaces and joiners, a word joiner, a
 * byte-order mark inside the text, a line or paragraph separator (U+2028, U+2029: the report joins
 * the words either side), and the marks, embeddings, overrides and isolates that set the direction
 * text runs in. A zero-width joiner between two pictographs is part of one emoji (👩‍🏫, a woman and
 * a school drawn as a teacher), not one of them.
 */
const ZERO_WIDTH =
  /[\u061C\u200B\u200C\u200E\u200F\u202A-\u202E\u2028\u2029\u2060\u2066-\u2069\uFEFF]|(?<!\p{Extended_Pictographic}\uFE0F?[\u{1F3FB}-\u{1F3FF}]?)\u200D|\u200D(?!\p{Extended_Pictographic})/gu;

/** The controls of the direction text runs in (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069). */
const DIRECTION = /^[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]$/;

/**
 * `file/invisible-char`: one warning per line that holds a character of zero width, at its first.
 * Text copied from a web page, Word or a PDF brings them, and neither an editor nor the report
 * shows them: one that stands for the space between two words ("Latvija\u200Batbalsta") prints the
 * two as one, and a search for either word does not find it. A control of direction (U+202E, from an
 * e-mail or a page with Arabic or Hebrew) is not shown either, but Word and the PDF follow it: the
 * words after it print reversed ("atbalsta" as "atstabla"). A soft hyphen (a meant place to break a
 * word) and the byte-order mark that starts a file are not reported.
 */
export function invisibleCharacters(path: string, text: string, placeAt: (offset: number) => Place): Diagnostic[] {
  return oncePerLine(text, ZERO_WIDTH, placeAt, (char, place, offset) => {
    const name = `${UNSEEN_NAMES[char] ?? 'character of zero width'} (${codePointName(char)})`;
    if (DIRECTION.test(char)) {
      return diagnostic(
        path,
        place,
        'warning',
        'file/invisible-char',
        `The text holds a ${name}, which sets the direction text runs in: neither an editor nor the report shows it, but Word and the PDF follow it, and the words after it may print right to left, reversed (“atbalsta” as “atstabla”) or out of order.`,
        'Delete it, and any other direction marks on the line: text pasted from an e-mail or a web page with Arabic or Hebrew text brings them, and a Latvian report needs none.',
      );
    }
    const before = /\p{L}+$/u.exec(text.slice(Math.max(0, offset - 40), offset))?.[0];
    const after = /^\p{L}+/u.exec(text.slice(offset + 1, offset + 41))?.[0];
    const joined = before !== undefined && after !== undefined;
    return diagnostic(
      path,
      place,
      'warning',
      'file/invisible-char',
      `The text holds a ${name}, which neither an editor nor the report shows${joined ? `: the report prints “${before}${after}” there` : ''}.`,
      `Delete it${joined ? ', and if it stood for the space between two words, write the space' : ''}: text pasted from a web page, Word or a PDF brings such characters (the cursor stops at it once more than the letters show).`,
    );
  });
}

/** Characters that do not show in an editor, or show as a plain space: a no-break space, zero-width spaces and joiners, a soft hyphen, a byte-order mark, line and paragraph separators, controls of direction. */
const UNSEEN = /[\u00A0\u00AD\u061C\u2000-\u200F\u2028-\u202F\u205F-\u2064\u2066-\u2069\uFEFF]/gu;

/** What messages call the unseen characters pasted text brings most often; others are "an unseen character". */
const UNSEEN_NAMES: Readonly<Record<string, string>> = {
  '\u00A0': 'no-break space',
  '\u00AD': 'soft hyphen',
  '\u2009': 'thin space',
  '\u200B': 'zero-width space',
  '\u200C': 'zero-width non-joiner',
  '\u200D': 'zero-width joiner',
  '\u202F': 'narrow no-break space',
  '\u200E': 'left-to-right mark',
  '\u200F': 'right-to-left mark',
  '\u2028': 'line separator',
  '\u2029': 'paragraph separator',
  '\u202A': 'left-to-right embedding',
  '\u202B': 'right-to-left embedding',
  '\u202C': 'pop directional formatting',
  '\u202D': 'left-to-right override',
  '\u202E': 'right-to-left override',
  '\u2060': 'word joiner',
  '\u2066': 'left-to-right isolate',
  '\u2067': 'right-to-left isolate',
  '\u2068': 'first strong isolate',
  '\u2069': 'pop directional isolate',
  '\u061C': 'Arabic letter mark',
  '\uFEFF': 'byte-order mark',
};

/** What messages call an unseen character (`no-break space (U+00A0)`): its name where {@link UNSEEN_NAMES} has one, with its code point. */
export function unseenCharacterName(char: string): string {
  return `${UNSEEN_NAMES[char] ?? 'unseen character'} (${codePointName(char)})`;
}

/** The unseen characters of `text`, each once, by name and code: `{ name: 'no-break space', code: 'U+00A0' }`. */
function unseenCharacters(text: string): { name: string; code: string }[] {
  return [...new Set(text.match(UNSEEN) ?? [])].map((char) => ({ name: UNSEEN_NAMES[char] ?? 'unseen character', code: codePointName(char) }));
}

/**
 * Cyrillic and Greek letters that look like Latin ones, and the Latin letter each looks like. A
 * Russian keyboard layout, or a code copied from a Cyrillic document, types "АМ" for the code AM:
 * the two read the same, and a message that quoted the value as it is left the user nothing to see.
 */
const LOOK_ALIKES: Readonly<Record<string, { script: string; latin: string }>> = Object.fromEntries([
  ...[...'АВЕКМНОРСТХЅІЈаеорсухѕіј'].map((char, at) => [char, { script: 'Cyrillic', latin: 'ABEKMHOPCTXSIJaeopcyxsij'.charAt(at) }]),
  ...[...'ΑΒΕΖΗΙΚΜΝΟΡΤΥΧο'].map((char, at) => [char, { script: 'Greek', latin: 'ABEZHIKMNOPTYXo'.charAt(at) }]),
]);

/** The look-alike letters of `text`, each once: `{ name: 'Cyrillic “М” that looks like the Latin “M”', latin: 'M', char: 'М', code: 'U+041C' }`. */
function lookAlikes(text: string): { name: string; latin: string; char: string; code: string }[] {
  return [...new Set(text)].flatMap((char) => {
    const alike = LOOK_ALIKES[char];
    return alike ? [{ name: `${alike.script} “${char}” that looks like the Latin “${alike.latin}”`, latin: alike.latin, char, code: codePointName(char) }] : [];
  });
}

/**
 * A value as a message quotes it, its unseen characters and its Cyrillic or Greek look-alikes of
 * Latin letters written out: `LM<U+FEFF>`, `IZ<U+041C>`. A code or an id pasted from Word, a PDF or
 * a web page may carry one, and a message that quoted it as it is said `"LM"` was not a code such as
 * LM. {@link unseenNote} names them after the quote.
 */
export function withUnseenShown(text: string): string {
  return text.replace(UNSEEN, (char) => `<${codePointName(char)}>`).replace(/\p{Script=Cyrillic}|\p{Script=Greek}/gu, (char) => (LOOK_ALIKES[char] ? `<${codePointName(char)}>` : char));
}

/** After a quoted value, what its unseen characters and look-alike letters are: " (with a byte-order mark, U+FEFF)"; "" when it has none. */
export function unseenNote(text: string): string {
  const names = [...unseenCharacters(text), ...lookAlikes(text)].map(({ name, code }) => `${name}, ${code}`);
  return names.length ? ` (with a ${names.join(' and a ')})` : '';
}

/** What to do about a value refused for its unseen characters or look-alike letters, or undefined when it has none. */
export function unseenHint(text: string): string | undefined {
  const names = [...new Set(text.match(UNSEEN) ?? [])].map(unseenCharacterName);
  const alike = lookAlikes(text);
  const unseen = names.length
    ? `Delete the ${names.join(' and the ')}, which ${names.length > 1 ? 'do' : 'does'} not show in an editor: text pasted from Word, a PDF or a web page brings such characters.`
    : undefined;
  const letters = alike.length
    ? `Write ${alike.map(({ latin, char, code }) => `the Latin “${latin}” in place of the ${LOOK_ALIKES[char]?.script ?? ''} “${char}” (${code})`).join(', and ')}: the two look the same, but briefing tells them apart. A Russian or Greek keyboard layout, or text pasted from a document in those letters, brings them.`
    : undefined;
  return unseen && letters ? `${unseen} ${letters}` : (unseen ?? letters);
}

/** A Latin ligature (U+FB00–U+FB06: ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ), which only text copied out of a PDF writes. */
const LIGATURE = /[\uFB00-\uFB06]/g;

/**
 * `file/ligature`: one warning per line that holds a Latin ligature, at its first. A PDF's text
 * gives "ﬁ" (U+FB01) where its font set the two letters as one sign; pasted, the report prints the
 * sign, which a search for the word, or Word's spelling check, does not take for "fi".
 */
export function ligatures(path: string, text: string, placeAt: (offset: number) => Place): Diagnostic[] {
  return oncePerLine(text, LIGATURE, placeAt, (char, place) => {
    const letters = char.normalize('NFKC');
    return diagnostic(
      path,
      place,
      'warning',
      'file/ligature',
      `The text holds “${char}” (${codePointName(char)}), a ligature text copied from a PDF gives for the letters “${letters}”: the report prints it as one sign, which a search for the word, or Word’s spelling check, does not take for those letters.`,
      `Write “${letters}” in its place, and look for more of them in text pasted from the same PDF: ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ.`,
    );
  });
}

/** `U+0001`: how messages name a character. */
export function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * `file/forbidden-char`: one message per line that holds a character a Word document cannot
 * hold, at its first such character. Such characters come from copying out of PDFs or
 * terminals, or from `\x..`/`\u....` escapes, and would make the DOCX unreadable.
 */
export function forbiddenCharacters(path: string, text: string, placeAt: (offset: number) => Place): Diagnostic[] {
  if (!MAY_BE_FORBIDDEN.test(text)) return [];
  return oncePerLine(text, FORBIDDEN, placeAt, (char, place) => forbiddenCharacter(path, place, char));
}

/**
 * Why a text typed on the command line (a flag, an answer to a question) cannot go into a field
 * of `schema`, or undefined when it can: a character a DOCX cannot hold, which the written file
 * would be refused for, one that did not arrive as UTF-8, or the schema's own words (empty, spaces or invisible characters alone).
 * `new` and `clear` ask it before they write, so that such a value is the user's mistake, named
 * by its flag, and not a file that fails its own check.
 */
export function typedTextProblem(text: string, schema: z.ZodType): string | undefined {
  if (text.trim() === '') return 'is empty';
  // Bytes that are not UTF-8 (a windows-1257 terminal or script; Backspace erasing half a letter on a terminal without IUTF8) arrive as U+FFFD.
  if (text.includes('\uFFFD')) return 'holds a character that did not arrive as UTF-8 (shown as �): half a letter erased by Backspace, or a terminal or script set to another encoding; type the text again';
  const offset = forbiddenCharacterOffsets(text)[0];
  if (offset !== undefined) return `holds the character ${codePointName(text.charAt(offset))}, which a Word document cannot contain`;
  const checked = schema.safeParse(text);
  return checked.success ? undefined : (checked.error.issues[0]?.message ?? 'not a valid value');
}

/** The message for one forbidden character at `place`. */
export function forbiddenCharacter(path: string, place: Place | undefined, char: string): Diagnostic {
  return diagnostic(
    path,
    place,
    'error',
    'file/forbidden-char',
    `The text holds the character ${codePointName(char)}, which a Word document cannot contain.`,
    'Delete it (it is invisible in most editors; it often comes from text copied out of a PDF), or write the character you meant.',
  );
}

/** Offset → line and column (1-based, UTF-16 columns) in `text`; the line index is built on the first call (rarely needed). */
export function placeInText(text: string): (offset: number) => Place {
  let starts: number[] | undefined;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    }
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
  };
}

/** Line and column (1-based, as {@link placeInText} gives them) → offset in `text`. */
export function offsetInText(text: string, place: Place): number {
  let start = 0;
  for (let line = 1; line < place.line && start !== -1; line++) start = text.indexOf('\n', start) + 1 || -1;
  return start === -1 ? text.length : start + place.column - 1;
}

const SAVE_AS_UTF8 = 'Save the file as UTF-8 (in most editors: “Save with encoding” → UTF-8).';

/**
 * UTF-16 text read as UTF-8 (a file saved as "Unicode"): every other byte of Latin text is
 * NUL. Said in one message ({@link utf16Text}), without echoing the bytes.
 */
export function looksLikeUtf16(text: string): boolean {
  const sample = text.slice(0, 4096);
  let nul = 0;
  for (const char of sample) if (char === '\u0000') nul++;
  return sample.length >= 2 && nul * 4 >= sample.length;
}

/**
 * `file/encoding` for a UTF-16 file (`text`, read as UTF-8): one message at its start. With its
 * byte-order mark (two bytes that are no UTF-8) an editor opens it right and saves it as UTF-8; without
 * one, as a program or a script may write it, an editor opens it as another encoding and its “save
 * as UTF-8” keeps the NULs: it is reopened as UTF-16 first, little-endian when the NUL follows a letter.
 */
export function utf16Text(path: string, text: string): Diagnostic {
  if (text.startsWith('\uFFFD\uFFFD')) return diagnostic(path, { line: 1, column: 1 }, 'error', 'file/encoding', 'The file is UTF-16 (“Unicode”), not UTF-8: it cannot be read.', SAVE_AS_UTF8);
  const order = text.charAt(0) === '\u0000' ? 'BE' : 'LE';
  return diagnostic(
    path,
    { line: 1, column: 1 },
    'error',
    'file/encoding',
    `The file is UTF-16 ${order} without a byte-order mark, not UTF-8: it cannot be read, and an editor may open it as another encoding, with a gap or a box between every two letters.`,
    `Reopen it as UTF-16, then save it as UTF-8: VS Code: “Reopen with Encoding” → UTF-16 ${order}, then “Save with Encoding” → UTF-8; a terminal: iconv -f UTF-16${order} -t UTF-8.`,
  );
}

/**
 * `file/encoding` for binary data under a YAML file's name (a Word document, a PDF or a picture saved
 * into the positions folder as .yaml): one message at its start, where its bytes read as a screenful of
 * forbidden characters and bytes that are not UTF-8 (a DOCX gave 72 lines), or as a file of old Mac
 * line ends. Binary is told by its first bytes, a zip's or a PDF's, or by its first 4 KB: at least 8 NULs
 * and other C0 controls than tab and line ends, and 1 in 100 characters; a text with a few stray ones is
 * text still, and one in a code page other than UTF-8 (its letters unreadable) is said by {@link notUtf8}.
 */
export function binaryData(path: string, text: string): Diagnostic | undefined {
  const sample = text.slice(0, 4096);
  const odd = sample.match(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g)?.length ?? 0;
  const signed = sample.startsWith('PK\u0003\u0004') || sample.startsWith('%PDF-');
  // UTF-16 text is as full of NULs; it has a message of its own.
  if (!signed && (odd < 8 || odd * 100 < sample.length || looksLikeUtf16(text))) return undefined;
  const what = sample.startsWith('PK') ? 'a zip file, as a Word document (.docx) is' : sample.startsWith('%PDF') ? 'a PDF' : 'binary data, such as a picture or a program\'s file';
  return diagnostic(
    path,
    { line: 1, column: 1 },
    'error',
    'file/encoding',
    `The file is ${what}, not text: it cannot be read as YAML.`,
    'Move it out of this folder, where every .yaml file is read as YAML, or name it as what it is (a Word document ends in .docx; `briefing import` reads a report).',
  );
}

/**
 * `file/encoding` at the first byte that is not UTF-8 (windows-1257, Latin-1…): reading as
 * UTF-8 turned it into U+FFFD, which would otherwise be printed as � in the report. A byte inside
 * a word is a letter of a one-byte code page: the whole file's, when no letter of it reads as UTF-8
 * (Notepad's “ANSI”, Windows-1257 on a Latvian Windows), or text pasted into a UTF-8 file when
 * others do. Either is said with the word it spoils and its own way out: an editor that saves the
 * file “as UTF-8” as it shows it writes the � for good, so the first is converted, the second typed again.
 */
export function notUtf8(path: string, text: string, placeAt: (offset: number) => Place): Diagnostic | undefined {
  const badByte = text.indexOf('\uFFFD');
  if (badByte < 0) return undefined;
  // A dash or a quotation mark of the code page stands alone between spaces: the first letter says more.
  const inWord = [...text.matchAll(/\uFFFD/g)].find((match) => spoiltWord(text, match.index) !== undefined)?.index;
  if (inWord === undefined) return diagnostic(path, placeAt(badByte), 'error', 'file/encoding', 'The file is not valid UTF-8: some characters cannot be read.', SAVE_AS_UTF8);
  const place = placeAt(inWord);
  const word = spoiltWord(text, inWord) ?? '';
  if (!/[^\u0000-\u007F\uFEFF\uFFFD]/u.test(text)) {
    return diagnostic(
      path,
      place,
      'error',
      'file/encoding',
      `The file is not UTF-8: its letters beyond a–z (ā, š, ž…) are in a one-byte code page, most likely Windows-1257 (Baltic; Notepad's “ANSI” on a Latvian Windows), and cannot be read (“${word}”).`,
      `Convert the file rather than save it as it shows, or the letters become � for good: VS Code: “Reopen with Encoding” → Baltic (Windows 1257), then “Save with Encoding” → UTF-8; Notepad++: Encoding → Character sets → Baltic → Windows-1257, then Encoding → Convert to UTF-8; a terminal: iconv -f WINDOWS-1257 -t UTF-8. Letters an earlier save already wrote as � (“ļæ½” when opened as Windows-1257) are lost: type them again.`,
    );
  }
  const lines = [...new Set([...text.matchAll(/\uFFFD/g)].map((match) => placeAt(match.index).line))];
  return diagnostic(
    path,
    place,
    'error',
    'file/encoding',
    `Part of the file is not UTF-8: letters in a one-byte code page (such as Windows-1257), pasted into its UTF-8 text, cannot be read (“${word}”), on ${lines.length === 1 ? 'this line' : `${lines.length} lines: ${lineList(lines)}`}.`,
    'Type those letters again (or paste the text again from where it was written): the rest of the file is UTF-8, and converting the whole file would spoil it.',
  );
}

/** The word around `offset` when the character there (U+FFFD) stands next to a letter, as a code page's letter read as UTF-8 does. */
function spoiltWord(text: string, offset: number): string | undefined {
  const before = /[\p{L}\uFFFD]*$/u.exec(text.slice(Math.max(0, offset - 40), offset))?.[0] ?? '';
  const after = /^[\p{L}\uFFFD]*/u.exec(text.slice(offset + 1, offset + 41))?.[0] ?? '';
  return /\p{L}/u.test(before + after) ? `${before}\uFFFD${after}` : undefined;
}

/** Line numbers as a reader takes them in: runs written 22–40, at most five items, then how many more. */
function lineList(lines: readonly number[]): string {
  const runs: string[] = [];
  for (let at = 0; at < lines.length; ) {
    let end = at;
    while ((lines[end + 1] ?? 0) === (lines[end] ?? 0) + 1) end++;
    runs.push(end > at ? `${lines[at]}–${lines[end]}` : String(lines[at]));
    at = end + 1;
  }
  return runs.length > 5 ? `${runs.slice(0, 5).join(', ')} and ${runs.length - 5} more` : runs.join(', ');
}

/** A CR that ends a line by itself, not as the first half of a Windows CRLF. */
const LONE_CR = /\r(?!\n)/g;

/**
 * `file/line-ends` for a text whose lines end with CR alone, as classic Mac OS saved text (old TextEdit,
 * Word's "Macintosh text", some share converters): the YAML parser breaks lines at LF only, so it read
 * the whole file as one line, and said "The file is empty" of one that starts with a comment, or that a
 * value "contains ': '" of one that starts with a field. Said when lone CRs outnumber the LFs, at the
 * first: one CR pasted into an LF file is not this.
 */
export function crLineEnds(path: string, text: string): Diagnostic | undefined {
  const lone = [...text.matchAll(LONE_CR)];
  const first = lone[0];
  if (first === undefined || lone.length <= text.split('\n').length - 1) return undefined;
  return diagnostic(
    path,
    placeInText(text)(first.index),
    'error',
    'file/line-ends',
    'The lines of the file end with CR alone, as classic Mac OS saved text: YAML reads the whole file as one line.',
    'Save the file with LF line ends (in most editors: the line-end setting, often in the status bar: LF).',
  );
}

/** The encoding problem of a text file read as UTF-8, if any: UTF-16 first (its bytes are not UTF-8 either), then the first bad byte. */
export function encodingProblem(path: string, text: string, placeAt: (offset: number) => Place = placeInText(text)): Diagnostic | undefined {
  return looksLikeUtf16(text) ? utf16Text(path, text) : notUtf8(path, text, placeAt);
}
