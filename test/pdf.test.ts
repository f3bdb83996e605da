import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { build } from '../src/commands/build.js';
import { convertToPdf, REPORTS_PER_OFFICE_RUN } from '../src/pdf/convert.js';
import { officePipes, temporaryFolder } from '../src/pdf/run-folder.js';
import { findOffice } from '../src/pdf/office.js';
import { officeIdentity } from '../src/pdf/office-identity.js';
import { itWithOffice } from './helpers/docx.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject, REPO, runCli, tempDir } from './helpers/project.js';
import { isRecord } from '../src/util/record.js';

/** The text of a PDF and its page sizes in points, read by poppler's tools. */
function readPdf(file: string) {
  const info = execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' });
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  return { info, text };
}

describe('briefing build --format pdf', () => {
  it('without LibreOffice writes the other formats, no PDF, and says what to install (exit 1)', async () => {
    const out = tempDir();
    const result = await build({ cwd: exampleProject(), inputs: [EXAMPLE_MEETING], out, final: false, formats: ['md', 'docx', 'pdf'], office: null });
    expect(result.exitCode).toBe(1);
    expect(result.diagnostics.map((d) => [d.file, d.ruleId])).toEqual([['--format pdf', 'output/no-office']]);
    expect(result.diagnostics[0]?.hint).toContain('apt-get install libreoffice-writer-nogui');
    expect(existsSync(join(out, 'IZMzin_190221_EDUC.md'))).toBe(true);
    expect(existsSync(join(out, 'IZMzin_190221_EDUC.docx'))).toBe(true);
    expect(existsSync(join(out, 'IZMzin_190221_EDUC.pdf'))).toBe(false);
  });

  it('without LibreOffice, when only the PDF was asked for, builds nothing and says so (exit 2): no meeting "built" with no file', async () => {
    const out = tempDir();
    const result = await build({ cwd: exampleProject(), inputs: [EXAMPLE_MEETING], out, final: false, formats: ['pdf'], office: null });
    expect(result.exitCode).toBe(2);
    expect(result.meetings).toEqual([]);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'No PDF written: LibreOffice is not installed (no soffice or libreoffice on PATH, nor where its installers put it); the PDF was the only format asked for, so nothing was built.',
    ]);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('without LibreOffice, when only the PDF was asked for, still names the inputs that are not meetings', async () => {
    const out = tempDir();
    const result = await build({ cwd: exampleProject(), inputs: [EXAMPLE_MEETING, 'meetings/2021-02-30-missing.yaml'], out, final: false, formats: ['pdf'], office: null });
    expect(result.exitCode).toBe(2);
    expect(result.diagnostics.map((d) => [d.file, d.ruleId])).toEqual([
      ['--format pdf', 'output/no-office'],
      ['meetings/2021-02-30-missing.yaml', 'input/not-found'],
    ]);
  });

  it('says which temporary folder cannot hold the report when TMPDIR is not there, is a file or is under one (no internal error), and writes nothing', async () => {
    const office = join(tempDir(), 'soffice');
    writeFileSync(office, '#!/bin/sh\nexit 1\n');
    chmodSync(office, 0o755);
    const usual = process.env['TMPDIR'];
    for (const [missing, why] of [
      [join(tempDir(), 'gone'), 'there is no such folder'],
      [join(REPO, 'package.json', 'tmp'), 'there is no such folder'],
      // It said "there is no such folder" of a file that is there.
      [join(REPO, 'package.json'), 'it is a file, not a folder'],
      // A folder where no folder can be made (sysfs: EPERM for root, EACCES for anyone else, EROFS where it is mounted read-only).
      ...(existsSync('/sys/fs') ? [['/sys/fs', 'it cannot be written']] : []),
      // Links that point at each other: it said the bare code, "…: ELOOP".
      [loopedLink(), 'a symbolic link on its way leads back to itself'],
    ]) {
      const out = tempDir();
      const project = exampleProject();
      process.env['TMPDIR'] = missing;
      try {
        const result = await build({ cwd: project, inputs: [EXAMPLE_MEETING], out, final: false, formats: ['md', 'pdf'], office });
        expect(result.exitCode).toBe(1);
        expect(result.diagnostics.map((d) => [d.file, d.ruleId, d.message, d.hint])).toEqual([
          [EXAMPLE_MEETING, 'output/pdf', `LibreOffice (${office}) could not make the PDF: the temporary folder ${missing} cannot hold the report while it is converted: ${why}.`, 'Set TMPDIR to a folder that exists and can be written (or unset it) and build again.'],
        ]);
      } finally {
        if (usual === undefined) delete process.env['TMPDIR'];
        else process.env['TMPDIR'] = usual;
      }
      expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    }
  });

  it('names the LibreOffice that failed, and says how to run it on the DOCX, which the failed build did not write', async () => {
    const office = join(tempDir(), 'soffice');
    writeFileSync(office, '#!/bin/sh\necho "boom" >&2\nexit 1\n');
    chmodSync(office, 0o755);
    const out = tempDir();
    const result = await build({ cwd: exampleProject(), inputs: [EXAMPLE_MEETING], out, final: false, formats: ['docx', 'pdf'], office });
    expect(result.diagnostics.map((d) => [d.ruleId, d.message, d.hint])).toEqual([
      ['output/pdf', `LibreOffice (${office}) could not make the PDF: boom.`, `Build the DOCX alone (--format docx) and run \`${office} --headless --convert-to pdf IZMzin_190221_EDUC.docx\` in the output folder to see why.`],
    ]);
    expect(readdirSync(out)).toEqual([]);
  });

  it('quotes a LibreOffice whose path has a space in the command the hint gives, so that a shell runs it', async () => {
    const folder = join(tempDir(), 'Libre Office');
    mkdirSync(folder);
    const office = join(folder, 'soffice');
    writeFileSync(office, '#!/bin/sh\necho "boom" >&2\nexit 1\n');
    chmodSync(office, 0o755);
    const result = await build({ cwd: exampleProject(), inputs: [EXAMPLE_MEETING], out: tempDir(), final: false, formats: ['docx', 'pdf'], office });
    expect(result.diagnostics.map((d) => d.hint)).toEqual([`Build the DOCX alone (--format docx) and run \`'${office}' --headless --convert-to pdf IZMzin_190221_EDUC.docx\` in the output folder to see why.`]);
  });

  itWithOffice('a build stopped with Ctrl-C (or SIGTERM) while LibreOffice converts leaves no conversion folder behind, on the main thread or on worker threads', async () => {
    const meetings = Object.fromEntries(
      [1, 2, 3, 4, 5, 6, 7].map((n) => [`meetings/2021-02-1${n}-copy.yaml`, exampleFile(EXAMPLE_MEETING).replace('file_code: IZMzin_190221_EDUC', `file_code: IZMzin_190221_EDUC${n}`)]),
    );
    const dir = exampleProject(meetings);
    // Eight meetings on two threads: a worker's office stopped by the main thread's signal handler was
    // taken for a failed run, each report converted again on its own, and that office left its folder.
    for (const [signal, jobs] of [['SIGINT', '1'], ['SIGTERM', '1'], ['SIGINT', '2'], ['SIGTERM', '2']] as const) {
      const child = spawn(process.execPath, [join(REPO, 'bin/briefing.js'), 'build', '--all', '--force', '--format', 'docx,pdf', '--jobs', jobs], { cwd: dir, stdio: 'ignore' });
      const prefix = `briefing-pdf-${child.pid}-`;
      const folders = () => readdirSync(tmpdir()).filter((name) => name.startsWith(prefix));
      // Stopped while a run of several reports is converting (a run of one is not tried again): its folder is there.
      const converting = () => folders().some((name) => existsSync(join(tmpdir(), name, 'report-2.docx')));
      for (let waited = 0; !converting() && waited < 60_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(converting()).toBe(true);
      const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, got) => resolve(got)));
      child.kill(signal);
      expect(await ended).toBe(signal);
      expect(folders()).toEqual([]);
      // A SIGTERM reaches briefing alone: the LibreOffice it started is stopped too, or it
      // would go on converting and write its profile into the removed folder again.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(folders()).toEqual([]);
      expect(officesWithProfile(prefix)).toEqual([]);
    }
  });

  itWithOffice('writes an A4 PDF with the report’s text, listed in the manifest; PDF/A-2b when the config asks', async () => {
    const config = `${exampleFile('briefing.config.yaml').replace('formats: [md, docx]', 'formats: [md, pdf]')}pdf_a: true\n`;
    const project = exampleProject({ 'briefing.config.yaml': config });
    const out = tempDir();
    const result = await build({ cwd: project, inputs: [EXAMPLE_MEETING], out, final: false });
    expect(result.diagnostics).toEqual([]);
    expect(readdir(out)).toEqual(['IZMzin_190221_EDUC.manifest.json', 'IZMzin_190221_EDUC.md', 'IZMzin_190221_EDUC.pdf']);
    const pdf = readPdf(join(out, 'IZMzin_190221_EDUC.pdf'));
    expect(pdf.text).toContain('Informatīvais ziņojums par');
    expect(pdf.text).toContain('Vīza: valsts sekretāre');
    expect(pdf.info).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    const sizes = execFileSync('pdfinfo', ['-f', '1', '-l', '99', join(out, 'IZMzin_190221_EDUC.pdf')], { encoding: 'utf8' }).match(/Page +\d+ size: .*/g) ?? [];
    expect(sizes.length).toBeGreaterThan(0);
    for (const size of sizes) expect(size).toContain('(A4)');
    const manifest: unknown = JSON.parse(readFileSync(join(out, 'IZMzin_190221_EDUC.manifest.json'), 'utf8'));
    expect(JSON.stringify(manifest)).toContain('IZMzin_190221_EDUC.pdf');
  });

  itWithOffice('writes the same PDF bytes on every build, in any time zone, dated as the DOCX is (LibreOffice stamped the time of the conversion), PDF/A too', async () => {
    for (const pdfA of [false, true]) {
      const config = `${exampleFile('briefing.config.yaml').replace('formats: [md, docx]', 'formats: [md, pdf]')}pdf_a: ${pdfA}\n`;
      const project = exampleProject({ 'briefing.config.yaml': config });
      const built = (timeZone: string, more: Record<string, string> = {}) => {
        const cli = runCli(['build', EXAMPLE_MEETING, '--force'], project, { TZ: timeZone, ...more });
        expect(cli.status, cli.stderr).toBe(0);
        const file = join(project, 'out', 'IZMzin_190221_EDUC.pdf');
        return { bytes: readFileSync(file), info: execFileSync('pdfinfo', ['-isodates', file], { encoding: 'utf8' }), xmp: execFileSync('pdfinfo', ['-meta', file], { encoding: 'utf8' }) };
      };
      const first = built('UTC');
      // A second later, elsewhere: LibreOffice wrote the local time with its offset, and an /ID made of it.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const second = built('America/New_York');
      expect(second.bytes.equals(first.bytes)).toBe(true);
      // The meeting's document date, as the DOCX and the manifest have it.
      expect(first.info).toMatch(/^CreationDate: +2021-02-17T00:00:00Z$/m);
      if (pdfA) expect(first.xmp).toContain('<xmp:CreateDate>2021-02-17T00:00:00Z</xmp:CreateDate>');
      expect(built('UTC', { SOURCE_DATE_EPOCH: '1613736000' }).info).toMatch(/^CreationDate: +2021-02-19T12:00:00Z$/m);
    }
    // Six conversions by LibreOffice: 62 s on a machine at a load average of 13, past the usual minute.
  }, 240_000);

  itWithOffice('declares the report’s language, not the machine’s: under a Japanese or Arabic locale the PDF said it was in that language', () => {
    const project = exampleProject();
    /** The language the PDF's catalog declares, and how many of its parts declare one of their own. */
    const language = (locale: string) => {
      const cli = runCli(['build', EXAMPLE_MEETING, '--format', 'pdf', '--force'], project, { LANG: locale, LC_ALL: locale });
      expect(cli.status, cli.stderr).toBe(0);
      const pdf = readFileSync(join(project, 'out', 'IZMzin_190221_EDUC.pdf'));
      return { bytes: pdf, catalog: /\/Type\s*\/Catalog[^]*?\/Lang\s*\(([^)]*)\)/.exec(pdf.toString('latin1'))?.[1], languages: pdf.toString('latin1').match(/\/Lang\s*\(/g)?.length };
    };
    const usual = language('C.UTF-8');
    expect(usual.catalog).toBe('lv-LV');
    for (const locale of ['ja_JP.UTF-8', 'ar_SA.UTF-8']) {
      const built = language(locale);
      expect({ locale, catalog: built.catalog, languages: built.languages }).toEqual({ locale, catalog: 'lv-LV', languages: 1 });
      expect(built.bytes.equals(usual.bytes)).toBe(true);
    }
  });

  itWithOffice('warns when the PDF is set in a font the DOCX does not name, one LibreOffice put in for a font it lacks (the PDF is still written)', async () => {
    const config = exampleFile('briefing.config.yaml').replace('font: Times New Roman', 'font: Nonexistent Serif');
    const out = tempDir();
    const result = await build({ cwd: exampleProject({ 'briefing.config.yaml': config }), inputs: [EXAMPLE_MEETING], out, final: false, formats: ['pdf'] });
    const warned = result.diagnostics.filter((d) => d.ruleId === 'output/pdf-font');
    expect(warned).toHaveLength(1);
    expect(warned[0]?.file).toBe(EXAMPLE_MEETING);
    expect(warned[0]?.message).toMatch(/^The PDF is set partly in \S+, which the DOCX does not name: LibreOffice put it in for a font it does not have on this machine/);
    expect(warned[0]?.hint).toContain('Nonexistent Serif');
    expect(readdir(out)).toContain('IZMzin_190221_EDUC.pdf');
  });

  itWithOffice('builds a report whose PDF lacked a font again once the font is installed, rather than skipping it as unchanged and asking for the font again', () => {
    const project = exampleProject();
    // This machine without Liberation Serif, which stands in for Times New Roman: LibreOffice puts another font in.
    const withoutLiberation = join(tempDir(), 'fonts.conf');
    writeFileSync(
      withoutLiberation,
      '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n' +
        '  <selectfont><rejectfont><pattern><patelt name="family"><string>Liberation Serif</string></patelt></pattern></rejectfont></selectfont>\n</fontconfig>\n',
    );
    const run = (env: Record<string, string>) => {
      const cli = runCli(['build', EXAMPLE_MEETING, '--format', 'md,pdf', '--json'], project, env);
      const report: unknown = JSON.parse(cli.stdout);
      const meeting = isRecord(report) && Array.isArray(report['meetings']) ? report['meetings'][0] : undefined;
      const messages = isRecord(meeting) && Array.isArray(meeting['messages']) ? meeting['messages'] : [];
      return { status: isRecord(meeting) ? meeting['status'] : undefined, rules: messages.map((m: unknown) => (isRecord(m) ? m['ruleId'] : undefined)) };
    };
    expect(run({ FONTCONFIG_FILE: withoutLiberation })).toEqual({ status: 'built', rules: ['output/pdf-font'] });
    // The font installed: no input changed, but the PDF would now be set in it.
    expect(run({})).toEqual({ status: 'built', rules: [] });
    expect(run({})).toEqual({ status: 'unchanged', rules: [] });
  });

  itWithOffice('warns, at the field in its file, of characters no font on the machine has, which the PDF shows as blank space (emoji, and CJK when no CJK font is installed)', async () => {
    const position = 'positions/educ/equity-reforms.yaml';
    const text = exampleFile(position).replace('body: |\n  Latvijas rīcību', 'body: |\n  Labi 👍 un 你好. Latvijas rīcību');
    // A plain field of the meeting, printed by the template: at its place in the meeting's file.
    const meeting = exampleFile(EXAMPLE_MEETING).replace('topic: Vienlīdzīga', 'topic: 🎓 Vienlīdzīga');
    const out = tempDir();
    const result = await build({ cwd: exampleProject({ [position]: text, [EXAMPLE_MEETING]: meeting }), inputs: [EXAMPLE_MEETING], out, final: false, formats: ['pdf'] });
    const warned = result.diagnostics.filter((d) => d.ruleId === 'output/pdf-glyph');
    expect(warned.map((d) => [d.file, d.line, d.column])).toEqual([
      [EXAMPLE_MEETING, 25, 8],
      [position, 17, 8],
    ]);
    expect(warned[0]?.message).toMatch(/^The PDF shows 🎓 \(U\+1F393\) as blank space or an empty box/);
    warned.shift();
    // Only what no font has: Latvian letters, and the PDF's other text, are drawn.
    const emoji = warned[0]?.message.match(/The PDF shows (.*) in `body` as blank space or an empty box/)?.[1] ?? '';
    expect(emoji.startsWith('👍 (U+1F44D)')).toBe(true);
    expect(emoji).not.toMatch(/Labi|Latvijas|ī/);
    const cjk = execFileSync('fc-list', [':charset=4f60'], { encoding: 'utf8' }).trim() === '';
    expect(emoji.includes('你 (U+4F60), 好 (U+597D)')).toBe(cjk);
    expect(warned[0]?.hint).toContain('fonts-noto-color-emoji');
    expect(readdir(out)).toContain('IZMzin_190221_EDUC.pdf');
    // A PDF with every character drawn is said nothing of.
    const plain = await build({ cwd: exampleProject(), inputs: [EXAMPLE_MEETING], out: tempDir(), final: false, formats: ['pdf'] });
    expect(plain.diagnostics.filter((d) => d.ruleId === 'output/pdf-glyph')).toEqual([]);
  });

  itWithOffice('sets the lines as Word sets single spacing, not exactly the font size apart (the DOCX says the line rule)', async () => {
    const out = tempDir();
    const result = await build({ cwd: exampleProject(), inputs: [EXAMPLE_MEETING], out, final: false, formats: ['pdf'] });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const boxes = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', join(out, 'IZMzin_190221_EDUC.pdf'), '-'], { encoding: 'utf8' });
    const tops = [...new Set([...boxes.matchAll(/yMin="([\d.]+)"/g)].map((match) => Number(match[1]).toFixed(1)))].map(Number).sort((a, b) => a - b);
    const gaps = tops.slice(1).map((top, index) => Math.round((top - (tops[index] ?? 0)) * 10) / 10);
    const counts = new Map<number, number>();
    for (const gap of gaps) counts.set(gap, (counts.get(gap) ?? 0) + 1);
    const [usual] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [0];
    // Times New Roman 12 pt at single spacing: about 13.8 pt from line to line; exactly 12 pt without the rule.
    expect(usual).toBeGreaterThan(13.3);
    expect(usual).toBeLessThan(14.3);
  });

  itWithOffice('converts the meetings of a batch side by side on two threads, several reports in each run of LibreOffice, each to its own PDF', async () => {
    const codes = Array.from({ length: 8 }, (_, index) => `IZMzin_190221_P${index}`);
    const meetings = Object.fromEntries(
      codes.map((code, index) => [`meetings/2021-02-19-p${index}.yaml`, exampleFile(EXAMPLE_MEETING).replace('file_code: IZMzin_190221_EDUC', `file_code: ${code}`)]),
    );
    const project = exampleProject(meetings);
    rmSync(join(project, EXAMPLE_MEETING));
    // The real office, through a script that notes how many reports each run is given.
    const dir = tempDir();
    const office = join(dir, 'soffice');
    writeFileSync(office, `#!/bin/sh\nn=0; for a in "$@"; do case "$a" in *.docx) n=$((n+1));; esac; done\necho $n >> ${join(dir, 'runs.log')}\nexec ${findOffice(process.env['PATH'])} "$@"\n`);
    chmodSync(office, 0o755);
    for (const jobs of [2, 1]) {
      rmSync(join(dir, 'runs.log'), { force: true });
      const out = tempDir();
      const result = await build({ cwd: project, inputs: [], all: true, out, final: false, formats: ['pdf'], jobs, force: true, office });
      expect(result.diagnostics).toEqual([]);
      expect(result.threads).toBe(jobs === 2 ? 2 : 0);
      // Each PDF is its own meeting's report (the file code is printed on its pages).
      for (const code of codes) expect(readPdf(join(out, `${code}.pdf`)).text).toContain(code);
      const runs = readFileSync(join(dir, 'runs.log'), 'utf8').trim().split('\n').map(Number);
      expect(runs.reduce((sum, each) => sum + each, 0)).toBe(codes.length);
      // A thread gathers the meetings it builds while its office starts: at most two runs each, not eight in all.
      expect(runs.length).toBeLessThanOrEqual(jobs * 2);
    }
  });
});

