import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { build } from '../../src/commands/build.js';
import { check } from '../../src/commands/check.js';
import { withBackgroundLine, withBodyLine } from '../helpers/fields.js';
import { EXAMPLE_MEETING as MEETING, exampleProject } from '../helpers/project.js';

async function linkProblems(dir: string) {
  const result = await check({ cwd: dir, paths: [], final: false });
  return {
    exitCode: result.exitCode,
    problems: result.diagnostics.filter((d) => d.ruleId.startsWith('markdown/link')).map((d) => [d.line, d.column, d.severity, d.ruleId, d.message, d.hint]),
  };
}

test('a link that runs code or carries a document (javascript:, vbscript:, data:) is an error at its place, and no report is built', async () => {
  const dir = exampleProject(withBodyLine('Skat. [šeit](javascript:alert(1)), <VBScript:MsgBox(1)> un [atsauci][r].\n\n  [r]: data:text/html,x'));
  const hint = 'Link to a web page (https://…), or write the text without a link.';
  expect(await linkProblems(dir)).toEqual({
    exitCode: 1,
    problems: [
      [19, 9, 'error', 'markdown/link-unsafe', 'The link `[šeit](javascript:alert(1))` in `body` would run code when clicked in the DOCX; a report never carries one.', hint],
      [19, 38, 'error', 'markdown/link-unsafe', 'The link `<VBScript:MsgBox(1)>` in `body` would run code when clicked in the DOCX; a report never carries one.', hint],
      [21, 3, 'error', 'markdown/link-unsafe', 'The link `[r]: data:text/html,x` in `body` would open a document carried in the link when clicked in the DOCX; a report never carries one.', hint],
    ],
  });
  const result = await build({ cwd: dir, inputs: [MEETING], final: false, formats: ['md', 'docx'] });
  expect(result.exitCode).toBe(1);
  expect(existsSync(join(dir, 'out/IZMzin_190221_EDUC.docx'))).toBe(false);
});

test('a link a reader cannot open (no https://, a file on one computer, a path, no address) is a warning that says what to write', async () => {
  const dir = exampleProject(withBodyLine('[IZM](www.izm.gov.lv), [VIAA](viaa.gov.lv/lv), [fails](file:///C:/Users/anna/zinojums.docx), [disks](C:\\Dokumenti\\a.docx), [pielikums](../pielikums.pdf), [daļa](#daļa), [tukšs](), [ziņojums](zinojums.pdf)'));
  const address = 'Give the whole address (https://…), or write the text without a link.';
  expect(await linkProblems(dir)).toEqual({
    exitCode: 0,
    problems: [
      [19, 3, 'warning', 'markdown/link-address', 'The link `[IZM](www.izm.gov.lv)` in `body` has no https:// in front: Word opens it as a file named “www.izm.gov.lv” beside the report, not as the website.', 'Write the whole address: `https://www.izm.gov.lv`.'],
      [19, 26, 'warning', 'markdown/link-address', 'The link `[VIAA](viaa.gov.lv/lv)` in `body` has no https:// in front: Word opens it as a file named “viaa.gov.lv/lv” beside the report, not as the website.', 'Write the whole address: `https://viaa.gov.lv/lv`.'],
      [19, 50, 'warning', 'markdown/link-address', 'The link `[fails](file:///C:/Users/anna/zinojums.docx)` in `body` points to a file on one computer: nobody who receives the report can open it.', 'Link to where the document is published (https://…), or name it in the text.'],
      [19, 96, 'warning', 'markdown/link-address', 'The link `[disks](C:\\Dokumenti\\a.docx)` in `body` points to a file on one computer: nobody who receives the report can open it.', 'Link to where the document is published (https://…), or name it in the text.'],
      [19, 126, 'warning', 'markdown/link-address', 'The link `[pielikums](../pielikums.pdf)` in `body` has no web address: in the DOCX it opens nothing the reader has.', address],
      [19, 157, 'warning', 'markdown/link-address', 'The link `[daļa](#daļa)` in `body` has no web address: in the DOCX it opens nothing the reader has.', address],
      [19, 172, 'warning', 'markdown/link-address', 'The link `[tukšs]()` in `body` has no address: it opens nothing.', address],
      // A file's name is no site's, though it reads as one: https:// would not make it open.
      [19, 183, 'warning', 'markdown/link-address', 'The link `[ziņojums](zinojums.pdf)` in `body` has no web address: in the DOCX it opens nothing the reader has.', address],
    ],
  });
});

