import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { build } from '../../src/commands/build.js';
import { check } from '../../src/commands/check.js';
import { baseProject, baseText as base } from '../helpers/corpus.js';

const POSITION = 'positions/youth/youth-participation.yaml';
const MEETING = 'meetings/2021-05-17-youth.yaml';


async function forbidden(files: Record<string, string>) {
  const dir = baseProject(files);
  const checked = await check({ cwd: dir, paths: [], final: false });
  const built = await build({ cwd: dir, inputs: [MEETING], final: false, out: 'out', formats: ['md', 'docx'] });
  const found = (list: typeof checked.diagnostics) =>
    list.filter((d) => d.ruleId === 'file/forbidden-char').map((d) => [d.file, d.line, d.column, /U\+[0-9A-F]{4}/.exec(d.message)?.[0]]);
  return { checked: found(checked.diagnostics), built: found(built.diagnostics), exitCode: built.exitCode, written: existsSync(join(dir, 'out')) && existsSync(join(dir, 'out/IZMzin_170521_EYCS.docx')) };
}

/** Where the first match of `pattern` is, 1-based, as an editor shows it. */
function lineAndColumn(text: string, pattern: RegExp): [number, number] {
  const offset = text.search(pattern);
  const before = text.slice(0, offset).split('\n');
  return [before.length, (before.at(-1)?.length ?? 0) + 1];
}

