import { createHash } from 'node:crypto';
import { appendFileSync, chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../../src/commands/build.js';
import { templateFingerprint } from '../../src/batch/fingerprint.js';
import { runJob } from '../../src/batch/job.js';
import { loadProject } from '../../src/load/project.js';
import type { TemplateCache } from '../../src/pipeline/build-meeting.js';
import { projectWithMeetings } from '../helpers/meetings.js';
import { commitAll, initRepository } from '../helpers/git.js';
import { EXAMPLE_MEETING, REPO, tempDir, writeFile } from '../helpers/project.js';

const B = 'meetings/b.yaml';
const C = 'meetings/c.yaml';

/**
 * Three meetings: the example (A), B sharing only `equity-reforms` with it, and C sharing
 * nothing with either.
 */
function threeMeetings(): string {
  return projectWithMeetings({
    [B]: { fileCode: 'B', positions: ['achievements-b', 'equity-reforms', 'cooperation-b'] },
    [C]: { fileCode: 'C', positions: ['achievements-c', 'reforms-c', 'cooperation-c'] },
  });
}

async function run(dir: string, more: Partial<BuildOptions> = {}) {
  const result = await build({ cwd: dir, inputs: [EXAMPLE_MEETING, B, C], final: false, jobs: 1, ...more });
  return { result, status: Object.fromEntries(result.meetings.map((m) => [m.meeting, m.status])) };
}

function all(status: string) {
  return { [EXAMPLE_MEETING]: status, [B]: status, [C]: status };
}

/** The inode of a file: a rewrite (temporary file + rename) gives it a new one. */
function inode(path: string): number {
  return statSync(path).ino;
}

describe('incremental builds', () => {
  it('skips every meeting when the project is reached through a symbolic link one time and by its own path the next (`-C link`, then `cd link`)', async () => {
    const dir = threeMeetings();
    const link = join(tempDir(), 'link');
    symlinkSync(dir, link);
    expect((await run(link)).status).toEqual(all('built'));
    // The built-in template was keyed by its path from the project's folder, which differs by way of the link.
    expect((await run(dir)).status).toEqual(all('unchanged'));
    expect((await run(link)).status).toEqual(all('unchanged'));
  });

  it('tells its progress out of every meeting of the run, the unchanged ones too: the last one told is the last of all', async () => {
    const dir = threeMeetings();
    await run(dir);
    appendFileSync(join(dir, C), '# edited\n');
    const told: string[] = [];
    const second = await run(dir, { onProgress: ({ done, total, meeting, outcome }) => void told.push(`${done}/${total} ${meeting} ${outcome.status}`) });
    expect(second.status).toEqual({ [EXAMPLE_MEETING]: 'unchanged', [B]: 'unchanged', [C]: 'built' });
    expect(told).toEqual([`1/3 ${EXAMPLE_MEETING} unchanged`, `2/3 ${B} unchanged`, `3/3 ${C} built`]);
  });

  it('builds everything once, then skips every meeting and rewrites no file', async () => {
    const dir = threeMeetings();
    expect((await run(dir)).status).toEqual(all('built'));
    const before = inode(join(dir, 'out/B.docx'));
    const second = await run(dir);
    expect(second.status).toEqual(all('unchanged'));
    expect(second.result.summary).toEqual({ built: 0, unchanged: 3, failed: 0 });
    expect(second.result.meetings.find((m) => m.meeting === B)?.outputs).toEqual(['out/B.md', 'out/B.docx', 'out/B.manifest.json']);
    expect(inode(join(dir, 'out/B.docx'))).toBe(before);
  });

  it('leaves a file of a rebuilt report that already holds the new bytes as it is: its time stays, for make, rsync and CI caches', async () => {
    const dir = threeMeetings();
    const markdown = join(dir, 'out/C.md');
    const docx = join(dir, 'out/C.docx');
    expect((await run(dir, { formats: ['md', 'docx'] })).status[C]).toBe('built');
    const [mdBefore, docxBefore] = [statSync(markdown), statSync(docx)];
    // A comment in a position changes its hash (the DOCX records it), not the text the Markdown prints.
    appendFileSync(join(dir, 'positions/extra/reforms-c.yaml'), '# a comment\n');
    expect((await run(dir, { formats: ['md', 'docx'] })).status[C]).toBe('built');
    expect([statSync(markdown).ino, statSync(markdown).mtimeMs]).toEqual([mdBefore.ino, mdBefore.mtimeMs]);
    expect(statSync(docx).ino).not.toBe(docxBefore.ino);
  });

  it('rebuilds exactly the meetings that include an edited position', async () => {
    const dir = threeMeetings();
    await run(dir);
    appendFileSync(join(dir, 'positions/educ/equity-reforms.yaml'), '# a comment changes the text\n');
    expect((await run(dir)).status).toEqual({ [EXAMPLE_MEETING]: 'built', [B]: 'built', [C]: 'unchanged' });
    appendFileSync(join(dir, 'positions/extra/reforms-c.yaml'), '# and another\n');
    expect((await run(dir)).status).toEqual({ [EXAMPLE_MEETING]: 'unchanged', [B]: 'unchanged', [C]: 'built' });
  });

  it('rebuilds a meeting whose own file changed', async () => {
    const dir = threeMeetings();
    await run(dir);
    appendFileSync(join(dir, C), '# edited\n');
    expect((await run(dir)).status).toEqual({ [EXAMPLE_MEETING]: 'unchanged', [B]: 'unchanged', [C]: 'built' });
  });

  it('rebuilds a meeting whose output was deleted or edited by hand', async () => {
    const dir = threeMeetings();
    await run(dir);
    rmSync(join(dir, 'out/B.docx'));
    writeFileSync(join(dir, 'out/C.md'), 'edited by hand\n');
    expect((await run(dir)).status).toEqual({ [EXAMPLE_MEETING]: 'unchanged', [B]: 'built', [C]: 'built' });
    expect(existsSync(join(dir, 'out/B.docx'))).toBe(true);
    expect(readFileSync(join(dir, 'out/C.md'), 'utf8')).toContain('Informatīvais ziņojums par');
  });

  it('rebuilds everything when the config, the registry or a template changes, or with --force', async () => {
    const dir = threeMeetings();
    await run(dir);
    expect((await run(dir, { force: true })).status).toEqual(all('built'));
    appendFileSync(join(dir, 'briefing.config.yaml'), '# edited\n');
    expect((await run(dir)).status).toEqual(all('built'));
    appendFileSync(join(dir, 'ministries.yaml'), '# edited\n');
    expect((await run(dir)).status).toEqual(all('built'));
    // A project template of the same name takes the built-in one's place.
    cpSync(join(REPO, 'templates'), join(dir, 'templates'), { recursive: true });
    expect((await run(dir)).status).toEqual(all('built'));
    expect((await run(dir)).status).toEqual(all('unchanged'));
    appendFileSync(join(dir, 'templates/partials/signature.hbs'), '\n');
    expect((await run(dir)).status).toEqual(all('built'));
  });

  it('rebuilds everything when the project registry is removed for the built-in one of the same text, or added back: the manifests name which one', async () => {
    const dir = threeMeetings();
    await run(dir);
    expect(readFileSync(join(dir, 'ministries.yaml'), 'utf8')).toBe(readFileSync(join(REPO, 'ministries.yaml'), 'utf8'));
    const registryOf = () => JSON.parse(readFileSync(join(dir, 'out/B.manifest.json'), 'utf8')).settings[1];
    expect(registryOf().built_in).toBeUndefined();
    rmSync(join(dir, 'ministries.yaml'));
    expect((await run(dir)).status).toEqual(all('built'));
    expect(registryOf().built_in).toBe(true);
    cpSync(join(REPO, 'ministries.yaml'), join(dir, 'ministries.yaml'));
    expect((await run(dir)).status).toEqual(all('built'));
    expect(registryOf().built_in).toBeUndefined();
  });

  it('rebuilds when a partial the template uses is added, edited or removed on the template path, wherever it lies', async () => {
    const dir = threeMeetings();
    // The template copied alone: its partials still come from the built-in ones.
    cpSync(join(REPO, 'templates/informative-report.lv.md.hbs'), join(dir, 'templates/informative-report.lv.md.hbs'));
    expect((await run(dir)).status).toEqual(all('built'));
    expect((await run(dir)).status).toEqual(all('unchanged'));
    // One partial copied into the project replaces the built-in one.
    cpSync(join(REPO, 'templates/partials/signature.hbs'), join(dir, 'templates/partials/signature.hbs'));
    expect((await run(dir)).status).toEqual(all('built'));
    expect((await run(dir)).status).toEqual(all('unchanged'));
    appendFileSync(join(dir, 'templates/partials/signature.hbs'), 'Sagatavoja: birojs\n');
    expect((await run(dir)).status).toEqual(all('built'));
    expect(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8')).toMatch(/Sagatavoja: birojs\n$/);
    rmSync(join(dir, 'templates/partials/signature.hbs'));
    expect((await run(dir)).status).toEqual(all('built'));
    expect(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8')).not.toContain('Sagatavoja');
  });

  it('rebuilds when the formats, --final, SOURCE_DATE_EPOCH or the output folder differ', async () => {
    const dir = threeMeetings();
    await run(dir);
    expect((await run(dir, { formats: ['md'] })).status).toEqual(all('built'));
    expect((await run(dir, { formats: ['md'] })).status).toEqual(all('unchanged'));
    expect((await run(dir, { formats: ['md'], sourceDateEpoch: 1613692800 })).status).toEqual(all('built'));
    expect((await run(dir, { formats: ['md'], sourceDateEpoch: 1613692800, out: join(dir, 'elsewhere') })).status).toEqual(all('built'));
  });

  it('keeps a build with --template or --out apart from the usual one: run in turns, neither builds again, and a deleted meeting takes every set of its files', async () => {
    const dir = threeMeetings();
    const points = { template: 'speaking-points.lv' };
    const elsewhere = { out: join(dir, 'public') };
    for (const variant of [{}, points, elsewhere]) expect((await run(dir, variant)).status).toEqual(all('built'));
    // Each kind of run used to replace the others' cache entries, so every run built every meeting again.
    for (const variant of [{}, points, elsewhere, points, {}]) expect((await run(dir, variant)).status).toEqual(all('unchanged'));

    rmSync(join(dir, B));
    const gone = await build({ cwd: dir, inputs: [EXAMPLE_MEETING, C], final: false, jobs: 1 });
    const files = ['out/B.md', 'out/B.docx', 'out/B.manifest.json', 'out/B.speaking-points.lv.md', 'out/B.speaking-points.lv.docx', 'out/B.speaking-points.lv.manifest.json', 'public/B.md', 'public/B.docx', 'public/B.manifest.json'];
    expect(gone.deletedMeetings).toEqual([{ meeting: B, removed: files, left: [] }]);
    for (const file of files) expect(existsSync(join(dir, file)), file).toBe(false);
    expect(existsSync(join(dir, 'out/C.speaking-points.lv.docx'))).toBe(true);
  });

  it('removes the report of a meeting deleted since a build by another version of the tool, and builds the others again', async () => {
    const dir = threeMeetings();
    await run(dir, {});
    await run(dir, { template: 'speaking-points.lv' });
    // As an upgrade leaves it: the cache on disk is the earlier tool's, each key made with that tool.
    const cacheFile = join(dir, '.briefing-cache/build.json');
    const earlier = readFileSync(cacheFile, 'utf8').replace(/"tool":"[^"]*"/, '"tool":"0.0.9+0123456789abcdef"');
    writeFileSync(cacheFile, earlier.replace(/"key":"[0-9a-f]+"/g, `"key":"${'0'.repeat(64)}"`));
    rmSync(join(dir, B));
    const upgraded = await build({ cwd: dir, inputs: [EXAMPLE_MEETING, C], final: false, jobs: 1 });
    expect(upgraded.meetings.map((m) => m.status)).toEqual(['built', 'built']);
    const files = ['out/B.md', 'out/B.docx', 'out/B.manifest.json', 'out/B.speaking-points.lv.md', 'out/B.speaking-points.lv.docx', 'out/B.speaking-points.lv.manifest.json'];
    expect(upgraded.deletedMeetings).toEqual([{ meeting: B, removed: files, left: [] }]);
    for (const file of files) expect(existsSync(join(dir, file))).toBe(false);
  });

  it('removes it too when the earlier version cached a warning of a rule this one does not know, or an entry it cannot read: the other entries still say what was written', async () => {
    const dir = threeMeetings();
    await run(dir, {});
    const cacheFile = join(dir, '.briefing-cache/build.json');
    const earlier: { tool: string; meetings: Record<string, { key: string; warnings: unknown[] }> } = JSON.parse(readFileSync(cacheFile, 'utf8'));
    earlier.tool = '0.0.9+0123456789abcdef';
    for (const entry of Object.values(earlier.meetings)) entry.key = '0'.repeat(64);
    // A rule the earlier version had under another name; an entry of a shape it wrote and this one does not.
    const example = earlier.meetings[EXAMPLE_MEETING];
    if (example) example.warnings = [{ file: EXAMPLE_MEETING, severity: 'warning', ruleId: 'markdown/trailing-space', message: 'x' }];
    writeFileSync(cacheFile, JSON.stringify({ ...earlier, meetings: { ...earlier.meetings, 'meetings/old.yaml': { outputs: 'out/old.md' } } }));
    rmSync(join(dir, B));
    const upgraded = await build({ cwd: dir, inputs: [EXAMPLE_MEETING, C], final: false, jobs: 1 });
    expect(upgraded.meetings.map((m) => m.status)).toEqual(['built', 'built']);
    expect(upgraded.deletedMeetings).toEqual([{ meeting: B, removed: ['out/B.md', 'out/B.docx', 'out/B.manifest.json'], left: [] }]);
    expect(existsSync(join(dir, 'out/B.docx'))).toBe(false);
  });

  it('forgets a build into another folder once that folder is gone: a job building into a new folder each run does not grow the cache', async () => {
    const dir = threeMeetings();
    await run(dir);
    const entries = () => Object.keys((JSON.parse(readFileSync(join(dir, '.briefing-cache/build.json'), 'utf8')) as { meetings: object }).meetings).length;
    expect(entries()).toBe(3);
    for (const runFolder of ['run-1', 'run-2', 'run-3']) {
      expect((await run(dir, { out: join(dir, runFolder) })).status).toEqual(all('built'));
      rmSync(join(dir, runFolder), { recursive: true });
    }
    // Each entry for a folder that is gone was dropped at the next run: the usual three and the last run's.
    expect(entries()).toBe(6);
    expect((await run(dir)).status).toEqual(all('unchanged'));
    expect(entries()).toBe(3);
  });

  it('takes the same formats written another way (another order, one named twice) as the same: nothing rebuilt', async () => {
    const dir = threeMeetings();
    await run(dir, { formats: ['md', 'docx'] });
    for (const formats of [['docx', 'md'], ['md', 'md', 'docx'], ['docx', 'md', 'docx']] as const) {
      expect((await run(dir, { formats })).status, formats.join(',')).toEqual(all('unchanged'));
    }
  });

  it('shows the warnings of a skipped meeting again, and never skips a meeting that failed', async () => {
    const dir = threeMeetings();
    const reforms = join(dir, 'positions/extra/reforms-c.yaml');
    writeFileSync(reforms, readFileSync(reforms, 'utf8').replace(/(  LM:\n    status: )cleared/, '$1pending'));
    const first = await run(dir);
    const warnings = first.result.meetings.find((m) => m.meeting === C)?.diagnostics;
    expect(warnings?.map((d) => d.ruleId)).toEqual(['clearance/missing']);
    const second = await run(dir);
    expect(second.status[C]).toBe('unchanged');
    expect(second.result.meetings.find((m) => m.meeting === C)).toMatchObject({ draft: true, diagnostics: warnings });

    writeFileSync(join(dir, B), readFileSync(join(dir, B), 'utf8').replace('kind: informal', 'kind: casual'));
    expect((await run(dir)).status[B]).toBe('failed');
    const again = await run(dir);
    expect(again.status[B]).toBe('failed');
    expect(again.result.diagnostics.map((d) => [d.file, d.ruleId])).toContainEqual([B, 'schema/enum']);
  });

  it('fails an unchanged meeting, and the changed one, when the changed one takes its file code', async () => {
    const dir = threeMeetings();
    await run(dir);
    writeFileSync(join(dir, C), readFileSync(join(dir, C), 'utf8').replace(/^file_code: .*$/m, 'file_code: B'));
    const { result, status } = await run(dir);
    expect(status).toEqual({ [EXAMPLE_MEETING]: 'unchanged', [B]: 'failed', [C]: 'failed' });
    expect(result.diagnostics.filter((d) => d.ruleId === 'meeting/duplicate-file-code').map((d) => d.file)).toEqual([B, C]);
    // B's report from the earlier build is left as it was.
    expect(readFileSync(join(dir, 'out/B.md'), 'utf8')).toContain('Informatīvais ziņojums par');
  });

  it('builds each meeting again once it is over (a draft is then warned about), then skips it again', async () => {
    const dir = threeMeetings();
    const reforms = join(dir, 'positions/extra/reforms-c.yaml');
    writeFileSync(reforms, readFileSync(reforms, 'utf8').replace(/(  LM:\n    status: )cleared/, '$1pending'));
    await run(dir, { today: '2021-02-18' });
    const after = await run(dir, { today: '2021-02-20' });
    expect(after.status).toEqual(all('built'));
    expect(after.result.diagnostics.map((d) => [d.file, d.ruleId])).toContainEqual([C, 'meeting/past-draft']);
    const later = await run(dir, { today: '2021-03-01' });
    expect(later.status).toEqual(all('unchanged'));
    expect(later.result.diagnostics.map((d) => [d.file, d.ruleId])).toContainEqual([C, 'meeting/past-draft']);
  });

  it('does not show again a clearance dated after a meeting that is over once that day has come (clearance/after-meeting)', async () => {
    const dir = threeMeetings();
    const reforms = join(dir, 'positions/extra/reforms-c.yaml');
    writeFileSync(reforms, readFileSync(reforms, 'utf8').replace('date: 2021-02-17', 'date: 2021-03-05'));
    const afterMeeting = (result: Awaited<ReturnType<typeof run>>['result']) => result.diagnostics.filter((d) => d.ruleId === 'clearance/after-meeting').map((d) => d.file);
    // Dated after today too: a mistyped date, said.
    expect(afterMeeting((await run(dir, { today: '2021-03-01' })).result)).toEqual(['positions/extra/reforms-c.yaml']);
    // Once that day has passed, a position cleared again for a later meeting: no longer said, as a build with --force says.
    const later = await run(dir, { today: '2021-03-10' });
    expect(afterMeeting(later.result)).toEqual([]);
    expect(afterMeeting((await run(dir, { today: '2021-03-10', force: true })).result)).toEqual([]);
  });

  it('takes a meeting held over several days to be over after its last day (end_date), not its first', async () => {
    const dir = threeMeetings();
    const reforms = join(dir, 'positions/extra/reforms-c.yaml');
    writeFileSync(reforms, readFileSync(reforms, 'utf8').replace(/(  LM:\n    status: )cleared/, '$1pending'));
    writeFileSync(join(dir, C), readFileSync(join(dir, C), 'utf8').replace(/^date: 2021-02-19$/m, 'date: 2021-02-19\nend_date: 2021-02-20'));
    const pastDraft = (result: Awaited<ReturnType<typeof run>>['result']) => result.diagnostics.filter((d) => d.file === C && d.ruleId === 'meeting/past-draft');
    await run(dir, { today: '2021-02-19' });
    // On its second day it is not over yet: nothing to build again, nothing to warn about.
    const second = await run(dir, { today: '2021-02-20' });
    expect(second.status[C]).toBe('unchanged');
    expect(pastDraft(second.result)).toEqual([]);
    const after = await run(dir, { today: '2021-02-21' });
    expect(after.status[C]).toBe('built');
    expect(pastDraft(after.result).map((d) => d.message)).toEqual(['The meeting ended on 2021-02-20, but its report is still a draft.']);
  });

  it('builds again when git HEAD has a newer version of a position the working tree has not', async () => {
    const dir = threeMeetings();
    initRepository(dir);
    const path = join(dir, 'positions/extra/reforms-c.yaml');
    const built = readFileSync(path, 'utf8');
    expect((await run(dir)).status[C]).toBe('built');
    writeFileSync(path, built.replace(/^version: (\d+)$/m, (_line, v: string) => `version: ${Number(v) + 1}`));
    commitAll(dir, 'newer version');
    writeFileSync(path, built); // the text of the last build, now older than HEAD's: the version it had, with the same answer (a revert)
    const { result, status } = await run(dir);
    expect(status[C]).toBe('built');
    expect(result.diagnostics.map((d) => [d.file, d.ruleId])).toContainEqual(['positions/extra/reforms-c.yaml', 'position/version-restored']);
    // The same version with another answer than it had: an error, and the report is not written.
    writeFileSync(path, built.replace(/^body: \|\n {2}(\S)/m, 'body: |\n  Cits teksts. $1'));
    const lowered = await run(dir);
    expect(lowered.status[C]).toBe('failed');
    expect(lowered.result.diagnostics.map((d) => [d.file, d.ruleId])).toContainEqual(['positions/extra/reforms-c.yaml', 'position/version-decreased']);
  });

  it('fails a meeting whose position was saved after the build had read the positions, rather than writing it under the hash it had then (a revert then skipped it as unchanged)', async () => {
    const dir = threeMeetings();
    const path = join(dir, 'positions/extra/reforms-c.yaml');
    const before = readFileSync(path, 'utf8');
    // The second build knows the positions' ids from the cache: C's are parsed only when C is built.
    await run(dir);
    appendFileSync(join(dir, C), '# edited\n');
    const saved = before.replace('body: |\n  Latvijas rīcību', 'body: |\n  Saglabāts būves laikā. Latvijas rīcību');
    const during = await run(dir, {
      // A save (or git checkout) while the build runs: after the first meeting, before C is read.
      onProgress: ({ done }) => {
        if (done === 1) writeFileSync(path, saved);
      },
    });
    expect(during.status[C]).toBe('failed');
    expect(during.result.diagnostics.filter((d) => d.file === 'positions/extra/reforms-c.yaml').map((d) => [d.severity, d.ruleId, d.message])).toEqual([
      ['error', 'input/unreadable', 'positions/extra/reforms-c.yaml changed while this command ran (a save, a git checkout or pull): the reports that use it are not built this time, rather than built of a text other than the one the command read first.'],
    ]);
    expect(during.result.exitCode).toBe(2);
    // The save undone: C is built from the text there is, never taken for the report of the other.
    writeFileSync(path, before);
    const after = await run(dir);
    expect(after.status[C]).toBe('built');
    expect(readFileSync(join(dir, 'out/C.md'), 'utf8')).not.toContain('Saglabāts būves laikā');
  });

  it('builds again a meeting a worker thread built with a template saved after the build had read it (a revert then skipped it as unchanged)', async () => {
    const specs = Object.fromEntries(Array.from({ length: 8 }, (_, n) => [`meetings/m${n + 1}.yaml`, { fileCode: `M${n + 1}`, positions: ['equity-achievements', 'equity-reforms', 'equity-eu-cooperation'] as const }]));
    const dir = projectWithMeetings(specs);
    const template = join(dir, 'templates/informative-report.lv.md.hbs');
    cpSync(join(REPO, 'templates/informative-report.lv.md.hbs'), template);
    const before = readFileSync(template, 'utf8');
    const threaded = (more: Partial<BuildOptions> = {}) => build({ cwd: dir, all: true, inputs: [], final: false, jobs: 2, ...more });
    await threaded();
    // Outputs gone: the build reads the template for the cache's keys at its start, and its worker threads read it again.
    for (let n = 1; n <= 8; n++) rmSync(join(dir, `out/M${n}.md`));
    const during = await threaded({
      // Saved (or checked out) while the build runs: after the unchanged example is told, before the threads start.
      onProgress: ({ done }) => {
        if (done === 1) writeFileSync(template, `${before}Sagatavoja: birojs\n`);
      },
    });
    expect(during.threads).toBe(2);
    expect(readFileSync(join(dir, 'out/M1.md'), 'utf8')).toContain('Sagatavoja: birojs');
    // The save undone: the reports built with the saved template are built again.
    writeFileSync(template, before);
    const after = await threaded();
    expect(after.summary).toEqual({ built: 8, unchanged: 1, failed: 0 });
    expect(readFileSync(join(dir, 'out/M1.md'), 'utf8')).not.toContain('Sagatavoja');
  });

  it('keys a report by the reference DOCX its template names as the build read it, not as it is when the report is recorded', async () => {
    const dir = threeMeetings();
    const template = readFileSync(join(REPO, 'templates/informative-report.lv.md.hbs'), 'utf8');
    writeFile(dir, 'templates/informative-report.lv.md.hbs', `---\nlayout: { reference_docx: speech.docx }\n---\n${template}`);
    const reference = join(dir, 'speech.docx');
    cpSync(join(REPO, 'examples/ministry-style/izm-reference.docx'), reference);
    const project = loadProject(dir);
    const templates: TemplateCache = new Map();
    const options = { final: false, formats: ['md', 'docx'] as const, sourceDateEpoch: undefined };
    const asRead = templateFingerprint(project, 'informative-report.lv', templates);
    expect((await runJob(project, join(dir, B), options, templates)).files).not.toEqual([]);
    // Saved in Word while the build runs: the reference is read once per template and run, so C is made with the one B read.
    writeFileSync(reference, readFileSync(join(REPO, 'examples/ministry-style/izm-reference.docx')).subarray(0, 100));
    const c = await runJob(project, join(dir, C), options, templates);
    expect(c.files).not.toEqual([]);
    // Keyed by the saved file, the report made with the other would be taken as up to date by the next build.
    expect(c.fingerprints?.template).toBe(asRead);
  });
  /** A stand-in for soffice that writes, for each DOCX it is given, a "PDF" naming `maker`. */
  function fakeOffice(folder: string, maker: string): string {
    const office = join(folder, 'soffice');
    writeFileSync(office, `#!/bin/sh\nfor a in "$@"; do case "$a" in *.docx) printf '%%PDF- ${maker}' > "\${a%.docx}.pdf"; echo '%%EOF' >> "\${a%.docx}.pdf";; esac; done\n`);
    chmodSync(office, 0o755);
    return office;
  }

  it('builds the PDFs again when LibreOffice is another one (another soffice on PATH) or was upgraded in place, not when it is the same', async () => {
    const dir = threeMeetings();
    const first = fakeOffice(tempDir(), 'first');
    const pdf = (office: string) => run(dir, { formats: ['md', 'docx', 'pdf'], office });
    expect((await pdf(first)).status).toEqual(all('built'));
    expect((await pdf(first)).status).toEqual(all('unchanged'));
    // A wrapper, or another install, on PATH: its PDFs were taken for the first one's.
    const other = fakeOffice(tempDir(), 'other');
    expect((await pdf(other)).status).toEqual(all('built'));
    expect(readFileSync(join(dir, 'out/B.pdf'), 'utf8')).toBe('%PDF- other%%EOF\n');
    // The same path, upgraded: the package manager replaced its files.
    writeFileSync(other, `${readFileSync(other, 'utf8')}# 24.8\n`);
    expect((await pdf(other)).status).toEqual(all('built'));
    expect((await pdf(other)).status).toEqual(all('unchanged'));
    // Without the PDF, LibreOffice does not matter.
    expect((await run(dir)).status).toEqual(all('built'));
    expect((await run(dir, { office: first })).status).toEqual(all('unchanged'));
  });
  it('skips every meeting built into the same folder named another way: through a symbolic link to it, or through a link to the project', async () => {
    const dir = threeMeetings();
    expect((await run(dir)).status).toEqual(all('built'));
    symlinkSync('out', join(dir, 'published'));
    const link = join(tempDir(), 'project');
    symlinkSync(dir, link);
    for (const out of ['out/', './out', join(dir, 'out'), 'published', join(dir, 'published'), join(link, 'out')]) {
      expect({ out, status: (await run(dir, { out })).status }).toEqual({ out, status: all('unchanged') });
    }
    // One entry for the folder, whatever it was called: a deleted meeting takes its report with it once.
    expect(Object.keys(JSON.parse(readFileSync(join(dir, '.briefing-cache/build.json'), 'utf8')).meetings)).toHaveLength(3);
  });
  it('says nothing of a former output folder when every meeting is built again (--force) into the same one', async () => {
    const dir = threeMeetings();
    expect((await run(dir)).status).toEqual(all('built'));
    const again = await run(dir, { force: true });
    expect(again.status).toEqual(all('built'));
    expect(again.result.diagnostics.filter((d) => d.ruleId === 'output/folder-changed').map((d) => d.message)).toEqual([]);
  });

  it('builds into the folder the config names now, leaves the earlier one as it is, and says once that its reports are out of date', async () => {
    const dir = threeMeetings();
    expect((await run(dir)).status).toEqual(all('built'));
    const config = join(dir, 'briefing.config.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^output: out$/m, 'output: reports'));
    const moved = await run(dir);
    expect(moved.status).toEqual(all('built'));
    expect(existsSync(join(dir, 'reports/B.docx')) && existsSync(join(dir, 'out/B.docx'))).toBe(true);
    const said = (result: typeof moved.result) => result.diagnostics.filter((d) => d.ruleId === 'output/folder-changed').map((d) => [d.file, d.severity, d.message]);
    expect(said(moved.result)).toEqual([
      ['briefing.config.yaml', 'warning', 'The output folder is reports now, and the reports of 3 meetings the last build wrote into out are left there as they were, out of date: this build wrote the current ones into reports.'],
    ]);
    // Said once: the cache knows the new folder's files now.
    const again = await run(dir);
    expect(again.status).toEqual(all('unchanged'));
    expect(said(again.result)).toEqual([]);

    // A folder named through a link is said by the name the config gives it, not by where the link leads.
    mkdirSync(join(dir, 'published'));
    symlinkSync('published', join(dir, 'pub'));
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^output: reports$/m, 'output: pub'));
    const linked = await run(dir);
    expect(said(linked.result)).toEqual([
      ['briefing.config.yaml', 'warning', 'The output folder is pub now, and the reports of 3 meetings the last build wrote into reports are left there as they were, out of date: this build wrote the current ones into pub.'],
    ]);
  });
  it('builds again the reports a worker thread made with a config saved while the batch ran, once the save is undone; each report is of one config', async () => {
    const specs = Object.fromEntries(Array.from({ length: 8 }, (_, n) => [`meetings/m${n + 1}.yaml`, { fileCode: `M${n + 1}`, positions: ['equity-achievements', 'equity-reforms', 'equity-eu-cooperation'] as const }]));
    const dir = projectWithMeetings(specs);
    const config = join(dir, 'briefing.config.yaml');
    const before = readFileSync(config, 'utf8');
    await build({ cwd: dir, all: true, inputs: [], final: false, jobs: 2 });
    for (let n = 1; n <= 8; n++) rmSync(join(dir, `out/M${n}.md`));
    // Saved (or checked out) while the build runs: after the unchanged example is told, before the threads start.
    const during = await build({ cwd: dir, all: true, inputs: [], final: false, jobs: 2, onProgress: ({ done }) => void (done === 1 && writeFileSync(config, before.replace(/short: ES$/m, 'short: ESX'))) });
    expect(during.threads).toBe(2);
    // Each report whole of one config: its text and its manifest's hash of the config agree.
    const configHashes = { ES: createHash('sha256').update(before).digest('hex'), ESX: createHash('sha256').update(readFileSync(config)).digest('hex') };
    const made = Array.from({ length: 8 }, (_, n) => {
      const text = readFileSync(join(dir, `out/M${n + 1}.md`), 'utf8');
      const manifest = JSON.parse(readFileSync(join(dir, `out/M${n + 1}.manifest.json`), 'utf8')).settings[0].sha256;
      return text.includes('turpmāk\u00A0– ESX') ? ['ESX', manifest === configHashes.ESX] : ['ES', manifest === configHashes.ES];
    });
    expect(made.filter(([, agrees]) => !agrees)).toEqual([]);
    expect(made.some(([abbreviation]) => abbreviation === 'ESX')).toBe(true);
    // The save undone: the reports made with it are built again, and only those.
    writeFileSync(config, before);
    const after = await build({ cwd: dir, all: true, inputs: [], final: false, jobs: 2 });
    expect(after.summary.built).toBe(made.filter(([abbreviation]) => abbreviation === 'ESX').length);
    for (let n = 1; n <= 8; n++) expect(readFileSync(join(dir, `out/M${n}.md`), 'utf8')).not.toContain('ESX');
  });
});
