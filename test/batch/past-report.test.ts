import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../../src/commands/build.js';
import { buildOnce } from '../../src/watch/build-once.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { commitAll, git, initRepository } from '../helpers/git.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject, runCli, tempDir } from '../helpers/project.js';

const REFORMS = 'positions/educ/equity-reforms.yaml';

async function run(dir: string, today: string, more: Partial<BuildOptions> = {}) {
  const result = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, jobs: 1, today, ...more });
  return result.diagnostics.filter((d) => d.ruleId === 'output/past-report-replaced');
}

/** The example with `equity-reforms` cleared as `briefing clear` records it: for its version 2. */
function project(): string {
  const text = exampleFile(REFORMS).replace(/^( {4}status: cleared\n)/gm, '$1    version: 2\n');
  return exampleProject({ [REFORMS]: text });
}

/** The example position revised for a later meeting: another answer, `version` raised, committed on `date`. */
function revise(dir: string, date: string, more: (text: string) => string = (text) => text): void {
  const path = join(dir, REFORMS);
  const text = readFileSync(path, 'utf8')
    .replace(/^version: (\d+)$/m, (_line, v: string) => `version: ${Number(v) + 1}`)
    .replace(/^body: \|\n/m, 'body: |\n  Maijā Latvija piedāvā jaunu pieeju.\n\n');
  writeFileSync(path, more(text));
  commitAll(dir, 'equity-reforms for May', { author: 'Referente', date });
}

