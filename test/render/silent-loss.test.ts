import { expect, test } from 'vitest';
import { check } from '../../src/commands/check.js';
import { withBackgroundLine, withBodyLine } from '../helpers/fields.js';
import { EXAMPLE_MEETING as MEETING, exampleProject } from '../helpers/project.js';

/** The problems of one rule that `check` finds in the example with `lines` put into a position's body (file line 19): line, column, message, hint. */
const bodyProblems = (rule: string) => async (lines: string) =>
  (await check({ cwd: exampleProject(withBodyLine(lines)), paths: [], final: false })).diagnostics.filter((d) => d.ruleId === rule).map((d) => [d.line, d.column, d.message, d.hint]);

test('a table row with more cells than the header row is a warning at the row, naming the cells the report leaves out', async () => {
  const problems = bodyProblems('markdown/table-extra-cells');
  const table = '| Kods | Nozīme | Piezīme |\n  |---|---|---|\n  | `A|B` | vai | ž |\n  | C | D |\n  | C | D | E | F | G |';
  expect(await problems(table)).toEqual([
    [
      21,
      3,
      'This table row of `body` has 4 cells and the header row 3: the report leaves out the last (“ž”).',
      'A `|` inside `code` still divides a table’s cells: write it `\\|` there (the report prints `|`); or give the header row as many cells.',
    ],
    [
      23,
      3,
      'This table row of `body` has 5 cells and the header row 3: the report leaves out the last 2 (“F”, “G”).',
      'Give the header row as many cells, or remove the extra ones; a `|` meant as text is written `\\|`.',
    ],
  ]);
  // Fewer cells are filled in empty, an escaped `\|` is text, and a `|` outside a table is text: nothing is lost.
  expect(await problems('| A | B |\n  |---|---|\n  | `x\\|y` | z |\n  | tikai viens |\n\n  Teksts a | b | c | d.')).toEqual([]);
});

test('a link [text][label] whose label is defined nowhere in its field is a warning at the link: it prints as written, brackets and all', async () => {
  const problems = bodyProblems('markdown/undefined-link');
  expect(await problems('Skatīt [rīcības plānu][plāns] un [EK paziņojumu][ek], arī [plāns][].\n\n  [ek]: https://ec.europa.eu')).toEqual([
    [
      19,
      10,
      'The link `[rīcības plānu][plāns]` in `body` refers to `[plāns]`, which is not defined in that field: the report prints it as written, brackets and all, with no link.',
      'Define it in `body`, on a line of its own: `[plāns]: https://…`; or give the link its address: `[rīcības plānu](https://…)`.',
    ],
    [
      19,
      61,
      'The link `[plāns][]` in `body` refers to `[plāns]`, which is not defined in that field: the report prints it as written, brackets and all, with no link.',
      'Define it in `body`, on a line of its own: `[plāns]: https://…`; or give the link its address: `[plāns](https://…)`.',
    ],
  ]);
  // Defined (in any letter case), escaped, in code, or a footnote after brackets: nothing to say.
  expect(await problems('Skatīt [plānu][Plāns], \\[a\\]\\[b\\], `[c][d]` un [Turpat][^1].\n\n  [plāns]: https://www.izm.gov.lv\n\n  [^1]: Piezīme.')).toEqual([]);
  // An address written as the link is one, brackets and all.
  expect(await problems('Skatīt <https://eur-lex.europa.eu/x/[2020][C123]> un <mailto:info[at][izm]@example.lv>.')).toEqual([]);
  // Brackets before a footnote mark with no definition: the footnote's rule says so, this one does not (a mutant that survived, mutation14).
  expect(await problems('Skatīt [Turpat][^9].')).toEqual([]);
});

test('a link whose address has a space is a warning at the link: it is no link, and prints as written, brackets and all', async () => {
  const problems = bodyProblems('markdown/link-space');
  expect(await problems('Skat. [Izglītības likums](https://likumi.lv/ta/id/50759 izglitibas-likums) un [e-pasts](mailto:pasts@izm.gov.lv?subject=Jautājums par ES).')).toEqual([
    [
      19,
      9,
      'The link `[Izglītības likums](https://likumi.lv/ta/id/50759 izglitibas-likums)` in `body` is no link: its address has a space, so the report prints it as written, brackets and all.',
      'Write each space in the address as %20 (`https://likumi.lv/ta/id/50759%20izglitibas-likums`), or put the address in angle brackets: `[Izglītības likums](<https://likumi.lv/ta/id/50759 izglitibas-likums>)`.',
    ],
    [
      19,
      81,
      'The link `[e-pasts](mailto:pasts@izm.gov.lv?subject=Jautājums par ES)` in `body` is no link: its address has a space, so the report prints it as written, brackets and all.',
      'Write each space in the address as %20 (`mailto:pasts@izm.gov.lv?subject=Jautājums%20par%20ES`), or put the address in angle brackets: `[e-pasts](<mailto:pasts@izm.gov.lv?subject=Jautājums par ES>)`.',
    ],
  ]);
  // At the paragraph's start too, where the text it stands in starts at its `[`.
  expect((await problems('[e-pasts](mailto:pasts@izm.gov.lv?subject=Jautājums par ES) ir adrese.')).map(([line, column, message]) => [line, column, message])).toEqual([
    [19, 3, 'The link `[e-pasts](mailto:pasts@izm.gov.lv?subject=Jautājums par ES)` in `body` is no link: its address has a space, so the report prints it as written, brackets and all.'],
  ]);
  // A space between the brackets and an address in parentheses.
  expect(await problems('Skat. [ziņojumu] (https://www.izm.gov.lv/lv/zinojums) un [..] (skat. 2. punktu).')).toEqual([
    [
      19,
      9,
      'The link `[ziņojumu] (https://www.izm.gov.lv/lv/zinojums)` in `body` is no link: a space stands between `]` and `(`, so the report prints the brackets and the address as written.',
      'Write it without the space: `[ziņojumu](https://www.izm.gov.lv/lv/zinojums)`.',
    ],
  ]);
  // A title after the address, the address in angle brackets or with %20, brackets escaped or in code, and a space before the parenthesis: nothing to say.
  expect(await problems('[a](https://a.lv "Virsraksts") [b](<https://b.lv/x y>) [c](https://c.lv/x%20y) \\[d\\](e f) `[g](h i)` [j] (k l)')).toEqual([]);
  // A link with a title after words, and a `[` escaped alone: the text before the link ends at its `[` (mutants that survived, mutation14).
  expect(await problems('Skat. [a](https://a.lv "Virsraksts") un \\[b](c d).')).toEqual([]);
  // What looks like one inside a link's text, after another link, is that link's text: nothing to say.
  expect(await problems('Skat. [a](https://a.lv) un [plāns [b] (https://b.lv)](https://e.lv) un [f] (g).')).toEqual([]);
  // Said in the order of the lines, whichever way each is written; an address starting www. counts (mutants that survived, mutation14).
  expect((await problems('Skat. [a] (https://a.lv) un\n  [b](https://b.lv c d) un [e] (www.e.lv).')).map(([line, column]) => [line, column])).toEqual([
    [19, 9],
    [20, 3],
    [20, 28],
  ]);
});

test('the meeting’s background is checked for both too', async () => {
  const background = withBackgroundLine('Skat. [plānu][nav].');
  const found = (await check({ cwd: exampleProject(background.files), paths: [], final: false })).diagnostics.filter((d) => d.ruleId === 'markdown/undefined-link');
  expect(found.map((d) => [d.file, d.line, d.column])).toEqual([[MEETING, background.line, 9]]);
});
