import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, delimiter, dirname, join, relative, resolve, sep } from 'node:path';
import { projectPath, readIfThere, readText } from '../load/files.js';
import { checkedOutBranch } from '../load/git.js';
import { CONFIG_FILE } from '../load/project-root.js';
import { loadProjectFrom } from '../load/project.js';
import { diskFiles } from '../load/project-files.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ExitCode, UsageError } from '../diagnostics/errors.js';
import * as files from '../init/files.js';
import { packageManagerIn } from '../load/package-manager.js';
import { briefingSpec, plannedPackageJson, toolSpec } from '../init/package-json.js';
import { builtInMinistries, MERGED_FILES, writeSet, type InitFlags, type InitOptions, type InitResult } from './init.js';
import { toolFiles, workflowPlace } from '../init/tool-files.js';
import { builtInTemplatesDir } from '../load/package-folder.js';
import { partialsOnPath, templatesIn } from '../load/templates.js';
import type { Project } from '../load/project.js';

/**
 * `briefing init --update`: a project init made, brought up to what this version of init writes,
 * nothing of the project's replaced. A file init writes that is missing is created (an init cut short is
 * finished so: the README, the meetings and positions folders where missing or empty); `.gitignore`,
 * `.gitattributes` and `.npmrc` get the lines they lack, package.json the scripts and keys; the
 * workflow, `.vscode/settings.json`, the examples and `templates/README.md` that differ from this
 * version's (an older init wrote them, or the project changed them: both are possible) are kept,
 * and this version's text is written beside each as `<name>.new`, to compare and take from. The
 * config and a README that is there are the project's own: never touched.
 */
