import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createFiles } from '../emit/create.js';
import { EDIT_ADVICE, writeAllAtomic } from '../emit/write.js';
import { readText } from '../load/files.js';
import { builtInMinistriesFile } from '../load/ministries-registry.js';
import { CONFIG_FILE } from '../load/project-root.js';
import { ministriesSchema, nameOn, type Ministries, type Ministry } from '../model/index.js';
import type { Prompter } from '../prompt/prompter.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ExitCode, UsageError } from '../diagnostics/errors.js';
import { Answers, askSignatory, checkFlagsBeforeAsking, ministryChoices } from '../scaffold/answers.js';
import { checkSchema } from '../load/shape.js';
import * as files from '../init/files.js';
import { packageManagerIn, type PackageManager } from '../load/package-manager.js';
import { EXAMPLES } from '../init/examples.js';
import { toolFiles, workflowPlace } from '../init/tool-files.js';
import { briefingSpec, plannedPackageJson, toolSpec, installingProject } from '../init/package-json.js';
import { projectAlready, insideProject } from '../init/existing-project.js';
import { toolOutside, yarnUnpinned, plugAndPlay, foldersInUse } from '../init/setup-warnings.js';

/** Options of `briefing init [folder]`. */
export interface InitOptions {
  cwd: string;
  /** The new repository's folder, relative to `cwd` (default: `cwd`). */
  folder?: string;
  /** Answers given as flags; the rest is asked (on a terminal) or is an error. */
  flags: InitFlags;
  prompter?: Prompter;
  /**
   * The day init runs, YYYY-MM-DD: the ministries are offered, and the example of who signs is made,
   * with the names they bear that day (VARAM's since 2023), not their first ones. Without it, the first ones.
   */
  today?: string;
}

/** The answers `init` takes as flags. */
export interface InitFlags {
  ministry?: string;
  signatureRole?: string;
  signatureName?: string;
  visaRole?: string;
  visaName?: string;
  /** How package.json names the tool, e.g. `file:../briefing-0.1.0.tgz` (default: where this briefing is installed). */
  tool?: string;
}

/** What `init` wrote (paths relative to the new repository), or why it wrote nothing. */
export interface InitResult {
  /** The repository folder, as given (`.` for the current one). */
  folder: string;
  created: string[];
  /** package.json existed (npm wrote it when installing briefing): the keys added to it. */
  updated: string[];
  /** Files of lines the folder had (`.gitignore`, …): the lines init added to each (none: it had them all). */
  merged: { path: string; added: string[] }[];
  /** Files the folder had that init leaves as they are, its own not written (a clone's `README.md`). */
  kept: string[];
  /** Files the folder had with the very bytes init writes (an init cut short, its config removed): left as they are, the rest written. */
  same?: string[];
  /** The workflow init wrote, from the folder (`../.github/workflows/briefings.yml` at the top of a repository the folder lies in); none when it wrote none. */
  workflow?: string;
  /** The VS Code settings init wrote at the top of a repository the folder lies in (`../.vscode/settings.json`), from the folder. */
  topSettings?: string;
  /** With `--update`: init's files that differ from this version's (written beside each as `<name>.new`), and those that do not. */
  update?: {
    renewed: string[];
    current: string[];
    /** The project's templates and partials that replace built-in ones this version has otherwise, with the built-in file to compare. */
    templates?: { path: string; builtIn: string }[];
  };
  /** What the repository installs with (its lockfile; npm where it has none), which the workflow, the README and the next steps use. */
  manager?: PackageManager;
  diagnostics: Diagnostic[];
  exitCode: number;
}

/**
 * Creates a ministry's own briefing repository: config, folders, examples, editor and CI
 * settings, README, and the tool as a development dependency. Refuses to replace any file
 * (exit 1 naming it), but goes on around one with the very bytes it writes; a package.json that npm wrote when briefing was installed is kept,
 * and only the keys init needs are added to it.
 */
