import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { convertWithOffice, docxParts, itWithOffice, paragraphTexts, part } from './helpers/docx.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject, REPO, runCli, tempDir } from './helpers/project.js';
import { gitBlobId } from '../src/load/files.js';
import { git, initRepository } from './helpers/git.js';

const EXAMPLE_REFERENCE = join(REPO, 'examples/ministry-style/izm-reference.docx');
const BUILT = 'out/IZMzin_190221_EDUC.docx';

/** `briefing reference-docx` with stdout a pipe, as bytes. */
function starter(): Uint8Array {
  const result = spawnSync(process.execPath, [join(REPO, 'bin/briefing.js'), 'reference-docx'], { cwd: REPO });
  expect(result.status).toBe(0);
  return new Uint8Array(result.stdout);
}

/** A copy of the example project whose config names `reference` (written as ref.docx). */
function projectWithReference(reference: Uint8Array, files: Record<string, string> = {}): string {
  const config = `${exampleFile('briefing.config.yaml')}  reference_docx: ref.docx\n`;
  const dir = exampleProject({ 'briefing.config.yaml': config, ...files });
  writeFileSync(join(dir, 'ref.docx'), reference);
  return dir;
}

/** `bytes` with one part's text changed. */
function changed(bytes: Uint8Array, name: string, change: (xml: string) => string): Uint8Array {
  const parts = unzipSync(bytes);
  parts[name] = strToU8(change(new TextDecoder().decode(parts[name])));
  return zipSync(parts, { mtime: new Date(1980, 0, 1, 12, 0, 0) });
}

/** The paragraph style ids used in a part, in order. */
function paragraphStyles(xml: string): string[] {
  return [...xml.matchAll(/<w:pStyle w:val="([^"]+)"\/>/g)].map((m) => m[1] ?? '');
}

describe('briefing reference-docx', () => {
  // Typed on a terminal, where the DOCX's bytes would fill the screen: the hint's commands were bare before its full stop,
  // and pasted they wrote `reference.docx.`.
  it.skipIf(spawnSync('script', ['--version']).status !== 0)('typed on a terminal writes nothing there, and its hint gives both commands to paste whole', () => {
    const dir = tempDir();
    const run = spawnSync('script', ['-qec', `"${process.execPath}" "${join(REPO, 'bin/briefing.js')}" reference-docx`, '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('Not writing a binary DOCX to the terminal.');
    expect(run.stdout).toContain('Redirect it, `briefing reference-docx > reference.docx`, or write a file: `briefing reference-docx -o reference.docx`.');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes the built-in styles, with the optional question and sub-item styles, the same bytes each time', () => {
    const bytes = starter();
    expect(starter()).toEqual(bytes);
    const styles = part(docxParts(bytes), 'word/styles.xml');
    for (const id of ['Normal', 'Title', 'Heading2', 'BriefingNote', 'BriefingSignature', 'BriefingCode', 'BriefingTableText', 'Header', 'Footer', 'FootnoteText', 'BriefingQuestion', 'BriefingSubItem']) {
      expect(styles).toContain(`w:styleId="${id}"`);
    }
    const used = paragraphStyles(part(docxParts(bytes), 'word/document.xml'));
    expect(used).toEqual(expect.arrayContaining(['Title', 'Normal', 'Heading2', 'BriefingNote', 'BriefingQuestion', 'BriefingSubItem', 'BriefingTableText', 'BriefingCode', 'BriefingSignature']));
  });

  it('-o writes the same file', () => {
    const dir = tempDir();
    const run = runCli(['reference-docx', '-o', 'my.docx'], dir);
    expect(run.status).toBe(0);
    expect(new Uint8Array(readFileSync(join(dir, 'my.docx')))).toEqual(starter());
  });

  it('-o - writes to standard output, as most tools read -, and makes no file', () => {
    const dir = tempDir();
    const run = runCli(['reference-docx', '-o', '-'], dir);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout.startsWith('PK')).toBe(true);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('-o never replaces a file unless --force', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'old.docx'), 'an older reference\n');
    const run = runCli(['reference-docx', '-o', 'old.docx'], dir);
    expect(run).toMatchObject({ status: 2, stderr: 'briefing: old.docx already exists; nothing written.\n  Choose another name, or add --force to replace it.\n' });
    expect(readFileSync(join(dir, 'old.docx'), 'utf8')).toBe('an older reference\n');
    expect(runCli(['reference-docx', '-o', 'old.docx', '--force'], dir).status).toBe(0);
    expect(new Uint8Array(readFileSync(join(dir, 'old.docx')))).toEqual(starter());
  });

  it('-o naming a file that is no .docx is refused, with --force too (a DOCX named .doc is opened as the older format; a meeting was replaced)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'meeting.yaml'), 'date: 2021-02-19\n');
    for (const [name, force] of [['meeting.yaml', ['--force']], ['styles.doc', []]] as const) {
      expect(runCli(['reference-docx', '-o', name, ...force], dir)).toMatchObject({ status: 2, stderr: expect.stringContaining(`briefing: ${name} is not named .docx; nothing written.`) });
    }
    expect(runCli(['reference-docx', '-o', 'styles.doc'], dir).stderr).toContain('e.g. -o styles.docx.');
    expect(readFileSync(join(dir, 'meeting.yaml'), 'utf8')).toBe('date: 2021-02-19\n');
    expect(readdirSync(dir)).toEqual(['meeting.yaml']);
  });

  it('-o naming a folder says so and what to write instead, with --force too (not “already exists”, nor build’s --out)', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'styles'));
    for (const force of [[], ['--force']]) {
      expect(runCli(['reference-docx', '-o', 'styles', ...force], dir)).toMatchObject({ status: 2, stderr: 'briefing: styles is a folder; nothing written.\n  Name the file to write, e.g. -o styles/reference.docx.\n' });
    }
  });
});

