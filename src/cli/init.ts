import { join, relative, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { offer } from '../completion/spec.js';
import type { InitFlags, InitResult } from '../commands/init.js';
import { PROBLEMS_ON_STDERR, printProblems, terminalPrompter, today, type Io } from './io.js';
import { shellWord } from '../util/shell.js';
import { checkoutTop } from '../load/git-state.js';
import { projectPath } from '../load/files.js';
import { helpNotes } from './help-notes.js';
import { keptFileNote, RENEWED_SUFFIX } from '../init/files.js';
import toolPackage from '../../package.json' with { type: 'json' };

/** `briefing init [folder]`: a ministry's own briefing repository, ready for `npm ci` and git. */
export function registerInit(program: Command, io: Io): void {
  program
    .command('init')
    .description('Create a briefing repository for your ministry: config, folders, examples, CI and editor settings.')
    .argument('[folder]', 'folder of the new repository (default: the current folder)')
    .addOption(offer(new Option('--ministry <code>', 'the issuing ministry, a code such as IZM (see the built-in registry)'), 'ministry-codes'))
    .option('--signature-role <text>', 'who signs the reports: role, e.g. "Izglītības un zinātnes ministre"')
    .option('--signature-name <text>', 'who signs the reports: name, e.g. "I. Šuplinska"')
    .option('--visa-role <text>', 'visa: role, e.g. "Valsts sekretāre"')
    .option('--visa-name <text>', 'visa: name, e.g. "L. Lejiņa"')
    .option('--tool <spec>', 'how package.json names briefing when init writes it, e.g. file:../briefing-0.1.0.tgz')
    .option('--update', "in a project init made: add what this version of init writes and the project lacks; beside each of init's files that differs, write this version's as <name>.new")
    .addHelpText(
      'after',
      helpNotes(`
Examples:
  $ briefing init
  $ briefing init eu-briefings --ministry IZM --signature-role "Izglītības un zinātnes ministre" --signature-name "I. Šuplinska"
  $ briefing init --update

Run it in the folder where briefing was installed (npm install -D <briefing tarball or git URL>): the package.json npm wrote is kept, and the scripts build and check are added to it.

Never replaces a file. A .gitignore, .gitattributes or .npmrc that is there gets the lines it lacks, and a README.md is kept (a fresh clone of a new repository has these), as are a .vscode/settings.json and a templates/README.md; a file init would write that holds exactly init's bytes (an init cut short) is kept and the rest written; for any other file init would write that exists, init names it, writes nothing and exits with 1 (a LICENSE or any file of your own is left alone).

Without a terminal nothing is asked: --ministry is then required.

After an upgrade of briefing, \`briefing init --update\` in the project adds the files, lines and package.json keys this version writes and the project lacks, and asks nothing (the ministry and who signs come from briefing.config.yaml). The workflow, .vscode/settings.json, the examples and templates/README.md are never replaced: where one differs from this version's, this version's is written beside it as <name>.new, to compare and take from. briefing.config.yaml and a README.md that is there are the project's own. After an init cut short (Ctrl-C, a full disk), which init run again refuses, \`briefing init --update\` writes what it left out: README.md, and meetings/ and positions/ where missing or empty.`),
    )
    .action(async (folder: string | undefined, options: InitFlags & { update?: boolean }) => {
      const { update, ...flags } = options;
      const at = { cwd: io.cwd(), ...(folder ? { folder } : {}), flags };
      if (update === true) {
        const { updateProject } = await import('../commands/init-update.js');
        await printUpdate(io, updateProject(at));
        return;
      }
      const { init } = await import('../commands/init.js');
      const result = await init({ ...at, today: today(), ...(await terminalPrompter()) });
      await printInit(io, result);
    });
}

/** What `init --update` added, what it left with this version's beside it, and what is as this version writes it. */
async function printUpdate(io: Io, result: InitResult): Promise<void> {
  await printProblems(io, result, PROBLEMS_ON_STDERR);
  process.exitCode = result.exitCode;
  if (result.exitCode !== 0) return;
  const shown = (path: string) => (path.startsWith('../') ? join(result.folder, path) : result.folder === '.' ? path : `${result.folder}/${path}`);
  for (const path of result.created) console.log(`${io.out.green('created')} ${shown(path)}`);
  if (result.updated.length) console.log(`${io.out.green('updated')} ${shown('package.json')} (${result.updated.join(', ')})`);
  for (const { path, added } of result.merged) if (added.length) console.log(`${io.out.green('updated')} ${shown(path)} (${added.join(', ')})`);
  const { renewed = [], current = [] } = result.update ?? {};
  for (const path of renewed) console.log(`${io.out.yellow('differs')} ${shown(path)}: kept; this version's is ${shown(path)}${RENEWED_SUFFIX}`);
  const changed = result.created.length + result.updated.length + result.merged.filter(({ added }) => added.length).length;
  if (!changed && !renewed.length) console.log(`Up to date: the files init writes are as briefing ${toolPackage.version} writes them (briefing.config.yaml and README.md are the project's own).`);
  else if (current.length) console.log(`${io.out.dim('as this version writes them:')} ${current.map(shown).join(', ')}`);
  if (renewed.length) {
    const first = shown(renewed[0] ?? '');
    console.log(
      [
        'Next:',
        `  git diff --no-index ${shellWord(first)} ${shellWord(`${first}${RENEWED_SUFFIX}`)}     what this version writes otherwise${renewed.length > 1 ? ' (and likewise for each file that differs)' : ''}`,
        `  take what you want from each ${RENEWED_SUFFIX} file into the file beside it, then delete the ${RENEWED_SUFFIX} file`,
        ...(result.updated.includes('devDependencies.briefing') ? ['  npm install                    installs the briefing package.json names'] : []),
      ].join('\n'),
    );
  } else if (result.updated.includes('devDependencies.briefing')) console.log('Next:\n  npm install                    installs the briefing package.json names');
  // The project's own templates are its own: left alone, but a copy of a built-in one misses what this version changed in it.
  const templates = result.update?.templates ?? [];
  for (const { path } of templates) console.log(`${io.out.yellow('own')} ${shown(path)}: kept; it replaces the built-in one, which this version has otherwise`);
  const [first] = templates;
  if (first) {
    console.log(
      `Compare, and take what you want from the built-in one into yours:\n  git diff --no-index ${shellWord(first.builtIn)} ${shellWord(shown(first.path))}${templates.length > 1 ? '     (and likewise for each)' : ''}`,
    );
  }
}

/** What was created, and the first steps in the new repository. */
async function printInit(io: Io, result: InitResult): Promise<void> {
  await printProblems(io, result, PROBLEMS_ON_STDERR);
  process.exitCode = result.exitCode;
  if (!result.created.length) return;
  const prefix = result.folder === '.' ? '' : `${result.folder}/`;
  // The workflow may be above the folder, at the repository's top (`../.github/workflows/briefings.yml`).
  const shown = (path: string) => (path.startsWith('../') ? join(result.folder, path) : `${prefix}${path}`);
  for (const path of result.created) console.log(`${io.out.green('created')} ${shown(path)}`);
  if (result.updated.length) console.log(`${io.out.green('updated')} ${prefix}package.json (${result.updated.join(', ')})`);
  for (const { path, added } of result.merged) {
    console.log(added.length ? `${io.out.green('updated')} ${prefix}${path} (${added.join(', ')})` : `${io.out.dim('kept')}    ${prefix}${path} (it has what briefing needs)`);
  }
  for (const path of result.same ?? []) console.log(`${io.out.dim('kept')}    ${shown(path)} (as init writes it)`);
  for (const path of result.kept) {
    const note = keptFileNote(path);
    console.log(`${io.out.dim('kept')}    ${prefix}${path} (yours; briefing's own not written${note === undefined ? '' : `: ${note}`})`);
  }
  console.log(
    [
      'Next:',
      // From where the command was typed: under -C the folder is relative to -C's.
      ...(resolve(io.cwd(), result.folder) === process.cwd() ? [] : [`  cd ${shellWord(relative(process.cwd(), resolve(io.cwd(), result.folder)) || '.')}`]),
      // A package.json init wrote, or one of the repository's own it added briefing to: not installed yet.
      ...(result.created.includes('package.json') || result.updated.includes('devDependencies.briefing') ? [`  ${(result.manager?.install ?? 'npm install').padEnd(30)} installs the briefing package.json names`] : []),
      '  briefing new meeting 2021-05-18 educ-council --from examples/meeting.yaml',
      ...gitSteps(resolve(io.cwd(), result.folder), result),
    ].join('\n'),
  );
}

/**
 * The git step after init. A clone is a repository already, and so is a folder inside one: `git
 * init` there would start a second repository inside the first. GitHub runs the workflows of a
 * repository's top folder only, and VS Code opened at the top reads the top's settings only: init
 * wrote those there (paths from the folder), which `git add .` in the folder leaves out.
 */
function gitSteps(folder: string, result: InitResult): string[] {
  const top = checkoutTop(folder);
  if (top === undefined) return ['  git init && git add . && git commit -m "Briefings"'];
  if (top === folder) return ['  git add . && git commit -m "Briefings"'];
  const shown = (path: string) => relative(process.cwd(), path) || '.';
  const below = projectPath(top, folder);
  const atTop = [result.workflow, result.topSettings].filter((path): path is string => path !== undefined && path.startsWith('../'));
  return [
    `  git add .${atTop.map((path) => ` ${shellWord(path)}`).join('')} && git commit -m "Briefings"`,
    ...(result.workflow?.startsWith('../') === true ? [`${shown(folder) === '.' ? 'This folder' : shellWord(shown(folder))} lies inside the git repository ${shown(top) === '.' ? 'here' : `at ${shellWord(shown(top))}`}: GitHub runs only the workflows at its top, so the workflow is ${shellWord(shown(resolve(folder, result.workflow)))}, its steps running in ${shellWord(below)}.`] : []),
    // VS Code reads the settings of the folder it opens, and a repository is opened at its top.
    ...(result.topSettings !== undefined
      ? [`VS Code opened at the repository's top reads only ${shellWord(shown(resolve(folder, result.topSettings)))}: the schemas of meetings and positions are there too, their paths starting ${shellWord(`${below}/`)}.`]
      : result.created.includes('.vscode/settings.json')
        ? [
            `VS Code takes ${shellWord(shown(join(folder, '.vscode/settings.json')))} only when it opens ${shown(folder) === '.' ? 'this folder' : shellWord(shown(folder))} itself: opening the repository, put its "yaml.schemas" into ${shellWord(shown(join(top, '.vscode/settings.json')))} there, each path and pattern starting ${shellWord(`${below}/`)}.`,
          ]
        : []),
  ];
}
