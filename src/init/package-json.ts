/** The new repository's package.json: how it names the tool (as the project briefing is installed in does), and the keys init adds to one npm wrote. */

import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { packageRoot } from '../load/package-folder.js';
import { UsageError } from '../diagnostics/errors.js';
import * as files from './files.js';
import { isRecord } from '../util/record.js';
import { withoutDiacritics } from '../util/ascii.js';
import { parsePackageJson } from '../util/package-json.js';
import { withoutBom } from '../util/byte-order-mark.js';

/** How a package.json names briefing (a development dependency or a dependency); undefined when it does not. Read as npm reads it, past a byte-order mark. */
export function briefingSpec(text: string): string | undefined {
  try {
    const data: unknown = parsePackageJson(text);
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
  const scripts = merged('scripts', keys.scripts);
  const devDependencies = merged('devDependencies', keys.devDependencies);
  const next = {
    ...Object.fromEntries(current),
    scripts,
    // Briefing and node as runtime dependencies leave nothing to add: no empty `devDependencies` the file did not have.
    ...(Object.keys(devDependencies).length > 0 || current.has('devDependencies') ? { devDependencies } : {}),
  };
  // The `node` package is nothing without its install script (npm 12 runs it only when allowed); a decision already on record stays.
  const allowed = current.get('allowScripts');
  const onRecord: object = typeof allowed === 'object' && allowed !== null ? allowed : {};
  const decided = Object.keys(onRecord).some((key) => key === 'node' || key.startsWith('node@'));
  const runtime = current.get('dependencies');
  if (('node' in devDependencies || (isRecord(runtime) && 'node' in runtime)) && !decided) {
    Object.assign(next, { allowScripts: { ...onRecord, ...files.NODE_INSTALL_SCRIPT } });
    added.push('allowScripts.node');
  }
  if (!current.has('private')) {
    Object.assign(next, { private: true });
    added.push('private');
  }
  return { kind: 'update', text: laidOutAs(text, next), added, kept: keptScripts };
}

/**
 * `data` as JSON laid out as the package.json `text` is: the indent of its first key and its line ends kept, as npm
 * keeps them when it writes one (a byte-order mark is dropped, as npm drops it); a file all on one line gets two spaces.
 * A key added to a ministry's package.json in four spaces or with Windows line ends changes those lines, not every line.
 */
function laidOutAs(text: string, data: object): string {
  const layout = /^\s*\{(\r?\n)([ \t]+)"/.exec(withoutBom(text));
  const [newline, indent] = layout ? [layout[1] ?? '\n', layout[2] ?? '  '] : ['\n', '  '];
  // JSON.stringify writes a newline only between its lines: one inside a string is escaped as \n.
  return `${JSON.stringify(data, null, indent).replaceAll('\n', newline)}${newline}`;
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
export function installingProject(): { root: string; specs: Record<string, string> } | undefined {
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