// A placeholder word in capitals, and a path on a drive written with "/", were said as "no web address" (mutants that survived, mutation14).
test('a placeholder word in capitals (`URL`) is a placeholder, and a drive’s path written with "/" (`C:/…`) a file on one computer', async () => {
  const dir = exampleProject(withBodyLine('[saite](URL) un [disks](C:/Dokumenti/a.docx).'));
  expect(await linkProblems(dir)).toEqual({
    exitCode: 0,
    problems: [
      [19, 3, 'warning', 'markdown/link-address', 'The link `[saite](URL)` in `body` is a placeholder, not an address: the report links to nothing the reader can open.', 'Write the whole address in its place (copy it from the browser’s address bar), or write the text without a link.'],
      [19, 19, 'warning', 'markdown/link-address', 'The link `[disks](C:/Dokumenti/a.docx)` in `body` points to a file on one computer: nobody who receives the report can open it.', 'Link to where the document is published (https://…), or name it in the text.'],
    ],
  });
});

test('a web address with no site after its scheme (a https:// left to be filled in) is a warning, in a text whose other links are whole too', async () => {
  // Its text has no other link a reader cannot open: the quick look that spares most texts the parse has to see it.
  const dir = exampleProject(withBodyLine('Skat. [vietni](https://), [portālu](https:///lv), [IZM](http:/www.izm.gov.lv), [VIAA](https://www.viaa.gov.lv) un [atsauci][r].\n\n  [r]: HTTPS://'));
  const what = 'is not a whole web address (no site’s name after the //): in the DOCX it may open nothing, and a document system built on Microsoft’s Open XML SDK may refuse the whole file for it (“Malformed URI”).';
  const hint = 'Write the whole address, e.g. `https://www.izm.gov.lv/…`, or write the text without a link.';
  expect(await linkProblems(dir)).toEqual({
    exitCode: 0,
    problems: [
      [19, 9, 'warning', 'markdown/link-address', `The link \`[vietni](https://)\` in \`body\` ${what}`, hint],
      [19, 29, 'warning', 'markdown/link-address', `The link \`[portālu](https:///lv)\` in \`body\` ${what}`, hint],
      [19, 53, 'warning', 'markdown/link-address', `The link \`[IZM](http:/www.izm.gov.lv)\` in \`body\` ${what}`, hint],
      [21, 3, 'warning', 'markdown/link-address', `The link \`[r]: HTTPS://\` in \`body\` ${what}`, hint],
    ],
  });
});

test('a placeholder for an address (`https://…`, `...`, `<url>`), as a hint or a template shows one, is a warning, in a text whose other links are whole too', async () => {
  // `[plāns]: https://…` is what the hint of markdown/undefined-link shows: pasted as it is, it must not pass check.
  const dir = exampleProject(withBodyLine('Skat. [plānu][plāns], [vietni](https://…), [EUR-Lex](https://eur-lex.europa.eu/…), <https://...>, [tekstu](...) un [atsauci][r].\n\n  [plāns]: https://…\n  [r]: <url>'));
  const what = 'is a placeholder, not an address: the report links to nothing the reader can open.';
  const hint = 'Write the whole address in its place (copy it from the browser’s address bar), or write the text without a link.';
  expect(await linkProblems(dir)).toEqual({
    exitCode: 0,
    problems: [
      [19, 25, 'warning', 'markdown/link-address', `The link \`[vietni](https://…)\` in \`body\` ${what}`, hint],
      [19, 46, 'warning', 'markdown/link-address', `The link \`[EUR-Lex](https://eur-lex.europa.eu/…)\` in \`body\` ${what}`, hint],
      [19, 86, 'warning', 'markdown/link-address', `The link \`<https://...>\` in \`body\` ${what}`, hint],
      [19, 101, 'warning', 'markdown/link-address', `The link \`[tekstu](...)\` in \`body\` ${what}`, hint],
      [21, 3, 'warning', 'markdown/link-address', `The link \`[plāns]: https://…\` in \`body\` ${what}`, hint],
      [22, 3, 'warning', 'markdown/link-address', `The link \`[r]: <url>\` in \`body\` ${what}`, hint],
    ],
  });
});