describe('characters a Word document cannot hold are refused at load (file/forbidden-char)', () => {
  test.each([
    ['U+FFFE in a position body', POSITION, base(POSITION).replace('viedokli', 'vie\uFFFEdokli'), 'U+FFFE'],
    ['U+FFFF in a position body', POSITION, base(POSITION).replace('viedokli', '\uFFFF'), 'U+FFFF'],
    ['a NUL byte in the meeting topic', MEETING, base(MEETING).replace('Jauniešu', 'Jau\u0000niešu'), 'U+0000'],
    ['a form feed in a question', MEETING, base(MEETING).replace('Kā dalībvalstis', '\u000CKā dalībvalstis'), 'U+000C'],
    ['an escaped control character', MEETING, base(MEETING).replace('participants: ES jaunatnes ministri', 'participants: "ES\\x01 ministri"'), 'U+0001'],
    ['an escaped lone surrogate', MEETING, base(MEETING).replace('participants: ES jaunatnes ministri', 'participants: "ES \\uD800"'), 'U+D800'],
    ['U+FFFF in the ministries registry', 'ministries.yaml', base('ministries.yaml').replace('Ārlietu ministrija\n', 'Ārlietu\uFFFF ministrija\n'), 'U+FFFF'],
  ])('%s', async (_name, path, text, char) => {
    const result = await forbidden({ [path]: text });
    const expected = [path, ...lineAndColumn(text, /[\u0000-\u0008\u000C\uFFFE\uFFFF]|"ES(\\x01| \\uD800)/), char];
    expect(result.checked).toEqual([expected]);
    expect(result.built).toEqual([expected]);
    expect(result.exitCode).toBe(1);
    expect(result.written).toBe(false);
  });

  test('in a template', async () => {
    const TEMPLATE = 'templates/informative-report.lv.md.hbs';
    const text = base(TEMPLATE).replace('Informatīvais ziņojums par', 'Informatīvais\u0007 ziņojums par');
    const result = await forbidden({ [TEMPLATE]: text });
    const line = text.split('\n').findIndex((l) => l.includes('\u0007')) + 1;
    expect(result.checked).toEqual([[TEMPLATE, line, 14, 'U+0007']]);
    expect(result.written).toBe(false);
  });
});

// A C1 control character (U+0080–U+009F) is valid XML, but Word prints it as nothing: text saved as Windows-1252
// and read as Latin-1 has them where its dashes and quotation marks were ("2021.\u00962027." printed "2021.2027.").
describe('a C1 control character is a warning that names what it most likely was (file/control-char)', () => {
  test('at its place, once a line, with the Windows-1252 character it stands for; check still passes', async () => {
    const text = base(POSITION).replace('viedokli', 'vie\u0096dokli \u0093x\u0094');
    const dir = baseProject({ [POSITION]: text });
    const checked = await check({ cwd: dir, paths: [], final: false });
    const found = checked.diagnostics.filter((d) => d.ruleId === 'file/control-char');
    expect(found.map((d) => [d.file, d.line, d.column, d.severity, d.message, d.hint])).toEqual([
      [
        POSITION,
        ...lineAndColumn(text, /\u0096/),
        'warning',
        'The text holds the control character U+0096, which the report prints as nothing (or a box): text saved as Windows-1252 and read as Latin-1 writes “–” so.',
        'Write “–” in its place, and look for more of them in text pasted from the same source.',
      ],
    ]);
    expect(checked.exitCode).toBe(0);
    // A control Windows-1252 has no character for is named alone.
    const bare = await check({ cwd: baseProject({ [POSITION]: base(POSITION).replace('viedokli', 'vie\u0081dokli') }), paths: [], final: false });
    expect(bare.diagnostics.filter((d) => d.ruleId === 'file/control-char').map((d) => [d.message, d.hint])).toEqual([
      ['The text holds the control character U+0081, which the report prints as nothing (or a box).', 'Delete it, or write the character you meant.'],
    ]);
  });

  test('in a template and in a partial, as in YAML', async () => {
    const TEMPLATE = 'templates/informative-report.lv.md.hbs';
    const PARTIAL = 'templates/partials/signature.hbs';
    const text = base(TEMPLATE).replace('Informatīvais ziņojums par', 'Informatīvais ziņojums\u0085 par');
    const partial = `\u0093${base(PARTIAL)}`;
    const dir = baseProject({ [TEMPLATE]: text, [PARTIAL]: partial });
    const checked = await check({ cwd: dir, paths: [], final: false });
    const found = checked.diagnostics.filter((d) => d.ruleId === 'file/control-char').map((d) => [d.file, d.line, d.column, d.message]);
    const windows1252 = (char: string) => `: text saved as Windows-1252 and read as Latin-1 writes “${char}” so.`;
    expect(found).toHaveLength(2);
    expect(found).toContainEqual([TEMPLATE, ...lineAndColumn(text, /\u0085/), `The text holds the control character U+0085, which the report prints as nothing (or a box)${windows1252('…')}`]);
    expect(found).toContainEqual([PARTIAL, 1, 1, `The text holds the control character U+0093, which the report prints as nothing (or a box)${windows1252('“')}`]);
    expect(checked.exitCode).toBe(0);
  });
});

// Text copied out of a PDF brings the ligatures its font set: “ﬁ” (U+FB01) for “fi”. The report printed the sign as it
// came, which a search for “finansējums”, or Word's spelling check, does not find, and “ﬀ” in a font of its own.
describe('a ligature pasted from a PDF is a warning that names the letters it stands for (file/ligature)', () => {
  test('at its place, once a line, with the letters to write; check still passes', async () => {
    const text = base(POSITION).replace('viedokli', 'viedokli par ﬁnansējuma ﬂeksibilitāti');
    const checked = await check({ cwd: baseProject({ [POSITION]: text }), paths: [], final: false });
    const found = checked.diagnostics.filter((d) => d.ruleId === 'file/ligature');
    expect(found.map((d) => [d.file, d.line, d.column, d.severity, d.message, d.hint])).toEqual([
      [
        POSITION,
        ...lineAndColumn(text, /ﬁ/),
        'warning',
        'The text holds “ﬁ” (U+FB01), a ligature text copied from a PDF gives for the letters “fi”: the report prints it as one sign, which a search for the word, or Word’s spelling check, does not take for those letters.',
        'Write “fi” in its place, and look for more of them in text pasted from the same PDF: ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ.',
      ],
    ]);
    expect(checked.exitCode).toBe(0);
  });
});

// Text copied from a web page, Word or a PDF brings characters of zero width that neither an editor nor the report shows:
// one between two words printed them as one ("Latvija\uFEFFatbalsta" as "Latvijaatbalsta"), and nothing was said.
describe('a character of zero width is a warning (file/invisible-char)', () => {
  test('at its place, once a line; between two words it names the words the report prints as one; check still passes', async () => {
    const TEMPLATE = 'templates/informative-report.lv.md.hbs';
    const text = base(POSITION).replace('viedokli', 'viedokli\uFEFFun \u200B \u200Dx');
    const template = base(TEMPLATE).replace('Informatīvais ziņojums par', 'Informatīvais ziņojums\u200B par');
    const dir = baseProject({ [POSITION]: text, [TEMPLATE]: template });
    const checked = await check({ cwd: dir, paths: [], final: false });
    const found = checked.diagnostics.filter((d) => d.ruleId === 'file/invisible-char').map((d) => [d.file, d.line, d.column, d.message, d.hint]);
    expect(found).toEqual([
      [
        POSITION,
        ...lineAndColumn(text, /\uFEFF/),
        'The text holds a byte-order mark (U+FEFF), which neither an editor nor the report shows: the report prints “viedokliun” there.',
        'Delete it, and if it stood for the space between two words, write the space: text pasted from a web page, Word or a PDF brings such characters (the cursor stops at it once more than the letters show).',
      ],
      [
        TEMPLATE,
        ...lineAndColumn(template, /\u200B/),
        'The text holds a zero-width space (U+200B), which neither an editor nor the report shows.',
        'Delete it: text pasted from a web page, Word or a PDF brings such characters (the cursor stops at it once more than the letters show).',
      ],
    ]);
    expect(checked.exitCode).toBe(0);
  });
});

// Text pasted from an e-mail or a page with Arabic or Hebrew text brings controls of direction, which no editor
// shows and Word and the PDF follow: "Latvija \u202Eatbalsta\u202C" printed "Latvija atstabla", and nothing was said.
// A line separator (U+2028) joined the words either side as a zero-width space does.
describe('a control of direction or a line separator is a warning (file/invisible-char)', () => {
  test('at its place, once a line, saying the words after it may print reversed', async () => {
    const text = base(POSITION).replace('viedokli', 'viedokli \u202Eatbalsta\u202C').replace('politikas veidošanā', 'politikas\u2028veidošanā');
    const checked = await check({ cwd: baseProject({ [POSITION]: text }), paths: [], final: false });
    const found = checked.diagnostics.filter((d) => d.ruleId === 'file/invisible-char').map((d) => [d.file, d.line, d.column, d.message, d.hint]);
    expect(found).toEqual([
      [
        POSITION,
        ...lineAndColumn(text, /\u202E/),
        'The text holds a right-to-left override (U+202E), which sets the direction text runs in: neither an editor nor the report shows it, but Word and the PDF follow it, and the words after it may print right to left, reversed (“atbalsta” as “atstabla”) or out of order.',
        'Delete it, and any other direction marks on the line: text pasted from an e-mail or a web page with Arabic or Hebrew text brings them, and a Latvian report needs none.',
      ],
      [POSITION, ...lineAndColumn(text, /\u2028/), 'The text holds a line separator (U+2028), which neither an editor nor the report shows: the report prints “politikasveidošanā” there.', expect.stringContaining('write the space')],
    ].sort((a, b) => Number(a[1]) - Number(b[1])));
    expect(checked.exitCode).toBe(0);
  });
});

// An emoji drawn from several joined by U+200D (👩‍🏫, 🏳️‍🌈) was said as a zero-width joiner to delete, which would print two signs.
test('a zero-width joiner inside an emoji is not said; one between letters still is', async () => {
  const text = base(POSITION).replace('viedokli', 'viedokli 👩\u200D🏫 un 👋🏽\u200D\u2764\uFE0F').replace('politikas veidošanā', 'politikas\u200Dveidošanā');
  const checked = await check({ cwd: baseProject({ [POSITION]: text }), paths: [], final: false });
  const found = checked.diagnostics.filter((d) => d.ruleId === 'file/invisible-char').map((d) => [d.line, d.column, d.message]);
  expect(found).toEqual([[...lineAndColumn(text, /\u200Dv/), 'The text holds a zero-width joiner (U+200D), which neither an editor nor the report shows: the report prints “politikasveidošanā” there.']]);
});