describe('a past meeting whose final report is built again', () => {
  it('is warned about when a revised position changes the report that was built final for it, once', async () => {
    const dir = project();
    initRepository(dir, { author: 'Referente', date: '2021-02-15T10:00:00Z' });
    expect(await run(dir, '2021-02-18')).toEqual([]);
    const sent = readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8');

    revise(dir, '2021-04-20T10:00:00Z');
    const warned = await run(dir, '2021-04-21');
    expect(warned.map((d) => [d.file, d.severity, d.message])).toEqual([
      [
        EXAMPLE_MEETING,
        'warning',
        'The meeting ended on 2021-02-19, and its report here had been built final; this build replaced it with a draft that reads otherwise (equity-reforms version 2 then, 3 now): a report prints each position as it is now, not as it was for the meeting.',
      ],
    ]);
    expect(warned[0]?.hint).toContain(`briefing diff ${EXAMPLE_MEETING} --from <that commit>`);
    // The hint names the commit to build the sent report from: the last one before the meeting, here the first.
    const command = /`git worktree add \.\.\/2021-02-19 \$\((git rev-list -1 --before=2021-02-19T23:59 HEAD)\)`/.exec(warned[0]?.hint ?? '');
    const [first] = execFileSync('git', ['rev-list', '--reverse', 'HEAD'], { cwd: dir, encoding: 'utf8' }).split('\n');
    expect(execFileSync('git', (command?.[1] ?? '').split(' ').slice(1), { cwd: dir, encoding: 'utf8' }).trim()).toBe(first);
    expect(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8')).not.toBe(sent);

    // The report there is now the draft built from version 3: building it again replaces nothing that was final.
    expect(await run(dir, '2021-04-22', { force: true })).toEqual([]);
  });

  // A meeting file in a folder with a space: the commands of the hint split the path in two when pasted (found by the terminal run).
  it('quotes a meeting path with a space in the commands its hint gives', async () => {
    const dir = project();
    const spaced = 'meetings/2021 februāris/2021-02-19-educ-informal.yaml';
    mkdirSync(join(dir, 'meetings/2021 februāris'));
    renameSync(join(dir, EXAMPLE_MEETING), join(dir, spaced));
    initRepository(dir, { author: 'Referente', date: '2021-02-15T10:00:00Z' });
    await build({ cwd: dir, inputs: [spaced], final: false, jobs: 1, today: '2021-02-18' });
    revise(dir, '2021-04-20T10:00:00Z');
    const warned = (await build({ cwd: dir, inputs: [spaced], final: false, jobs: 1, today: '2021-04-21' })).diagnostics.filter((d) => d.ruleId === 'output/past-report-replaced');
    expect(warned[0]?.hint).toContain(`then \`npm ci && npx briefing build '${spaced}'\` there`);
    expect(warned[0]?.hint).toContain(`\`briefing diff '${spaced}' --from <that commit>\``);
  });

  // The new worktree has no node_modules: `npx briefing` there asked the npm registry for a package of that name.
  it('says to install the tool in the checkout it makes, with the package manager of the project', async () => {
    const dir = project();
    writeFileSync(join(dir, 'pnpm-lock.yaml'), "lockfileVersion: '9.0'\n");
    initRepository(dir, { author: 'Referente', date: '2021-02-15T10:00:00Z' });
    await run(dir, '2021-02-18');
    revise(dir, '2021-04-20T10:00:00Z');
    const [warned] = await run(dir, '2021-04-21');
    expect(warned?.hint).toContain(`HEAD)\`, then \`pnpm install --frozen-lockfile && pnpm exec briefing build ${EXAMPLE_MEETING}\` there).`);
  });

  it('is not warned about before the meeting, for a report built as a draft, or into another folder', async () => {
    const dir = project();
    initRepository(dir, { author: 'Referente', date: '2021-02-10T10:00:00Z' });
    await run(dir, '2021-02-11');
    // Before the meeting a report is still being made.
    revise(dir, '2021-02-12T10:00:00Z');
    expect(await run(dir, '2021-02-12')).toEqual([]);
    // Over, but the report there is a draft (versions 3 and 4 are not cleared): no sent final report to lose.
    revise(dir, '2021-03-01T10:00:00Z');
    expect(await run(dir, '2021-03-02')).toEqual([]);
    // Another folder holds no report of it.
    expect(await run(dir, '2021-03-02', { out: join(dir, 'archive') })).toEqual([]);
  });

  it('is not warned about on the meeting’s own day: it is not over yet', async () => {
    const dir = project();
    initRepository(dir, { author: 'Referente', date: '2021-02-10T10:00:00Z' });
    await run(dir, '2021-02-18');
    revise(dir, '2021-02-19T07:00:00Z');
    expect(await run(dir, '2021-02-19')).toEqual([]);
  });

  it('names no version when only the text changed, and is said for a report still final', async () => {
    const dir = project();
    initRepository(dir, { author: 'Referente', date: '2021-02-15T10:00:00Z' });
    await run(dir, '2021-02-18');
    // A comma mended in the meeting's own text after the meeting: the report stays final, but reads otherwise.
    const meeting = join(dir, EXAMPLE_MEETING);
    writeFileSync(meeting, readFileSync(meeting, 'utf8').replace('Portugāles prezidentūra', 'Portugāles prezidentūra,'));
    commitAll(dir, 'a comma', { author: 'Referente', date: '2021-03-01T10:00:00Z' });
    const warned = await run(dir, '2021-03-02');
    expect(warned.map((d) => d.message)).toEqual([
      'The meeting ended on 2021-02-19, and its report here had been built final; this build replaced it with a report that reads otherwise (its positions at the versions it had then: their text or clearances, the meeting, a template, the config or briefing changed since).',
    ]);
  });

  // A DOCX records its inputs' hashes: with no Markdown to compare, a comment added to the meeting file was a report
  // "that reads otherwise" (found by the read-only review).
  it('is not said for a project that writes no Markdown, whose DOCX changes with a comment in the meeting file', async () => {
    const dir = project();
    initRepository(dir, { author: 'Referente', date: '2021-02-15T10:00:00Z' });
    await run(dir, '2021-02-18', { formats: ['docx'] });
    const meeting = join(dir, EXAMPLE_MEETING);
    writeFileSync(meeting, `${readFileSync(meeting, 'utf8')}# Nosūtīts 18.02.2021.\n`);
    commitAll(dir, 'a comment', { author: 'Referente', date: '2021-03-01T10:00:00Z' });
    expect(await run(dir, '2021-03-02', { formats: ['docx'] })).toEqual([]);
    // With the Markdown, the same comment changes no text either.
    await run(dir, '2021-03-02', { force: true });
    writeFileSync(meeting, `${readFileSync(meeting, 'utf8')}# Vēl viens.\n`);
    expect(await run(dir, '2021-03-03')).toEqual([]);
  });

  // The manifest records the hash of the report's text, written or not: a DOCX-only project lost its sent report without a word.
  it('is warned about in a project that writes no Markdown when the text changed, from the hash of the text the manifests record', async () => {
    const dir = project();
    initRepository(dir, { author: 'Referente', date: '2021-02-15T10:00:00Z' });
    expect(await run(dir, '2021-02-18', { formats: ['docx'] })).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.manifest.json'), 'utf8')) as { outputs: { name: string }[]; text_sha256?: string };
    expect(manifest.outputs.map((output) => output.name)).toEqual(['IZMzin_190221_EDUC.docx']);
    expect(manifest.text_sha256).toMatch(/^[0-9a-f]{64}$/);
    revise(dir, '2021-04-20T10:00:00Z');
    expect((await run(dir, '2021-04-21', { formats: ['docx'] })).map((d) => d.message)).toEqual([
      'The meeting ended on 2021-02-19, and its report here had been built final; this build replaced it with a draft that reads otherwise (equity-reforms version 2 then, 3 now): a report prints each position as it is now, not as it was for the meeting.',
    ]);
  });

  // An older briefing's manifest records no text hash: then only the Markdown both builds wrote can tell.
  it('is not said for a project that writes no Markdown whose final report an older briefing built, when a comment in the meeting file changed only the DOCX', async () => {
    const dir = project();
    initRepository(dir, { author: 'Referente', date: '2021-02-15T10:00:00Z' });
    await run(dir, '2021-02-18', { formats: ['docx'] });
    const manifestPath = join(dir, 'out/IZMzin_190221_EDUC.manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { text_sha256?: string };
    delete manifest.text_sha256;
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const before = readFileSync(join(dir, 'out/IZMzin_190221_EDUC.docx'));
    const meeting = join(dir, EXAMPLE_MEETING);
    writeFileSync(meeting, `${readFileSync(meeting, 'utf8')}# Nosūtīts 18.02.2021.\n`);
    commitAll(dir, 'a comment', { author: 'Referente', date: '2021-03-01T10:00:00Z' });
    expect(await run(dir, '2021-03-02', { formats: ['docx'] })).toEqual([]);
    expect(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.docx')).equals(before)).toBe(false);
  });

  // A watch rebuilds through its own path: it replaced the sent report without a word (found by the year-of-use run).
  it('is warned about by a watch’s rebuild too', async () => {
    const dir = project();
    initRepository(dir, { author: 'Referente', date: '2021-02-15T10:00:00Z' });
    await run(dir, '2021-02-18');
    revise(dir, '2021-04-20T10:00:00Z');
    const rebuilt = await buildOnce({ cwd: dir, meeting: EXAMPLE_MEETING, final: false, today: () => '2021-04-21' });
    expect(rebuilt.diagnostics.filter((d) => d.ruleId === 'output/past-report-replaced').map((d) => d.message)).toEqual([
      'The meeting ended on 2021-02-19, and its report here had been built final; this build replaced it with a draft that reads otherwise (equity-reforms version 2 then, 3 now): a report prints each position as it is now, not as it was for the meeting.',
    ]);
  });

  // Pinned by the mutation audit: another position in place of one, not a rename, names each once.
  it('names a position the report did not use then and one it no longer uses', async () => {
    const dir = project();
    initRepository(dir, { author: 'Referente', date: '2021-02-15T10:00:00Z' });
    await run(dir, '2021-02-18');
    const other = exampleFile(REFORMS).replace(/^id: equity-reforms$/m, 'id: equity-funding').replace('600 jaunas', '650 jaunas');
    writeFileSync(join(dir, 'positions/educ/equity-funding.yaml'), other);
    writeFileSync(join(dir, EXAMPLE_MEETING), exampleFile(EXAMPLE_MEETING).replace('position: equity-reforms', 'position: equity-funding'));
    commitAll(dir, 'equity-funding answers in place of equity-reforms', { author: 'Referente', date: '2021-04-20T10:00:00Z' });
    expect((await run(dir, '2021-04-21')).map((d) => d.message)).toEqual([
      'The meeting ended on 2021-02-19, and its report here had been built final; this build replaced it with a report that reads otherwise (equity-funding not used then; equity-reforms no longer used): a report prints each position as it is now, not as it was for the meeting.',
    ]);
  });

  // Pinned by the mutation audit: an older briefing's manifest lists the DOCX beside the Markdown; the Markdown alone tells.
  it('is warned about, from the Markdown, where an older briefing built the final report with the DOCX beside it', async () => {
    const dir = project();
    initRepository(dir, { author: 'Referente', date: '2021-02-15T10:00:00Z' });
    await run(dir, '2021-02-18', { formats: ['md', 'docx'] });
    const manifestPath = join(dir, 'out/IZMzin_190221_EDUC.manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { outputs: { name: string }[]; text_sha256?: string };
    expect(manifest.outputs.map((output) => output.name)).toEqual(['IZMzin_190221_EDUC.md', 'IZMzin_190221_EDUC.docx']);
    delete manifest.text_sha256;
    writeFileSync(manifestPath, JSON.stringify(manifest));
    revise(dir, '2021-04-20T10:00:00Z');
    expect((await run(dir, '2021-04-21', { formats: ['md', 'docx'] })).map((d) => d.message)).toEqual([
      'The meeting ended on 2021-02-19, and its report here had been built final; this build replaced it with a draft that reads otherwise (equity-reforms version 2 then, 3 now): a report prints each position as it is now, not as it was for the meeting.',
    ]);
  });
});

// A position renamed with a new id (git mv, the meeting pointed to it) and revised: the warning named it
// twice, 'equity-investments not used then; equity-reforms no longer used', as if one answer had replaced another.
describe.each([
  ['not yet committed', false],
  ['committed', true],
])('a past meeting whose position was renamed with a new id (%s), built again through the CLI', (_, commit) => {
  it('says the position was renamed, with its versions then and now', () => {
    const dir = project();
    initRepository(dir, { author: 'Referente', date: '2021-02-15T10:00:00Z' });
    expect(runCli(['build', EXAMPLE_MEETING], dir).stderr).not.toContain('past-report-replaced');
    const renamed = 'positions/educ/equity-investments.yaml';
    git(dir, ['mv', REFORMS, renamed]);
    const text = readFileSync(join(dir, renamed), 'utf8');
    writeFileSync(join(dir, renamed), text.replace(/^id: equity-reforms$/m, 'id: equity-investments').replace(/^version: 2$/m, 'version: 3').replace('600 jaunas', '650 jaunas'));
    writeFileSync(join(dir, EXAMPLE_MEETING), exampleFile(EXAMPLE_MEETING).replace('position: equity-reforms', 'position: equity-investments'));
    if (commit) commitAll(dir, 'equity-reforms renamed equity-investments', { author: 'Referente', date: '2021-04-20T10:00:00Z' });
    const run = runCli(['build', EXAMPLE_MEETING], dir);
    expect(run.stderr).toContain('this build replaced it with a draft that reads otherwise (equity-reforms renamed equity-investments, version 2 then, 3 now): ');
    expect(run.stderr).not.toContain('not used then');
    expect(run.stderr).not.toContain('no longer used');
  });
});

/**
 * The example position revised for a later meeting and cleared again for it by both ministries on `date`: the report
 * of February's meeting is then final, from text no ministry had cleared by its day.
 */
function reviseAndClear(dir: string, date: string, lmDate = date): void {
  revise(dir, `${date}T10:00:00Z`, (text) =>
    text
      .replace(/^( {4}version: )2$/gm, '$13')
      .replace(/^( {4}date: )2021-02-15$/m, `$1${date}`)
      .replace(/^( {4}date: )2021-02-17$/m, `$1${lmDate}`),
  );
}

const laterText = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.ruleId === 'output/past-report-later-text');

// Found by the years-of-use run: in a fresh clone (or CI's first run) a 2021 meeting built in 2026 printed the
// positions' 2026 text, cleared and unmarked, and nothing said so: no report of it was in the output folder to compare with.
describe('a past meeting built final where no report of it was, from positions cleared only after it', () => {
  it('is warned about, naming each such position, its version and when it was first cleared', async () => {
    const dir = project();
    initRepository(dir, { author: 'Referente', date: '2021-02-15T10:00:00Z' });
    reviseAndClear(dir, '2021-04-20', '2021-04-22');
    const result = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, jobs: 1, today: '2021-04-23' });
    const warned = laterText(result.diagnostics);
    expect(result.meetings[0]?.draft).toBe(false);
    expect(warned.map((d) => [d.file, d.severity, d.message])).toEqual([
      [
        EXAMPLE_MEETING,
        'warning',
        'The meeting ended on 2021-02-19, and this report of it prints a position no ministry had cleared by its day (equity-reforms version 3, cleared 2021-04-20): a report prints each position as it is now, so this is most likely a later revision than the meeting had (or an answer that came late), though the report reads as cleared for it.',
      ],
    ]);
    expect(warned[0]?.hint).toContain('`git worktree add ../2021-02-19 $(git rev-list -1 --before=2021-02-19T23:59 HEAD)`');
    expect(warned[0]?.hint).toContain(`\`briefing diff ${EXAMPLE_MEETING} --from <that commit>\``);
    expect(warned[0]?.hint).not.toContain('shallow');
    // Said by the build that wrote the report: the next finds it there, and compares with it.
    expect(laterText((await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, jobs: 1, today: '2021-04-24', force: true })).diagnostics)).toEqual([]);
  });

  it('is said where the folder holds a draft of the report, built before the meeting, once', async () => {
    const dir = project();
    writeFileSync(join(dir, REFORMS), readFileSync(join(dir, REFORMS), 'utf8').replace(/(  LM:\n    status: )cleared/, '$1pending'));
    initRepository(dir, { author: 'Referente', date: '2021-02-15T10:00:00Z' });
    expect((await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, jobs: 1, today: '2021-02-18' })).meetings[0]?.draft).toBe(true);
    reviseAndClear(dir, '2021-04-20');
    writeFileSync(join(dir, REFORMS), readFileSync(join(dir, REFORMS), 'utf8').replace(/(  LM:\n    status: )pending/, '$1cleared'));
    commitAll(dir, 'LM cleared', { author: 'Referente', date: '2021-04-20T11:00:00Z' });
    const warned = laterText((await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, jobs: 1, today: '2021-04-21' })).diagnostics);
    expect(warned.map((d) => d.message)).toEqual([expect.stringContaining('(equity-reforms version 3, cleared 2021-04-20)')]);
    expect(laterText((await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, jobs: 1, today: '2021-04-22', force: true })).diagnostics)).toEqual([]);
  });

  // CI's checkout holds the last commit alone: `git rev-list --before=…` gave nothing there, and the hint's `git worktree add`
  // then checked out HEAD, whose report is the one just built, for the one the meeting had.
  it('says, in a shallow clone, to fetch the history before the commands that check out the commit before the meeting', async () => {
    const dir = project();
    initRepository(dir, { author: 'Referente', date: '2021-02-15T10:00:00Z' });
    reviseAndClear(dir, '2021-04-20');
    const clone = join(tempDir(), 'clone');
    execFileSync('git', ['clone', '--quiet', '--depth', '1', `file://${dir}`, clone], { stdio: 'pipe' });
    const [warned] = laterText((await build({ cwd: clone, inputs: [EXAMPLE_MEETING], final: false, jobs: 1, today: '2021-04-21' })).diagnostics);
    expect(warned?.hint).toContain('or fetch the history this shallow clone lacks (`git fetch --unshallow`; in GitHub Actions, actions/checkout with fetch-depth: 0: without it the command that follows checks out the latest commit), then build it again in a checkout of the last commit before the meeting (');
  });

  it('is said by a watch’s first build too, and through the CLI', async () => {
    const dir = project();
    initRepository(dir, { author: 'Referente', date: '2021-02-15T10:00:00Z' });
    reviseAndClear(dir, '2021-04-20');
    const once = await buildOnce({ cwd: dir, meeting: EXAMPLE_MEETING, final: false, today: () => '2021-04-21' });
    expect(laterText(once.diagnostics).map((d) => d.message)).toEqual([expect.stringContaining('(equity-reforms version 3, cleared 2021-04-20)')]);
    const cli = runCli(['build', EXAMPLE_MEETING, '--out', 'elsewhere'], dir);
    expect(cli.status).toBe(0);
    expect(cli.stderr).toContain('output/past-report-later-text');
  });

  it('is not said before the meeting is over, of a late answer by one ministry, or of a draft', async () => {
    const late = project();
    initRepository(late, { author: 'Referente', date: '2021-02-15T10:00:00Z' });
    // AM cleared version 3 before the meeting, LM only after it: the text is the meeting's.
    reviseAndClear(late, '2021-02-18', '2021-02-22');
    expect(laterText((await build({ cwd: late, inputs: [EXAMPLE_MEETING], final: false, jobs: 1, today: '2021-02-23' })).diagnostics)).toEqual([]);

    const early = project();
    initRepository(early, { author: 'Referente', date: '2021-02-15T10:00:00Z' });
    reviseAndClear(early, '2021-02-20');
    // Built on the meeting's day, from clearances dated after it (a mistyped date, which clearance/after-meeting says).
    expect(laterText((await build({ cwd: early, inputs: [EXAMPLE_MEETING], final: false, jobs: 1, today: '2021-02-19' })).diagnostics)).toEqual([]);

    const draft = project();
    initRepository(draft, { author: 'Referente', date: '2021-02-15T10:00:00Z' });
    revise(draft, '2021-04-20T10:00:00Z');
    expect(laterText((await build({ cwd: draft, inputs: [EXAMPLE_MEETING], final: false, jobs: 1, today: '2021-04-21' })).diagnostics)).toEqual([]);
  });

  // Pinned by the mutation audit: two such positions, each named.
  it('names every such position, in the plural', async () => {
    const dir = project();
    const achievements = 'positions/educ/equity-achievements.yaml';
    initRepository(dir, { author: 'Referente', date: '2021-02-15T10:00:00Z' });
    reviseAndClear(dir, '2021-04-20');
    writeFileSync(join(dir, achievements), readFileSync(join(dir, achievements), 'utf8').replace(/^( {4}date: )2021-02-1[56]$/gm, '$12021-04-21'));
    commitAll(dir, 'equity-achievements cleared for May', { author: 'Referente', date: '2021-04-21T10:00:00Z' });
    const result = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, jobs: 1, today: '2021-04-22' });
    expect(laterText(result.diagnostics).map((d) => d.message)).toEqual([
      expect.stringContaining('this report of it prints positions no ministry had cleared by its day (equity-achievements version 3, cleared 2021-04-21; equity-reforms version 3, cleared 2021-04-20): '),
    ]);
  });
});

// Pinned by the mutation audit: the clock is an option; without it nothing says a meeting is over.
describe('a build given no today', () => {
  it('warns of no past report, replaced or from later text', async () => {
    const dir = project();
    initRepository(dir, { author: 'Referente', date: '2021-02-15T10:00:00Z' });
    await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, jobs: 1 });
    revise(dir, '2021-04-20T10:00:00Z');
    const replaced = await build({ cwd: dir, inputs: [EXAMPLE_MEETING], final: false, jobs: 1 });
    expect(replaced.diagnostics.filter((d) => d.ruleId.startsWith('output/past-report')).map((d) => d.message)).toEqual([]);

    const fresh = project();
    initRepository(fresh, { author: 'Referente', date: '2021-02-15T10:00:00Z' });
    reviseAndClear(fresh, '2021-04-20');
    const built = await build({ cwd: fresh, inputs: [EXAMPLE_MEETING], final: false, jobs: 1 });
    expect(built.meetings[0]?.draft).toBe(false);
    expect(built.diagnostics.filter((d) => d.ruleId.startsWith('output/past-report')).map((d) => d.message)).toEqual([]);
  });
});