// Found only beside another suspect link in the field: the quick look before the parse knew `…` and `...` alone.
test('a placeholder written percent-escaped (`https://%E2%80%A6`, as some browsers copy an ellipsis) is one too, alone in its field', async () => {
  for (const link of ['[vietni](https://eur-lex.europa.eu/%E2%80%A6)', '<https://eur-lex.europa.eu/%2e%2E%2e>']) {
    const dir = exampleProject(withBodyLine(`Skat. ${link} un [citu](https://eur-lex.europa.eu/%E2%80).`));
    const found = (await check({ cwd: dir, paths: [], final: false })).diagnostics.filter((d) => d.ruleId === 'markdown/link-address');
    expect(found.map((d) => [d.line, d.column, d.message])).toEqual([[19, 9, `The link \`${link}\` in \`body\` is a placeholder, not an address: the report links to nothing the reader can open.`]]);
  }
});

test('web, e-mail and telephone links are fine, and so is text that only looks like a link; the background is checked too', async () => {
  const background = withBackgroundLine('Skat. [portālu](www.izm.gov.lv).');
  const dir = exampleProject({
    ...background.files,
    ...withBodyLine('[IZM](https://www.izm.gov.lv), [vecs](http://izm.lv), <https://eur-lex.europa.eu>, www.izm.gov.lv, [e-pasts](mailto:pasts@izm.gov.lv), <pasts@izm.gov.lv>, [tālrunis](tel:+37167226209), `[kods](javascript:x)`, \\[nav saite\\](www.x.lv), [ar atstarpēm](< https://www.izm.gov.lv/ >)'),
  });
  const line = background.line;
  const found = (await check({ cwd: dir, paths: [], final: false })).diagnostics.filter((d) => d.ruleId.startsWith('markdown/link'));
  expect(found.map((d) => [d.file, d.line, d.column, d.ruleId])).toEqual([[MEETING, line, 9, 'markdown/link-address']]);
});

test('the same link written many times is placed at each of its places, in one pass over the field', async () => {
  const link = '[IZM](www.izm.gov.lv)';
  const dir = exampleProject(withBodyLine(`${link} un ${link}.\n\n  Vēlreiz: ${link}, <b>, ${link}`));
  const found = (await check({ cwd: dir, paths: [], final: false })).diagnostics.filter((d) => d.ruleId === 'markdown/link-address' || d.ruleId === 'markdown/html');
  expect(found.map((d) => [d.line, d.column, d.ruleId])).toEqual([
    [19, 3, 'markdown/link-address'],
    [19, 28, 'markdown/link-address'],
    [21, 12, 'markdown/link-address'],
    [21, 35, 'markdown/html'],
    [21, 40, 'markdown/link-address'],
  ]);
});

test('a link with no text to read (`[](https://…)`) is a warning: the report printed nothing there, the address lost, and a screen reader said only “link”', async () => {
  const dir = exampleProject(withBodyLine('Skat. [](https://eur-lex.europa.eu/a), [ ](https://eur-lex.europa.eu/b), [][r], [![](x.png)](https://a.lv), [tekstu](https://eur-lex.europa.eu/c) un [![attēls](x.png)](https://b.lv).\n\n  [r]: https://eur-lex.europa.eu/d'));
  const hint = 'Write what the link leads to between the brackets, e.g. `[Padomes secinājumi](https://…)`, or give the address itself in angle brackets, `<https://…>`.';
  const what = 'has no text: the report prints nothing where it stands, so the reader can neither see nor follow it, and a screen reader says only “link”.';
  expect(await linkProblems(dir)).toEqual({
    exitCode: 0,
    problems: [
      [19, 9, 'warning', 'markdown/link-text', `The link \`[](https://eur-lex.europa.eu/a)\` in \`body\` ${what}`, hint],
      [19, 42, 'warning', 'markdown/link-text', `The link \`[ ](https://eur-lex.europa.eu/b)\` in \`body\` ${what}`, hint],
      [19, 76, 'warning', 'markdown/link-text', `The link \`[][r]\` in \`body\` ${what}`, hint],
      [19, 83, 'warning', 'markdown/link-text', `The link \`[![](x.png)](https://a.lv)\` in \`body\` ${what}`, hint],
    ],
  });
});
