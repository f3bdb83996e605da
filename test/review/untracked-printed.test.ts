import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readReviewedDocx } from '../../src/review/read-docx.js';
import { splitByField } from '../../src/review/fields.js';
import { convertWithOffice, itWithOffice } from '../helpers/docx.js';
import { EXAMPLE_MEETING, exampleProject, runCli, tempDir } from '../helpers/project.js';
import { WordEdit } from '../helpers/word-edit.js';

const DOCX = 'out/IZMzin_190221_EDUC.docx';
const ANNA = { author: 'Anna Ozola (AM)', date: '2021-02-16T09:30:00Z' };
const ASKED = 'Ņemot vērā augstākminēto, ministri';
const CLEARED = 'Informatīvā ziņojuma projekts saskaņots ar';

function built(): string {
  const dir = exampleProject();
  const build = runCli(['build', EXAMPLE_MEETING], dir);
  expect(build.status, build.stderr).toBe(0);
  return dir;
}

function save(dir: string, bytes: Uint8Array): string {
  const path = join(dir, 'out/reviewed.docx');
  writeFileSync(path, bytes);
  return path;
}

/** The DOCX with its body's XML changed by `change` (what no helper of WordEdit does). */
function withBody(bytes: Uint8Array, change: (xml: string) => string): Uint8Array {
  const files = unzipSync(bytes);
  files['word/document.xml'] = strToU8(change(strFromU8(files['word/document.xml'] ?? new Uint8Array())));
  return zipSync(files);
}

/** Removes the whole paragraph that holds `context`, as deleting it with track changes off does. */
function withoutParagraph(xml: string, context: string): string {
  const at = xml.indexOf(context);
  const start = xml.lastIndexOf('<w:p>', at);
  const end = xml.indexOf('</w:p>', at) + '</w:p>'.length;
  if (at < 0 || start < 0) throw new Error(`not in the document: ${context}`);
  return xml.slice(0, start) + xml.slice(end);
}

describe('review: the generated text edited with track changes off', () => {
  it('lists a question or sentence of the template reworded, and --accept says it was recorded nowhere', () => {
    const dir = built();
    const path = save(dir, new WordEdit(readFileSync(join(dir, DOCX))).untracked(ASKED, 'augstākminēto', 'iepriekš minēto').bytes());
    const listed = runCli(['review', path], dir);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toContain('Not applicable (generated text, not from any position or meeting field):');
    expect(listed.stdout).toContain('“Ņemot vērā iepriekš minēto, ministri 2021. gada 19. febru…”: edited with track changes off');
    const accepted = runCli(['review', path, '--accept', '--ministry', 'AM'], dir);
    expect(accepted.status, accepted.stderr).toBe(0);
    expect(accepted.stderr).toContain('review/not-recorded');
    expect(accepted.stderr).toContain('An edit of the generated text (a question, the title, the opening or the clearance line) made with track changes off was not recorded in any file.');
  });

  it('lists a paragraph added outside the positions and one deleted, by the paragraph that stands where it stood', () => {
    const dir = built();
    const edited = new WordEdit(readFileSync(join(dir, DOCX))).paragraphAfter(CLEARED, 'Ar Finanšu ministriju saskaņots mutiski.').bytes();
    const path = save(dir, withBody(edited, (xml) => withoutParagraph(xml, ASKED)));
    const listed = runCli(['review', path], dir);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toContain('“Ar Finanšu ministriju saskaņots mutiski.”: added with track changes off');
    expect(listed.stdout).toMatch(/a paragraph before “Kādi ir nozīmīgākie ES, valsts, reģionālā un vietējā līme…”: deleted with track changes off/);
  });

  it('names the position a paragraph typed right after its last one belongs to most likely, and says it was not written into it', () => {
    const dir = built();
    const path = save(dir, new WordEdit(readFileSync(join(dir, DOCX))).paragraphAfter('kuras kvalitatīvu izglītību nodrošinās arī nākotnē.', 'Latvija atbalstīs arī pašvaldību sadarbību.').bytes());
    const listed = runCli(['review', path], dir);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toContain(
      '“Latvija atbalstīs arī pašvaldību sadarbību.”: added with track changes off right after position equity-reforms v2 (positions/educ/equity-reforms.yaml) body, outside its text: not written into it',
    );
    const accepted = runCli(['review', path, '--accept', '--ministry', 'AM'], dir);
    expect(accepted.status, accepted.stderr).toBe(0);
    expect(accepted.stderr).toContain('A paragraph typed with track changes off right after the text of position equity-reforms (“Latvija atbalstīs arī pašvaldību sadarbību.”) stands outside it, and was not written into it.');
    expect(accepted.stderr).not.toContain('An edit of the generated text');
  });

  it('takes the reviewer’s tracked changes of the generated text as they are: a reworded word, a split paragraph', () => {
    const dir = built();
    const edit = new WordEdit(readFileSync(join(dir, DOCX))).replace(ASKED, 'augstākminēto', 'iepriekš minēto', ANNA).splitParagraph(CLEARED, 'saskaņots', ANNA);
    const { outside } = splitByField(readReviewedDocx(edit.bytes()));
    expect(outside.filter((change) => change.untracked)).toEqual([]);
    expect(outside.length).toBe(2);
  });

  it('finds nothing in a report built before the text was recorded, or untouched', () => {
    const dir = built();
    const untouched = readFileSync(join(dir, DOCX));
    expect(splitByField(readReviewedDocx(untouched)).outside).toEqual([]);
    const files = unzipSync(untouched);
    const custom = strFromU8(files['docProps/custom.xml'] ?? new Uint8Array());
    expect(custom).toMatch(/name="Briefing\.Printed\.1"><vt:lpwstr>[\w-]{4,252}</);
    files['docProps/custom.xml'] = strToU8(custom.replace(/<property [^>]*name="Briefing\.Printed\.\d+">.*?<\/property>/g, ''));
    const older = withBody(zipSync(files), (xml) => withoutParagraph(xml, ASKED));
    expect(splitByField(readReviewedDocx(older)).outside).toEqual([]);
  });
});