export function updateProject(options: InitOptions): InitResult {
  const folder = options.folder ?? '.';
  const root = resolve(options.cwd, folder);
  const given = (Object.keys(options.flags) as (keyof InitFlags)[]).filter((key) => options.flags[key] !== undefined);
  if (given.length) {
    const flag = (key: string) => `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
    throw new UsageError(
      `--update takes the issuing ministry and who signs from ${CONFIG_FILE}, and how package.json names briefing from package.json: ${given.map(flag).join(', ')} ${given.length === 1 ? 'is' : 'are'} not for it; nothing written.`,
      `Leave out ${given.map(flag).join(', ')}; to change who signs, edit ${CONFIG_FILE}.`,
    );
  }
  const empty = { folder, created: [], updated: [], merged: [], kept: [], update: { renewed: [], current: [] } };
  if (!existsSync(join(root, CONFIG_FILE))) {
    const problem = diagnostic(
      join(folder, CONFIG_FILE),
      undefined,
      'error',
      'init/not-a-project',
      `There is no ${CONFIG_FILE} here: --update brings a project init made up to this version; nothing written.`,
      `Run it in the project's folder (the one with ${CONFIG_FILE}; -C <folder> from elsewhere), or \`briefing init\` without --update to start a project here.`,
    );
    return { ...empty, diagnostics: [problem], exitCode: ExitCode.problems };
  }
  const project = loadProjectFrom(diskFiles(root), { skipPositions: true });
  const setup = project.setupDiagnostics.filter((d) => d.severity === 'error');
  if (setup.length) return { ...empty, diagnostics: setup.map((d) => ({ ...d, file: join(folder, d.file) })), exitCode: ExitCode.problems };
  const { config } = project;
  const chosen: files.InitAnswers = { issuingMinistry: config.issuing_ministry, signature: config.signature, visa: config.visa };

  const packageText = existsSync(join(root, 'package.json')) ? readFileSync(join(root, 'package.json'), 'utf8') : undefined;
  const spec = (packageText === undefined ? undefined : briefingSpec(packageText)) ?? toolSpec(root);
  const workflow = ownWorkflow(root);
  // What the project installs with, as init wrote its workflow and .gitignore for it.
  const manager = packageManagerIn(root);
  // The lines of `.gitignore`, `.gitattributes` and `.npmrc` are added; the others, written whole, are kept where they differ and this
  // version's written beside them (the examples as init makes them, from the built-in registry).
  const tool = toolFiles(chosen, { spec, manager, workflow, ministries: builtInMinistries() });
  const written = [...tool.settings, ...tool.examples];
  const whole = new Map(written.filter(([path]) => !MERGED_FILES.has(path)));
  const lines = new Map(written.filter(([path]) => MERGED_FILES.has(path)));
  const there = (path: string) => existsSync(join(root, path));
  const fresh = [...whole, ...lines].filter(([path]) => !there(path));
  const differing = [...whole].filter(([path, text]) => there(path) && readText(join(root, path), join(folder, path)) !== text);
  const current = [...whole.keys()].filter((path) => there(path) && !differing.some(([other]) => other === path));
  const merged = [...lines.keys()].filter(there).map((path) => ({ path, ...files.withLines(path, readText(join(root, path), join(folder, path)), lines.get(path) ?? '') }));
  const packageJson = plannedPackageJson(root, spec);
  // What init writes of the project's own, missing after an init cut short (Ctrl-C, a full disk) or deleted since: the
  // meetings and positions folders, where they are not there or empty (git keeps no empty folder), and the README.
  const ownFiles: [string, string][] = [
    ...[config.paths.meetings, config.paths.positions].map((dir) => projectPath(root, join(root, dir))).filter((dir) => dir !== '' && missingOrEmpty(join(root, dir))).map((dir): [string, string] => [`${dir}/.gitkeep`, '']),
    ...(there('README.md') ? [] : [['README.md', files.readme(chosen, manager)] satisfies [string, string]]),
  ];

  const made: [string, string][] = [...(packageJson.kind === 'new' ? [['package.json', packageJson.text] satisfies [string, string]] : []), ...ownFiles, ...fresh];
  writeSet(root, folder, made, [
    ...(packageJson.kind === 'update' && packageJson.added.length ? [{ path: 'package.json', text: packageJson.text }] : []),
    ...merged.filter((file) => file.added.length),
    ...differing.map(([path, text]) => ({ path: `${path}${files.RENEWED_SUFFIX}`, text })),
  ]);
  const replacing = templatesReplacingChanged(project, root);
  return {
    folder,
    created: made.map(([path]) => path),
    updated: packageJson.kind === 'update' ? packageJson.added : [],
    merged: merged.map(({ path, added }) => ({ path, added })),
    kept: [],
    update: { renewed: differing.map(([path]) => path), current, ...(replacing.length ? { templates: replacing } : {}) },
    diagnostics: [...otherBranch(root, folder, workflow.path, differing), ...globalRunsItself(spec)],
    exitCode: ExitCode.ok,
  };
}

/** A folder that is not there, or holds nothing: init's `.gitkeep` makes it one git keeps. */
function missingOrEmpty(dir: string): boolean {
  if (!existsSync(dir)) return true;
  return statSync(dir).isDirectory() && readdirSync(dir).length === 0;
}

/**
 * The project's own templates and partials that replace a built-in one of the same name whose text
 * in this version is not theirs: a copy made from an earlier version, then changed, keeps none of
 * what the new version changed in the built-in one (a fix, a new line), and nothing else says so.
 * Each with the built-in file to compare it with, as the project's folder reaches it.
 */
function templatesReplacingChanged(project: Project, root: string): { path: string; builtIn: string }[] {
  const builtIn = builtInTemplatesDir();
  const own = project.templateDirs.filter((dir) => dir !== builtIn);
  const shownBuiltIn = (file: string) => relative(root, join(builtIn, file)).split(sep).join('/');
  const differs = (ownText: string, file: string) => {
    const text = readIfThere(join(builtIn, file));
    return text !== undefined && text.replace(/\r\n/g, '\n') !== ownText.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  };
  const templates = own.flatMap((dir) => templatesIn(project.files, dir).filter((entry) => differs(entry.read(entry.file), entry.file)).map((entry) => ({ path: projectPath(project.files.root, join(dir, entry.file)), builtIn: shownBuiltIn(entry.file) })));
  const partials = partialsOnPath(own, project.files)
    .filter((partial) => differs(partial.read(), join('partials', `${partial.name}.hbs`)))
    .map((partial) => ({ path: partial.path, builtIn: shownBuiltIn(join('partials', `${partial.name}.hbs`)) }));
  return [...templates, ...partials];
}

