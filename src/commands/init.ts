import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { createFiles } from '../emit/create.js';
import { EDIT_ADVICE, writeAllAtomic } from '../emit/write.js';
import { filesIn, isInside, projectPath, readText } from '../load/files.js';
import { checkoutTop } from '../load/git-state.js';
import { builtInMinistriesFile, CONFIG_FILE, loadProject, packageRoot, type Project } from '../load/project.js';
import { projectLocations } from '../load/project-paths.js';
import { ministriesSchema, nameOn, type Ministries, type Ministry } from '../model/index.js';
import type { Prompter } from '../prompt/prompter.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ExitCode, UsageError } from '../diagnostics/errors.js';
import { Answers, askSignatory, checkFlagsBeforeAsking, ministryChoices } from '../scaffold/answers.js';
import { checkSchema } from '../load/shape.js';
import * as files from '../init/files.js';
import { NPM, packageManagerIn, type PackageManager } from '../load/package-manager.js';
import { isRecord } from '../util/record.js';
import { shellWord } from '../util/shell.js';
import toolPackage from '../../package.json' with { type: 'json' };
import { asciiSlug, withoutDiacritics } from '../util/ascii.js';
import { parsePackageJson } from '../util/package-json.js';
import { parseYaml } from '../load/yaml.js';
import { withoutBom } from '../util/byte-order-mark.js';

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
  /** The workflow init wrote, from the folder (`../.github/workflows/briefings.yml` at the top of a repository the folder lies in); none when it wrote none. */
  workflow?: string;
  /** The VS Code settings init wrote at the top of a repository the folder lies in (`../.vscode/settings.json`), from the folder. */
  topSettings?: string;
  /** With `--update`: init's files that differ from this version's (written beside each as `<name>.new`), and those that do not. */
  update?: { renewed: string[]; current: string[] };
  /** What the repository installs with (its lockfile; npm where it has none), which the workflow, the README and the next steps use. */
  manager?: PackageManager;
  diagnostics: Diagnostic[];
  exitCode: number;
}

/** Example files copied from the package, for `new meeting --from` and as a model position. */
export const EXAMPLES = [
  { from: 'meetings/2021-02-19-educ-informal.yaml', to: 'examples/meeting.yaml', schema: 'meeting' },
  { from: 'positions/educ/equity-achievements.yaml', to: 'examples/position.yaml', schema: 'position' },
];

/**
 * Creates a ministry's own briefing repository: config, folders, examples, editor and CI
 * settings, README, and the tool as a development dependency. Refuses to replace any file
 * (exit 1 naming it); a package.json that npm wrote when briefing was installed is kept,
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
  const refusedFirst = refusedFiles(root, folder, [...INIT_FILES, workflowAt.path]);
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

  const spec = options.flags.tool ?? toolSpec(root);
  // A new folder has no lockfile yet: it is installed as the project that runs init was (`pnpm exec briefing init ../other`),
  // whose `packageManager` the new package.json does not have.
  const manager = existsSync(join(root, 'package.json')) ? packageManagerIn(root) : { ...packageManagerIn(installingProject()?.root ?? root), pinned: false };
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
  const refused = refusedFiles(root, folder, [...texts.keys()]);
  if (refused) return refused;
  const existing = [...texts.keys()].filter((path) => existsSync(join(root, path)));

  // Everything is worked out first (a package.json that is not JSON stops here), then the new
  // files are made as one set: a failure half way removes what was made, so a second try can run.
  const packageJson = plannedPackageJson(root, spec);
  const merged = existing.filter((path) => MERGED_FILES.has(path)).map((path) => ({ path, ...files.withLines(path, readText(join(root, path), join(folder, path)), texts.get(path) ?? '') }));
  const kept = [...existing.filter((path) => KEPT_FILES.has(path)), ...(packageJson.kind === 'update' ? packageJson.kept : [])];
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

/**
 * The files init writes that are the tool's rather than the project's (paths from the project's folder, and text): the
 * templates' README, the lines of `.gitignore`, `.gitattributes` and `.npmrc` ({@link MERGED_FILES}), the editor's
 * settings, the workflow and the examples. `init --update` brings a project's up to this version from the same list.
 */