/** The command lines of running processes whose LibreOffice profile is in a folder of `prefix` (read from /proc). */
function officesWithProfile(prefix: string): string[] {
  const lines: string[] = [];
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const line = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (line.includes(prefix) && running(Number(entry))) lines.push(line);
    } catch {
      // Ended meanwhile.
    }
  }
  return lines;
}

/** Whether a process still runs (a killed one may linger as a zombie until something reaps it). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/^\d+ \(.*\) Z/.test(stat);
}

function readdir(folder: string): string[] {
  return execFileSync('ls', [folder], { encoding: 'utf8' }).trim().split('\n');
}

describe('findOffice', () => {
  it('finds the newest of libreoffice.org’s own Linux installs (/opt/libreoffice24.8, not on PATH) before the usual places', () => {
    const opt = tempDir();
    for (const version of ['7.6', '24.8', '24.2', '7.10']) {
      mkdirSync(join(opt, `libreoffice${version}`, 'program'), { recursive: true });
      writeFileSync(join(opt, `libreoffice${version}`, 'program', 'soffice'), '', { mode: 0o755 });
    }
    mkdirSync(join(opt, 'libreoffice-backup', 'program'), { recursive: true });
    writeFileSync(join(opt, 'libreoffice-backup', 'program', 'soffice'), '', { mode: 0o755 });
    expect(findOffice('', opt)).toBe(join(opt, 'libreoffice24.8', 'program', 'soffice'));
    // One on PATH still comes first.
    const bin = tempDir();
    writeFileSync(join(bin, 'soffice'), '', { mode: 0o755 });
    expect(findOffice(bin, opt)).toBe(join(bin, 'soffice'));
  });

  it('passes over a folder named soffice and a soffice that may not be run, as the shell does, for the LibreOffice further down PATH', () => {
    const [folder, notRunnable, real] = [tempDir(), tempDir(), tempDir()];
    mkdirSync(join(folder, 'soffice'));
    writeFileSync(join(notRunnable, 'soffice'), '#!/bin/sh\n', { mode: 0o644 });
    writeFileSync(join(real, 'libreoffice'), '#!/bin/sh\n', { mode: 0o755 });
    expect(findOffice([folder, notRunnable, real].join(delimiter), tempDir())).toBe(join(real, 'libreoffice'));
  });
});

describe('officeIdentity', () => {
  it('tells a snap of LibreOffice refreshed to another revision from the one before, though /snap/bin/libreoffice leads to the snap launcher both times', () => {
    const root = tempDir();
    mkdirSync(join(root, 'usr/bin'), { recursive: true });
    writeFileSync(join(root, 'usr/bin/snap'), '#!/bin/sh\n', { mode: 0o755 });
    mkdirSync(join(root, 'snap/bin'), { recursive: true });
    symlinkSync(join(root, 'usr/bin/snap'), join(root, 'snap/bin/libreoffice'));
    for (const revision of ['311', '312']) mkdirSync(join(root, 'snap/libreoffice', revision), { recursive: true });
    symlinkSync('311', join(root, 'snap/libreoffice/current'));
    const office = join(root, 'snap/bin/libreoffice');
    const before = officeIdentity(office, join(root, 'snap'));
    expect(officeIdentity(office, join(root, 'snap'))).toBe(before);
    rmSync(join(root, 'snap/libreoffice/current'));
    symlinkSync('312', join(root, 'snap/libreoffice/current'));
    expect(officeIdentity(office, join(root, 'snap'))).not.toBe(before);
  });
});

describe('convertToPdf', () => {
  /**
   * A stand-in for soffice: notes each run (its profile and how many reports it was given) and, for
   * each report, writes a "PDF" holding the report's own bytes where LibreOffice would, except for a
   * report whose bytes are `bad`: for that one it writes nothing, or (`failRun`) the whole run fails.
   */
  function fakeOffice(options: { failRun?: boolean } = {}) {
    const dir = tempDir();
    const log = join(dir, 'runs.log');
    const fake = join(dir, 'soffice');
    writeFileSync(
      fake,
      `#!/bin/sh
profile=""; reports=0
for a in "$@"; do case "$a" in -env:UserInstallation=*) profile="$a";; *.docx) reports=$((reports+1));; esac; done
echo "$reports $profile $TMPDIR $TMP $TEMP" >> ${log}
for a in "$@"; do case "$a" in *.docx)
  if [ "$(cat "$a")" = bad ]; then ${options.failRun ? 'echo "Error: source file could not be loaded" >&2; exit 1' : 'if [ $reports = 1 ]; then echo "Error: source file could not be loaded" >&2; exit 1; fi; continue'}; fi
  printf '%%PDF-' > "\${a%.docx}.pdf"; cat "$a" >> "\${a%.docx}.pdf"; echo '%%EOF' >> "\${a%.docx}.pdf";;
esac; done
`,
    );
    chmodSync(fake, 0o755);
    const runs = () =>
      readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map((line) => {
          const [reports, profile, ...temp] = line.split(' ');
          return { reports: Number(reports), profile: fileURLToPath((profile ?? '').slice('-env:UserInstallation='.length)), temp };
        });
    return { office: fake, runs };
  }

  const bytes = (text: string) => new Uint8Array(Buffer.from(text));
  // Each fake office ends its PDF as every PDF ends (convert.ts refuses one cut short).
  const pdfOf = (text: string) => ({ bytes: bytes(`%PDF-${text}%%EOF\n`) });

  it('converts reports asked for at once in one run of the office, each to its own PDF, in a temporary folder and profile it removes', async () => {
    const { office, runs } = fakeOffice();
    const texts = ['first report', 'second report', 'third report'];
    const results = await Promise.all(texts.map((text) => convertToPdf(bytes(text), { office, pdfA: false })));
    expect(results).toEqual(texts.map(pdfOf));
    expect(runs().map((run) => run.reports)).toEqual([3]);
    // One after the other: a run each, each with a profile of its own.
    expect(await convertToPdf(bytes('fourth'), { office, pdfA: false })).toEqual(pdfOf('fourth'));
    expect(await convertToPdf(bytes('fifth'), { office, pdfA: false })).toEqual(pdfOf('fifth'));
    const profiles = runs().map((run) => run.profile);
    expect(runs().map((run) => run.reports)).toEqual([3, 1, 1]);
    expect(new Set(profiles).size).toBe(3);
    for (const profile of profiles) {
      expect(profile.startsWith(join(tmpdir(), 'briefing-pdf-'))).toBe(true);
      expect(existsSync(dirname(profile))).toBe(false);
    }
    // The office's own temporary files (its lu…tmp folders, left when it is stopped) go into that folder too.
    expect(runs().map((run) => run.temp)).toEqual(profiles.map((profile) => Array(3).fill(join(dirname(profile), 'tmp'))));
  });

  it(`puts at most ${REPORTS_PER_OFFICE_RUN} reports in one run, and never reports with different settings`, async () => {
    const { office, runs } = fakeOffice();
    const texts = Array.from({ length: REPORTS_PER_OFFICE_RUN + 3 }, (_, index) => `report ${index}`);
    const results = await Promise.all([...texts.map((text) => convertToPdf(bytes(text), { office, pdfA: false })), convertToPdf(bytes('<pdfaid:part>2</pdfaid:part>'), { office, pdfA: true })]);
    expect(results).toEqual([...texts, '<pdfaid:part>2</pdfaid:part>'].map(pdfOf));
    expect(runs().map((run) => run.reports)).toEqual([REPORTS_PER_OFFICE_RUN, 3, 1]);
  });

  it('converts a report the run left out again on its own: its failure is its own, the others get their PDFs', async () => {
    for (const failRun of [false, true]) {
      const { office, runs } = fakeOffice({ failRun });
      const results = await Promise.all(['one', 'bad', 'three'].map((text) => convertToPdf(bytes(text), { office, pdfA: false })));
      expect(results).toEqual([pdfOf('one'), { failure: 'Error: source file could not be loaded' }, pdfOf('three')]);
      // The run of three, then on their own the one left out (or, when the run failed, all three).
      expect(runs().map((run) => run.reports)).toEqual(failRun ? [3, 1, 1, 1] : [3, 1]);
    }
  });

  it('does not convert a report that failed alone a second time: one run for it', async () => {
    const { office, runs } = fakeOffice();
    expect(await convertToPdf(bytes('bad'), { office, pdfA: false })).toEqual({ failure: 'Error: source file could not be loaded' });
    expect(runs().map((run) => run.reports)).toEqual([1]);
  });

  it('converts with a relative TMPDIR (LibreOffice given one failed to write every PDF)', async () => {
    const { office, runs } = fakeOffice();
    const usual = process.env['TMPDIR'];
    const cwd = process.cwd();
    const base = tempDir();
    mkdirSync(join(base, 'tmp'));
    process.chdir(base);
    process.env['TMPDIR'] = 'tmp';
    try {
      expect(await convertToPdf(bytes('report'), { office, pdfA: false })).toEqual(pdfOf('report'));
    } finally {
      process.chdir(cwd);
      if (usual === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = usual;
    }
    // LibreOffice is given its profile and temporary folder as absolute paths.
    expect(runs()[0]?.temp).toEqual(Array(3).fill(expect.stringMatching(new RegExp(`^${base}/tmp/briefing-pdf-\\d+-\\w+/tmp$`))));
  });

  it('runs LibreOffice in a UTF-8 locale where the environment has none (under C it hung on a temporary folder named with ā)', async () => {
    const dir = tempDir();
    const fake = join(dir, 'soffice');
    writeFileSync(fake, `#!/bin/sh\necho "$LC_ALL|$LANG" >> ${join(dir, 'locale.log')}\nfor a in "$@"; do last="$a"; done\nprintf '%%PDF-' > "\${last%.docx}.pdf"\necho '%%EOF' >> "\${last%.docx}.pdf"\n`);
    chmodSync(fake, 0o755);
    const usual = { LC_ALL: process.env['LC_ALL'], LC_CTYPE: process.env['LC_CTYPE'], LANG: process.env['LANG'] };
    try {
      for (const [lcAll, lang] of [['C', 'C'], ['', ''], ['', 'C.UTF-8']]) {
        process.env['LC_ALL'] = lcAll;
        process.env['LANG'] = lang;
        delete process.env['LC_CTYPE'];
        expect(await convertToPdf(bytes('report'), { office: fake, pdfA: false })).toEqual(pdfOf(''));
      }
    } finally {
      for (const [name, value] of Object.entries(usual)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
    expect(readFileSync(join(dir, 'locale.log'), 'utf8').trim().split('\n')).toEqual(['C.UTF-8|C', 'C.UTF-8|', '|C.UTF-8']);
  });

  // A UTF-8 locale by its name that the machine does not have (LANG=lv_LV.UTF-8 from a desktop, over ssh, in a
  // container that has only C.UTF-8; macOS's LC_CTYPE=UTF-8) is C to LibreOffice: it hung as under LC_ALL=C.
  it.runIf(process.platform === 'linux' && spawnSync('locale', ['charmap']).status === 0)('runs LibreOffice in C.UTF-8 where the environment names a UTF-8 locale the machine does not have', async () => {
    const dir = tempDir();
    const fake = join(dir, 'soffice');
    writeFileSync(fake, `#!/bin/sh\necho "$LC_ALL|$LANG|$LC_CTYPE" >> ${join(dir, 'locale.log')}\nfor a in "$@"; do last="$a"; done\nprintf '%%PDF-' > "\${last%.docx}.pdf"\necho '%%EOF' >> "\${last%.docx}.pdf"\n`);
    chmodSync(fake, 0o755);
    const usual = { LC_ALL: process.env['LC_ALL'], LC_CTYPE: process.env['LC_CTYPE'], LANG: process.env['LANG'] };
    try {
      for (const [lang, ctype] of [['xx_YY.UTF-8', undefined], ['C.UTF-8', 'UTF-8']]) {
        delete process.env['LC_ALL'];
        process.env['LANG'] = lang;
        if (ctype === undefined) delete process.env['LC_CTYPE'];
        else process.env['LC_CTYPE'] = ctype;
        expect(await convertToPdf(bytes('report'), { office: fake, pdfA: false })).toEqual(pdfOf(''));
      }
    } finally {
      for (const [name, value] of Object.entries(usual)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
    expect(readFileSync(join(dir, 'locale.log'), 'utf8').trim().split('\n')).toEqual(['C.UTF-8|xx_YY.UTF-8|', 'C.UTF-8|C.UTF-8|UTF-8']);
  });

  it('says what went wrong when LibreOffice fails', async () => {
    const fake = join(tempDir(), 'soffice');
    writeFileSync(fake, '#!/bin/sh\necho "Error: source file could not be loaded" >&2\nexit 1\n');
    chmodSync(fake, 0o755);
    expect(await convertToPdf(new Uint8Array([1]), { office: fake, pdfA: true })).toEqual({ failure: 'Error: source file could not be loaded' });
  });

  it('says LibreOffice was stopped when it was killed having written only its Java warning, not the warning as the reason, and an exit code for one that failed so', async () => {
    const fake = join(tempDir(), 'soffice');
    const java = 'echo "Warning: failed to launch javaldx - java may not function correctly" >&2';
    const stopped = {
      failure: 'it was stopped (SIGKILL) before it wrote the PDF',
      hint: 'Another program, or the system when memory runs out, ended LibreOffice: build again, and if it happens again, close other programs or ask for more memory for the machine.',
    };
    // Killed itself; and as LibreOffice's launcher ends when soffice.bin, which it runs, is killed: exit code 128 + 9, nothing more said.
    for (const end of ['kill -KILL $$', 'sh -c \'kill -KILL $$\' 2>/dev/null\nexit $?']) {
      writeFileSync(fake, `#!/bin/sh\n${java}\n${end}\n`);
      chmodSync(fake, 0o755);
      expect(await convertToPdf(new Uint8Array([1]), { office: fake, pdfA: false })).toEqual(stopped);
    }
    // One that crashed is its own fault: the usual advice, to convert the DOCX by hand and see, is the build's (no hint here).
    writeFileSync(fake, `#!/bin/sh\n${java}\nkill -SEGV $$\n`);
    expect(await convertToPdf(new Uint8Array([1]), { office: fake, pdfA: false })).toEqual({ failure: 'it crashed (SIGSEGV) before it wrote the PDF' });
    writeFileSync(fake, `#!/bin/sh\n${java}\nexit 3\n`);
    expect(await convertToPdf(new Uint8Array([1]), { office: fake, pdfA: false })).toEqual({
      failure: 'it stopped with an error (exit code 3), having written only warnings: Warning: failed to launch javaldx - java may not function correctly',
    });
  });

  it('says what LibreOffice wrote when it ends well without a PDF, as it does for a report it cannot load (its Java warning passed over)', async () => {
    const fake = join(tempDir(), 'soffice');
    writeFileSync(fake, '#!/bin/sh\necho "Warning: failed to launch javaldx - java may not function correctly" >&2\necho "Error: source file could not be loaded" >&2\necho "Warning: failed to launch javaldx - java may not function correctly" >&2\nexit 0\n');
    chmodSync(fake, 0o755);
    expect(await convertToPdf(new Uint8Array([1]), { office: fake, pdfA: false })).toEqual({ failure: 'LibreOffice finished without writing a PDF (it said: Error: source file could not be loaded)' });
    // Its Java warning alone is no reason.
    writeFileSync(fake, '#!/bin/sh\necho "Warning: failed to launch javaldx - java may not function correctly" >&2\nexit 0\n');
    expect(await convertToPdf(new Uint8Array([1]), { office: fake, pdfA: false })).toEqual({ failure: 'LibreOffice finished without writing a PDF' });
  });

  it('says, when the LibreOffice snap cannot load the report, that a snap has a /tmp of its own, and how to convert elsewhere', async () => {
    // /snap/bin/libreoffice is a link to the snap launcher, /usr/bin/snap, which runs LibreOffice in a /tmp of its own:
    // the report in briefing's /tmp is not there ("source file could not be loaded", as it ends well).
    const dir = tempDir();
    const launcher = join(dir, 'snap');
    writeFileSync(launcher, '#!/bin/sh\necho "Error: source file could not be loaded" >&2\nexit 0\n');
    chmodSync(launcher, 0o755);
    mkdirSync(join(dir, 'bin'));
    const office = join(dir, 'bin', 'libreoffice');
    symlinkSync(launcher, office);
    expect(await convertToPdf(new Uint8Array([1]), { office, pdfA: false })).toEqual({
      failure: 'LibreOffice finished without writing a PDF (it said: Error: source file could not be loaded)',
      hint: `This LibreOffice is a snap, which has a /tmp of its own and does not see the report in ${tmpdir()}. Set TMPDIR to a folder in your home for the build (\`mkdir -p ~/briefing-tmp && TMPDIR=~/briefing-tmp briefing build …\`), or install LibreOffice from the system's packages (Debian/Ubuntu: apt-get install libreoffice-writer-nogui), and build again.`,
    });
    // Another LibreOffice that cannot load a report is told the usual way.
    const other = join(dir, 'soffice');
    writeFileSync(other, readFileSync(launcher));
    chmodSync(other, 0o755);
    expect(await convertToPdf(new Uint8Array([1]), { office: other, pdfA: false })).toEqual({ failure: 'LibreOffice finished without writing a PDF (it said: Error: source file could not be loaded)' });
  });

  it('runs LibreOffice with the system’s program folders on PATH, which its launcher script needs, when briefing’s PATH lacks them', async () => {
    const dir = tempDir();
    // Like LibreOffice's soffice: finds its own folder with dirname before it starts its program.
    const fake = join(dir, 'soffice');
    writeFileSync(fake, '#!/bin/sh\nhere=$(dirname "$0") || exit 1\nfor a in "$@"; do last="$a"; done\nprintf "%%PDF-from $here" > "${last%.docx}.pdf"\necho "%%EOF" >> "${last%.docx}.pdf"\n');
    chmodSync(fake, 0o755);
    const usual = process.env['PATH'];
    process.env['PATH'] = tempDir();
    try {
      expect(await convertToPdf(new Uint8Array([1]), { office: fake, pdfA: false })).toEqual(pdfOf(`from ${dir}`));
    } finally {
      process.env['PATH'] = usual;
    }
  });

  it('gives the lines of a fatal error of LibreOffice, not its last (a path), and for a full disk where its profile is made says to free space there', async () => {
    const fake = join(tempDir(), 'soffice');
    writeFileSync(
      fake,
      `#!/bin/sh
echo "Warning: failed to launch javaldx - java may not function correctly" >&2
echo "LibreOffice 7.4 - Fatal Error: The application cannot be started. " >&2
echo "LibreOffice user installation could not be completed due to insufficient free disk space. Please free more disc space at the following location and restart LibreOffice:" >&2
echo "" >&2
echo "/tmp/x/profile" >&2
exit 77
`,
    );
    chmodSync(fake, 0o755);
    expect(await convertToPdf(new Uint8Array([1]), { office: fake, pdfA: false })).toEqual({
      failure:
        'LibreOffice 7.4 - Fatal Error: The application cannot be started. LibreOffice user installation could not be completed due to insufficient free disk space. Please free more disc space at the following location and restart LibreOffice: /tmp/x/profile',
      hint: `Free some space in ${tmpdir()}, where each conversion makes its LibreOffice profile (or set TMPDIR to a folder with room), and build again.`,
    });
  });

  it('asks for PDF/A-2 in the profile it makes, which every LibreOffice reads (before 7.4 none read it on the command line), and refuses a PDF that does not say it is one', async () => {
    const dir = tempDir();
    // Writes a PDF/A only when the profile asks for one, as LibreOffice 7.3 does.
    const fake = join(dir, 'soffice');
    writeFileSync(
      fake,
      `#!/bin/sh
for a in "$@"; do case "$a" in -env:UserInstallation=file://*) profile="\${a#-env:UserInstallation=file://}";; *.docx) last="$a";; esac; done
printf '%%PDF-' > "\${last%.docx}.pdf"
grep -q 'SelectPdfVersion' "$profile/user/registrymodifications.xcu" 2>/dev/null && grep -q '<value>2</value>' "$profile/user/registrymodifications.xcu" && printf '<pdfaid:part>2</pdfaid:part>' >> "\${last%.docx}.pdf"
echo '%%EOF' >> "\${last%.docx}.pdf"
exit 0
`,
    );
    chmodSync(fake, 0o755);
    expect(await convertToPdf(bytes('report'), { office: fake, pdfA: true })).toEqual(pdfOf('<pdfaid:part>2</pdfaid:part>'));
    expect(await convertToPdf(bytes('report'), { office: fake, pdfA: false })).toEqual(pdfOf(''));
    // An office that writes a plain PDF all the same.
    const { office } = fakeOffice();
    expect(await convertToPdf(bytes('plain'), { office, pdfA: true })).toEqual({
      failure: 'it wrote a PDF that is not PDF/A-2, though the config asks for PDF/A (pdf_a: true)',
      hint: `This LibreOffice did not follow the PDF/A setting of its profile: use another LibreOffice than ${office} (a current one from libreoffice.org), or set pdf_a: false in briefing.config.yaml.`,
    });
  });

  it('asks for a tagged PDF in the profile it makes, with PDF/A and without (a screen reader read the untagged PDF as one run of text)', async () => {
    // Writes the profile's settings into the "PDF", so that the test sees what LibreOffice was asked for.
    const fake = join(tempDir(), 'soffice');
    writeFileSync(
      fake,
      `#!/bin/sh
for a in "$@"; do case "$a" in -env:UserInstallation=file://*) profile="\${a#-env:UserInstallation=file://}";; *.docx) last="$a";; esac; done
printf '%%PDF-<pdfaid:part>2</pdfaid:part>' > "\${last%.docx}.pdf"
cat "$profile/user/registrymodifications.xcu" >> "\${last%.docx}.pdf" 2>/dev/null
echo '%%EOF' >> "\${last%.docx}.pdf"
exit 0
`,
    );
    chmodSync(fake, 0o755);
    for (const pdfA of [false, true]) {
      const result = await convertToPdf(bytes('report'), { office: fake, pdfA });
      const asked = 'bytes' in result ? Buffer.from(result.bytes).toString() : '';
      expect(asked).toContain('<prop oor:name="UseTaggedPDF" oor:op="fuse"><value>true</value></prop>');
      expect(asked.includes('SelectPdfVersion')).toBe(pdfA);
      // The locale LibreOffice takes for its own, not the machine's.
      expect(asked).toContain('<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>en-US</value></prop></item>');
    }
  });

  it('gives LibreOffice a temporary folder of its own inside the run’s folder, made before it starts, so that what it leaves there is removed with it', async () => {
    // Writes the PDF only when TMPDIR is the run's own tmp folder and is there to write in.
    const fake = join(tempDir(), 'soffice');
    writeFileSync(fake, `#!/bin/sh\nfor a in "$@"; do last="$a"; done\n[ "$TMPDIR" = "$(dirname "$last")/tmp" ] && touch "$TMPDIR/office-temp" && printf '%%PDF-own%%%%EOF\\n' > "\${last%.docx}.pdf"\n`);
    chmodSync(fake, 0o755);
    expect(await convertToPdf(new Uint8Array([1]), { office: fake, pdfA: false })).toEqual(pdfOf('own'));
  });

  it('refuses an empty file or one that is no PDF where LibreOffice should have written the PDF (a full disk, a broken office)', async () => {
    for (const [written, failure] of [
      ['', 'LibreOffice wrote an empty file instead of the PDF'],
      ['<html>error</html>', 'LibreOffice wrote a file that is not a PDF instead of the PDF'],
    ]) {
      const fake = join(tempDir(), 'soffice');
      writeFileSync(fake, `#!/bin/sh\nfor a in "$@"; do last="$a"; done\nprintf '${written}' > "\${last%.docx}.pdf"\n`);
      chmodSync(fake, 0o755);
      expect(await convertToPdf(new Uint8Array([1]), { office: fake, pdfA: false })).toEqual({ failure });
    }
  });

  it('refuses a PDF cut short, without the %%EOF every PDF ends with (a disk that filled up, or an office stopped, while it wrote): no reader opens it', async () => {
    const fake = join(tempDir(), 'soffice');
    writeFileSync(fake, `#!/bin/sh\nfor a in "$@"; do last="$a"; done\nprintf '%%PDF-1.7\\n1 0 obj\\n<</Type/Catalog' > "\${last%.docx}.pdf"\n`);
    chmodSync(fake, 0o755);
    expect(await convertToPdf(new Uint8Array([1]), { office: fake, pdfA: false })).toEqual({
      failure: 'LibreOffice wrote a PDF cut short, without the end every PDF has (%%EOF): the disk may have filled up, or the office was stopped, while it wrote',
      hint: `Free some space if the disk of the temporary folder (${temporaryFolder()}) is full, then build again.`,
    });
    // Readers look for it in the last 1,024 bytes: one starting 1,024 bytes from the end is a PDF's end, one a byte further is not.
    const ending = async (after: number) => {
      const office = join(tempDir(), 'soffice');
      writeFileSync(office, `#!/bin/sh\nfor a in "$@"; do last="$a"; done\nprintf '%%PDF-1.7\\n%%%%EOF' > "\${last%.docx}.pdf"\nhead -c ${after} /dev/zero | tr '\\000' ' ' >> "\${last%.docx}.pdf"\n`);
      chmodSync(office, 0o755);
      return convertToPdf(new Uint8Array([1]), { office, pdfA: false });
    };
    const last = await ending(1019);
    expect('bytes' in last && last.bytes.length).toBe('%PDF-1.7\n%%EOF'.length + 1019);
    expect(await ending(1020)).toMatchObject({ failure: expect.stringContaining('cut short') });
  });

  it('takes an office that hangs on two reports in a row, each alone, for hung and tries no more reports of that build; one report that hangs it costs the others nothing', async () => {
    const dir = tempDir();
    const log = join(dir, 'runs.log');
    // Hangs on every run (`all`), or on a run given a report whose bytes are "hang"; else writes each PDF.
    const fake = join(dir, 'soffice');
    writeFileSync(
      fake,
      `#!/bin/sh
n=0; hang=$HANG_ALL
for a in "$@"; do case "$a" in *.docx) n=$((n+1)); [ "$(cat "$a")" = hang ] && hang=1;; esac; done
echo $n >> ${log}
[ -n "$hang" ] && exec sleep 1000
for a in "$@"; do case "$a" in *.docx) printf '%%PDF-' > "\${a%.docx}.pdf"; echo '%%EOF' >> "\${a%.docx}.pdf";; esac; done
`,
    );
    chmodSync(fake, 0o755);
    const runs = () => readFileSync(log, 'utf8').trim().split('\n').map(Number);
    const timedOut = { failure: 'it did not finish within 1 s and was stopped', timedOut: true };
    process.env['HANG_ALL'] = '1';
    try {
      const options = { office: fake, pdfA: false, timeoutMs: 500 };
      const results = await Promise.all(['a', 'b', 'c', 'd'].map((text) => convertToPdf(bytes(text), options)));
      expect(results.slice(0, 2)).toEqual([timedOut, timedOut]);
      for (const result of results.slice(2)) expect(result).toMatchObject({ failure: expect.stringMatching(/^not tried, as LibreOffice did not finish 2 reports in a row within 1 s each in this build/) });
      expect(await convertToPdf(bytes('e'), options)).toEqual(results[3]);
      // The run of four, then two alone; none after.
      expect(runs()).toEqual([4, 1, 1]);
    } finally {
      delete process.env['HANG_ALL'];
    }
    // Another build (its own options) tries again; a report that hangs the office alone fails alone.
    rmSync(log);
    const results = await Promise.all(['hang', 'ok', 'ok'].map((text) => convertToPdf(bytes(text), { office: fake, pdfA: false, timeoutMs: 500 })));
    expect(results).toEqual([timedOut, pdfOf(''), pdfOf('')]);
    expect(runs()).toEqual([3, 1, 1, 1]);
  });

  it('names the pipe LibreOffice makes for a profile as LibreOffice does (seen with LibreOffice 7.4)', () => {
    expect(officePipes('/tmp/pdfh/prof')).toEqual(['/tmp', '/var/tmp'].map((place) => join(place, `OSL_PIPE_${process.getuid?.()}_SingleOfficeIPC_e57757e870a76651c464465247f56a0`)));
  });

  it('removes the pipe of an office it stopped (the time limit), which LibreOffice leaves in /tmp when it does not end itself', async () => {
    const dir = tempDir();
    const fake = join(dir, 'soffice');
    writeFileSync(fake, `#!/bin/sh\necho "$1" > ${join(dir, 'profile.log')}\nexec sleep 1000\n`);
    chmodSync(fake, 0o755);
    const converted = convertToPdf(new Uint8Array([1]), { office: fake, pdfA: false, timeoutMs: 1000 });
    // The shell makes the file before it writes the line into it: wait for the line.
    const logged = () => (existsSync(join(dir, 'profile.log')) ? readFileSync(join(dir, 'profile.log'), 'utf8') : '');
    for (let waited = 0; !logged().endsWith('\n') && waited < 5000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    const profile = fileURLToPath(logged().trim().slice('-env:UserInstallation='.length));
    // What LibreOffice would have made by now.
    const [pipe] = officePipes(dirname(profile));
    writeFileSync(pipe as string, '');
    expect(await converted).toMatchObject({ timedOut: true });
    expect(existsSync(pipe as string)).toBe(false);
  });

  it('ends a run at its time limit even when a process the office left in the background still holds its output', async () => {
    const fake = join(tempDir(), 'soffice');
    // The background process is no longer its child once the script ends: nothing stops it, and it keeps the error output open.
    writeFileSync(fake, '#!/bin/sh\n( sleep 20 ) &\nexit 0\n');
    chmodSync(fake, 0o755);
    const started = Date.now();
    expect(await convertToPdf(new Uint8Array([1]), { office: fake, pdfA: false, timeoutMs: 500 })).toEqual({ failure: 'it did not finish within 1 s and was stopped', timedOut: true });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('removes the conversion folders a briefing killed outright left, an hour old, of a process that is gone or had this one’s id; not a newer one, nor one of another running process', async () => {
    const gone = spawnSync('true').pid;
    const folder = (pid: number, name: string, hoursOld: number) => {
      const path = join(tmpdir(), `briefing-pdf-${pid}-${name}`);
      mkdirSync(join(path, 'profile'), { recursive: true });
      writeFileSync(join(path, 'report.docx'), 'report');
      const then = new Date(Date.now() - hoursOld * 3_600_000);
      utimesSync(path, then, then);
      return path;
    };
    const abandoned = folder(gone, 'old', 2);
    const recent = folder(gone, 'new', 0.5);
    const running = folder(process.ppid, 'old', 2);
    // Named with this process's own id, two hours old: another process's that had the id (a container's build started the
    // same way, with a TMPDIR that outlives it), as no conversion of this one lasts an hour; kept, it stayed for good.
    const own = folder(process.pid, 'old', 2);
    try {
      const { office } = fakeOffice();
      expect(await convertToPdf(bytes('report'), { office, pdfA: false })).toEqual(pdfOf('report'));
      expect([abandoned, recent, running, own].map((path) => existsSync(path))).toEqual([false, true, true, false]);
    } finally {
      for (const path of [abandoned, recent, running, own]) rmSync(path, { recursive: true, force: true });
    }
  });

  it('stops a LibreOffice that does not finish, with what it started, and says it timed out', async () => {
    const dir = tempDir();
    // A stand-in that hangs the way soffice can: a script whose office (here `sleep`) never ends.
    const fake = join(dir, 'soffice');
    writeFileSync(fake, `#!/bin/sh
sleep 1000 &
echo $! > ${join(dir, 'office.pid')}
wait
`);
    chmodSync(fake, 0o755);
    expect(await convertToPdf(new Uint8Array([1]), { office: fake, pdfA: false, timeoutMs: 500 })).toEqual({ failure: 'it did not finish within 1 s and was stopped', timedOut: true });
    const office = Number(readFileSync(join(dir, 'office.pid'), 'utf8'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(running(office)).toBe(false);
  });
});

/** A symbolic link that leads back to itself, through another. */
function loopedLink(): string {
  const dir = tempDir();
  symlinkSync(join(dir, 'b'), join(dir, 'a'));
  symlinkSync(join(dir, 'a'), join(dir, 'b'));
  return join(dir, 'a');
}