/**
 * The kept workflow, where it builds on a push to named branches none of which is the one checked out: init before
 * 21:30 UTC on 5 December 2026 wrote `branches: [main]`, and `git init` without settings names the branch master, so GitHub built nothing.
 * Read as init wrote it, `branches: [...]` under `push:`; a workflow written otherwise is left to its author.
 */
function otherBranch(root: string, folder: string, path: string, differing: readonly (readonly [string, string])[]): Diagnostic[] {
  if (!differing.some(([other]) => other === path)) return [];
  const listed = /^\s*push:\s*\n\s*branches:\s*\[([^\]\n]*)\]/m.exec(readText(join(root, path), join(folder, path)))?.[1];
  const branch = checkedOutBranch(root);
  if (listed === undefined || branch === undefined) return [];
  const branches = listed.split(',').map((name) => name.trim().replace(/^(['"])(.*)\1$/, '$2'));
  if (branches.includes(branch)) return [];
  const shown = folder === '.' ? path : join(folder, path);
  return [
    diagnostic(
      shown,
      undefined,
      'warning',
      'init/workflow-branch',
      `The workflow builds the reports on a push to ${branches.join(', ')}, but this repository's branch is ${branch}: on GitHub, a push to it builds no report.`,
      `Take the branches from ${shown}${files.RENEWED_SUFFIX}, which builds on main and master, or write ${branch} into \`branches\`.`,
    ),
  ];
}

/** What the launcher of a briefing that hands each command to the project's copy (from 10:30 UTC on 3 December 2026) sets, and an older one lacks. */
const HANDS_OVER = 'BRIEFING_PROJECT_COPY';

/**
 * A `briefing` on PATH (installed globally, as README's step 1 does) from a package made before its launcher
 * handed each command to the project's copy: typed `briefing …`, it goes on running the old version after an
 * upgrade. The folders npx puts first (`node_modules/.bin`) are skipped: a shell finds the one after them.
 * Not on Windows, where PATH holds npm's `briefing.cmd`, which names the launcher in its own way.
 */
function globalRunsItself(spec: string | undefined, path = process.env['PATH']): Diagnostic[] {
  if (process.platform === 'win32') return [];
  for (const folder of (path ?? '').split(delimiter).filter(Boolean)) {
    if (basename(folder) === '.bin' && basename(dirname(folder)) === 'node_modules') continue;
    const command = join(folder, 'briefing');
    let launcher: string;
    try {
      launcher = realpathSync(command);
    } catch {
      continue;
    }
    const text = readIfThere(launcher);
    if (text === undefined || text.includes(HANDS_OVER)) return [];
    const install = spec === undefined ? '<the tarball or git URL this project installs>' : spec.startsWith('file:') ? `./${spec.slice('file:'.length)}` : spec;
    return [
      diagnostic(
        command,
        undefined,
        'warning',
        'init/global-runs-itself',
        `The briefing on PATH is from a package made before 10:30 UTC on 3 December 2026 (${dirname(dirname(launcher))}): typed as \`briefing …\`, it runs that version itself, not the one this project installs.`,
        `Install this version there too, once: \`npm install -g --loglevel=error ${install}\`; or type \`npx briefing …\`.`,
      ),
    ];
  }
  return [];
}

/**
 * The workflow init wrote for this project: where init writes it, or, in a repository the project is a
 * folder of, the `briefings.yml` at the top that runs in this folder when init, finding that name taken
 * now, would write `briefings-<folder>.yml`.
 */
function ownWorkflow(root: string): ReturnType<typeof workflowPlace> {
  const place = workflowPlace(root);
  if (place.below === undefined || place.file === 'briefings.yml' || existsSync(join(root, place.path))) return place;
  const plain = place.path.slice(0, -place.file.length) + 'briefings.yml';
  const text = readText(join(root, plain), plain);
  return text.includes(`working-directory: ${JSON.stringify(place.below)}`) ? { ...place, path: plain, file: 'briefings.yml' } : place;
}
