import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { writtenAnotherWay } from './letter-forms.js';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { BROKEN_LINK_HINT, brokenLink, filesIn, isProjectRoot, namedPath, projectPath, YAML_FILES } from './files.js';
import { CONFIG_FILE } from './project-root.js';
import type { Project } from './project.js';
import { meetingSchema } from '../model/meeting.js';
import { namedFileProblem } from './links.js';
import { projectLocations, type ProjectLocations } from './project-paths.js';
import { checkoutTop } from './git-state.js';

/** The files one `briefing check` looks at, by kind, as absolute paths. */
export interface CheckTargets {
  meetings: string[];
  positions: string[];
  templates: string[];
  /** True when the whole project is checked (no paths given). */
  wholeProject: boolean;
}

const CHECKED_FILES = [...YAML_FILES, '**/*.hbs'];

/**
 * Turns the paths given to `check` into files by kind. No paths means the whole project:
 * every meeting, every position and every template. A folder means the files in it; a
 * pattern is expanded; each file's kind is told by the folder it lies in (and, outside the
 * positions folder, by whether it has a position's `id`).
 */
export function checkTargets(project: Project, cwd: string, inputs: readonly string[]): { targets: CheckTargets; diagnostics: Diagnostic[] } {
  const folders = projectFolders(project);
  // The project's folder itself (`check .` at its top) is the whole project, as no paths are: it was refused as lying outside itself.
  if (!inputs.length || inputs.some((input) => !isDynamicPattern(input) && isProjectRoot(project.root, namedPath(project.root, cwd, input)))) {
    return {
      targets: {
        meetings: filesIn(folders.meetings, YAML_FILES, project.root),
        positions: filesIn(folders.positions, YAML_FILES, project.root),
        templates: filesIn(folders.templates, ['**/*.hbs'], project.root),
        wholeProject: true,
      },
      diagnostics: [],
    };
  }
  const targets: CheckTargets = { meetings: [], positions: [], templates: [], wholeProject: false };
  const diagnostics: Diagnostic[] = [];
  for (const input of inputs) {
    const { files, problem } = expand(project, cwd, input);
    if (problem) diagnostics.push(problem);
    for (const file of files) {
      const kind = kindOf(project, folders, file);
      if (kind === 'meeting') targets.meetings.push(file);
      else if (kind === 'position') targets.positions.push(file);
      else if (kind === 'template') targets.templates.push(file);
      else if (kind === 'other') diagnostics.push(notChecked(projectPath(project.root, file)));
    }
  }
  const unique = (files: string[]) => [...new Set(files)].sort();
  return {
    targets: { ...targets, meetings: unique(targets.meetings), positions: unique(targets.positions), templates: unique(targets.templates) },
    diagnostics,
  };
}

/** `input/unknown-kind` for a file `check` was given that is no briefing file: a YAML file says why it is none. */
function notChecked(path: string): Diagnostic {
  const hint = 'Name meeting, position or template files (.yaml, .hbs), or a folder holding them; a hook that passes every staged file (lint-staged) should pass only those.';
  if (!/\.ya?ml$/i.test(path)) return diagnostic(path, undefined, 'error', 'input/unknown-kind', 'This is not a file briefing checks.', hint);
  return diagnostic(
    path,
    undefined,
    'error',
    'input/unknown-kind',
    'This YAML file is neither a meeting nor a position (it has none of a meeting’s fields, such as `date` or `questions`, and no position `id`): briefing does not check it.',
    hint,
  );
}

/** The project's folders, absolute; undefined where the config's value cannot be used (reported at load). */
function projectFolders(project: Project): ProjectLocations {
  return projectLocations(project.files, project.config, project.configFile).locations;
}

function expand(project: Project, cwd: string, input: string): { files: string[]; problem?: Diagnostic } {
  if (isDynamicPattern(input)) {
    const files = globSync(input, { cwd, absolute: true, onlyFiles: true }).sort();
    const checked = files.map((file) => ({ file, problem: namedFileProblem(project.root, file) }));
    const outside = checked.find((entry) => entry.problem !== undefined)?.problem;
    if (outside) return { files: checked.flatMap((entry) => (entry.problem ? [] : [entry.file])), problem: outside };
    if (files.length) return { files };
    return { files, problem: diagnostic(input, undefined, 'error', 'input/no-match', `No file matches \`${input}\`.`, 'Check the pattern; quote it so the shell does not expand it.') };
  }
  const absolute = namedPath(project.root, cwd, input);
  if (!existsSync(absolute)) {
    return { files: [], problem: notFound(project.root, absolute, cwd, input) };
  }
  const problem = namedFileProblem(project.root, absolute);
  if (problem) return { files: [], problem };
  if (!statSync(absolute).isDirectory()) return { files: [absolute] };
  const files = filesIn(absolute, CHECKED_FILES, project.root);
  // A folder named with nothing in it to check is said, as a pattern that matches nothing is: "Checked 0 meetings, 0 positions: no problems" passed a mistyped folder in CI.
  if (files.length) return { files };
  const shown = projectPath(project.root, absolute);
  return {
    files,
    problem: diagnostic(shown, undefined, 'error', 'input/no-match', 'There is no meeting, position or template file in this folder (nor in a folder under it): nothing to check.', 'Name the folder that holds them, or run briefing check alone to check the whole project.'),
  };
}

/**
 * `input/not-found` for a path that is not there. Where its folder or file is there with its
 * letters written another way — "ī" as "i" and a combining macron, as a Mac or a pasted name
 * writes it, or the other way round — which looks the same in a listing, says so.
 */