describe('the example project’s reference DOCX', () => {
  it('is what scripts/make-example-reference.js makes (run `npm run example-reference` after changing the built-in styles)', () => {
    const target = join(tempDir(), 'izm-reference.docx');
    const made = spawnSync(process.execPath, [join(REPO, 'scripts/make-example-reference.js'), target], { encoding: 'utf8' });
    expect(made.stderr).toBe('');
    expect(new Uint8Array(readFileSync(target))).toEqual(new Uint8Array(readFileSync(EXAMPLE_REFERENCE)));
  });

  it('builds the second example meeting, in Latvian and in English, without a problem', () => {
    const dir = tempDir();
    cpSync(join(REPO, 'examples/ministry-style'), dir, { recursive: true, filter: (source) => !source.endsWith('/out') });
    const meeting = 'meetings/2021-05-18-educ-council.yaml';
    expect(runCli(['build', meeting], dir).stderr).toContain('no problems');
    expect(runCli(['build', meeting, '--template', 'informative-report.en'], dir).stderr).toContain('no problems');
    const header = [...docxParts(new Uint8Array(readFileSync(join(dir, 'out/IZMzin_180521_EDUC.docx')))).values()].find((xml) => xml.includes('LATVIJAS REPUBLIKAS'));
    expect(header).toBeDefined();
  });
});

