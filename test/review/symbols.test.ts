import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { importReport } from '../helpers/import-report.js';
import { EXAMPLE_MEETING, exampleProject, runCli } from '../helpers/project.js';
import { convertWithOffice, itWithOffice } from '../helpers/docx.js';
import { WordEdit } from '../helpers/word-edit.js';

const DOCX = 'out/IZMzin_190221_EDUC.docx';
const POSITION = 'positions/educ/equity-reforms.yaml';
const ANNA = { author: 'Anna Ozola (AM)', date: '2021-02-16T09:30:00Z' };
const CONTEXT = 'Tuvākajā laikā prioritāri paredzēts:';

function built(): string {
  const dir = exampleProject();
  const build = runCli(['build', EXAMPLE_MEETING], dir);
  expect(build.status, build.stderr).toBe(0);
  return dir;
}

function body(dir: string, position = POSITION): string {
  return String(parseDocument(readFileSync(join(dir, position), 'utf8')).get('body'));
}

/** Review --accept of the report with a symbol (`w:sym`) the reviewer inserted before “prioritāri”. */
function reviewWithSymbol(dir: string, font: string, char: string): ReturnType<typeof runCli> {
  const path = join(dir, 'out/reviewed.docx');
  writeFileSync(path, new WordEdit(readFileSync(join(dir, DOCX))).insertSymbol(CONTEXT, 'prioritāri', font, char, ANNA).bytes());
  return runCli(['review', path, '--accept'], dir);
}

describe('a symbol inserted in Word (w:sym)', () => {
  for (const [font, char, unicode] of [
    ['Wingdings', 'F0FC', '✔'],
    ['Wingdings', 'F0E8', '🡺'],
    ['Wingdings 2', 'F050', '✓'],
    ['Symbol', 'F0AE', '→'],
    ['Symbol', 'F061', 'α'],
  ] as const) {
    it(`is read back as the character it draws: ${font} ${char} → ${unicode}`, () => {
      const dir = built();
      const before = body(dir);
      const run = reviewWithSymbol(dir, font, char);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain(`Tuvākajā laikā {+${unicode}+}prioritāri paredzēts:`);
      expect(body(dir)).toBe(before.replace(CONTEXT, `Tuvākajā laikā ${unicode}prioritāri paredzēts:`));
    });
  }

  it('typed as text in a symbol font is read as the character it draws: at the font’s own code (a in Symbol), or at F0xx in the font w:hAnsi names', () => {
    const dir = built();
    const before = body(dir);
    const path = join(dir, 'out/reviewed.docx');
    const edit = new WordEdit(readFileSync(join(dir, DOCX))).typeInFont(CONTEXT, 'paredzēts', 'w:hAnsi="Symbol"', '\uf0b7 ', ANNA).typeInFont('Tuvākajā laikā prioritāri ', 'prioritāri', 'w:ascii="Symbol" w:hAnsi="Symbol"', 'a ', ANNA);
    writeFileSync(path, edit.bytes());
    const run = runCli(['review', path, '--accept'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(body(dir)).toBe(before.replace(CONTEXT, 'Tuvākajā laikā α prioritāri • paredzēts:'));
  });

  it('typed in a character style whose font (or its base style’s) is a symbol font, or in a theme font the theme makes one, is read as the character it draws', () => {
    const dir = built();
    const before = body(dir);
    const path = join(dir, 'out/reviewed.docx');
    const edit = new WordEdit(readFileSync(join(dir, DOCX)))
      .addStyle('character', 'SymbolBase', '<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr>')
      .addStyle('character', 'Greek', '<w:basedOn w:val="SymbolBase"/><w:rPr><w:i w:val="0"/></w:rPr>')
      .themeBodyFont('Wingdings')
      .typeWith(CONTEXT, 'paredzēts', '<w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/>', '\uf0fc ', ANNA)
      .typeWith('Tuvākajā laikā prioritāri ', 'prioritāri', '<w:rStyle w:val="Greek"/>', 'a ', ANNA);
    writeFileSync(path, edit.bytes());
    const run = runCli(['review', path, '--accept'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(body(dir)).toBe(before.replace(CONTEXT, 'Tuvākajā laikā α prioritāri ✔ paredzēts:'));
  });

  it('that briefing cannot read is shown at its place and not written: the field is refused, with what to do', () => {
    const dir = built();
    const before = readFileSync(join(dir, POSITION), 'utf8');
    const run = reviewWithSymbol(dir, 'Webdings', 'F021');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('Tuvākajā laikā {+\uFFFD+}prioritāri paredzēts:');
    expect(run.stdout + run.stderr).toContain('a symbol inserted in Word (Webdings F021) after “Tuvākajā laikā” has no Unicode character briefing knows, so it cannot be written into the YAML: type the character meant there by hand');
    expect(readFileSync(join(dir, POSITION), 'utf8')).toBe(before);
  });

  it('is imported as the character it draws, or named in a note when briefing cannot read it', () => {
    const example = built();
    const reviewed = join(example, 'out/symbols.docx');
    const edit = new WordEdit(readFileSync(join(example, DOCX))).insertSymbol(CONTEXT, 'prioritāri', 'Wingdings', 'F0FC', null).insertSymbol('Tikpat svarīgi ir stiprināt', 'svarīgi', 'Webdings', 'F021', null);
    writeFileSync(reviewed, edit.bytes());
    const { run, bodies: imported } = importReport(reviewed);
    expect(run.status, run.stderr).toBe(0);
    expect(imported).toContain('Tuvākajā laikā ✔prioritāri paredzēts:');
    expect(run.stdout + run.stderr).toContain('a symbol inserted in Word (Webdings F021) after “Tikpat” has no Unicode character briefing knows');
  });

  it('in a code block is written there, or refuses the field when briefing cannot read it', () => {
    for (const [font, char, expected] of [
      ['Wingdings', 'F0FC', 'kods ✔rinda'],
      ['Webdings', 'F021', undefined],
    ] as const) {
      const dir = exampleProject();
      const text = readFileSync(join(dir, POSITION), 'utf8');
      writeFileSync(join(dir, POSITION), text.replace('\n# Clearance by ministry code', '\n  ```\n  kods rinda\n  ```\n\n# Clearance by ministry code'));
      expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
      const before = body(dir);
      const path = join(dir, 'out/reviewed.docx');
      writeFileSync(path, new WordEdit(readFileSync(join(dir, DOCX))).insertSymbol('kods rinda', 'rinda', font, char, ANNA).bytes());
      const run = runCli(['review', path, '--accept'], dir);
      if (expected) expect(body(dir)).toBe(before.replace('kods rinda', expected));
      else {
        expect(run.stdout + run.stderr).toContain(`a symbol inserted in Word (${font} ${char}) after “kods” has no Unicode character briefing knows`);
        expect(body(dir)).toBe(before);
      }
    }
  });

  itWithOffice('saved again by LibreOffice, which writes it as text in Wingdings at its code, still read as the character', () => {
    const dir = built();
    const before = body(dir);
    const path = join(dir, 'out/reviewed.docx');
    writeFileSync(path, new WordEdit(readFileSync(join(dir, DOCX))).insertSymbol(CONTEXT, 'prioritāri', 'Wingdings', 'F0FC', ANNA).bytes());
    mkdirSync(join(dir, 'office'));
    const saved = convertWithOffice(path, 'docx:MS Word 2007 XML', join(dir, 'office'));
    const run = runCli(['review', saved, '--accept'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(body(dir)).toBe(before.replace(CONTEXT, 'Tuvākajā laikā ✔prioritāri paredzēts:'));
  }, 120_000);
});