export async function init(options: InitOptions): Promise<InitResult> {
  const folder = options.folder ?? '.';
  const root = resolve(options.cwd, folder);
  // An empty spec installs whatever package npm's registry calls "briefing", which is not this tool.
  if (options.flags.tool?.trim() === '') {
    throw new UsageError('--tool is empty: package.json would name no briefing to install; nothing written.', 'Name the package, e.g. --tool file:vendor/briefing-0.1.0.tgz, or leave --tool out for the briefing this runs from.');
  }
  // Before anything is asked: a project already (init run twice, or in the wrong folder), or one inside another's meetings.
  const elsewhere = [...projectAlready(root, folder, options.flags.ministry), ...insideProject(root, options.cwd)];
  if (elsewhere.length) return { folder, created: [], updated: [], merged: [], kept: [], diagnostics: elsewhere, exitCode: ExitCode.problems };
  const ministries = builtInMinistries();
  // A file init would replace: said before the questions, not after them.
  const workflowAt = workflowPlace(root);
  const spec = options.flags.tool ?? toolSpec(root);
  // A new folder has no lockfile yet: it is installed as the project that runs init was (`pnpm exec briefing init ../other`),
  // whose `packageManager` the new package.json does not have.
  const manager = existsSync(join(root, 'package.json')) ? packageManagerIn(root) : { ...packageManagerIn(installingProject()?.root ?? root), pinned: false };
  // The files whose text the answers do not change: one there with init's very bytes is no reason to stop.
  const knownFirst = new Map([...FOLDER_KEEPERS, [workflowAt.path, files.workflow(workflowAt.below, workflowAt.file, manager)]]);
  const refusedFirst = refusedFiles(root, folder, [...INIT_FILES, workflowAt.path], knownFirst);
  if (refusedFirst) return refusedFirst;
  const fill = async (answers: Answers) => {
    const issuingMinistry = await answers.select(
      { flag: '--ministry', given: options.flags.ministry?.toUpperCase(), message: 'Issuing ministry' },
      ministryChoices(ministries, options.today),
    );
    const signature = await person(answers, 'signature', options.flags.signatureRole, options.flags.signatureName);
    const visa = await person(answers, 'visa', options.flags.visaRole, options.flags.visaName);
    return { issuingMinistry, signature, visa };
  };
  await checkFlagsBeforeAsking(options.prompter, fill);
  const answers = new Answers(options.prompter);
  const { issuingMinistry, signature, visa } = await fill(answers);
  answers.assertComplete('init');
  if (issuingMinistry === undefined) throw new Error('init: the issuing ministry is missing after assertComplete');
  const chosen: files.InitAnswers = { issuingMinistry, signature, visa };

  const tool = toolFiles(chosen, { spec, manager, workflow: workflowAt, ministries });
  const texts = new Map<string, string>([
    [CONFIG_FILE, files.configFile(chosen, files.signatureExamples(issuingMinistry, namesOn(ministries[issuingMinistry], options.today)))],
    ['meetings/.gitkeep', ''],
    ['positions/.gitkeep', ''],
    ...tool.settings,
    ...(workflowAt.topSettings !== undefined && workflowAt.below !== undefined ? [[workflowAt.topSettings, files.vscodeSchemasAtTop(workflowAt.below)] satisfies [string, string]] : []),
    ['README.md', files.readme(chosen, manager)],
    ...tool.examples,
  ]);
  // Again after the questions: a file may have come meanwhile.
  const refused = refusedFiles(root, folder, [...texts.keys()], texts);
  if (refused) return refused;
  const existing = [...texts.keys()].filter((path) => existsSync(join(root, path)));
  const same = existing.filter((path) => !MERGED_FILES.has(path) && asInitWrites(join(root, path), texts.get(path)));

  // Everything is worked out first (a package.json that is not JSON stops here), then the new
  // files are made as one set: a failure half way removes what was made, so a second try can run.
  const packageJson = plannedPackageJson(root, spec);
  const merged = existing.filter((path) => MERGED_FILES.has(path)).map((path) => ({ path, ...files.withLines(path, readText(join(root, path), join(folder, path)), texts.get(path) ?? '') }));
  const kept = [...existing.filter((path) => KEPT_FILES.has(path) && !same.includes(path)), ...(packageJson.kind === 'update' ? packageJson.kept : [])];
  const fresh: [string, string][] = [...(packageJson.kind === 'new' ? [['package.json', packageJson.text] satisfies [string, string]] : []), ...[...texts].filter(([path]) => !existing.includes(path))];
  writeSet(root, folder, fresh, [
    ...(packageJson.kind === 'update' && packageJson.added.length ? [{ path: 'package.json', text: packageJson.text }] : []),
    ...merged.filter((file) => file.added.length),
  ]);
  return {
    folder,
    created: fresh.map(([path]) => path),
    ...(fresh.some(([path]) => path === workflowAt.path) ? { workflow: workflowAt.path } : {}),
    ...(fresh.some(([path]) => path === workflowAt.topSettings) ? { topSettings: workflowAt.topSettings } : {}),
    updated: packageJson.kind === 'update' ? packageJson.added : [],
    merged: merged.map(({ path, added }) => ({ path, added })),
    kept,
    ...(same.length ? { same } : {}),
    manager,
    diagnostics: [
      ...(options.flags.tool === undefined ? toolOutside(root, briefingSpec(packageJson.text) ?? spec, manager) : []),
      ...yarnUnpinned(root, manager),
      ...plugAndPlay(root, manager),
      ...foldersInUse(root, folder),
    ],
    exitCode: ExitCode.ok,
  };
}