describe('review: the generated text edited with track changes off, saved by LibreOffice', () => {
  itWithOffice('is found in the file LibreOffice wrote, and an untouched one saved by it reads as unchanged', () => {
    const dir = built();
    const untouched = convertWithOffice(join(dir, DOCX), 'docx:MS Word 2007 XML', tempDir());
    expect(splitByField(readReviewedDocx(readFileSync(untouched))).outside).toEqual([]);
    const path = save(dir, new WordEdit(readFileSync(join(dir, DOCX))).untracked(`${CLEARED} Ārlietu ministriju`, 'Ārlietu ministriju', 'Ārlietu ministriju, Finanšu ministriju').bytes());
    const saved = convertWithOffice(path, 'docx:MS Word 2007 XML', tempDir());
    const listed = runCli(['review', saved], dir);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toContain('“Informatīvā ziņojuma projekts saskaņots ar Ārlietu minist…”: edited with track changes off');
  }, 120_000);
});

describe('review: a position that begins with a table, saved by LibreOffice', () => {
  itWithOffice('reads the table as the position’s though LibreOffice moved the bookmark after it: no change, nothing written', () => {
    const reforms = 'positions/educ/equity-reforms.yaml';
    const text = readFileSync(join(exampleProject(), reforms), 'utf8').replace('body: |\n', 'body: |\n  | Gads | Skolas |\n  | --- | --- |\n  | 2021 | 150 |\n\n');
    const dir = exampleProject({ [reforms]: text });
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    const saved = convertWithOffice(join(dir, DOCX), 'docx:MS Word 2007 XML', tempDir());
    // LibreOffice starts the position's bookmark after the table, not in its first cell, where the build put it.
    const body = strFromU8(unzipSync(readFileSync(saved))['word/document.xml'] ?? new Uint8Array());
    expect(body.indexOf('w:name="_Bf3"')).toBeGreaterThan(body.indexOf('>150<'));
    const listed = runCli(['review', saved, '--accept', '--ministry', 'AM'], dir);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toContain('no tracked changes or comments');
    expect(readFileSync(join(dir, reforms), 'utf8')).toBe(text);
  }, 120_000);
});
