/** What init warns of in the repository it set up: a tool a clone cannot install, Yarn unpinned or without node_modules, folders of YAML files briefing will read. */

import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { filesIn, isInside, projectPath, readText } from '../load/files.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import * as files from './files.js';
import { NPM, type PackageManager } from '../load/package-manager.js';
import { shellWord } from '../util/shell.js';
import toolPackage from '../../package.json' with { type: 'json' };

/**
 * The tool named by a path outside the new repository (briefing runs from a global install, not
 * from this folder's node_modules): a clone of the repository cannot install it from there.
 */
export function toolOutside(root: string, spec: string, manager: PackageManager = NPM): Diagnostic[] {
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
export function yarnUnpinned(root: string, manager: PackageManager): Diagnostic[] {
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
export function plugAndPlay(root: string, manager: PackageManager): Diagnostic[] {
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

/** The folders init makes whose YAML files briefing reads, each as one kind, and what fails on a file of another kind there. */
const READ_FOLDERS = [
  { folder: 'meetings', kind: 'meeting', fails: 'check and build --all fail' },
  { folder: 'positions', kind: 'position', fails: 'check fails' },
] as const;

/**
 * A meetings or positions folder the repository had (its own agendas or notes in YAML): init adds
 * to it and touches none of its files, but briefing will read each of them as a meeting or a position.
 */
export function foldersInUse(root: string, folder: string): Diagnostic[] {
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