/**
 * Makes the files `fresh` (path and text, from `root`) and replaces those of `replaced` as one set: a
 * failure half way removes what was made and puts back what was replaced, so a second try can run.
 */
export function writeSet(root: string, folder: string, fresh: readonly (readonly [string, string])[], replaced: readonly { path: string; text: string }[]): void {
  const undo = createFiles(fresh.map(([path, text]) => ({ target: join(root, path), text, shownAs: join(folder, path) })));
  try {
    writeAllAtomic(
      replaced.map(({ path, text }) => ({ target: join(root, path), data: text, shownAs: join(folder, path) })),
      EDIT_ADVICE,
    );
  } catch (error) {
    undo();
    throw error;
  }
}

/** The files init writes beside package.json (see `texts` in {@link init}). */
const INIT_FILES = [
  CONFIG_FILE,
  'meetings/.gitkeep',
  'positions/.gitkeep',
  'templates/README.md',
  '.gitignore',
  '.gitattributes',
  '.npmrc',
  '.vscode/settings.json',
  'README.md',
  ...EXAMPLES.map((example) => example.to),
];

/** The empty folders' keepers init writes, whose text nothing changes. */
const FOLDER_KEEPERS: ReadonlyMap<string, string> = new Map([
  ['meetings/.gitkeep', ''],
  ['positions/.gitkeep', ''],
]);

/**
 * Why init writes nothing in `root`: a file of `paths` there that it would replace (a project already is {@link projectAlready}'s).
 * One with the very bytes init writes (`known`, by path) is none: nothing of the user's is at stake, and init goes on around it.
 */
function refusedFiles(root: string, folder: string, paths: readonly string[], known: ReadonlyMap<string, string>): InitResult | undefined {
  const taken = paths.filter((path) => existsSync(join(root, path)) && !MERGED_FILES.has(path) && !KEPT_FILES.has(path) && !asInitWrites(join(root, path), known.get(path)));
  if (!taken.length) return undefined;
  const problems = taken.map((path) =>
    diagnostic(join(folder, path), undefined, 'error', 'output/exists', 'This file already exists; init wrote nothing.', 'Run init in an empty folder (or a fresh clone), or move the file away.'),
  );
  return { folder, created: [], updated: [], merged: [], kept: [], diagnostics: problems, exitCode: ExitCode.problems };
}

/** Whether the file at `target` is a plain file holding exactly `text` (compared only when the sizes match: a link to a device is never read). */
function asInitWrites(target: string, text: string | undefined): boolean {
  if (text === undefined) return false;
  try {
    const stat = statSync(target);
    return stat.isFile() && stat.size === Buffer.byteLength(text) && readFileSync(target).equals(Buffer.from(text));
  } catch {
    return false;
  }
}

/** Files of lines a folder may already have (a clone of a new GitLab or GitHub repository): init adds the lines they lack. */
export const MERGED_FILES: ReadonlySet<string> = new Set(['.gitignore', '.gitattributes', '.npmrc']);
/**
 * A file init's version would only replace (a clone's own README, the repository's VS Code settings, a
 * templates/README.md of its own): one that exists is kept, init's not written.
 */
const KEPT_FILES: ReadonlySet<string> = new Set(['README.md', '.vscode/settings.json', 'templates/README.md']);

/** Who signs or endorses the reports init's config names: both parts, or none (see askSignatory). */
async function person(answers: Answers, kind: 'signature' | 'visa', role: string | undefined, name: string | undefined) {
  const label = kind === 'signature' ? 'Who signs the reports' : 'Visa (who endorses them)';
  return askSignatory(answers, { kind, role, name, questions: { role: `${label}: role`, name: `${label}: name` } });
}

/** A ministry's names on `day` when it is known, else its first ones. */
function namesOn(ministry: Ministry | undefined, day: string | undefined): { nominative: string; genitive: string } | undefined {
  return ministry === undefined || day === undefined ? ministry : nameOn(ministry, day);
}

/** The registry built into the tool: the choices for the issuing ministry. */
export function builtInMinistries(): Ministries {
  const checked = checkSchema(builtInMinistriesFile(), ministriesSchema, 'ministries registry');
  if (!checked.value) throw new Error('the built-in ministries registry does not pass its schema');
  return checked.value;
}