describe('layout.reference_docx', () => {
  it('takes the styles, page set-up and first-page letterhead of the reference, byte for byte the same on each build', () => {
    const dir = projectWithReference(new Uint8Array(readFileSync(EXAMPLE_REFERENCE)));
    const run = runCli(['build', EXAMPLE_MEETING], dir);
    expect(run.stderr).toContain('no problems');
    expect(run.status).toBe(0);
    const bytes = new Uint8Array(readFileSync(join(dir, BUILT)));
    const parts = docxParts(bytes);
    const title = /<w:style [^>]*w:styleId="Title"[\s\S]*?<\/w:style>/.exec(part(parts, 'word/styles.xml'))?.[0];
    expect(title).toContain('w:ascii="Arial"');
    expect(title).toContain('<w:color w:val="1F3864"/>');
    const document = part(parts, 'word/document.xml');
    expect(document).toContain('<w:pgMar w:top="1701"');
    // The questions are in the reference's question style; the answers' "1)" items in its sub-item style.
    expect(paragraphStyles(document).filter((id) => id === 'BriefingQuestion')).toHaveLength(3);
    expect(paragraphStyles(document)).toContain('BriefingSubItem');
    const firstHeader = [...parts.entries()].find(([name, xml]) => name.startsWith('word/header') && xml.includes('IZGLĪTĪBAS UN ZINĀTNES MINISTRIJA'));
    expect(firstHeader && paragraphTexts(firstHeader[1])).toEqual(['LATVIJAS REPUBLIKAS', 'IZGLĪTĪBAS UN ZINĀTNES MINISTRIJA', 'Valņu iela 2, Rīga, LV-1050']);

    expect(runCli(['build', EXAMPLE_MEETING, '--force'], dir).status).toBe(0);
    expect(new Uint8Array(readFileSync(join(dir, BUILT)))).toEqual(bytes);
  });

  it('sizes table columns for the font and size of the reference’s table text, not the layout’s (a heading set in the reference’s wider font broke inside its word, “Finansējum” / “s”)', () => {
    const position = 'positions/educ/equity-reforms.yaml';
    const table = '  | Pašvaldība | Skolas | Finansējums |\n  |---|--:|--:|\n  | Pašvaldība ar garu nosaukumu, kurā ir daudz vārdu, kas aizņem vietu | 7 | EUR 12345 |\n\n';
    const files = { [position]: exampleFile(position).replace('body: |\n', `body: |\n${table}`) };
    const columns = (reference: Uint8Array) => {
      const dir = projectWithReference(reference, files);
      expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
      const document = part(docxParts(new Uint8Array(readFileSync(join(dir, BUILT)))), 'word/document.xml');
      return [...(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/.exec(document)?.[1] ?? '').matchAll(/w:w="(\d+)"/g)].map((m) => Number(m[1]));
    };
    const times = columns(starter());
    // The reference's styles in Arial at 13 pt, wider than the layout's Times New Roman at 12 pt.
    const arial = columns(changed(starter(), 'word/styles.xml', (xml) => xml.replaceAll('Times New Roman', 'Arial').replaceAll('<w:sz w:val="24"/>', '<w:sz w:val="26"/>')));
    expect(times).toHaveLength(3);
    expect(arial[2]).toBeGreaterThan(times[2] ?? 0);
    expect(arial[1]).toBeGreaterThan(times[1] ?? 0);
  });

  it('marks the text in the report’s language, whatever language the reference’s Word was set to (Word checks the spelling in it)', () => {
    // A reference saved by an English Word: its document defaults say en-US.
    const english = '<w:lang w:val="en-US" w:eastAsia="en-US" w:bidi="ar-SA"/>';
    const reference = changed(starter(), 'word/styles.xml', (xml) => xml.replace('<w:lang w:val="lv-LV"/>', english));
    const dir = projectWithReference(reference);
    const defaults = (docx: string): string => /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(part(docxParts(new Uint8Array(readFileSync(join(dir, docx)))), 'word/styles.xml'))?.[0] ?? '';
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    expect(defaults(BUILT)).toContain('<w:lang w:val="lv-LV" w:eastAsia="en-US" w:bidi="ar-SA"/>');
    expect(defaults(BUILT)).toContain('<w:rFonts w:ascii="Times New Roman"');
    // The English template sets layout.language en-GB: the reference's defaults said otherwise.
    expect(runCli(['build', EXAMPLE_MEETING, '--template', 'informative-report.en'], dir).status).toBe(0);
    expect(defaults('out/IZMzin_190221_EDUC.informative-report.en.docx')).toContain('<w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/>');
  });

  it('rebuilds when only the reference DOCX changed; the manifest records it, and list says outdated as build decides', () => {
    const first = starter();
    const dir = projectWithReference(first);
    expect(runCli(['build', EXAMPLE_MEETING], dir).stderr).toContain('1 built');
    const manifest = JSON.parse(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.reference_docx).toEqual({ path: 'ref.docx', sha256: createHash('sha256').update(first).digest('hex'), git_blob: gitBlobId(first) });
    // git's own id for the bytes, as `diff --since` looks the file up by it.
    expect(manifest.reference_docx).toMatchObject({ git_blob: spawnSync('git', ['hash-object', 'ref.docx'], { cwd: dir, encoding: 'utf8' }).stdout.trim() });
    const state = () => (JSON.parse(runCli(['list', 'meetings', '--json'], dir).stdout) as { file: string; build: string }[]).find((row) => row.file === EXAMPLE_MEETING)?.build;
    expect(state()).toBe('built');
    writeFileSync(join(dir, 'ref.docx'), readFileSync(EXAMPLE_REFERENCE));
    expect(state()).toBe('outdated');
    expect(runCli(['build', EXAMPLE_MEETING], dir).stderr).toContain('1 built, 0 unchanged');
    expect(state()).toBe('built');
    const parts = docxParts(new Uint8Array(readFileSync(join(dir, BUILT))));
    expect([...parts.values()].some((xml) => xml.includes('IZGLĪTĪBAS UN ZINĀTNES MINISTRIJA'))).toBe(true);
  });

  it('keeps the draft mark of a draft under the letterhead', () => {
    const position = exampleFile('positions/educ/equity-reforms.yaml').replace('status: cleared', 'status: draft');
    const dir = projectWithReference(new Uint8Array(readFileSync(EXAMPLE_REFERENCE)), { 'positions/educ/equity-reforms.yaml': position });
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    const parts = docxParts(new Uint8Array(readFileSync(join(dir, BUILT))));
    const firstHeader = [...parts.values()].find((xml) => xml.includes('IZGLĪTĪBAS UN ZINĀTNES MINISTRIJA')) ?? '';
    expect(paragraphTexts(firstHeader).at(-1)?.trim()).toBe('PROJEKTS');
  });

  it('clears the tab stops the reference’s Header style sets, so a draft’s mark goes to the right edge, not to the style’s stop just after the page number', () => {
    // Word's Header style on a Letter page (and LibreOffice's on its own page) stops at a centre of another width.
    const tabs = changed(starter(), 'word/styles.xml', (xml) =>
      xml.replace('<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="Header"/><w:basedOn w:val="Normal"/><w:pPr>', '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="Header"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4680"/><w:tab w:val="right" w:pos="9360"/></w:tabs>'),
    );
    const position = exampleFile('positions/educ/equity-reforms.yaml').replace('status: cleared', 'status: draft');
    const dir = projectWithReference(tabs, { 'positions/educ/equity-reforms.yaml': position });
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    const parts = docxParts(new Uint8Array(readFileSync(join(dir, BUILT))));
    const headers = [...parts.entries()].filter(([name]) => /^word\/header\d\.xml$/.test(name)).map(([, xml]) => xml);
    expect(headers).toHaveLength(2);
    for (const header of headers) {
      expect(header).toContain('<w:tabs><w:tab w:val="center" w:pos="4536"/><w:tab w:val="clear" w:pos="4680"/><w:tab w:val="right" w:pos="9071"/><w:tab w:val="clear" w:pos="9360"/></w:tabs>');
    }
  });

  it('marks a landscape page of the reference as landscape (Word prints a page by its orientation), and an upright one as portrait', () => {
    const landscape = changed(starter(), 'word/document.xml', (xml) => xml.replace('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>', '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'));
    const sizeOf = (reference: Uint8Array) => {
      const dir = projectWithReference(reference);
      expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
      return /<w:pgSz [^>]*>/.exec(part(docxParts(new Uint8Array(readFileSync(join(dir, BUILT)))), 'word/document.xml'))?.[0];
    };
    expect(sizeOf(landscape)).toBe('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    expect(sizeOf(starter())).toBe('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
  });

  it('puts the reference’s numbering definitions beside ours, their ids moved past ours', () => {
    const dir = projectWithReference(starter());
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    const numbering = part(docxParts(new Uint8Array(readFileSync(join(dir, BUILT)))), 'word/numbering.xml');
    expect(numbering).toContain('w:abstractNumId="1"');
    expect(numbering).toContain('w:abstractNumId="1001"');
    expect(numbering).toContain('<w:abstractNumId w:val="1001"/>');
    // Every abstractNum comes before the first num, as the schema orders them.
    expect(numbering.lastIndexOf('<w:abstractNum ')).toBeLessThan(numbering.search(/<w:num[\s>]/));
  });

  it('warns, at the config’s line, about each style the reference lacks, and uses the built-in one', () => {
    const lacking = changed(starter(), 'word/styles.xml', (xml) => xml.replace(/<w:style [^>]*w:styleId="(BriefingNote|BriefingCode)"[\s\S]*?<\/w:style>/g, ''));
    const dir = projectWithReference(lacking);
    const run = runCli(['build', EXAMPLE_MEETING], dir);
    expect(run.status).toBe(0);
    const line = exampleFile('briefing.config.yaml').split('\n').length;
    expect(run.stderr).toContain(`briefing.config.yaml:${line}:19  warning  The reference DOCX \`ref.docx\` has no style \`BriefingNote\`, \`BriefingCode\`: the built-in ones are used.`);
    expect(run.stderr).toContain('config/reference-style-missing');
    const styles = part(docxParts(new Uint8Array(readFileSync(join(dir, BUILT)))), 'word/styles.xml');
    expect(styles).toContain('w:styleId="BriefingNote"');
  });

  it('warns, at the config’s line, when a header the reports do not take prints something, rather than drop it without a word', () => {
    const name = '<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:t>Izglītības un zinātnes ministrija</w:t></w:r></w:p>';
    const withName = changed(starter(), 'word/header1.xml', (xml) => xml.replace(/(<w:hdr\b[^>]*>)/, `$1${name}`));
    const line = exampleFile('briefing.config.yaml').split('\n').length;
    const afterFirst = runCli(['build', EXAMPLE_MEETING], projectWithReference(withName));
    expect(afterFirst.status).toBe(0);
    expect(afterFirst.stderr).toContain(`briefing.config.yaml:${line}:19  warning  The reference DOCX \`ref.docx\` prints something in the header of the pages after the first (word/header1.xml), which the reports do not take`);
    expect(afterFirst.stderr).toContain('config/reference-header-unused');
    const noFirstPage = changed(withName, 'word/document.xml', (xml) => xml.replace('<w:titlePg/>', ''));
    const everyPage = runCli(['check', EXAMPLE_MEETING], projectWithReference(noFirstPage));
    expect(everyPage.stdout).toContain('prints something in the header of every page (word/header1.xml)');
    // The starter's headers hold only the page number field: nothing to warn about.
    expect(runCli(['build', EXAMPLE_MEETING], projectWithReference(starter())).stderr).not.toContain('config/reference-header-unused');
    // A logo in the body: the hint says where it goes (found by the read-only review: only the first page's header was said).
    const logo = '<w:p><w:r><w:drawing/></w:r></w:p>';
    const inBody = runCli(['build', EXAMPLE_MEETING], projectWithReference(changed(starter(), 'word/document.xml', (xml) => xml.replace(/(<w:body>)/, `$1${logo}`))));
    expect(inBody.stderr).toContain('prints something in the body of the document, a picture or text box (word/document.xml)');
    expect(inBody.stderr).toContain('Move a picture or text box of the body into that header: the reports bring their own body.');
  });

  it('warns, at the config’s line, about a paragraph style of ours the reference defines as a character style (Word ignores it on a paragraph)', () => {
    const wrongType = changed(starter(), 'word/styles.xml', (xml) => xml.replace('<w:style w:type="paragraph" w:styleId="BriefingNote">', '<w:style w:type="character" w:styleId="BriefingNote">'));
    const run = runCli(['build', EXAMPLE_MEETING], projectWithReference(wrongType));
    expect(run.status).toBe(0);
    const line = exampleFile('briefing.config.yaml').split('\n').length;
    expect(run.stderr).toContain(`briefing.config.yaml:${line}:19  warning  The reference DOCX \`ref.docx\` defines \`BriefingNote\` as a character style, not a paragraph style: Word ignores it on the report's paragraphs, which look like Normal.`);
    expect(runCli(['build', EXAMPLE_MEETING], projectWithReference(starter())).stderr).not.toContain('not a paragraph style');
  });

  it('refuses a reference that is missing or not a DOCX, and writes nothing', () => {
    const notZip = projectWithReference(strToU8('not a zip'));
    const run = runCli(['build', EXAMPLE_MEETING], notZip);
    expect(run.status).toBe(1);
    const line = exampleFile('briefing.config.yaml').split('\n').length;
    expect(run.stderr).toContain(`briefing.config.yaml:${line}:19  error  The reference DOCX \`ref.docx\` cannot be used: it is plain text, not a Word document.`);
    expect(run.stderr).toContain('config/reference-docx-unreadable');
    // A zip that is no Word file is told to be saved as one; a Word template (.dotx) is one.
    const workbook = runCli(['build', EXAMPLE_MEETING], projectWithReference(zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') })));
    expect(workbook.stderr).toContain('it has no word/styles.xml, so it is not a Word document. Save it from Word as a Word Document (.docx) or Word Template (.dotx), not as a Word 97–2003 document (.doc).');
    const template = changed(starter(), '[Content_Types].xml', (xml) => xml.replace('wordprocessingml.document.main+xml', 'wordprocessingml.template.main+xml'));
    expect(runCli(['build', EXAMPLE_MEETING], projectWithReference(template))).toMatchObject({ status: 0, stderr: expect.stringContaining('no problems') });
    const config = `${exampleFile('briefing.config.yaml')}  reference_docx: nowhere.docx\n`;
    const missing = runCli(['build', EXAMPLE_MEETING], exampleProject({ 'briefing.config.yaml': config }));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('The reference DOCX `nowhere.docx` cannot be read.');
    expect(missing.stderr).toContain('config/reference-docx-missing');
  });

  it('warns, at the config’s line, when the reference’s page is not the layout’s paper, which it replaces', () => {
    const line = exampleFile('briefing.config.yaml').split('\n').length;
    const letter = changed(starter(), 'word/document.xml', (xml) => xml.replace(/<w:pgSz [^>]*\/>/, '<w:pgSz w:w="12240" w:h="15840" w:orient="portrait"/>'));
    const dir = projectWithReference(letter);
    const run = runCli(['build', EXAMPLE_MEETING], dir);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`briefing.config.yaml:${line}:19  warning  The reference DOCX \`ref.docx\` sets the page to Letter, 216 × 279 mm, not A4 as \`layout.paper\` says (A4 unless set): its page is the one the reports take.`);
    expect(run.stderr).toContain('config/reference-paper');
    expect(part(docxParts(new Uint8Array(readFileSync(join(dir, BUILT)))), 'word/document.xml')).toContain('<w:pgSz w:w="12240" w:h="15840"');
    // Letter named in the config, or A4 either way round, is what was meant.
    const config = exampleFile('briefing.config.yaml').replace('paper: A4 ', 'paper: Letter ');
    expect(config).toContain('paper: Letter');
    expect(runCli(['build', EXAMPLE_MEETING], projectWithReference(letter, { 'briefing.config.yaml': `${config}  reference_docx: ref.docx\n` })).stderr).not.toContain('config/reference-paper');
    const landscape = changed(starter(), 'word/document.xml', (xml) => xml.replace(/<w:pgSz [^>]*\/>/, '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'));
    expect(runCli(['build', EXAMPLE_MEETING], projectWithReference(landscape)).stderr).not.toContain('config/reference-paper');
  });

  it('says that a reference kept in Git LFS is the pointer git left in a clone without LFS, and what to fetch; review and import say it of a DOCX the same', () => {
    // A ministry's repository keeps Word files in Git LFS; a clone where Git LFS is not installed (or a CI checkout without `lfs: true`) holds the pointer.
    const pointer = 'version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 48213\n';
    const dir = projectWithReference(strToU8(pointer), { '.gitattributes': '*.docx filter=lfs diff=lfs merge=lfs -text\n' });
    initRepository(dir);
    expect(git(dir, ['show', 'HEAD:ref.docx'])).toBe(pointer);
    const line = exampleFile('briefing.config.yaml').split('\n').length;
    const run = runCli(['build', EXAMPLE_MEETING], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `briefing.config.yaml:${line}:19  error  The reference DOCX \`ref.docx\` cannot be used: it is a Git LFS pointer, the few lines git keeps in place of a file stored in Git LFS, not the Word document itself: Git LFS did not fetch it into this checkout. Install Git LFS and fetch the files: \`git lfs install\`, then \`git lfs pull\` (in GitHub Actions, actions/checkout with \`lfs: true\`).  config/reference-docx-unreadable`,
    );
    expect(run.stderr).not.toContain('plain text');
    for (const command of [['review', 'ref.docx'], ['import', 'ref.docx']]) {
      const read = runCli(command, dir);
      expect(read.status, command.join(' ')).toBe(1);
      expect(read.stderr).toContain('it is a Git LFS pointer, the few lines git keeps in place of a file stored in Git LFS, not the Word document itself: Git LFS did not fetch it into this checkout.');
      expect(read.stderr).toContain('`git lfs install`, then `git lfs pull`');
    }
  });

  it('says what a reference that is no zip is instead: protected by a password, a .doc, a zip cut short', () => {
    const line = exampleFile('briefing.config.yaml').split('\n').length;
    const compound = (...names: string[]) => {
      const bytes = new Uint8Array(2048);
      bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      names.forEach((name, index) => bytes.set([...name].flatMap((char) => [char.charCodeAt(0), 0]), 1024 + index * 128));
      return bytes;
    };
    const said = (reference: Uint8Array) => {
      const run = runCli(['build', EXAMPLE_MEETING], projectWithReference(reference));
      expect(run.status).toBe(1);
      return run.stderr;
    };
    const encrypted = said(compound('Root Entry', 'EncryptionInfo', 'EncryptedPackage'));
    expect(encrypted).toContain(`briefing.config.yaml:${line}:19  error  The reference DOCX \`ref.docx\` cannot be used: it is protected by a password (encrypted), so briefing cannot read it. Open it in Word, remove the password`);
    expect(said(compound('Root Entry', 'WordDocument'))).toContain('cannot be used: it is a Word 97–2003 document (.doc), whatever its name says. Open it in Word or LibreOffice and save it as a Word document (.docx)');
    expect(said(starter().slice(0, 3000))).toContain('cannot be used: it is a damaged zip, cut short or altered.');
  });

  it('refuses a reference whose styles are not well-formed XML at the config’s line, not as an internal error of the meeting', () => {
    const cut = changed(starter(), 'word/styles.xml', (xml) => xml.slice(0, 3000));
    const run = runCli(['build', EXAMPLE_MEETING], projectWithReference(cut));
    expect(run.status).toBe(1);
    const line = exampleFile('briefing.config.yaml').split('\n').length;
    expect(run.stderr).toContain(`briefing.config.yaml:${line}:19  error  The reference DOCX \`ref.docx\` cannot be used: its word/styles.xml is not well-formed XML (line 1, column 3000: unclosed tag`);
    expect(run.stderr).not.toContain('internal/error');
    expect(run.stderr).not.toContain('has no style');
  });

  // The letterhead and the theme are copied as they are: a part that is not XML made every report one LibreOffice could not
  // open (no PDF) and Word calls damaged, where a DOCX-only build said "no problems".
  it('refuses a reference whose letterhead or theme is not well-formed XML, as its styles', () => {
    const ministry = new Uint8Array(readFileSync(join(REPO, 'examples/ministry-style/izm-reference.docx')));
    const cases: [string, (xml: string) => string, RegExp][] = [
      ['word/header2.xml', (xml) => xml.replace('</w:hdr>', '<w:p><w:r><w:t>A & B</w:t></w:r></w:p></w:hdr>'), /its word\/header2\.xml is not well-formed XML \(line 1, column \d+: /],
      ['word/theme/theme1.xml', (xml) => xml.slice(0, 2000), /its word\/theme\/theme1\.xml is not well-formed XML \(line \d+, column \d+: /],
    ];
    for (const [name, change, said] of cases) {
      const dir = projectWithReference(changed(ministry, name, change));
      const run = runCli(['build', EXAMPLE_MEETING], dir);
      expect(run.status, name).toBe(1);
      expect(run.stderr).toMatch(said);
      expect(readdirSync(dir)).not.toContain('out');
    }
  });

  it('refuses a reference whose page leaves no room for the text, and config margins that do the same', () => {
    const tiny = changed(starter(), 'word/document.xml', (xml) => xml.replace(/<w:pgSz [^>]*\/>/, '<w:pgSz w:w="3000" w:h="3000"/>').replace(/<w:pgMar [^>]*\/>/, '<w:pgMar w:top="2880" w:right="2880" w:bottom="2880" w:left="2880" w:header="0" w:footer="0" w:gutter="0"/>'));
    const run = runCli(['build', EXAMPLE_MEETING], projectWithReference(tiny));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('cannot be used: its page leaves 0 mm for the text; at least 50 mm across and down are needed.');
    const config = exampleFile('briefing.config.yaml').replace(/left: 30\n/, 'left: 100\n').replace(/right: 20\n/, 'right: 100\n');
    const margins = runCli(['check'], exampleProject({ 'briefing.config.yaml': config }));
    expect(margins.status).toBe(1);
    expect(margins.stdout + margins.stderr).toContain('`layout.margins_mm`: the margins leave 10 mm of the A4 page for the text; at least 50 mm across and down are needed.');
  });

  itWithOffice('takes the styles of a reference saved by LibreOffice, which renames some ids (BriefingSubitem, Footnote, InternetLink)', () => {
    const dir = tempDir();
    const original = join(dir, 'ref.docx');
    writeFileSync(original, starter());
    const saved = join(dir, 'lo');
    const resaved = convertWithOffice(original, 'docx:MS Word 2007 XML', saved);
    const styles = part(docxParts(new Uint8Array(readFileSync(resaved))), 'word/styles.xml');
    // As LibreOffice writes them (if a release changes that, this test says so).
    expect(styles).toContain('w:styleId="BriefingSubitem"');
    const project = projectWithReference(new Uint8Array(readFileSync(resaved)));
    const run = runCli(['build', EXAMPLE_MEETING], project);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('config/reference-style-missing');
    const body = part(docxParts(new Uint8Array(readFileSync(join(project, BUILT)))), 'word/document.xml');
    expect(body.match(/w:pStyle w:val="BriefingSubItem"/g)?.length).toBeGreaterThan(0);
    expect(part(docxParts(new Uint8Array(readFileSync(join(project, BUILT)))), 'word/styles.xml')).toContain('w:styleId="FootnoteText"');
  });

  it('copies a letterhead’s logo whose relationship names it from the package root (/word/media/…), as some programs write it', () => {
    const parts = unzipSync(starter());
    const blip = '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="540000" cy="540000"/><wp:docPr id="1" name="Logo"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="1" name="logo.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdLogo"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>';
    parts['word/header2.xml'] = strToU8(new TextDecoder().decode(parts['word/header2.xml']).replace(/(<w:hdr\b[^>]*>)/, `$1${blip}`));
    parts['word/_rels/header2.xml.rels'] = strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdLogo" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="/word/media/logo.png"/></Relationships>');
    parts['word/media/logo.png'] = strToU8('logo bytes');
    const dir = projectWithReference(zipSync(parts));
    const run = runCli(['build', EXAMPLE_MEETING], dir);
    expect(run.stderr).not.toContain('error');
    expect(run.status).toBe(0);
    const built = docxParts(new Uint8Array(readFileSync(join(dir, BUILT))));
    expect(built.get('word/media/reference-header-logo.png')).toBe('logo bytes');
    const rels = [...built].find(([name, text]) => /^word\/_rels\/header\d+\.xml\.rels$/.test(name) && text.includes('reference-header-logo'));
    expect(rels?.[1]).toContain('Target="media/reference-header-logo.png"');
  });

  it('refuses a reference whose letterhead names a picture the file does not have (Word would find every report damaged)', () => {
    const ministry = new Uint8Array(readFileSync(join(REPO, 'examples/ministry-style/izm-reference.docx')));
    const logo = '<w:p><w:r><w:drawing><a:blip xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" r:embed="rIdLogo"/></w:drawing></w:r></w:p></w:hdr>';
    const broken = ['word/header1.xml', 'word/header2.xml'].reduce<Uint8Array>((bytes, name) => changed(bytes, name, (xml) => xml.replace('</w:hdr>', logo)), ministry);
    const run = runCli(['build', EXAMPLE_MEETING], projectWithReference(broken));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/cannot be used: its first-page header \(word\/header\d\.xml\) uses a picture or link rIdLogo that the file does not have/);
    expect(run.stderr).toContain('that the file does not have. Open it in Word, put the picture into the first page’s header again (Insert → Pictures), and save it.');
    expect(run.stderr).not.toContain('not .doc');
    // The example's own letterhead still builds.
    expect(runCli(['build', EXAMPLE_MEETING], projectWithReference(ministry)).status).toBe(0);
  });

  // A reference comes from outside too: a picture its letterhead links to by address would go into every report,
  // and Word and LibreOffice fetch it each time one is opened (LibreOffice did so four times while making the PDF).
  it('refuses a reference whose letterhead shows a picture linked from outside the file; a link to click stays', () => {
    const ministry = new Uint8Array(readFileSync(join(REPO, 'examples/ministry-style/izm-reference.docx')));
    const logo = '<w:p><w:r><w:drawing><a:blip xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" r:link="rIdLogo"/></w:drawing></w:r></w:p></w:hdr>';
    const relationship = (type: string) =>
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdLogo" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="http://example.org/logo.png" TargetMode="External"/></Relationships>`;
    const linked = (type: string) =>
      ['word/header1.xml', 'word/header2.xml'].reduce<Uint8Array>((bytes, name) => {
        const parts = unzipSync(changed(bytes, name, (xml) => xml.replace('</w:hdr>', logo)));
        parts[`word/_rels/${name.slice(5)}.rels`] = strToU8(relationship(type));
        return zipSync(parts, { mtime: new Date(1980, 0, 1, 12, 0, 0) });
      }, ministry);
    const dir = projectWithReference(linked('image'));
    const run = runCli(['build', EXAMPLE_MEETING], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/cannot be used: its first-page header \(word\/header\d\.xml\) shows a picture from outside the file, http:\/\/example\.org\/logo\.png, which Word and LibreOffice would fetch from there whenever a report is opened\./);
    expect(run.stderr).toContain('Open it in Word, insert the picture into the first page’s header from a file (Insert → Pictures → This Device, then Insert, not Link to File), and save it.');
    expect(readdirSync(dir)).not.toContain('out');
    // A hyperlink is followed only when clicked: the ministry's web address in its letterhead is kept.
    const link = projectWithReference(linked('hyperlink'));
    expect(runCli(['build', EXAMPLE_MEETING], link).status).toBe(0);
    const built = docxParts(new Uint8Array(readFileSync(join(link, BUILT))));
    expect([...built.values()].some((text) => text.includes('Target="http://example.org/logo.png" TargetMode="External"'))).toBe(true);
  });

  // An embedded object in the letterhead goes into every report the ministry sends. A Packager object (ProgID Package) is
  // a file of any kind, an .exe or a script too, that a reader opens or runs with a double click; a drawing (Visio, Paint) is taken.
  it('refuses a reference whose letterhead holds a file embedded as a Packager object; another embedded object is taken', () => {
    const ministry = new Uint8Array(readFileSync(join(REPO, 'examples/ministry-style/izm-reference.docx')));
    const embedded = (progId: string) => {
      const object = `<w:p><w:r><w:object><v:shape id="_x0000_i1025" type="#_x0000_t75" style="width:60pt;height:40pt"><v:imagedata r:id="rIdIcon" o:title=""/></v:shape><o:OLEObject Type="Embed" ProgID="${progId}" ShapeID="_x0000_i1025" DrawAspect="Icon" ObjectID="_1700000000" r:id="rIdObject"/></w:object></w:r></w:p></w:hdr>`;
      const parts = unzipSync(changed(ministry, 'word/header2.xml', (xml) => xml.replace('</w:hdr>', object)));
      parts['word/_rels/header2.xml.rels'] = strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdIcon" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image1.emf"/><Relationship Id="rIdObject" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/oleObject" Target="embeddings/oleObject1.bin"/></Relationships>',
      );
      parts['word/media/image1.emf'] = strToU8('icon');
      parts['word/embeddings/oleObject1.bin'] = strToU8('object');
      return zipSync(parts, { mtime: new Date(1980, 0, 1, 12, 0, 0) });
    };
    const dir = projectWithReference(embedded('Package'));
    const run = runCli(['build', EXAMPLE_MEETING], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'cannot be used: its first-page header (word/header2.xml) holds a file embedded as a Packager object (ProgID Package), which every report would carry and a reader could open, or run, with a double click. Open it in Word, delete that object from the first page’s header (put a picture in its place if one is needed), and save it.',
    );
    expect(readdirSync(dir)).not.toContain('out');
    const drawing = projectWithReference(embedded('Visio.Drawing.15'));
    expect(runCli(['build', EXAMPLE_MEETING], drawing).status).toBe(0);
    expect(docxParts(new Uint8Array(readFileSync(join(drawing, BUILT)))).get('word/media/reference-header-oleObject1.bin')).toBe('object');
  });

  // Word updates a header's fields as it lays the page out: one that fetches a picture or text from an address, or asks
  // another program for data (DDE), would do so in every report. LibreOffice fetched nothing; Word is the reports' reader.
  it('refuses a reference whose letterhead has a field that fetches from outside or starts a program; a page number or property stays', () => {
    const ministry = new Uint8Array(readFileSync(join(REPO, 'examples/ministry-style/izm-reference.docx')));
    const complex = (instruction: string) =>
      `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${instruction.slice(0, 9)}</w:instrText></w:r><w:r><w:instrText xml:space="preserve">${instruction.slice(9)} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>x</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>`;
    const simple = (instruction: string) => `<w:p><w:fldSimple w:instr=" ${instruction.replaceAll('"', '&quot;')} "><w:r><w:t>x</w:t></w:r></w:fldSimple></w:p></w:hdr>`;
    const said = (field: string) => {
      const run = runCli(['build', EXAMPLE_MEETING], projectWithReference(changed(ministry, 'word/header2.xml', (xml) => xml.replace('</w:hdr>', field))));
      return { status: run.status, stderr: run.stderr };
    };
    expect(said(complex('INCLUDEPICTURE "http://example.org/p.png" \\d'))).toMatchObject({
      status: 1,
      stderr: expect.stringContaining(
        'cannot be used: its first-page header (word/header2.xml) has an INCLUDEPICTURE field, which fetches from outside the file or asks another program, and Word would do so in every report as it updates the field. Open it in Word, delete the field from the first page’s header (a picture: insert it from a file; a text: type it), and save it.',
      ),
    });
    expect(said(simple('DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc.exe"')).stderr).toContain('has a DDEAUTO field');
    expect(said(simple('INCLUDETEXT "\\\\\\\\server\\\\share\\\\a.docx"')).stderr).toContain('has an INCLUDETEXT field');
    // A nested field is a field too: an IF whose result is a picture fetched from an address.
    expect(said(complex('IF 1 = 1 "x" "y"').replace('<w:r><w:fldChar w:fldCharType="separate"/>', '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>LINK Excel.Sheet.12 "a.xlsx" ""</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:fldChar w:fldCharType="separate"/>')).stderr).toContain('has a LINK field');
    expect(said(complex('PAGE \\* Arabic')).status).toBe(0);
    expect(said(simple('DOCPROPERTY Link')).status).toBe(0);
  });

  // Word allows no document type declaration in a DOCX, and LibreOffice refuses to open one: copied with the letterhead,
  // it made every report damaged (and its PDF failed), where the build said "no problems".
  it('refuses a reference whose letterhead, styles or theme declare a document type (<!DOCTYPE …>)', () => {
    const ministry = new Uint8Array(readFileSync(join(REPO, 'examples/ministry-style/izm-reference.docx')));
    const declared = (name: string, root: string) =>
      changed(ministry, name, (xml) => xml.replace('?>', `?><!DOCTYPE ${root} [<!ENTITY outside SYSTEM "file:///etc/hostname">]>`));
    for (const [name, root] of [['word/header2.xml', 'w:hdr'], ['word/styles.xml', 'w:styles'], ['word/theme/theme1.xml', 'a:theme']] as const) {
      const dir = projectWithReference(declared(name, root));
      const run = runCli(['build', EXAMPLE_MEETING], dir);
      expect(run.status, name).toBe(1);
      expect(run.stderr).toContain(`cannot be used: its ${name} declares a document type (<!DOCTYPE …>), which Word does not allow in a DOCX and LibreOffice refuses to open.`);
      expect(readdirSync(dir)).not.toContain('out');
    }
  });

  it('refuses a reference outside the project folder, as it refuses other paths there', () => {
    const outside = tempDir();
    writeFileSync(join(outside, 'ref.docx'), starter());
    for (const path of [join(outside, 'ref.docx'), '../ref.docx']) {
      const dir = exampleProject({ 'briefing.config.yaml': `${exampleFile('briefing.config.yaml')}  reference_docx: ${path}\n` });
      if (path.startsWith('..')) writeFileSync(join(dir, '..', 'ref.docx'), starter());
      const run = runCli(['build', EXAMPLE_MEETING], dir);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`The reference DOCX \`${path}\` lies outside the project folder; it is not read.`);
      expect(run.stderr).toContain('config/path-outside-project');
    }
  });

  it('refuses a reference named by an absolute path, even into the project: the config is shared, the path is one machine’s', () => {
    const dir = exampleProject();
    writeFileSync(join(dir, 'ref.docx'), starter());
    writeFileSync(join(dir, 'briefing.config.yaml'), `${exampleFile('briefing.config.yaml')}  reference_docx: ${join(dir, 'ref.docx')}\n`);
    const run = runCli(['build', EXAMPLE_MEETING], dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`The reference DOCX \`${join(dir, 'ref.docx')}\` is an absolute path; it is not read.`);
    writeFileSync(join(dir, 'briefing.config.yaml'), `${exampleFile('briefing.config.yaml')}  reference_docx: ref.docx\n`);
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
  });

  it('takes a reference DOCX named in a template’s front matter, for reports of that template only', () => {
    const template = readFileSync(join(REPO, 'templates/informative-report.lv.md.hbs'), 'utf8');
    const partials = Object.fromEntries(['draft-banner', 'signature'].map((name) => [`templates/partials/${name}.hbs`, readFileSync(join(REPO, `templates/partials/${name}.hbs`), 'utf8')]));
    const dir = exampleProject({ 'templates/house.md.hbs': `---\nlayout: { reference_docx: ref.docx }\n---\n${template}`, ...partials });
    writeFileSync(join(dir, 'ref.docx'), readFileSync(EXAMPLE_REFERENCE));
    expect(runCli(['build', EXAMPLE_MEETING, '--template', 'house'], dir).status).toBe(0);
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    const own = part(docxParts(new Uint8Array(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.house.docx')))), 'word/styles.xml');
    const plain = part(docxParts(new Uint8Array(readFileSync(join(dir, BUILT)))), 'word/styles.xml');
    expect(own).toContain('1F3864');
    expect(plain).not.toContain('1F3864');
  });

  itWithOffice('opens in LibreOffice with the letterhead on the first page', () => {
    const dir = projectWithReference(new Uint8Array(readFileSync(EXAMPLE_REFERENCE)));
    expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
    const pdf = convertWithOffice(join(dir, BUILT), 'pdf', dir);
    const text = spawnSync('pdftotext', ['-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
    if (text.status !== 0) return;
    expect(text.stdout).toContain('IZGLĪTĪBAS UN ZINĀTNES MINISTRIJA');
    expect(text.stdout).toContain('Informatīvais ziņojums par');
  });
});
