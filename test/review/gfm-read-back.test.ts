import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { importReport } from '../helpers/import-report.js';
import { EXAMPLE_MEETING, exampleProject, runCli } from '../helpers/project.js';
import { convertWithOffice, docxParts, itWithOffice, paragraphTexts, part } from '../helpers/docx.js';
import { WordEdit } from '../helpers/word-edit.js';
import { paragraphs } from '../helpers/redline.js';
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseMarkdownText } from '../../src/util/markdown.js';

const DOCX = 'out/IZMzin_190221_EDUC.docx';
const POSITION = 'positions/educ/equity-reforms.yaml';
const TASKS = '  Darbi:\n\n  - [x] memorands parakstīts;\n  - [ ] iepirkums izsludināts.\n';
const ANNA = { author: 'Anna Ozola (AM)', date: '2021-02-16T09:30:00Z' };

/** The example, with `markdown` (indented as in the YAML) added at the end of a position's body, built. */
function builtWith(markdown: string): string {
  const dir = exampleProject();
  const text = readFileSync(join(dir, POSITION), 'utf8');
  writeFileSync(join(dir, POSITION), text.replace('\n# Clearance by ministry code', `\n${markdown}\n# Clearance by ministry code`));
  const build = runCli(['build', EXAMPLE_MEETING], dir);
  expect(build.status, build.stderr).toBe(0);
  return dir;
}

/** Asserts that `review` of the DOCX (by default the built one) finds nothing: `context` says which case failed. */
function expectUnchanged(dir: string, docx = join(dir, DOCX), context?: string): void {
  const run = runCli(['review', docx], dir);
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout, context).toContain('no tracked changes or comments');
}

/**
 * Accepts a tracked rewording (`context`, `from`, `to` as for {@link acceptEdit}) and asserts
 * that review took it as tracked and that the field's Markdown changed by exactly `was` → `now`.
 */
function expectAccepted(dir: string, [context, from, to]: readonly [string, string, string], [was, now]: readonly [string, string], label?: string): void {
  const before = body(dir);
  expect(acceptEdit(dir, context, from, to), label).not.toContain('edited without track changes');
  expect(body(dir), label).toBe(before.replace(was, now));
}

