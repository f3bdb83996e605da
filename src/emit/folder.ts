import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { errorCode, linkNowhere } from '../load/files.js';

/**
 * Creates a folder and any missing parents, one level at a time. Node's own recursive
 * `mkdir` loops for ever where a parent exists but refuses children with ENOENT (under
 * `/proc`); here every failure is thrown once, with its system error. Returns the folders
 * it made, outermost first.
 */
export function makeFolder(folder: string): string[] {
  const missing: string[] = [];
  let current = folder;
  while (!exists(current)) {
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
    }
  }
  return missing;
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') return false;
    throw error; // ENOTDIR, EACCES, …: reported by whoever called
  }
}

/**
 * The file that stands where `folder`, or a folder above it, should be, so nothing can be
 * written under it: a file, or a symbolic link that leads nowhere (no folder can be made in
 * its place, and none is there to write in); undefined when the folder is there or can be made.
 */
export function fileInTheWay(folder: string): string | undefined {
  for (let current = folder; ; current = dirname(current)) {
    try {
      return statSync(current).isDirectory() ? undefined : current;
    } catch (error) {
      const code = errorCode(error);
      if (code !== 'ENOENT' && code !== 'ENOTDIR') return undefined; // EACCES…: each write reports it
      if (code === 'ENOENT' && danglingLink(current) !== undefined) return current;
    }
    if (dirname(current) === current) return undefined;
  }
}

/** Where the symbolic link at `path` points, when it points at nothing; undefined for anything else. */
export function danglingLink(path: string): string | undefined {
  const link = linkNowhere(path);
  return link?.code === 'ENOENT' ? link.target : undefined;
}