export function toolFiles(
  chosen: files.InitAnswers,
  at: { spec: string; manager: PackageManager; workflow: { path: string; file: string; below?: string }; ministries: Ministries },
): { settings: [string, string][]; examples: [string, string][] } {
  return {
    settings: [
      ['templates/README.md', files.TEMPLATES_README],
      ['.gitignore', files.gitignore(at.manager)],
      ['.gitattributes', files.GITATTRIBUTES],
      ['.npmrc', files.npmrc(at.spec)],
      ['.vscode/settings.json', files.vscodeSettings()],
      [at.workflow.path, files.workflow(at.workflow.below, at.workflow.file, at.manager)],
    ],
    examples: EXAMPLES.map((example): [string, string] => [example.to, exampleText(example.from, example.schema, chosen, at.ministries)]),
  };
}

/** How a package.json names briefing (a development dependency or a dependency); undefined when it does not. */
export function briefingSpec(text: string): string | undefined {
  try {
    const data: unknown = JSON.parse(text);
    if (!isRecord(data)) return undefined;
    for (const field of ['devDependencies', 'dependencies']) {
      const deps = data[field];
      const found = isRecord(deps) ? deps['briefing'] : undefined;
      if (typeof found === 'string') return found;
    }
  } catch {
    // Not JSON: init reports that elsewhere.
  }
  return undefined;
}

/**
 * The tool named by a path outside the new repository (briefing runs from a global install, not
 * from this folder's node_modules): a clone of the repository cannot install it from there.
 */
function toolOutside(root: string, spec: string, manager: PackageManager = NPM): Diagnostic[] {
  if (!spec.startsWith('file:')) return [];
  const target = resolve(root, spec.slice('file:'.length));
  if (isInside(root, target)) return [];
  // A package file (`npm install ../briefing-0.1.0.tgz`) or a folder (a global install, `npm link`).
  const file = /\.(tgz|tar\.gz)$/i.test(target);
  const name = file ? basename(target) : `briefing-${toolPackage.version}.tgz`;
  return [
    diagnostic(
      'package.json',
      undefined,
      'warning',
      'init/tool-outside',
      `package.json names briefing as \`${spec}\`, ${file ? 'a package file' : 'a folder'} outside this repository: a clone of the repository cannot install it.`,
      `${file ? `Copy ${name}` : `Make the package (npm pack ${shellWord(target)}) and copy ${name}`} into the repository, e.g. into vendor/, and install it from there: ${manager.addDev} ./vendor/${shellWord(name)} (or give init --tool).`,
    ),
  ];
}

/**
 * A repository of Yarn 2 or later that names no Yarn version: neither package.json (`packageManager`) nor
 * .yarnrc.yml (`yarnPath`). The workflow's `corepack enable` then brings Yarn 1, which cannot install from its yarn.lock.
 */
function yarnUnpinned(root: string, manager: PackageManager): Diagnostic[] {
  if (manager.kind !== 'yarn-berry' || manager.pinned) return [];
  const settings = join(root, '.yarnrc.yml');
  if (existsSync(settings) && /^yarnPath:/m.test(readText(settings, '.yarnrc.yml'))) return [];
  return [
    diagnostic(
      'package.json',
      undefined,
      'warning',
      'init/yarn-unpinned',
      'package.json names no Yarn version (`packageManager`), nor does .yarnrc.yml (`yarnPath`): on GitHub the workflow’s `corepack enable` brings Yarn 1, which cannot install from this yarn.lock of Yarn 2 or later.',
      'Name the version this repository uses: npm pkg set packageManager=yarn@$(yarn --version), and commit package.json.',
    ),
  ];
}

/**
 * A repository Yarn 2 or later installs with Plug'n'Play (`.pnp.cjs`, no node_modules): briefing runs from Yarn's zip,
 * but the schemas the editor settings and each file's first line name (node_modules/briefing/schema) are not there.
 */
