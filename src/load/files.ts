import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { globSync } from 'tinyglobby';
import { UsageError } from '../report/errors.js';

/** The files a meetings or positions folder holds. */
export const YAML_FILES: readonly string[] = ['**/*.yaml', '**/*.yml'];

/** Files under `folder` matching `patterns`, absolute and sorted; none when there is no such folder. */
export function filesIn(folder: string | undefined, patterns: readonly string[] = YAML_FILES): string[] {
  if (folder === undefined || !existsSync(folder) || !statSync(folder).isDirectory()) return [];
  return globSync([...patterns], { cwd: folder, absolute: true, dot: false }).sort();
}

/** Reads a UTF-8 text file, turning "not there" and "not readable" into a clear usage error. */
export function readText(absolutePath: string, shownAs: string): string {
  try {
    return readFileSync(absolutePath, 'utf8');
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') throw new UsageError(`${shownAs}: no such file.`, 'Check the path; paths are relative to the current folder.');
    if (code === 'EISDIR') throw new UsageError(`${shownAs}: is a folder, not a file.`);
    if (code === 'EACCES' || code === 'EPERM') throw new UsageError(`${shownAs}: not allowed to read this file.`);
    throw new UsageError(`${shownAs}: cannot be read (${code ?? String(error)}).`);
  }
}

/** Project-relative path with `/` separators, as messages and manifests show it. */
export function projectPath(root: string, absolutePath: string): string {
  return relative(root, absolutePath).split(sep).join('/');
}

/** SHA-256 of text, hex: identifies exactly which content went into a build. */
export function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The `code` of a Node.js system error, if it has one. */
export function errorCode(error: unknown): string | undefined {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

/**
 * True when `file` lies inside `folder`, following symbolic links: a template or partial
 * named in data may not reach outside its folder.
 */
export function isInside(folder: string, file: string): boolean {
  const inside = (from: string, to: string) => {
    const path = relative(from, to);
    return path !== '' && path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path);
  };
  if (!inside(resolve(folder), resolve(file))) return false;
  try {
    return inside(realpathSync(folder), realpathSync(file));
  } catch {
    return true; // not there (yet): the lexical check above is all there is to check
  }
}