/** Accepts a reviewer's tracked rewording of `from` to `to` in the paragraph holding `context`; returns what review printed. */
function acceptEdit(dir: string, context: string, from: string, to: string): string {
  const edit = new WordEdit(readFileSync(join(dir, DOCX))).replace(context, from, to, ANNA);
  const path = join(dir, 'out/reviewed.docx');
  writeFileSync(path, edit.bytes());
  const run = runCli(['review', path, '--accept'], dir);
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

/** Numbers in [0, 1), the same sequence for the same seed in every run (a linear congruential generator). */
function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

function body(dir: string, position = POSITION): string {
  return String(parseDocument(readFileSync(join(dir, position), 'utf8')).get('body'));
}

describe('GFM task list items', () => {
  it('keep their state in the DOCX: the item starts with a ballot box, ☒ done, ☐ not', () => {
    const dir = builtWith(TASKS);
    const texts = paragraphTexts(part(docxParts(readFileSync(join(dir, DOCX))), 'word/document.xml'));
    expect(texts).toContain('☒ memorands parakstīts;');
    expect(texts).toContain('☐ iepirkums izsludināts.');
    // The Markdown keeps the task syntax.
    expect(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8')).toContain('- [x] memorands parakstīts;\n- [ ] iepirkums izsludināts.');
  });

  it('read back from the DOCX: untouched, they are unchanged; a reworded one keeps its box as `[ ]`', () => {
    const dir = builtWith(TASKS);
    expectUnchanged(dir);

    expectAccepted(dir, ['iepirkums izsludināts', 'iepirkums', 'konkurss'], ['- [ ] iepirkums izsludināts.', '- [ ] konkurss izsludināts.']);
  });
});

describe('a hard line break', () => {
  it('stays one when its paragraph is reworded, written as `\\` at the line’s end', () => {
    const dir = builtWith('  Rinda ar vārdu  \n  un pārnesumu.\n');
    const before = body(dir);
    acceptEdit(dir, 'Rinda ar vārdu', 'vārdu', 'vārdiem');
    expect(body(dir)).toBe(before.replace('Rinda ar vārdu  \nun pārnesumu.', 'Rinda ar vārdiem\\\nun pārnesumu.'));
  });
});

describe('struck-through text', () => {
  it('keeps its `~~` when a reviewer rewords another word of its paragraph', () => {
    const dir = builtWith('  Plāna ~~pirmā~~ otrā redakcija ir publicēta.\n');
    expectAccepted(dir, ['redakcija ir publicēta', 'publicēta', 'apstiprināta'], ['Plāna ~~pirmā~~ otrā redakcija ir publicēta.', 'Plāna ~~pirmā~~ otrā redakcija ir apstiprināta.']);
  });
});

describe('tables', () => {
  const TABLE = '  | Gads | Skolas ar internetu |\n  | ---: | :---: |\n  | 2020 | 650 |\n  | 2021 | 800 |\n\n  Beigu teikums ir šeit.\n';

  it('are one unit of the field: untouched, they are unchanged and kept as written when another paragraph changes', () => {
    const dir = builtWith(TABLE);
    expectUnchanged(dir);

    expectAccepted(dir, ['Beigu teikums', 'Beigu', 'Pēdējais'], ['Beigu teikums', 'Pēdējais teikums']);
  });

  it('two in a row are kept apart in the DOCX by an empty paragraph (Word would join them), which review passes over', () => {
    const dir = builtWith(`${TABLE}\n  | Vēl | Viena |\n  | --- | --- |\n  | 1 | 2 |\n`.replace('\n\n  Beigu teikums ir šeit.\n\n', '\n\n'));
    const xml = part(docxParts(readFileSync(join(dir, DOCX))), 'word/document.xml');
    expect(xml).toMatch(/<\/w:tbl><w:p>(?:(?!<w:t[ >]).)*?<\/w:p><w:tbl>/);
    expectUnchanged(dir);
    // The field ends with the second table, and its anchor takes it in: a change there is the field's.
    const before = body(dir);
    acceptEdit(dir, 'Viena', 'Viena', 'Otra');
    expect(body(dir)).toBe(before.replace('| Vēl | Viena |', '| Vēl | Otra |'));
  });

  it('align their columns in the DOCX as the delimiter row says, and import reads the alignment back', () => {
    const example = builtWith('  | Gads | Skolas | Piezīme |\n  | :--- | ---: | :---: |\n  | 2020 | 650 | ok |\n');
    const xml = part(docxParts(readFileSync(join(example, DOCX))), 'word/document.xml');
    const cells = [...xml.matchAll(/<w:tc>.*?<\/w:tc>/g)].map(([cell]) => /<w:jc w:val="(\w+)"\/>/.exec(cell)?.[1] ?? 'style');
    expect(cells.slice(-6)).toEqual(['style', 'right', 'center', 'style', 'right', 'center']);
    const { run, bodies: imported } = importReport(join(example, DOCX));
    expect(run.status, run.stderr).toBe(0);
    expect(imported).toContain('| Gads | Skolas | Piezīme |\n| --- | ---: | :---: |\n| 2020 | 650 | ok |');
  });

  it('with a cell changed, change only that cell’s row (the alignment row kept)', () => {
    const dir = builtWith(TABLE);
    const before = body(dir);
    const printed = acceptEdit(dir, '650', '650', '700');
    expect(printed).not.toContain('edited without track changes');
    expect(printed).toContain('[-650-]{+700+}');
    expect(body(dir)).toBe(before.replace('| 2020 | 650 |', '| 2020 | 700 |'));
  });
});

describe('a pipe in inline code in a table cell', () => {
  const PIPE = '  | Gads | Skolas | Kods |\n  | --- | --- | --- |\n  | 2020 | 650 | `a \\| b` |\n';

  it('stays escaped when review --accept writes its table anew (unescaped, it would split the cell)', () => {
    const dir = builtWith(PIPE);
    const before = body(dir);
    acceptEdit(dir, '650', '650', '700');
    expect(body(dir)).toBe(before.replace('| 2020 | 650 | `a \\| b` |', '| 2020 | 700 | `a \\| b` |'));
  });

  it('is imported escaped', () => {
    const example = builtWith(PIPE);
    const { run, bodies: imported } = importReport(join(example, DOCX));
    expect(run.status, run.stderr).toBe(0);
    expect(imported).toContain('| 2020 | 650 | `a \\| b` |');
  });
});

describe('a table written with padded columns', () => {
  // As people write them in an editor that lines the pipes up: right-aligned numbers, a pipe in code escaped.
  const PADDED = [
    '  | Avots          | 2021 |  2022 | Piezīme            |',
    '  |:---------------|-----:|------:|:------------------:|',
    '  | Valsts budžets |  120 |   135 | `a \\| b`           |',
    '  | REACT-EU       |   45 |    30 | tikai 2021.–2022.  |',
    '  | ES fondi       |  200 |   210 | **prioritāte**     |',
    '',
    '  Beigu teikums ir šeit.',
    '',
  ].join('\n');

  /** Review --accept of the DOCX as `edit` leaves it; the field's body after. */
  function accepted(dir: string, edit: (word: WordEdit) => WordEdit): string {
    const path = join(dir, 'out/reviewed.docx');
    writeFileSync(path, edit(new WordEdit(readFileSync(join(dir, DOCX)))).bytes());
    const run = runCli(['review', path, '--accept'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('edited without track changes');
    return body(dir);
  }

  it('keeps every row nobody changed byte for byte, and a changed cell fitted to its column', () => {
    const dir = builtWith(PADDED);
    const before = body(dir);
    const after = accepted(dir, (word) => word.replace('45', '45', '50', ANNA).replace('tikai 2021.–2022.', '2021.–2022.', '2021. gadā', ANNA));
    expect(after).toBe(before.replace('| REACT-EU       |   45 |    30 | tikai 2021.–2022.  |', '| REACT-EU       |   50 |    30 | tikai 2021. gadā   |'));
  });

  it('edited without track changes, keeps every row whose cells kept their text byte for byte, the changed cell fitted to its column', () => {
    const dir = builtWith(PADDED);
    const before = body(dir);
    const path = join(dir, 'out/reviewed.docx');
    writeFileSync(path, new WordEdit(readFileSync(join(dir, DOCX))).untracked('tikai 2021.–2022.', '2021.–2022.', '2021. gadā').bytes());
    const run = runCli(['review', path, '--accept', '--ministry', 'AM'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('edited without track changes');
    expect(body(dir)).toBe(before.replace('| REACT-EU       |   45 |    30 | tikai 2021.–2022.  |', '| REACT-EU       |   45 |    30 | tikai 2021. gadā   |'));
  });

  it('keeps a pipe in inline code escaped when its cell or row changes (unescaped, it would split the cell)', () => {
    const dir = builtWith(PADDED);
    const before = body(dir);
    const after = accepted(dir, (word) => word.replace('a | b', 'b', 'c', ANNA).replace('Valsts budžets', 'budžets', 'budžets (milj.)', ANNA));
    // A cell too long for its column overflows it in its own row only.
    expect(after).toBe(before.replace('| Valsts budžets |  120 |   135 | `a \\| b`           |', '| Valsts budžets (milj.) |  120 |   135 | `a \\| c`           |'));
  });

  it('takes a row the reviewer adds, fitted to the row above, and drops a deleted last row, the others kept as written', () => {
    const dir = builtWith(PADDED);
    const before = body(dir);
    const after = accepted(dir, (word) => word.insertRowAfter('tikai 2021.–2022.', ['Pašvaldības', '10', '12', 'jauns'], ANNA).deleteRow('ES fondi', ANNA));
    expect(after).toBe(
      before.replace(
        '| REACT-EU       |   45 |    30 | tikai 2021.–2022.  |\n| ES fondi       |  200 |   210 | **prioritāte**     |',
        '| REACT-EU       |   45 |    30 | tikai 2021.–2022.  |\n| Pašvaldības    |   10 |    12 | jauns              |',
      ),
    );
  });
  it('takes rows inserted or deleted as the row’s own mark says (w:trPr), when the cells’ text is not marked, and passes over an empty row added', () => {
    const dir = builtWith(PADDED);
    const before = body(dir);
    const after = accepted(dir, (word) =>
      word
        .insertRowAfter('tikai 2021.–2022.', ['Pašvaldības', '10', '12', 'jauns'], ANNA, 'row')
        .deleteRow('ES fondi', ANNA, 'row')
        .insertRowAfter('Valsts budžets', ['', '', '', ''], ANNA, 'row'),
    );
    expect(after).toBe(
      before.replace(
        '| REACT-EU       |   45 |    30 | tikai 2021.–2022.  |\n| ES fondi       |  200 |   210 | **prioritāte**     |',
        '| REACT-EU       |   45 |    30 | tikai 2021.–2022.  |\n| Pašvaldības    |   10 |    12 | jauns              |',
      ),
    );
  });

  it('takes a row the reviewer adds after the last, and a deleted middle row goes, the paragraph after the table kept apart', () => {
    const dir = builtWith(PADDED);
    const before = body(dir);
    const after = accepted(dir, (word) => word.insertRowAfter('ES fondi', ['Citi', '1', '2', ''], ANNA).deleteRow('tikai 2021.–2022.', ANNA));
    expect(after).toBe(
      before
        .replace('| REACT-EU       |   45 |    30 | tikai 2021.–2022.  |\n', '')
        .replace('| **prioritāte**     |\n', '| **prioritāte**     |\n| Citi           |    1 |     2 |                    |\n'),
    );
  });
  it('writes a changed cell that starts with a number and a full stop as it is: a cell holds no list to escape it from', () => {
    const dir = builtWith('  | Pasākums | Termiņš |\n  |---|---|\n  | Internets | 2021. gada marts |\n  | Datori | - |\n');
    const before = body(dir);
    const after = accepted(dir, (word) => word.replace('2021. gada marts', 'marts', 'aprīlis', ANNA).replace('Datori', 'Datori', 'Datori un planšetes', ANNA));
    expect(after).toBe(before.replace('| 2021. gada marts |', '| 2021. gada aprīlis |').replace('| Datori |', '| Datori un planšetes |'));
  });

  it('takes a row the reviewer adds after the last of a table that ends the field (the field\'s bookmark ends in the cell above)', () => {
    const dir = builtWith('  | Avots | Summa |\n  |---|---|\n  | Pēdējā rinda | 7 |\n');
    const before = body(dir);
    const after = accepted(dir, (word) => word.insertRowAfter('Pēdējā rinda', ['Jaunā rinda', '8'], ANNA));
    expect(after).toBe(before.replace('| Pēdējā rinda | 7 |', '| Pēdējā rinda | 7 |\n| Jaunā rinda | 8 |'));
  });

  it('drops a table whose every row the reviewer deleted, its header too (no empty table left)', () => {
    const dir = builtWith(PADDED);
    const before = body(dir);
    const after = accepted(dir, (word) => word.deleteRow('Valsts budžets', ANNA).deleteRow('tikai 2021.–2022.', ANNA).deleteRow('ES fondi', ANNA).deleteRow('>Avots<', ANNA));
    expect(after).toBe(before.replace(/\| Avots[^]*?\n\n(Beigu teikums)/, '$1'));
  });

  it('takes a cell split with Enter as a tracked change of that cell alone, its halves a space apart (a cell holds one paragraph)', () => {
    const dir = builtWith(PADDED);
    const before = body(dir);
    const after = accepted(dir, (word) => word.splitParagraph('Valsts budžets', 'udžets', ANNA));
    expect(after).toBe(before.replace('| Valsts budžets |  120 |', '| Valsts b udžets |  120 |'));
  });
  itWithOffice('saved again by LibreOffice after the review, change the same rows only', () => {
    const dir = builtWith(PADDED);
    const before = body(dir);
    const path = join(dir, 'out/reviewed.docx');
    const edit = new WordEdit(readFileSync(join(dir, DOCX))).replace('45', '45', '50', ANNA).insertRowAfter('tikai 2021.–2022.', ['Pašvaldības', '10', '12', 'jauns'], ANNA).deleteRow('ES fondi', ANNA);
    writeFileSync(path, edit.bytes());
    mkdirSync(join(dir, 'office'));
    const run = runCli(['review', convertWithOffice(path, 'docx:MS Word 2007 XML', join(dir, 'office')), '--accept'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(body(dir)).toBe(
      before.replace(
        '| REACT-EU       |   45 |    30 | tikai 2021.–2022.  |\n| ES fondi       |  200 |   210 | **prioritāte**     |',
        '| REACT-EU       |   50 |    30 | tikai 2021.–2022.  |\n| Pašvaldības    |   10 |    12 | jauns              |',
      ),
    );
  }, 120_000);
});

describe('a table whose formatting was changed without track changes', () => {
  const TABLE = ['  | Avots | Piezīme |', '  |---|---|', '  | Valsts budžets | **galvenais avots** |', '  | REACT-EU | papildu līdzekļi |', ''].join('\n');

  it('takes a cell made bold or its bold taken off as changed, that cell alone; the header row’s bold is the layout’s', () => {
    const dir = builtWith(TABLE);
    const before = body(dir);
    const path = join(dir, 'out/reviewed.docx');
    const edit = new WordEdit(readFileSync(join(dir, DOCX)))
      .format('papildu līdzekļi', 'papildu', { add: '<w:b/>' })
      .format('galvenais avots', 'galvenais avots', { remove: ['w:b'] })
      // The header row is bold by the layout: its bold taken off is nothing its Markdown says.
      .format('Avots', 'Avots', { remove: ['w:b'] });
    writeFileSync(path, edit.bytes());
    const run = runCli(['review', path, '--accept', '--ministry', 'AM'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('  formatting changed: “galvenais avots”\n  formatting changed: “papildu”\n');
    expect(body(dir)).toBe(before.replace('| Valsts budžets | **galvenais avots** |\n| REACT-EU | papildu līdzekļi |', '| Valsts budžets | galvenais avots |\n| REACT-EU | **papildu** līdzekļi |'));
  });
});

describe('a list item of two paragraphs right above the next item', () => {
  it('keeps them one line apart, as written, when a paragraph of the list is reworded', () => {
    const dir = builtWith('  Pasākumi:\n\n  - pirmais pasākums;\n\n    tā otrā rindkopa.\n  - otrais pasākums.\n');
    expectAccepted(dir, ['otrais pasākums.', 'otrais', 'trešais'], ['- otrais pasākums.', '- trešais pasākums.']);
    expect(body(dir)).toContain('\n  tā otrā rindkopa.\n- trešais pasākums.');
  });

  it('edited without track changes, keeps each paragraph in its place: an item’s second paragraph, table and code indented in it, a quoted list quoted, the `1.` marks', () => {
    const markdown =
      '  Pasākumi:\n\n  1. pirmais pasākums;\n\n     tā otrā rindkopa.\n\n     | Gads | Skolas |\n     | --- | --- |\n     | 2020 | 650 |\n\n     ```\n     kods rinda\n     ```\n  2. otrais pasākums.\n\n' +
      '  > Citāts:\n  >\n  > - citēts punkts;\n  > - vēl viens.\n';
    for (const [context, from, to] of [
      ['otrais pasākums', 'otrais', 'trešais'],
      ['tā otrā rindkopa', 'otrā', 'trešā'],
      ['kods rinda', 'rinda', 'rindas'],
      ['vēl viens', 'viens', 'divi'],
    ] as const) {
      const dir = builtWith(markdown);
      const written = markdown.replace(/^ {2}/gm, '');
      writeFileSync(join(dir, 'out/reviewed.docx'), new WordEdit(readFileSync(join(dir, DOCX))).untracked(context, from, to).bytes());
      const run = runCli(['review', join(dir, 'out/reviewed.docx'), '--accept', '--ministry', 'AM'], dir);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('edited without track changes');
      // The field's other paragraphs keep their source; the edited one is written anew, in its place.
      const after = body(dir);
      expect(after.slice(after.indexOf('Pasākumi:')), context).toBe(written.replace(context, context.replace(from, to)));
    }
  });
});

describe('a list whose source numbers skip one (`1) 2) 4)`)', () => {
  const GAP = '  Soļi:\n\n  1) pirmais solis;\n  2) otrais solis;\n  4) trešais solis.\n';

  it('is kept as written, and the position not touched, when the review only comments on it', () => {
    const dir = builtWith(GAP);
    const before = readFileSync(join(dir, POSITION), 'utf8');
    const edit = new WordEdit(readFileSync(join(dir, DOCX))).comment('trešais solis', 'trešais', 'Kāpēc ne ceturtais?', ANNA);
    const path = join(dir, 'out/commented.docx');
    writeFileSync(path, edit.bytes());
    const run = runCli(['review', path, '--accept'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('recorded clearance AM pending');
    expect(run.stdout).not.toContain('written as version');
    const after = readFileSync(join(dir, POSITION), 'utf8');
    expect(after.slice(0, after.indexOf('\nclearance:'))).toBe(before.slice(0, before.indexOf('\nclearance:')));
  });

  it('keeps its source numbers when another item is reworded', () => {
    const dir = builtWith(GAP);
    expectAccepted(dir, ['otrais solis', 'otrais', 'cits'], ['2) otrais solis;', '2) cits solis;']);
  });

  it('keeps the mark its source items have, `2.` and not `2)`, in an item reworded (another mark starts a new list)', () => {
    const dir = builtWith('  Soļi:\n\n  1. pirmais solis;\n  2. otrais solis.\n');
    expectAccepted(dir, ['otrais solis', 'otrais', 'cits'], ['2. otrais solis.', '2. cits solis.']);
  });

  it('is numbered as the report shows it after an item the reviewer added', () => {
    const dir = builtWith(GAP);
    const edit = new WordEdit(readFileSync(join(dir, DOCX))).insertParagraphAfter('pirmais solis', 'jauns solis;', ANNA);
    const path = join(dir, 'out/item.docx');
    writeFileSync(path, edit.bytes());
    const run = runCli(['review', path, '--accept'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(body(dir)).toContain('Soļi:\n\n1) pirmais solis;\n2) jauns solis;\n3) otrais solis;\n4) trešais solis.\n');
  });
});

describe('briefing import', () => {
  it('reads tables, struck text, task items, nested lists, headings, quotes, rules and code back as GFM that builds to the same paragraphs', () => {
    const example = builtWith(
      `${TASKS}\n  Plāna ~~pirmā~~ otrā redakcija.\n\n  | Gads | Skolas |\n  | --- | --- |\n  | 2020 | 650 |\n\n  1) pirmais;\n     - apakšpunkts;\n  2) otrais.\n\n` +
        '  ## Apakšvirsraksts\n\n  > Citāts.\n\n  ---\n\n  ```\n  kods `x`\n  ```\n',
    );
    const { run, dir, bodies: imported } = importReport(join(example, DOCX));
    expect(run.status, run.stderr).toBe(0);
    expect(imported).toContain('- [x] memorands parakstīts;\n- [ ] iepirkums izsludināts.');
    expect(imported).toContain('Plāna ~~pirmā~~ otrā redakcija.');
    expect(imported).toContain('| Gads | Skolas |\n| --- | --- |\n| 2020 | 650 |');
    expect(imported).toContain('1) pirmais;\n   - apakšpunkts;\n2) otrais.');
    expect(imported).toContain('## Apakšvirsraksts\n\n> Citāts.\n\n---\n\n```\nkods `x`\n```');
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    expect(paragraphs(readFileSync(join(dir, DOCX)), 'as-is')).toEqual(paragraphs(readFileSync(join(example, DOCX)), 'as-is'));
  });

  it('reads a list in a quote as quoted and a table in a list item as the item’s (the outer one’s after a nested list), with the item’s paragraphs before it, so they build as they were printed', () => {
    const example = builtWith(
      '  > Citāts:\n  >\n  > 1) pirmais citētais;\n  >    - iekšējais;\n  > 2) otrais citētais.\n\n  1) pirmais ar tabulu:\n\n     tā otrā rindkopa.\n\n     | Gads | Skolas |\n     | --- | --- |\n     | 2020 | 650 |\n\n  2) otrais.\n\n  Beigas.\n\n  | A | B |\n  | --- | --- |\n  | 1 | 2 |\n\n' +
        '  - ārējais;\n    1) iekšējais.\n\n    ārējā otrā rindkopa.\n\n    | Gads | Skolas |\n    | --- | --- |\n    | 2021 | 640 |\n  - otrais ārējais.\n',
    );
    const { run, dir, bodies: imported } = importReport(join(example, DOCX));
    expect(run.status, run.stderr).toBe(0);
    expect(imported).toContain('> Citāts:\n>\n> 1) pirmais citētais;\n>    - iekšējais;\n> 2) otrais citētais.\n\n1) pirmais ar tabulu:\n\n   tā otrā rindkopa.\n\n   | Gads | Skolas |\n   | --- | --- |\n   | 2020 | 650 |\n\n2) otrais.\n\nBeigas.\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n');
    // A table after a nested list is the outer item's: set in to where the outer item's number stands.
    expect(imported).toContain('- ārējais;\n   1) iekšējais.\n\n  ārējā otrā rindkopa.\n\n  | Gads | Skolas |\n  | --- | --- |\n  | 2021 | 640 |\n\n- otrais ārējais.\n');
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    // The body as printed, the quoted items' and the table's indents too (bookmarks, which name the positions, left out).
    const printed = (project: string) => part(docxParts(readFileSync(join(project, DOCX))), 'word/document.xml').replace(/<w:bookmark(?:Start|End) [^>]*\/>/g, '');
    expect(printed(dir)).toBe(printed(example));
  });
});

describe('briefing import of a table set in a little after a list', () => {
  it('keeps it, and the paragraph before it, at the margin: no item’s number stands where it is set in', () => {
    const example = builtWith('  1) pirmais;\n  2) otrais.\n\n  Starpteksts.\n\n  | A | B |\n  | --- | --- |\n  | 1 | 2 |\n');
    const reviewed = join(example, 'out/word.docx');
    writeFileSync(reviewed, new WordEdit(readFileSync(join(example, DOCX))).tableIndent('>A<', 108).bytes());
    const { run, bodies: imported } = importReport(reviewed);
    expect(run.status, run.stderr).toBe(0);
    expect(imported).toContain('1) pirmais;\n2) otrais.\n\nStarpteksts.\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n');
  });
});

describe('headings, quotes, nested lists, rules and code in a field', () => {
  const BLOCKS = [
    '  ## Apakšvirsraksts par plānu\n\n  > Citāts no paziņojuma teksta.\n  >\n  > Otrā citāta rindkopa.\n\n',
    '  1) pirmais punkts;\n     - apakšpunkts ar detaļām;\n\n     turpinājuma rindkopa ir te.\n\n  2) otrais punkts.\n\n',
    '  ---\n\n  ```\n  kods rinda viens\n  kods rinda divi\n  ```\n\n  Beigu teikums ir šeit.\n',
  ].join('');

  it('untouched, read as unchanged', () => {
    const dir = builtWith(BLOCKS);
    expectUnchanged(dir);
  });

  itWithOffice('untouched and saved again by LibreOffice, with two tables in a row, task items and struck text too, read as unchanged', () => {
    const dir = builtWith(`${BLOCKS}\n${TASKS}\n  | Gads | Skolas |\n  | --- | --- |\n  | 2020 | 650 |\n\n  Skolas\n  :-\n\n  Plāna ~~pirmā~~ otrā.\n`);
    mkdirSync(join(dir, 'office'));
    const saved = convertWithOffice(join(dir, DOCX), 'docx:MS Word 2007 XML', join(dir, 'office'));
    expectUnchanged(dir, saved);
  }, 120_000);

  it('take a nested item the reviewer adds under its parent, indented and bulleted like its neighbour', () => {
    const dir = builtWith(BLOCKS);
    const before = body(dir);
    const edit = new WordEdit(readFileSync(join(dir, DOCX))).insertParagraphAfter('apakšpunkts ar detaļām', 'jauns apakšpunkts;', ANNA);
    writeFileSync(join(dir, 'out/reviewed.docx'), edit.bytes());
    const run = runCli(['review', join(dir, 'out/reviewed.docx'), '--accept'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(body(dir)).toBe(before.replace('   - apakšpunkts ar detaļām;\n', '   - apakšpunkts ar detaļām;\n   - jauns apakšpunkts;\n'));
  });

  it('take an item the reviewer adds to a list in a quote, quoted like its neighbours', () => {
    const dir = builtWith('  > Citāts:\n  >\n  > - pirmais citētais;\n  > - otrais citētais.\n');
    const before = body(dir);
    const edit = new WordEdit(readFileSync(join(dir, DOCX))).insertParagraphAfter('pirmais citētais', 'jauns citētais;', ANNA);
    writeFileSync(join(dir, 'out/reviewed.docx'), edit.bytes());
    const run = runCli(['review', join(dir, 'out/reviewed.docx'), '--accept'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(body(dir)).toBe(before.replace('> - pirmais citētais;\n', '> - pirmais citētais;\n> - jauns citētais;\n'));
  });

  it('take a rewording in a code block, its fences kept as written: the language after the opening one, a longer or tilde fence', () => {
    for (const [open, close] of [
      ['```yaml', '```'],
      ['````yaml title="a"', '`````'],
      ['~~~ json', '~~~'],
    ] as const) {
      const dir = builtWith(`  ${open}\n  kods: rinda\n  otra: rinda\n  ${close}\n\n  Beigu teikums ir šeit.\n`);
      expectAccepted(dir, ['otra: rinda', 'rinda', 'rindas'], ['otra: rinda', 'otra: rindas'], open);
    }
  });

  it('take a rewording in a code block on its item’s number line (`2) ```), the number on the fence’s line only, with track changes or without', () => {
    const ITEM = '  Soļi:\n\n  1) pirmais solis;\n  2) ```\n     kods rinda\n     otra rinda\n     ```\n  3) trešais solis.\n';
    expectAccepted(builtWith(ITEM), ['otra rinda', 'rinda', 'rindas'], ['   otra rinda\n', '   otra rindas\n']);
    const dir = builtWith(ITEM);
    const before = body(dir);
    writeFileSync(join(dir, 'out/reviewed.docx'), new WordEdit(readFileSync(join(dir, DOCX))).untracked('otra rinda', 'rinda', 'rindas').bytes());
    const run = runCli(['review', join(dir, 'out/reviewed.docx'), '--accept', '--ministry', 'AM'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(body(dir)).toBe(before.replace('   otra rinda\n', '   otra rindas\n'));
  });

  it('take a rewording of a quote’s paragraph or item of more than one line, its lines all after the `>` as written (not lazy continuation lines)', () => {
    const QUOTE = '  > Citāts no paziņojuma teksta, kas ir pietiekami garš, lai to aplauztu vairākās rindās, kā redaktors to\n  > raksta: otrā rinda beidzas šeit.\n  >\n  > - citēts punkts, kas ir pietiekami garš, lai to aplauztu vairākās rindās, kā redaktors to raksta savā\n  >   redaktorā: beidzas šeit.\n';
    for (const [context, from, to] of [
      ['otrā rinda beidzas', 'otrā', 'trešā'],
      ['redaktorā: beidzas', 'beidzas', 'noslēdzas'],
    ] as const) {
      const dir = builtWith(QUOTE);
      expectAccepted(dir, [context, from, to], [context, context.replace(from, to)], context);
    }
  });

  it('take a rewording of a nested item in a quote, the item kept nested (the spaces after its `>` are its place)', () => {
    const dir = builtWith('  > Citāts:\n  >\n  > - pirmais citētais;\n  >   - iekšējais punkts;\n  > - otrais citētais.\n');
    expectAccepted(dir, ['iekšējais punkts', 'punkts', 'teikums'], ['>   - iekšējais punkts;', '>   - iekšējais teikums;']);
  });

  it('edited without track changes, keep a quote one quote and a rule a rule', () => {
    const dir = builtWith(BLOCKS);
    writeFileSync(join(dir, 'out/reviewed.docx'), new WordEdit(readFileSync(join(dir, DOCX))).untracked('Beigu teikums', 'Beigu', 'Pēdējais').bytes());
    const run = runCli(['review', join(dir, 'out/reviewed.docx'), '--accept', '--ministry', 'AM'], dir);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('edited without track changes');
    expect(body(dir)).toContain('Pēdējais teikums ir šeit.');
    const quotes: string[][] = [];
    const visit = (node: Nodes): void => {
      if (node.type === 'blockquote') quotes.push(node.children.map((child) => toString(child)));
      if ('children' in node) for (const child of node.children) visit(child);
    };
    visit(parseMarkdownText(body(dir)));
    expect(quotes).toEqual([['Citāts no paziņojuma teksta.', 'Otrā citāta rindkopa.']]);
    // Its thematic break, a paragraph with a line under it and no text in the DOCX, stays one.
    expect(body(dir)).toContain('\n\n---\n\n```\nkods rinda viens');
  });

  for (const [context, from, to] of [
    ['Beigu teikums', 'Beigu', 'Pēdējais'],
    ['Apakšvirsraksts par plānu', 'plānu', 'ieceri'],
    ['Citāts no paziņojuma', 'Citāts', 'Fragments'],
    ['apakšpunkts ar detaļām', 'detaļām', 'sīkumiem'],
    ['otrais punkts', 'otrais', 'pēdējais'],
    ['Otrā citāta', 'Otrā', 'Cita'],
    ['turpinājuma rindkopa', 'rindkopa', 'daļa'],
    ['kods rinda divi', 'divi', 'trīs'],
  ] as const) {
    it(`keep their Markdown when "${from}" is reworded (only that word changes in the field)`, () => {
      const dir = builtWith(BLOCKS);
      expectAccepted(dir, [context, from, to], [context, context.replace(from, to)]);
    });
  }
});

describe('any mix of the blocks a field can hold', () => {
  const KINDS = [
    'Teikums ar **treknu**, *slīprakstu*, `kodu`, <b>html</b> un [saiti](https://izm.gov.lv).',
    'Teksts ar ~~svītrotu~~ vārdu, izm@izm.gov.lv un www.izm.gov.lv.',
    'Rinda ar  \npārnesumu.',
    'Attēls ![karte](karte.png) tekstā.',
    '## Apakšvirsraksts',
    '> Citāts\n>\n> divās rindkopās.',
    '1) pirmais;\n   - iekšējais;\n   - vēl iekšējais;\n2) otrais.',
    '1) vaļīgs punkts;\n\n   ar otru rindkopu.\n\n2) nākamais.',
    '- pirmais\n\n  > citāts punktā',
    '- [x] izdarīts;\n- [ ] nav izdarīts.',
    '| A | B |\n| --- | ---: |\n| 1 | 2 |',
    'Viena\n:-',
    '---',
    '```\nkods\nvēl kods\n```',
    '```\nviens bloks\n```\n\n```\notrs bloks\n```',
    '    atkāpts kods',
  ];

  // Each with a word of its own, for the reviewer to change (no two `1)` lists: in a row they are one list).
  const MARKED: [string, string][] = [
    ['Teikums ar **treknu**, *slīprakstu*, `kodu` un [saiti](https://izm.gov.lv) Valfa.', 'Valfa'],
    ['Teksts ar ~~svītrotu~~ vārdu Vbeta, izm@izm.gov.lv un www.izm.gov.lv.', 'Vbeta'],
    ['## Apakšvirsraksts Vdelta', 'Vdelta'],
    ['> Citāts Vepsilon\n>\n> divās rindkopās.', 'Vepsilon'],
    ['1) pirmais;\n   - iekšējais Veta;\n\n     ar otru rindkopu Vtheta.\n\n2) otrais.', 'Veta'],
    ['- pirmais\n\n  > citāts punktā Viota', 'Viota'],
    ['- [x] izdarīts Vkappa;\n- [ ] nav izdarīts.', 'Vkappa'],
    ['| A | B |\n| --- | ---: |\n| Vlambda | 2 |', 'Vlambda'],
    ['---\n\nPēc līnijas Vmu.', 'Vmu'],
    ['```\nkods Vnu\nvēl kods\n```', 'Vnu'],
    ['```\nkods Vxi\n```\n\n```\notrs bloks\n```', 'Vxi'],
  ];

  it('change by exactly the reworded word, whatever the mix (twelve mixes, the same every run)', () => {
    const next = seeded(11);
    for (let mix = 0; mix < 12; mix++) {
      const picked = [...new Map(Array.from({ length: 3 + Math.floor(next() * 3) }, () => MARKED[Math.floor(next() * MARKED.length)] ?? MARKED[0]).map((kind) => [kind?.[1], kind])).values()];
      const [, word = ''] = picked[Math.floor(next() * picked.length)] ?? [];
      const dir = builtWith(`${picked.map((kind) => kind?.[0]).join('\n\n').replace(/^(?=.)/gm, '  ')}\n`);
      expectAccepted(dir, [word, word, 'Aizstāts'], [word, 'Aizstāts'], JSON.stringify(picked.map((kind) => kind?.[1])));
    }
  }, 60_000);

  it('reviews as unchanged when untouched (twelve mixes, the same every run)', () => {
    const next = seeded(7);
    for (let mix = 0; mix < 12; mix++) {
      const picked = Array.from({ length: 3 + Math.floor(next() * 4) }, () => KINDS[Math.floor(next() * KINDS.length)] ?? '');
      const dir = builtWith(`${picked.join('\n\n').replace(/^(?=.)/gm, '  ')}\n`);
      expectUnchanged(dir, join(dir, DOCX), JSON.stringify(picked));
    }
  }, 60_000);
});