function plugAndPlay(root: string, manager: PackageManager): Diagnostic[] {
  if (manager.kind !== 'yarn-berry' || !existsSync(join(root, '.pnp.cjs')) || existsSync(join(root, files.SCHEMA_FOLDER))) return [];
  return [
    diagnostic(
      '.yarnrc.yml',
      undefined,
      'warning',
      'init/plug-and-play',
      `Yarn installs this repository with Plug'n'Play, without node_modules: the schemas that .vscode/settings.json and the first line of each meeting and position name (${files.SCHEMA_FOLDER}) are not there, so the editor completes and checks nothing.`,
      'Write `nodeLinker: node-modules` into .yarnrc.yml and run yarn install: briefing runs either way.',
    ),
  ];
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

/** Where GitHub reads a repository's workflows, from its top folder. */
const WORKFLOWS = '.github/workflows';
/** A folder's VS Code settings. */
const VSCODE_SETTINGS = '.vscode/settings.json';

/** The user's home folder, resolved; undefined when there is none. */
function homeFolder(): string | undefined {
  try {
    return resolve(homedir());
  } catch {
    // No home folder (HOME unset, no entry in the user database).
    return undefined;
  }
}

/**
 * Where init writes the workflow (a path from `root`, with `/`), and the project's folder from the
 * top of the repository it lies in, when below it (`eu/briefings`). GitHub runs only the workflows
 * at a repository's top: there, as `briefings.yml`, or, where one of that name is there already
 * (another project's), as `briefings-<folder>.yml`. Not into a repository at the home folder (a
 * checkout of the user's settings), which is no repository of the project's. With it, where the top
 * has no VS Code settings, the path of those init writes there (`topSettings`).
 */
export function workflowPlace(root: string): { path: string; file: string; below?: string; topSettings?: string } {
  const top = checkoutTop(root);
  if (top === undefined || top === root || top === homeFolder()) return { path: `${WORKFLOWS}/briefings.yml`, file: 'briefings.yml' };
  const below = projectPath(top, root);
  const fromRoot = (path: string) => projectPath(root, join(top, path));
  const file = existsSync(join(top, WORKFLOWS, 'briefings.yml')) ? `briefings-${asciiSlug(below)}.yml` : 'briefings.yml';
  // VS Code opened at the repository's top reads only the top's settings: the schemas go there too, unless it has settings of its own.
  const settings = existsSync(join(top, VSCODE_SETTINGS)) ? {} : { topSettings: fromRoot(VSCODE_SETTINGS) };
  return { path: fromRoot(`${WORKFLOWS}/${file}`), file, below, ...settings };
}

/** Why init writes nothing in `root`: a file of `paths` there that it would replace (a project already is {@link projectAlready}'s). */
function refusedFiles(root: string, folder: string, paths: readonly string[]): InitResult | undefined {
  const taken = paths.filter((path) => existsSync(join(root, path)) && !MERGED_FILES.has(path) && !KEPT_FILES.has(path));
  if (!taken.length) return undefined;
  const problems = taken.map((path) =>
    diagnostic(join(folder, path), undefined, 'error', 'output/exists', 'This file already exists; init wrote nothing.', 'Run init in an empty folder (or a fresh clone), or move the file away.'),
  );
  return { folder, created: [], updated: [], merged: [], kept: [], diagnostics: problems, exitCode: ExitCode.problems };
}

/**
 * A folder that is a project already (init run twice, or in the wrong folder): one line says so, not one per
 * file it holds. Run for another ministry (`--ministry ZM` where the config says IZM), it names the line to change.
 */
function projectAlready(root: string, folder: string, ministry: string | undefined): Diagnostic[] {
  const config = join(root, CONFIG_FILE);
  if (!existsSync(config)) return [];
  if (statSync(config).isDirectory()) {
    return [diagnostic(join(folder, CONFIG_FILE), undefined, 'error', 'output/exists', `This is a folder, where init writes the project's settings; init wrote nothing.`, 'Move the folder out of the way (or remove it, if it is empty), then run init again.')];
  }
  const data = parseYaml(CONFIG_FILE, readText(config, join(folder, CONFIG_FILE))).data;
  const current = isRecord(data) && typeof data['issuing_ministry'] === 'string' ? data['issuing_ministry'] : undefined;
  const wanted = ministry?.trim().toUpperCase();
  const other =
    current !== undefined && wanted !== undefined && wanted !== '' && wanted !== current.toUpperCase()
      ? `Its reports are issued as ${current} (\`issuing_ministry: ${current}\` in ${CONFIG_FILE}): to issue them as ${wanted}, change that line. To carry on, \`briefing new meeting\` there; for another project, init in an empty folder.`
      : undefined;
  return [
    diagnostic(
      join(folder, CONFIG_FILE),
      undefined,
      'error',
      'output/exists',
      'This folder is a briefing project already; init wrote nothing.',
      other ?? 'Carry on with `briefing new meeting` there (after an upgrade of briefing, `briefing init --update` adds what the new version writes), or run init in an empty folder (or a fresh clone) for another project.',
    ),
  ];
}

/**
 * The project above `root` whose meetings, positions or templates folder holds it (`briefing init` typed in
 * `meetings/`): that project would read the new one's examples and workflow as meetings or templates of
 * its own, and its check would fail on them. A project beside those folders (an example kept in
 * `examples/`) is no concern.
 */
function insideProject(root: string, cwd: string): Diagnostic[] {
  const outer = projectAbove(dirname(root));
  if (outer === undefined) return [];
  let project: Project;
  try {
    project = loadProject(outer, { skipPositions: true });
  } catch {
    return [];
  }
  const { locations } = projectLocations(project.files, project.config, project.configFile);
  const kind = (['meetings', 'positions', 'templates'] as const).find((key) => {
    const location = locations[key];
    return location !== undefined && (resolve(location) === root || isInside(location, root));
  });
  if (kind === undefined) return [];
  return [
    diagnostic(
      projectPath(cwd, root) || '.',
      undefined,
      'error',
      'init/inside-project',
      `This folder lies in the ${kind} folder of another briefing project (its config: ${projectPath(cwd, join(outer, CONFIG_FILE))}), which would read the files of a project here as its own ${kind}; init wrote nothing.`,
      'Run init in a folder outside that project (or beside its meetings, positions and templates), or carry on in that project: briefing new meeting …',
    ),
  ];
}

/** The nearest folder at or above `dir` that holds a project's config. */
function projectAbove(dir: string): string | undefined {
  for (let folder = dir; ; folder = dirname(folder)) {
    if (existsSync(join(folder, CONFIG_FILE))) return folder;
    if (dirname(folder) === folder) return undefined;
  }
}

/** The folders init makes whose YAML files briefing reads, each as one kind, and what fails on a file of another kind there. */
const READ_FOLDERS = [
  { folder: 'meetings', kind: 'meeting', fails: 'check and build --all fail' },
  { folder: 'positions', kind: 'position', fails: 'check fails' },
] as const;

/**
 * A meetings or positions folder the repository had (its own agendas or notes in YAML): init adds
 * to it and touches none of its files, but briefing will read each of them as a meeting or a position.
 */
function foldersInUse(root: string, folder: string): Diagnostic[] {
  const inUse = READ_FOLDERS.map((read) => ({ ...read, found: filesIn(join(root, read.folder)).map((file) => projectPath(root, file)) })).filter(({ found }) => found.length);
  // Both folders in use: one `paths` line names both, as a second `paths:` line pasted from the other hint would be a duplicate key.
  const setting = `\`paths: { ${inUse.map(({ folder: name }) => `${name}: <folder>`).join(', ')} }\` in briefing.config.yaml${inUse.length > 1 ? ' (one line for both folders)' : ''}`;
  return inUse.map(({ folder: name, kind, fails, found }) => {
    const shown = found.slice(0, 3).join(', ') + (found.length > 3 ? ', …' : '');
    const them = found.length === 1 ? 'it' : 'them';
    return diagnostic(
      join(folder, name),
      undefined,
      'warning',
      'init/folder-in-use',
      `${name}/ holds ${found.length} YAML ${found.length === 1 ? 'file' : 'files'} of this repository (${shown}): briefing reads every one there as a ${kind}, so ${fails} on ${them}.`,
      `Move ${them} out of ${name}/, or keep the ${name} in a folder of their own, made for them: ${setting}.`,
    );
  });
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

/**
 * The package.json to write: a new one, or the one npm wrote when briefing was installed into
 * the folder with the scripts and the dependency it lacks added (nothing replaced). Writes nothing.
 */
export function plannedPackageJson(root: string, spec: string): { kind: 'new'; text: string } | { kind: 'update'; text: string; added: string[]; kept: string[] } {
  const target = join(root, 'package.json');
  const installed = installingProject();
  const nodeSpec = installed && resolve(installed.root) !== resolve(root) ? installed.specs['node'] : undefined;
  const keys = files.packageKeys(packageName(root), spec, nodeSpec);
  if (!existsSync(target)) return { kind: 'new', text: `${JSON.stringify(keys, null, 2)}\n` };
  let parsed: unknown;
  const text = readFileSync(target, 'utf8');
  try {
    parsed = parsePackageJson(text);
  } catch (error) {
    const place = jsonErrorPlace(text, error);
    throw new UsageError(
      `package.json is not valid JSON${place ? ` at line ${place.line}, column ${place.column}` : ''}; nothing written.`,
      'Fix it there (JSON has no comments, nor a comma after the last entry: npm could not read it either), and run init again.',
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new UsageError('package.json is not a JSON object; nothing written.', 'Fix or remove it, and run init again.');
  }
  const current = new Map(Object.entries(parsed));
  const added: string[] = [];
  const keptScripts: string[] = [];
  const merged = (key: 'scripts' | 'devDependencies', wanted: Record<string, string>) => {
    const own = current.get(key);
    const existing = typeof own === 'object' && own !== null ? Object.entries(own) : [];
    // A script of the folder's own under briefing's name stays, and is named: `npm run build` is not briefing's then.
    if (key === 'scripts') keptScripts.push(...existing.filter(([name, value]) => name in wanted && value !== wanted[name]).map(([name]) => `package.json scripts.${name}`));
    const runtime = current.get('dependencies');
    const dependencies = key === 'devDependencies' && typeof runtime === 'object' && runtime !== null ? Object.keys(runtime) : [];
    const missing = Object.entries(wanted).filter(([name]) => !existing.some(([k]) => k === name) && !dependencies.includes(name));
    added.push(...missing.map(([name]) => `${key}.${name}`));
    return Object.fromEntries([...existing, ...missing]);
  };
  const next = {
    ...Object.fromEntries(current),
    scripts: merged('scripts', keys.scripts),
    devDependencies: merged('devDependencies', keys.devDependencies),
  };
  // The `node` package is nothing without its install script (npm 12 runs it only when allowed); a decision already on record stays.
  const allowed = current.get('allowScripts');
  const onRecord: object = typeof allowed === 'object' && allowed !== null ? allowed : {};
  const decided = Object.keys(onRecord).some((key) => key === 'node' || key.startsWith('node@'));
  const runtime = current.get('dependencies');
  if (('node' in next.devDependencies || (isRecord(runtime) && 'node' in runtime)) && !decided) {
    Object.assign(next, { allowScripts: { ...onRecord, ...files.NODE_INSTALL_SCRIPT } });
    added.push('allowScripts.node');
  }
  if (!current.has('private')) {
    Object.assign(next, { private: true });
    added.push('private');
  }
  return { kind: 'update', text: `${JSON.stringify(next, null, 2)}\n`, added, kept: keptScripts };
}

/** Where `JSON.parse` stopped in `text` (its message gives the position), as line and column from 1. */
function jsonErrorPlace(text: string, error: unknown): { line: number; column: number } | undefined {
  const position = error instanceof Error ? /at position (\d+)/.exec(error.message)?.[1] : undefined;
  if (position === undefined) return undefined;
  // The position counts from after a byte-order mark, which npm and parsePackageJson pass over.
  const before = withoutBom(text).slice(0, Number(position)).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/**
 * How the new package.json names the tool when no --tool is given. Installed in a project
 * (`<project>/node_modules/briefing`), as that project's package.json names it — a version, a
 * git URL, or a tarball, its path made relative to the new folder — so the new repository installs
 * what this one did, not a folder inside another project's node_modules. Else the folder it runs from.
 */
export function toolSpec(root: string): string {
  const installed = installingProject();
  const spec = installed?.specs.briefing;
  if (installed && spec !== undefined) {
    // A path: `file:vendor/…`, as npm and pnpm write it, or `./vendor/…`, as Yarn and Bun do.
    const path = spec.startsWith('file:') ? spec.slice('file:'.length) : /^(?:\.{1,2}[\\/]|\/)/.test(spec) ? spec : undefined;
    return path === undefined ? spec : fileSpec(root, resolve(installed.root, path));
  }
  return fileSpec(root, packageRoot());
}

function fileSpec(root: string, target: string): string {
  const path = relative(root, target).split('\\').join('/');
  return `file:${path.startsWith('.') || path.startsWith('/') ? path : `./${path}`}`;
}

/**
 * The project briefing is installed in and the dev or runtime dependency specs its package.json gives. npm, Yarn and
 * Bun put the tool in `<root>/node_modules/briefing`; pnpm in `<root>/node_modules/.pnpm/<its id>/node_modules/briefing`,
 * where the running tool is (a command runs from its real path), and `<root>/node_modules/briefing` links there.
 */
function installingProject(): { root: string; specs: Record<string, string> } | undefined {
  const tool = packageRoot();
  const pnpm = tool.search(/[\\/]node_modules[\\/]\.pnpm[\\/]/);
  if (pnpm < 0 && basename(dirname(tool)) !== 'node_modules') return undefined;
  const root = pnpm < 0 ? dirname(dirname(tool)) : tool.slice(0, pnpm);
  try {
    const data: unknown = parsePackageJson(readFileSync(join(root, 'package.json'), 'utf8'));
    if (typeof data !== 'object' || data === null) return undefined;
    const specs: Record<string, string> = {};
    for (const key of ['dependencies', 'devDependencies']) {
      const listed: unknown = Reflect.get(data, key);
      if (typeof listed !== 'object' || listed === null) continue;
      for (const [name, spec] of Object.entries(listed)) if (typeof spec === 'string') specs[name] = spec;
    }
    return { root, specs };
  } catch {
    return undefined;
  }
}

/** A package name npm accepts, from the folder's name: `Ārlietu mape` → `arlietu-mape`. */
function packageName(root: string): string {
  const name = withoutDiacritics(basename(root)).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+/, '');
  return name || 'briefings';
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

/** An example file of the package, its editor-schema line pointing at the installed schemas. */
export function exampleText(path: string, schema: string, chosen: files.InitAnswers, ministries: Ministries): string {
  const read = readText(join(packageRoot(), path), path).replace(/^# yaml-language-server:.*$/m, `# yaml-language-server: $schema=../${files.SCHEMA_FOLDER}/${schema}.schema.json`);
  if (schema !== 'meeting') return read;
  const text = withoutOwnClearance(read, chosen.issuingMinistry, ministries);
  // The example signs as this ministry's reports are signed (init's answers), not as the model report was: a
  // meeting made `--from` it would otherwise carry the model's minister. The rest of the file stays as written.
  return (['signature', 'visa'] as const).reduce((example, kind) => {
    const person = chosen[kind];
    const block = person ? `${kind}:\n  role: ${JSON.stringify(person.role)}\n  name: ${JSON.stringify(person.name)}\n` : '';
    return example.replace(new RegExp(`^${kind}:\n(?: {2}.*\n)+`, 'm'), block);
  }, text);
}

/**
 * The example meeting with the issuing ministry left out of its `required_clearances`, and the comment
 * above them naming those left: a report is not cleared with its own ministry, and every meeting made
 * `--from` the example of the welfare or the foreign ministry would otherwise carry that warning.
 */
function withoutOwnClearance(example: string, issuer: string, ministries: Ministries): string {
  const line = /^required_clearances: \[([^\]]*)\]$/m.exec(example);
  const codes = line?.[1]?.split(',').map((code) => code.trim()) ?? [];
  const rest = codes.filter((code) => code !== issuer);
  if (line === null || rest.length === codes.length || rest.length === 0) return example;
  const names = rest.map((code) => ministries[code]?.accusative ?? code).join(' un ');
  return example
    .replace(line[0], `required_clearances: [${rest.join(', ')}]`)
    .replace(/^# They are named in the last line: .*$/m, `# They are named in the last line: "… saskaņots ar ${names}."`);
}
