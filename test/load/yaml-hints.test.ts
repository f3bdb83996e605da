import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/yaml.js';

/**
 * Mistakes a fuzzer made of the example's files (lines swapped, cut, marks typed in), one for each
 * kind of message the YAML parser has: each must come with a hint, as every message does, not the
 * parser's words alone ("Implicit keys need to be on a single line.").
 */
const MISTAKES: Record<string, string> = {
  'a line of text without its `- ` in a list': 'id: x\nspeaking_points:\n  - >-\n    Pirmais punkts.\n    Otrs\n  punkts bez domuzīmes\n  - >-\n    Trešais.\n',
  'a line of a list that lost its `- `': 'id: x\nquestions:\n  - a\n  b\nversion: 2\n',
  'a key swapped into a text, and the text among the fields': 'id: x\nbody: |\n  Pirmā rinda.\n  AM:\n  trešā rinda.\nclearance:\n  tīkla attīstības plāniem, lai tiktu modernizētas\n    status: cleared\n',
  'a name longer than 1024 characters before a colon': `id: x\nname:\n  ${'k'.repeat(1100)}: v\n`,
  'a value that starts with @': 'id: x\nref: @someone\n',
  'a value that starts with a backtick': 'id: x\nref: `code`\n',
  'a value that starts with %': 'id: x\nref: %x\n',
  'a mark typed after `>-`': 'id: x\nbody: >-`\n  text\n',
  'a word typed after `|`': 'id: x\nbody: |cleared\n  text\n',
  'a mapping in braces without its comma': 'id: x\nowner: {ministry: IZM unit: x}\n',
  'two anchors on one value': 'id: x\nstatus: &a &b cleared\n',
  'an unknown escape in double quotes': 'id: x\nstatus: "a\\qb"\n',
  'a directive line among the fields': 'id: x\n%YAML 1.1\nversion: 2\n',
  'text after a quoted value': 'id: x\nversion: "2" x\n',
  'two tags on one value': 'id: x\nstatus: !x !y cleared\n',
};

describe('every message of a YAML file that cannot be read has a hint', () => {
  it.each(Object.entries(MISTAKES))('%s', (_name, text) => {
    const { diagnostics } = parseYaml('positions/educ/p.yaml', text);
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const found of diagnostics) expect({ message: found.message, hint: found.hint ? 'given' : found.hint }).toEqual({ message: found.message, hint: 'given' });
  });
});

// check's property test met it: a NUL typed before a list entry made the entry a block's "key" in the message.
describe('a line with a control character is no block header the messages quote', () => {
  it('says the indentation, not a block named with the control character in it', () => {
    const text = 'id: x\nquestions:\n\u0000  - text: >-\n      Pirmā rinda.\n    otrā rinda.\n    position: x\n';
    const { diagnostics } = parseYaml('meetings/m.yaml', text);
    expect(diagnostics.map((d) => d.ruleId)).toContain('yaml/indent');
    for (const found of diagnostics) expect(`${found.message} ${found.hint ?? ''}`).not.toContain('\u0000');
  });
});

// Mutants of the places and words of these messages survived (mutation15): each is pinned here, place and words.
describe('a flow mapping left open or written empty above its fields is said at its brace', () => {
  it('says the `{` never closed at the `{`, not at the next line the parser stopped on', () => {
    const { diagnostics } = parseYaml('positions/educ/p.yaml', 'id: x\nowner: {ministry: IZM\nversion: 2\n');
    expect(diagnostics.map((d) => [d.line, d.column, d.ruleId, d.message, d.hint])).toEqual([
      [2, 8, 'yaml/syntax', 'The mapping opened with `{` is not closed with `}`.', 'Add `}` at the end of the line.'],
    ]);
  });

  it('says `{}` with fields under it is an empty mapping with fields', () => {
    const { diagnostics } = parseYaml('positions/educ/p.yaml', 'id: x\nowner: {}\n  ministry: IZM\n');
    expect(diagnostics.map((d) => [d.line, d.column, d.ruleId, d.message, d.hint])).toEqual([
      [
        2,
        8,
        'yaml/indent',
        '`owner` is written `{}`, an empty mapping, yet has fields on the lines under it: YAML takes one or the other, not both.',
        'Delete the `{}` after `owner:` to keep the fields under it.',
      ],
    ]);
  });

  it('the same of a list: `[` never closed, `[]` with entries under it', () => {
    expect(parseYaml('positions/educ/p.yaml', 'id: x\nowner: [a, b\nversion: 2\n').diagnostics.map((d) => [d.line, d.column, d.message, d.hint])).toEqual([
      [2, 8, 'The list opened with `[` is not closed with `]`.', 'Add `]` at the end of the line.'],
    ]);
    expect(parseYaml('positions/educ/p.yaml', 'id: x\nquestions: []\n  - a\n').diagnostics.map((d) => [d.line, d.column, d.message, d.hint])).toEqual([
      [
        2,
        12,
        '`questions` is written `[]`, an empty list, yet has entries on the lines under it: YAML takes one or the other, not both.',
        'Delete the `[]` after `questions:` to keep the entries under it.',
      ],
    ]);
  });
});

