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
