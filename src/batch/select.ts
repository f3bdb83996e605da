import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { BROKEN_LINK_HINT, brokenLink, filesIn, isProjectRoot, namedPath, projectPath, sha256, YAML_FILES } from '../load/files.js';
import { namedFileProblem } from '../load/links.js';
import { fileKind, wrongKindProblem } from '../load/targets.js';
import { writtenAnotherWay } from '../load/letter-forms.js';
import type { Project } from '../load/project.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { UsageError } from '../diagnostics/errors.js';
import type { Shard } from './shard.js';
import { shellWord } from '../util/shell.js';
import { loadMeeting } from '../load/meeting.js';
import { isToCome } from '../model/index.js';

/** Which meetings to build: files and patterns, or every meeting of the project. */
export interface Selection {
  /** Meeting files or glob patterns, relative to `cwd`. */
  inputs: readonly string[];
  /** Every meeting under the config's meetings folder. */
  all: boolean;
  /** Only the meetings of this shard. */
  shard?: Shard;
  /** Only the meetings still to come on this day (YYYY-MM-DD): their last day is this day or later. */
  upcomingFrom?: string;
}

/**
 * Expands paths, globs or `--all` into existing meeting files (absolute, sorted, each
 * once), then keeps the shard's. A path or pattern that finds nothing is a problem, not a crash.
 * With `upcomingFrom`, a meeting that is over on that day is left out, and named in `over`
 * (project-relative); one whose file cannot be read as a meeting stays, for its errors.
 */
export function selectMeetings(project: Project, cwd: string, selection: Selection): { paths: string[]; diagnostics: Diagnostic[]; over: string[] } {
  const meetingsFolder = project.config.paths.meetings;
  if (selection.all && selection.inputs.length) {
    throw new UsageError('Give either meeting files or --all, not both.', `--all builds every meeting under ${meetingsFolder}/.`);
  }
  if (!selection.all && !selection.inputs.length) {
    throw new UsageError('Name the meeting file(s) to build, or use --all.', `For example: briefing build ${meetingsFolder}/<date>-<slug>.yaml`);
  }
  const found = selection.all ? everyMeeting(project) : expandInputs(project, cwd, selection.inputs);
  const shard = selection.shard;
  const paths = [...new Set(found.paths)].sort().filter((path) => !shard || inShard(projectPath(project.root, path), shard));
  if (selection.upcomingFrom === undefined) return { paths, diagnostics: found.diagnostics, over: [] };
  const today = selection.upcomingFrom;
  const isOver = (path: string) => {
    const meeting = loadMeeting(project.root, path).meeting;
    return meeting !== undefined && !isToCome(meeting, today);
  };
  const over = new Set(paths.filter(isOver));
  return { paths: paths.filter((path) => !over.has(path)), diagnostics: found.diagnostics, over: [...over].map((path) => projectPath(project.root, path)) };
}

function everyMeeting(project: Project): { paths: string[]; diagnostics: Diagnostic[] } {
  const folder = join(project.root, project.config.paths.meetings);
  const paths = filesIn(folder, YAML_FILES, project.root);
  const diagnostics = paths.length
    ? []
    : [
        diagnostic(
          project.config.paths.meetings,
          undefined,
          'warning',
          'input/no-meetings',
          'There are no meeting files in this folder.',
          'Start one with `briefing new meeting <date> <slug>` (a file named <date>-<slug>.yaml); paths.meetings in the config names the folder.',
        ),
      ];
  return { paths, diagnostics };
}

function expandInputs(project: Project, cwd: string, inputs: readonly string[]): { paths: string[]; diagnostics: Diagnostic[] } {
  const paths: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const input of inputs) {
    if (isDynamicPattern(input)) {
      const matches = globSync(input, { cwd, absolute: true });
      if (!matches.length) {
        diagnostics.push(diagnostic(input, undefined, 'error', 'input/no-match', `No meeting file matches \`${input}\`.`, 'Check the pattern; quote it so the shell does not expand it.'));
      }
      for (const match of matches) keepInside(project, match, paths, diagnostics);
      continue;
    }
    const absolute = namedPath(project.root, cwd, input);
    if (isProjectRoot(project.root, absolute)) {
      // The project's folder itself (`build .` at its top): its meetings, as --all builds them, not every YAML file in it (init's examples).
      const every = everyMeeting(project);
      paths.push(...every.paths);
      diagnostics.push(...every.diagnostics);
    } else if (existsSync(absolute) && statSync(absolute).isDirectory()) {
      // A folder stands for the meeting files in it, as `check` takes folders: not the positions or the config.
      const inFolder = filesIn(absolute, YAML_FILES, project.root).filter((file) => fileKind(project, file) === 'meeting');
      if (!inFolder.length) diagnostics.push(diagnostic(projectPath(project.root, absolute), undefined, 'error', 'input/no-match', 'There are no meeting files in this folder.', 'Meeting files are named <date>-<slug>.yaml.'));
      // Told to be meetings just now: only whether each stays inside the project is left to ask (its kind read again cost a read of each file).
      for (const file of inFolder) keepInside(project, file, paths, diagnostics, true);
    } else if (existsSync(absolute)) keepInside(project, absolute, paths, diagnostics);
    else {
      const another = writtenAnotherWay(project.root, absolute);
      const link = brokenLink(absolute);
      diagnostics.push(
        link
          ? diagnostic(projectPath(project.root, absolute), undefined, 'error', 'input/not-found', `This is ${link}: there is no meeting file to read.`, BROKEN_LINK_HINT)
          : another
          ? diagnostic(projectPath(project.root, absolute), undefined, 'error', 'input/not-found', `No such meeting file as typed, ${another.message}`, another.hint)
          : diagnostic(projectPath(project.root, absolute), undefined, 'error', 'input/not-found', 'No such meeting file.', `Meeting files live in ${project.config.paths.meetings}/.`),
      );
    }
  }
  return { paths, diagnostics };
}

/** Adds a meeting file named on the command line, or the message why it is not read: outside the project, or not a meeting (unless `aMeeting`: its kind is known already). */
function keepInside(project: Project, file: string, paths: string[], diagnostics: Diagnostic[], aMeeting = false): void {
  const problem =
    namedFileProblem(project.root, file) ??
    (aMeeting ? undefined : wrongKindProblem(project, file, 'meeting', 'build', (kind, path) =>
      kind === 'position'
        ? `Build a meeting that includes it (\`briefing list meetings\` shows them), or check the position alone: briefing check ${shellWord(path)}`
        : `Meeting files are the .yaml files under ${project.config.paths.meetings}/, e.g. ${project.config.paths.meetings}/<date>-<slug>.yaml.`,
    ));
  if (problem) diagnostics.push(problem);
  else paths.push(file);
}

/**
 * Whether a meeting belongs to a shard. The part is chosen by a hash of the meeting's
 * project-relative path, so it does not depend on which other meetings exist: adding a
 * meeting never moves the others to another CI job (whose cache then still fits).
 */
function inShard(meetingPath: string, shard: Shard): boolean {
  const bucket = Number.parseInt(sha256(meetingPath).slice(0, 8), 16) % shard.count;
  return bucket === shard.index - 1;
}