// Mutants of the bounds of these hints survived (mutation15).
describe('a block whose first line is indented further than the rest, and a line at the left edge under a block', () => {
  const said = (text: string) => parseYaml('positions/educ/p.yaml', text).diagnostics.map((d) => [d.line, d.column, d.ruleId, d.hint]);

  it('offers the indentation indicator up to 9, after the bar or the >', () => {
    expect(said('id: x\nbody: |\n             first\n         second\n')).toEqual([
      [3, 1, 'yaml/indent', "Indent the first line by 9 spaces, as the block's other lines; if its extra spaces are meant (an indented code block), say how far the block is indented after the bar: `body: |9`."],
    ]);
    expect(said('id: x\nbody: >-\n      first\n    second\n')).toEqual([
      [3, 1, 'yaml/indent', "Indent the first line by 4 spaces, as the block's other lines; if its extra spaces are meant (an indented code block), say how far the block is indented after the >: `body: >-4`."],
    ]);
  });

  it('from 1, and not past 9: a block indented by 10 more has no indicator to say it', () => {
    expect(parseYaml('positions/educ/p.yaml', 'id: x\nbody: |\n   first\n second\n').diagnostics.map((d) => [d.line, d.column, d.message, d.hint])).toEqual([
      [
        3,
        1,
        "The first line of the `body: |` block is indented by 3 spaces, line 4 under it by 1: YAML takes a block's indentation from its first line, so the block ends before line 4, and what follows is read as new fields.",
        "Indent the first line by a space, as the block's other lines; if its extra spaces are meant (an indented code block), say how far the block is indented after the bar: `body: |1`.",
      ],
    ]);
    expect(said('id: x\nbody: |\n              first\n          second\n')[0]?.[3]).toBe("Indent the first line by 10 spaces, as the block's other lines.");
  });

  it('an indented line with no colon after a block is said as a name without its colon, not as a line of the block', () => {
    expect(parseYaml('positions/educ/p.yaml', 'id: x\nouter:\n  body: |\n    text\n  more text\n  next: 1\n').diagnostics.map((d) => [d.line, d.column, d.message])).toEqual([
      [5, 3, '`more text` has no colon, so YAML reads it and the line after it as one long key.'],
    ]);
  });

  it('a bad escape in a quoted key at the left edge under a block is said as the escape, not as a line of the block', () => {
    expect(said('id: x\nbody: |\n  text\n"a\\qb": x\n')).toEqual([
      [4, 3, 'yaml/syntax', 'In double quotes a backslash starts an escape (\\n, \\"): write a backslash itself as \\\\, or put the value in single quotes.'],
    ]);
  });
});


// A field pasted from Word, an e-mail or a web page with a no-break space after its colon reads the same in an editor (encodings run).
describe('a space of another kind after a field\'s colon', () => {
  it.each([
    ['the first field, with a field under it', 'id:\u00A0x\nversion: 2\n', 1, 4, 'id', 'no-break space (U+00A0)'],
    ['a field before a mapping', 'id: x\nstatus:\u00A0cleared\nowner:\n  ministry: IZM\n', 2, 8, 'status', 'no-break space (U+00A0)'],
    ['a nested field', 'id: x\nowner:\n  ministry: IZM\n  unit:\u202FNodaļa\nversion: 2\n', 4, 8, 'unit', 'narrow no-break space (U+202F)'],
    ['a block\'s field', 'id: x\nbody:\u00A0|\n  Teksts.\nversion: 2\n', 2, 6, 'body', 'no-break space (U+00A0)'],
  ])('%s is said as that space, at it', (_name, text, line, column, key, name) => {
    const { diagnostics } = parseYaml('positions/educ/p.yaml', text);
    expect(diagnostics.map((d) => [d.line, d.column, d.ruleId, d.message])).toEqual([
      [line, column, 'yaml/syntax', `The colon after \`${key}\` is followed by a ${name}, not a plain space: YAML takes a name and a colon for a field only before a space or the line's end, so it reads this line as text.`],
    ]);
  });

  it('leaves a no-break space after a colon inside a text alone', () => {
    expect(parseYaml('positions/educ/p.yaml', 'id: x\nbody: |\n  Piezīme:\u00A0teksts.\nquestions:\n  - Jautājums:\u00A0kāds?\n').diagnostics).toEqual([]);
  });
});


// A field typed with a Chinese or Japanese input method on, or pasted from such a document, has a full-width colon; one typed in haste, no space after the colon.
describe('a colon of another kind, or none of the space after it', () => {
  it.each([
    ['a full-width colon before a space', 'id: x\nversion\uFF1A 2\nstatus: draft\n', 2, 8, '`version` is followed by a full-width colon (U+FF1A), not a colon (:)', 'Write `version: 2`: type the colon on a Latin keyboard layout'],
    ['a full-width colon with no space, nested', 'id: x\nowner:\n  ministry\uFF1AIZM\n  unit: Nodaļa\n', 3, 11, '`ministry` is followed by a full-width colon (U+FF1A), not a colon (:)', 'Write `ministry: IZM`: type the colon'],
    ['a ratio sign after a space', 'id: x\nversion \u2236 2\nstatus: draft\n', 2, 9, '`version` is followed by a ratio sign (U+2236), not a colon (:)', 'Write `version: 2`:'],
    ['no space after the colon', 'id: x\nkind:informal\nstatus: draft\n', 2, 5, '`kind:informal` has no space after its colon, so YAML reads the line as text, not as the field `kind`.', 'Write `kind: informal`: a space after the colon.'],
  ])('%s is said as that, at it', (_name, text, line, column, message, hint) => {
    const { diagnostics } = parseYaml('meetings/m.yaml', text);
    expect(diagnostics.map((d) => [d.line, d.column, d.ruleId])).toEqual([[line, column, 'yaml/syntax']]);
    expect(diagnostics[0]?.message).toContain(message);
    expect(diagnostics[0]?.hint).toContain(hint);
  });

  it('leaves such colons inside a text, and a time or a web address as a value, alone', () => {
    expect(parseYaml('meetings/m.yaml', 'id: x\ntime: 10:00\nlink: https://example.org/a:b\nbody: |\n  Piezīme\uFF1Ateksts.\n  kind:informal\n').diagnostics).toEqual([]);
  });
});