function notFound(root: string, absolute: string, cwd: string, input: string): Diagnostic {
  const shown = projectPath(root, absolute);
  const link = brokenLink(absolute);
  if (link) return diagnostic(shown, undefined, 'error', 'input/not-found', `This is ${link}: there is no file to read.`, BROKEN_LINK_HINT);
  const other = writtenAnotherWay(root, absolute);
  if (!other) return diagnostic(shown, undefined, 'error', 'input/not-found', 'No such file or folder.', `Paths are relative to the current folder${fromTop(cwd, input)}.`);
  return diagnostic(shown, undefined, 'error', 'input/not-found', `No such file or folder as typed, ${other.message}`, other.hint);
}

/**
 * Where a path not found from `cwd` is there from the top of its git repository (the project in a folder
 * below it, and a hook framework naming the staged files from the top): the path from `cwd`, said.
 */
function fromTop(cwd: string, input: string): string {
  const top = isAbsolute(input) ? undefined : checkoutTop(cwd);
  if (top === undefined || top === cwd || !existsSync(join(top, input))) return '';
  const here = relative(cwd, join(top, input)).split(sep).join('/');
  return `; this one is there from the top of the git repository, as a hook framework names staged files: from here it is ${here}`;
}

/** What a file of the project is, as `check` tells it: by its name and the folder it lies in. */
export type FileKind = 'meeting' | 'position' | 'template' | 'config' | 'registry' | 'other';

/** What `file` (absolute, inside the project) is, as `check` tells it. */
export function fileKind(project: Project, file: string): FileKind {
  return kindOf(project, projectFolders(project), file);
}

function kindOf(project: Project, folders: ProjectLocations, file: string): FileKind {
  if (file === join(project.root, CONFIG_FILE)) return 'config';
  if (file === folders.ministries) return 'registry';
  if (file.endsWith('.hbs')) return 'template';
  if (!/\.ya?ml$/i.test(file)) return 'other';
  if (folders.positions !== undefined && underFolder(folders.positions, file)) return 'position';
  // Under the meetings folder every YAML file is a meeting, as `build --all` and `check` take them: one
  // with a position's `id` was left out of `build meetings/` without a word, and that build exited 0.
  if (folders.meetings !== undefined && folders.meetings !== project.root && underFolder(folders.meetings, file)) return 'meeting';
  // Elsewhere a YAML file is a meeting, unless it says it is a position (examples/position.yaml, or one copied aside), or is
  // plainly another tool's (a CI workflow, a linter's config: what a hook passing every staged YAML file names).
  const text = readQuietly(project, file);
  if (text !== undefined && /^id[ \t]*:/m.test(text)) return 'position';
  return text !== undefined && anotherToolsYaml(text) ? 'other' : 'meeting';
}

/** A meeting's fields that tell it from another tool's YAML: all but those any YAML may have (a workflow's `name`, a manifest's `kind`). */
const MEETING_FIELDS: ReadonlySet<string> = new Set(Object.keys(meetingSchema.shape).filter((field) => !['name', 'kind', 'mode', 'time', 'template'].includes(field)));

/**
 * Whether a YAML file's top-level keys (those at the left edge) are there and none of them is a
 * meeting's field. A file with no such key (empty, a list, a flow mapping) is taken for a meeting,
 * whose checks then say what it lacks.
 */
function anotherToolsYaml(text: string): boolean {
  const keys = [...text.matchAll(/^(?:"([^"\n]+)"|'([^'\n]+)'|([^\s#:'"\-?|>{[&*!%@`][^:\n]*?))[ \t]*:(?:[ \t]|$)/gm)].map((match) => match[1] ?? match[2] ?? match[3] ?? '');
  return keys.length > 0 && !keys.some((key) => MEETING_FIELDS.has(key));
}

/** A file's text, or undefined when it cannot be read (reading it later says why). */
function readQuietly(project: Project, file: string): string | undefined {
  try {
    return project.files.readText(projectPath(project.root, file));
  } catch {
    return undefined;
  }
}

/** Whether `file` is named under `folder`: by its path, so a link in the positions folder is a position (that it stays inside the project is checked apart). */
function underFolder(folder: string, file: string): boolean {
  const path = relative(folder, file);
  return path !== '' && path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path);
}

const KIND_NAMES: Record<Exclude<FileKind, 'other'>, string> = {
  meeting: 'a meeting',
  position: 'a position',
  template: 'a template',
  config: `the project's config (${CONFIG_FILE})`,
  registry: 'the ministries registry',
};

/**
 * The message for a file named to a command that takes another kind (`build` meetings,
 * `clear` positions): one line, before the file is parsed as what it is not — a position
 * read as a meeting would give a dozen schema errors that all miss the point. Undefined when
 * `file` (absolute, inside the project) is of the kind `wanted`. `hint` says what to do,
 * given what the file is.
 */
export function wrongKindProblem(
  project: Project,
  file: string,
  wanted: 'meeting' | 'position',
  command: string,
  hint: (kind: FileKind | 'folder', path: string) => string,
): Diagnostic | undefined {
  const path = projectPath(project.root, file) || '.';
  if (existsSync(file) && statSync(file).isDirectory()) {
    return diagnostic(path, undefined, 'error', 'input/wrong-kind', `This is a folder, not a ${wanted} file.`, hint('folder', path));
  }
  const kind = fileKind(project, file);
  if (kind === wanted) return undefined;
  if (kind === 'other') {
    return diagnostic(path, undefined, 'error', 'input/unknown-kind', `This is not a briefing file: ${command} takes ${wanted} files (.yaml).`, hint(kind, path));
  }
  return diagnostic(path, undefined, 'error', 'input/wrong-kind', `This is ${KIND_NAMES[kind]}, not ${KIND_NAMES[wanted]}: ${command} takes ${wanted} files.`, hint(kind, path));
}
