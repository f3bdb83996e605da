import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRecord } from '../util/record.js';
import { parsePackageJson } from '../util/package-json.js';

/**
 * The package manager a ministry's repository installs briefing with, and the commands that say so:
 * a repository installed with pnpm or Yarn has no package-lock.json, where `npm ci` and setup-node's
 * npm cache stop the workflow at its first step.
 */
export interface PackageManager {
  /** npm, pnpm, yarn (1.x, Classic), yarn-berry (2 or later) or bun. */
  kind: 'npm' | 'pnpm' | 'yarn' | 'yarn-berry' | 'bun';
  /** The lockfile it writes, which CI installs from. */
  lockFile: string;
  /** Installs what the lockfile holds, and fails where it does not fit package.json: CI and a fresh clone. */
  ci: string;
  /** Installs what package.json names, writing the lockfile. */
  install: string;
  /** Adds a development dependency, e.g. `npm install -D`. */
  addDev: string;
  /** Runs the repository's own briefing, output untouched (Yarn 1 prints its own lines unless silenced). */
  exec: string;
  /** setup-node's `cache` for it; none for Bun, which setup-node does not know. */
  cache?: 'npm' | 'pnpm' | 'yarn';
  /** Its version `packageManager` in package.json pins (`pnpm@10.4.1`), or else the one that installed node_modules. */
  version?: string;
  /** Whether package.json names it in `packageManager`, where pnpm's and Yarn's set-up actions take the version from. */
  pinned: boolean;
}

/** npm: what a folder without another package manager's lockfile uses. */
export const NPM: PackageManager = { kind: 'npm', lockFile: 'package-lock.json', ci: 'npm ci', install: 'npm install', addDev: 'npm install -D', exec: 'npx briefing', cache: 'npm', pinned: false };

const MANAGERS: Record<PackageManager['kind'], Omit<PackageManager, 'version' | 'pinned'>> = {
  npm: NPM,
  pnpm: { kind: 'pnpm', lockFile: 'pnpm-lock.yaml', ci: 'pnpm install --frozen-lockfile', install: 'pnpm install', addDev: 'pnpm add -D', exec: 'pnpm exec briefing', cache: 'pnpm' },
  yarn: { kind: 'yarn', lockFile: 'yarn.lock', ci: 'yarn install --frozen-lockfile', install: 'yarn install', addDev: 'yarn add -D', exec: 'yarn --silent briefing', cache: 'yarn' },
  'yarn-berry': { kind: 'yarn-berry', lockFile: 'yarn.lock', ci: 'yarn install --immutable', install: 'yarn install', addDev: 'yarn add -D', exec: 'yarn briefing', cache: 'yarn' },
  bun: { kind: 'bun', lockFile: 'bun.lock', ci: 'bun install --frozen-lockfile', install: 'bun install', addDev: 'bun add -d', exec: 'bunx briefing' },
};

/**
 * The package manager of the repository at `root`: the one its package.json names in `packageManager`,
 * else the one whose lockfile is there (npm's first, as the README installs with npm), else npm.
 */
export function packageManagerIn(root: string): PackageManager {
  const named = namedManager(root);
  if (named !== undefined) return named;
  const has = (file: string) => existsSync(join(root, file));
  if (has('package-lock.json') || has('npm-shrinkwrap.json')) return NPM;
  if (has('pnpm-lock.yaml')) return { ...MANAGERS.pnpm, ...installedBy(root, 'pnpm'), pinned: false };
  if (has('yarn.lock')) return { ...MANAGERS[berry(root) ? 'yarn-berry' : 'yarn'], pinned: false };
  if (has('bun.lock')) return { ...MANAGERS.bun, pinned: false };
  if (has('bun.lockb')) return { ...MANAGERS.bun, lockFile: 'bun.lockb', pinned: false };
  return NPM;
}

/** The manager package.json's `packageManager` names (`pnpm@10.4.1+sha512.…`); undefined when none, or one briefing does not know. */
function namedManager(root: string): PackageManager | undefined {
  let field: unknown;
  try {
    const data: unknown = parsePackageJson(readFileSync(join(root, 'package.json'), 'utf8'));
    field = isRecord(data) ? data['packageManager'] : undefined;
  } catch {
    return undefined;
  }
  const match = typeof field === 'string' ? /^(npm|pnpm|yarn|bun)@(\d[^+]*)/.exec(field) : null;
  const [, name, version] = match ?? [];
  if (name === undefined || version === undefined) return undefined;
  const kind = name === 'yarn' ? (version.startsWith('1.') ? 'yarn' : 'yarn-berry') : name === 'npm' || name === 'pnpm' || name === 'bun' ? name : undefined;
  return kind === undefined ? undefined : { ...MANAGERS[kind], ...(kind === 'bun' && existsSync(join(root, 'bun.lockb')) ? { lockFile: 'bun.lockb' } : {}), version, pinned: true };
}

/** Yarn 2 or later: its settings file, or its lockfile's `__metadata` (Yarn 1's starts `# yarn lockfile v1`). */
function berry(root: string): boolean {
  if (existsSync(join(root, '.yarnrc.yml'))) return true;
  try {
    return /^__metadata:/m.test(readFileSync(join(root, 'yarn.lock'), 'utf8'));
  } catch {
    return false;
  }
}

/** The version of pnpm that installed node_modules, as it records it there (`packageManager: pnpm@10.34.9`). */
function installedBy(root: string, name: string): { version?: string } {
  try {
    const version = new RegExp(`packageManager"?:\\s*"?${name}@(\\d[\\w.-]*)`).exec(readFileSync(join(root, 'node_modules', '.modules.yaml'), 'utf8'))?.[1];
    return version === undefined ? {} : { version };
  } catch {
    return {};
  }
}
