import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { projectPath, YAML_FILES } from '../load/files.js';
import { loadMeeting, unreadableMeeting, type LoadedMeeting } from '../load/meeting.js';
import { fileCodeOf, loadAllMeetings } from '../load/meetings.js';
import { builtInTemplatesDir, isBuiltInTemplate } from '../load/package-folder.js';
import { CONFIG_FILE } from '../load/project-root.js';
import { loadProject, type Project, type VersionBase } from '../load/project.js';
import { repositoryAt, resolveCommits, type RepositoryAdvice } from '../load/git.js';
import { unfinishedDeletions, unstagedFiles, untrackedFiles } from '../load/git-changes.js';
import { shellWord } from '../util/shell.js';
import { checkTargets } from '../load/targets.js';
import { generateReport, type GeneratedReport, type TemplateCache } from '../pipeline/build-meeting.js';
import { templateLanguageWarning } from '../pipeline/report-parts.js';
import { layoutFor } from '../load/front-matter.js';
import { diagnostic, hasErrors, hasUnreadable, sortDiagnostics, uniqueDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { includedPositions } from '../validate/meeting-rule-context.js';
import { mergeRequiredBy, quietArchived } from '../validate/clearance-rules.js';
import { mergeTemplateGaps } from '../validate/meeting-date-rules.js';
import { ExitCode, UsageError } from '../diagnostics/errors.js';
import { copiedTemplateWarnings, listTemplates, partialsOnPath, readPartials, strayTemplateWarnings, TEMPLATE_SUFFIX } from '../load/templates.js';
import { loadTemplate, partialAloneProblems } from '../render/template.js';
import { checkPosition } from '../validate/position-rules.js';
import { readPositionFile } from '../load/position-files.js';
import { caseClashes, duplicateFileCodes } from '../validate/project-rules.js';

/** Options of `briefing check`, as the CLI parsed them. */
export interface CheckOptions {
  /** Folder the command runs in; the project root is found from here. */
  cwd: string;
  /** Files, folders or glob patterns, relative to `cwd`; none means the whole project. */
  paths: readonly string[];
  /** Check as `build --final` would: a missing clearance is an error, not a warning. */
  final: boolean;
  /** Today's date (YYYY-MM-DD), read by the CLI; without it, date-relative warnings are skipped. */
  today?: string;
  /** From SOURCE_DATE_EPOCH, read by the CLI; passed on exactly as `build` does. */
  sourceDateEpoch?: number;
  /**
   * `--base`: the git revision positions' versions are compared with instead of HEAD. In CI the working
   * tree is HEAD, so against HEAD nothing ever changed: against the branch a pull request goes into,
   * every answer it changes must come with a higher version.
   */
  base?: string;
  /**
   * Run by a git hook (git sets `GIT_INDEX_FILE` for it; read by the CLI): the commit takes the staged
   * files, and check reads the working tree, so a checked file with changes not staged is named.
   */
  inGitHook?: boolean;
}

/** Project-relative paths of the files a check looked at. */
export type CheckedFiles = {
  config: string;
  ministries: string;
  meetings: string[];
  positions: string[];
  /** Templates and their partials (see {@link templateKinds}). */
  templates: string[];
};

/** The checked template files told apart: templates (`*.md.hbs`) and partials. */
export function templateKinds(files: readonly string[]): { templates: string[]; partials: string[] } {
  return { templates: files.filter((file) => file.endsWith(TEMPLATE_SUFFIX)), partials: files.filter((file) => !file.endsWith(TEMPLATE_SUFFIX)) };
}

/** What to do when `--base` has no repository or commit to compare with (not diff's advice to compare two files). */
const BASE_ADVICE: RepositoryAdvice = {
  outside: "check --base compares the positions' versions with a git revision: run it inside the repository, or leave --base out.",
  noCommit: 'Commit the files first (git add, then git commit); until then, check without --base.',
  revisionFlag: '--base',
};

/** The commit `--base` names, resolved once (a usage error when git does not know it, with why), for loading the project. */
function versionBase(options: CheckOptions): { versionsFrom?: VersionBase } {
  if (options.base === undefined) return {};
  const [commit] = resolveCommits(repositoryAt(options.cwd, BASE_ADVICE), [options.base]);
  return commit ? { versionsFrom: { hash: commit.hash, label: options.base } } : {};
}

/**
 * `input/unstaged`: in a git hook (a pre-commit hook running `briefing check`), a checked file whose
 * working text is not what is staged. check reads the working tree; the commit holds the staged
 * text, which then went unchecked: a change added in part (`git add -p`), or edited after `git add`.
 */
function notStaged(project: Project, checked: CheckedFiles): Diagnostic[] {
  const files = [checked.config, checked.ministries, ...checked.meetings, ...checked.positions, ...checked.templates].filter((path) => !path.startsWith('../'));
  return unstagedFiles(project.root, files).map((path) =>
    diagnostic(
      path,
      undefined,
      'warning',
      'input/unstaged',
      'This file has changes not staged for commit: check read it as it is in the working tree, but the commit takes the staged version, which was not checked.',
      `Stage what you checked (\`git add ${shellWord(path)}\`, or commit with \`git commit -a\`), or set the rest aside first (\`git stash push --keep-index\`) and check again.`,
    ),
  );
}

/**
 * `input/unstaged` too: in a git hook, a file a checked meeting uses (its position, its template) that git
 * does not track. check read it from the working tree, so the meeting passed; the commit will not hold
 * it, and the meeting it holds names what it lacks (a new position written, only the meeting staged).
 */
function notTracked(project: Project, used: readonly string[]): Diagnostic[] {
  return untrackedFiles(project.root, [...new Set(used)].filter((path) => !path.startsWith('../') && !path.startsWith('node_modules/'))).map((path) =>
    diagnostic(
      path,
      undefined,
      'warning',
      'input/unstaged',
      'This file is not in git (untracked): check read it for the meeting that uses it, but the commit will not hold it.',
      `Add it (\`git add ${shellWord(path)}\`), or leave the meeting that uses it out of the commit.`,
    ),
  );
}

/**
 * `file/merge-unfinished`: a checked file a merge (rebase, cherry-pick) stopped at because one side
 * deleted it and the other changed it. It reads well — the working tree holds one side's whole text —
 * so nothing else says that git waits to be told whether it stays.
 */
function unfinishedMerges(project: Project, checked: CheckedFiles): Diagnostic[] {
  const files = [checked.config, checked.ministries, ...checked.meetings, ...checked.positions, ...checked.templates].filter((path) => !path.startsWith('../'));
  return unfinishedDeletions(project.root, files).map(({ path, deletedBy }) => {
    const [deleter, changer] = deletedBy === 'ours' ? ['HEAD', 'the other side'] : ['the other side', 'HEAD'];
    return diagnostic(
      path,
      undefined,
      'warning',
      'file/merge-unfinished',
      `Git has not finished merging this file: ${deleter} deleted it, and ${changer} changed it; it is read as ${changer} has it.`,
      `Keep it, with ${changer}'s changes: \`git add ${shellWord(path)}\`; or delete it, as ${deleter} did: \`git rm ${shellWord(path)}\`.`,
    );
  });
}

/** The result of a check: what was looked at, every problem, and the exit code. */
export interface CheckResult {
  checked: CheckedFiles;
  diagnostics: Diagnostic[];
  exitCode: number;
  /**
   * In a check of the whole project, the meetings that are over whose report was final for their day, their
   * positions revised since (see isArchived): not said to be drafts, nor their clearances asked for again.
   */
  archived: string[];
}

/**
 * Runs everything `build` runs — loading, schema and cross-file rules, resolving,
 * rendering and compiling each meeting in memory — and writes nothing. Also checks the
 * positions and templates no meeting uses.
 */
export async function check(options: CheckOptions): Promise<CheckResult> {
  // Files named: the ids the last build learnt (by path and content hash), so a position no checked file needs is not
  // parsed. A check of the whole project parses every position anyway, and does not read the cache (nor load its schema) for nothing.
  const known = options.paths.length ? { knownPositionIds: (await import('../batch/cache.js')).knownPositionIds(options.cwd) } : {};
  const project = loadProject(options.cwd, { committedVersions: true, ...known, ...versionBase(options) });
  const { targets, diagnostics: inputDiagnostics } = checkTargets(project, options.cwd, options.paths);
  const shown = (files: readonly string[]) => files.map((file) => projectPath(project.root, file));
  const positionFiles = new Set(shown(targets.positions));
  const templateFiles = new Set(shown(targets.templates));
  const checked: CheckedFiles = {
    config: CONFIG_FILE,
    ministries: project.ministriesFile.path,
    meetings: shown(targets.meetings),
    positions: [...positionFiles],
    templates: [...templateFiles],
  };
  const diagnostics: Diagnostic[] = [...project.setupDiagnostics, ...inputDiagnostics];
  const read = targets.meetings.map((file) => readOrProblem(project.root, file));
  const meetings = read.flatMap((each) => (each.meeting ? [each.meeting] : []));
  const unreadable = read.flatMap((each) => (each.problem ? [each.problem] : []));
  diagnostics.push(...unreadable);
  const setupBroken = hasErrors(project.setupDiagnostics);

  // Positions on their own, including those no meeting uses. A broken config or registry
  // would make every cross-file rule misfire, so then only each file's own problems count.
  // Only the ids the checked files claim (the first file of an id, when a checked one claims it too: position/duplicate-id
  // is reported on that one's record): a check of one file parsed and checked every position of the project.
  const claimed = new Set(project.positionFiles.filter((file) => positionFiles.has(file.path)).map((file) => file.id));
  for (const [id, loaded] of project.positions) {
    if (!claimed.has(id)) continue;
    const found = setupBroken ? loaded.diagnostics : checkPosition(project, loaded);
    diagnostics.push(...found.filter((d) => positionFiles.has(d.file)));
  }
  // One named outside the positions folder (examples/position.yaml) is no position of the project: checked alone.
  const scanned = new Set(project.positionFiles.map((file) => file.path));
  for (const path of positionFiles) {
    if (scanned.has(path)) continue;
    const loaded = readPositionFile(project.files, path);
    diagnostics.push(...(setupBroken ? loaded.diagnostics : checkPosition(project, loaded)));
  }
  diagnostics.push(...templateProblems(project, targets.templates, templateFiles));
  // The templates folder as a whole, in a check of the whole project: a file in it that nothing uses (a template Notepad saved as
  // `….md.hbs.txt`), as `briefing templates` says it; a copy Windows named of a template (`Copy of informative-report.lv.md.hbs`)
  // that no meeting names, edits to which change nothing; two templates or partials of one name in two cases, one file on macOS and Windows.
  if (!options.paths.length) {
    diagnostics.push(...strayTemplateWarnings(project.templateDirs, project.files, builtInTemplatesDir()));
    const named = new Set(meetings.flatMap((loaded) => (loaded.meeting?.template === undefined ? [] : [loaded.meeting.template])));
    diagnostics.push(...project.templateDirs.filter((dir) => dir !== builtInTemplatesDir()).flatMap((dir) => copiedTemplateWarnings(project.files, dir, named)));
    if (project.files.kind(project.config.paths.templates) === 'folder') {
      const templates = project.files.list(project.config.paths.templates, ['**/*.hbs', '**/*.HBS']);
      diagnostics.push(...caseClashes(templates, templates, 'template'));
    }
  }
  // Two files that are one on macOS and Windows; the meetings folder is listed again only for a check of some of its files.
  diagnostics.push(...caseClashes([...positionFiles], project.positionFiles.map((file) => file.path), 'position'));
  if (checked.meetings.length) {
    const allMeetings = options.paths.length ? project.files.list(project.config.paths.meetings, YAML_FILES) : checked.meetings;
    diagnostics.push(...caseClashes(checked.meetings, allMeetings, 'meeting'));
  }
  // The files the checked meetings read besides their own: in a hook, those the commit will not hold are named.
  const used: string[] = [];
  const archived: string[] = [];
  if (setupBroken) diagnostics.push(...meetings.flatMap((m) => m.diagnostics));
  else {
    const { problems, included, templates, names, archived: quieted } = await meetingProblems(project, meetings, options, targets.wholeProject);
    archived.push(...quieted);
    used.push(...included, ...templates);
    diagnostics.push(...problems);
    // What compiling the template already said is not said again with the meeting.
    const said = new Set(diagnostics.map(problemKey));
    diagnostics.push(...(await unusedTemplateProblems(project, targets.templates, names, meetings, options)).filter((d) => !said.has(problemKey(d))));
    // A meeting's positions and templates are checked with it, as build checks them: they count as checked.
    for (const path of included) positionFiles.add(path);
    for (const path of templates) templateFiles.add(path);
    checked.positions = [...positionFiles].sort();
    checked.templates = [...templateFiles].sort();
  }

  if (options.inGitHook) diagnostics.push(...notStaged(project, checked), ...notTracked(project, used));
  diagnostics.push(...unfinishedMerges(project, checked));

  const all = sortDiagnostics(mergeTemplateGaps(mergeRequiredBy(uniqueDiagnostics(diagnostics))));
  // A meeting or position that could not be read is a failure of the run (exit 2), as in `build`; the others are still checked.
  return { checked, diagnostics: all, exitCode: hasUnreadable(all) ? ExitCode.failure : hasErrors(all) ? ExitCode.problems : ExitCode.ok, archived: archived.sort() };
}

/**
 * A meeting file read and parsed, or, when it cannot be read (not allowed, gone meanwhile), the
 * message `build` gives for it: one such file stopped the whole check before.
 */
function readOrProblem(root: string, file: string): { meeting?: LoadedMeeting; problem?: Diagnostic } {
  try {
    return { meeting: loadMeeting(root, file) };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return { problem: unreadableMeeting(projectPath(root, file), error) };
  }
}

/**
 * Each meeting exactly as `build` runs it, in memory; then the rules across meetings. Also the position files the meetings
 * include, and, in a check of the whole project (`wholeProject`: no paths, or its folder), the archived meetings whose `meeting/past-draft` it left out.
 */
async function meetingProblems(
  project: Project,
  meetings: readonly LoadedMeeting[],
  options: CheckOptions,
  wholeProject: boolean,
): Promise<{ problems: Diagnostic[]; included: string[]; templates: string[]; names: Set<string>; archived: string[] }> {
  const templates: TemplateCache = new Map();
  const reports = [];
  for (const loaded of meetings) {
    reports.push(
      await generateReport(
        project,
        loaded,
        {
          final: options.final,
          formats: project.config.formats,
          checkOnly: true,
          sourceDateEpoch: options.sourceDateEpoch,
          ...(options.today ? { today: options.today } : {}),
        },
        templates,
      ),
    );
  }
  const included = meetings.flatMap((loaded) => (loaded.meeting ? includedPositions(project, loaded.meeting).map((position) => position.file.path) : []));
  // The project's own template files the meetings used (the built-in ones are not the project's to count, nor are they
  // when briefing is installed in the project's node_modules, inside it). A template that does not compile counts by the files its problems are in.
  const used = [...templates.values()]
    .flatMap((entry) => entry.template?.files.map((file) => file.path) ?? entry.diagnostics.map((d) => d.file))
    .filter((path) => path.endsWith('.hbs') && !isAbsolute(path) && !path.startsWith('..') && !isBuiltInTemplate(project.root, path) && existsSync(join(project.root, path)));
  // A meeting checked alone may share its file code with one left out: build refuses that, so check says it too.
  const checkedPaths = new Set(meetings.map((m) => m.path));
  // Only the meetings left out are read again: a check of the whole project reads none twice.
  // Only a meeting whose text has one of the checked codes can share it (any case): the others are not parsed.
  const codes = reports.flatMap((report) => (report.fileCode ? [report.fileCode.toLowerCase()] : []));
  const hasCode = (text: string) => {
    const lower = text.toLowerCase();
    return codes.some((code) => lower.includes(code));
  };
  const others = (codes.length ? loadAllMeetings(project, checkedPaths, hasCode) : []).map((m) => ({ meetingPath: m.path, fileCode: fileCodeOf(m) ?? null, fileCodePlace: m.file.locate(['file_code']) }));
  const shared = duplicateFileCodes([...reports, ...others]).filter((d) => checkedPaths.has(d.file));
  // A check of the whole project does not say of an archived meeting that its report is still a draft (see quietArchived); one that names it does.
  const said = (report: GeneratedReport) => (wholeProject ? quietArchived(report.diagnostics, report.archived) : report.diagnostics);
  const archived = wholeProject ? reports.flatMap((report) => (report.archived ? [report.meetingPath] : [])) : [];
  return { problems: [...reports.flatMap(said), ...shared], included, templates: used, names: new Set(templates.keys()), archived };
}

/** A problem by its place and rule, whatever the words. */
function problemKey(d: Diagnostic): string {
  return `${d.file}\u0000${d.line ?? ''}\u0000${d.column ?? ''}\u0000${d.ruleId}`;
}

/**
 * The project's own templates that no meeting of this check uses, each rendered as a build would
 * render it for a meeting of the project (the newest checked ones that load first, then the project's
 * newest; up to three, its errors said only when it fails with each of them): a field misspelt in such a template (`meeting.name.lokative`) shows only with data, and
 * would otherwise wait for the first `build --template`. Only the template's own problems count,
 * said with the meeting they were found with. The built-in templates, and copies of them left as they
 * are, are the tool's, not checked so.
 */
/** How many of the project's meetings an unused template is tried with before its errors are said. */
const TEMPLATE_SAMPLES = 3;

async function unusedTemplateProblems(project: Project, files: readonly string[], used: ReadonlySet<string>, meetings: readonly LoadedMeeting[], options: CheckOptions): Promise<Diagnostic[]> {
  const builtIn = builtInTemplatesDir();
  // A copy of a built-in template, byte for byte, is the tool's own: tested with it, not rendered again here.
  const copied = (file: string) => {
    const own = project.files.readBytes(projectPath(project.root, file));
    return own !== undefined && Buffer.from(own).equals(readFileSync(join(builtIn, basename(file))));
  };
  const unused = files.filter(
    (file) => file.endsWith(TEMPLATE_SUFFIX) && dirname(file) === project.templateDirs[0] && project.templateDirs[0] !== builtIn && !used.has(basename(file, TEMPLATE_SUFFIX)) && !(existsSync(join(builtIn, basename(file))) && copied(file)),
  );
  if (!unused.length) return [];
  const clean = (loaded: LoadedMeeting) => loaded.meeting !== undefined && !hasErrors(loaded.diagnostics);
  // The newest meetings first (their files start with the date): an old or imported meeting may lack data a template may print.
  const newest = (list: readonly LoadedMeeting[]) => list.filter(clean).sort((a, b) => (a.path < b.path ? 1 : -1));
  const samples = [...newest(meetings), ...newest(loadAllMeetings(project, new Set(meetings.map((m) => m.path))))].slice(0, TEMPLATE_SAMPLES);
  if (!samples.length) return [];
  const problems: Diagnostic[] = [];
  for (const file of unused) {
    const name = basename(file, TEMPLATE_SUFFIX);
    // Said only when it fails with every meeting tried, as the newest of them has it: a template one of them renders is usable.
    let found: { sample: LoadedMeeting; problems: Diagnostic[] } | undefined;
    for (const sample of samples) {
      const report = await generateReport(project, sample, { final: false, formats: ['md'], checkOnly: true, template: name, sourceDateEpoch: options.sourceDateEpoch, ...(options.today ? { today: options.today } : {}) }, new Map());
      const own = new Set(report.inputs.template ? [report.inputs.template] : [projectPath(project.root, file)]);
      // Anything said at the template itself (a reference DOCX its front matter names that cannot be read, too), and a template rule at a partial of the project's.
      const mine = report.diagnostics.filter((d) => own.has(d.file) || (d.ruleId.startsWith('template/') && d.file.startsWith(`${projectPath(project.root, project.templateDirs[0] ?? '')}/partials/`)));
      if (!hasErrors(mine)) {
        found = { sample, problems: mine };
        break;
      }
      found ??= { sample, problems: mine };
    }
    for (const d of found?.problems ?? []) {
      const sample = found?.sample.path ?? '';
      // A message that names the meeting already (template/empty-value) is not told it again.
      const how = d.message.includes(sample) ? 'rendered for that meeting, as no meeting of this check uses the template' : `found rendering it for ${sample}: no meeting of this check uses the template`;
      problems.push({ ...d, message: `${d.message.replace(/\.$/, '')} (${how}).` });
    }
  }
  return problems;
}

/**
 * The folder whose `partials/` holds a partial in `dir` or in a folder under it (`templates/partials/ministry`
 * → `templates`), looked for no higher than a templates folder; undefined when none does.
 */
function partialsOwner(dir: string, templateDirs: readonly string[]): string | undefined {
  for (let at = dir; dirname(at) !== at && !templateDirs.includes(at); at = dirname(at)) if (basename(at) === 'partials') return dirname(at);
  return undefined;
}

/**
 * Compiles every template on the template path from each folder the given template files
 * belong to (a partial belongs to the folder above its `partials/`), keeping the problems
 * of those files: a project's partial is checked in the built-in templates it replaces
 * a partial of, too. A partial in a folder under `partials/` (`{{> ministry/sign}}`) belongs there too.
 */
function templateProblems(project: Project, files: readonly string[], shownFiles: ReadonlySet<string>): Diagnostic[] {
  const folders = new Set(files.map((file) => (file.endsWith(TEMPLATE_SUFFIX) ? dirname(file) : (partialsOwner(dirname(file), project.templateDirs) ?? dirname(file)))));
  return [...folders].flatMap((folder) => {
    const at = project.templateDirs.indexOf(folder);
    if (at >= 0) {
      const dirs = project.templateDirs.slice(at);
      // Each partial of those files alone too: one that no template includes is compiled with none.
      const partials = partialsOnPath(dirs, project.files).filter((partial) => shownFiles.has(partial.path));
      const read = partials.length ? readPartials(dirs, project.files) : { partials: [], unreadable: [] };
      return [
        ...listTemplates(dirs, project.files).flatMap((name) => templateOwnProblems(project, name, dirs)),
        ...partials.flatMap((partial) => partialAloneProblems(partial.name, read)),
      ].filter((d) => shownFiles.has(d.file));
    }
    // A sub-folder of a templates folder (`template: ministry/report`): its templates are named by their path there, and find the partials a build finds.
    const root = project.templateDirs.findIndex((dir) => !relative(dir, folder).startsWith('..') && !isAbsolute(relative(dir, folder)));
    const dirs = root >= 0 ? project.templateDirs.slice(root) : [folder];
    const prefix = root >= 0 ? relative(project.templateDirs[root] ?? folder, folder).split(sep).join('/') : '';
    return listTemplates([folder], project.files).flatMap((name) => templateOwnProblems(project, prefix ? `${prefix}/${name}` : name, dirs).filter((d) => shownFiles.has(d.file)));
  });
}

/** A template's problems as it compiles, and whether its name's language is the one its text is marked as (`template/language`), used by a meeting or not. */
function templateOwnProblems(project: Project, name: string, dirs: readonly string[]): Diagnostic[] {
  const { template, diagnostics } = loadTemplate(name, dirs, project.files);
  return template ? [...diagnostics, ...templateLanguageWarning(template, layoutFor(project.config.layout, template.layout))] : diagnostics;
}
