import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { absentFromCheckout, removedInCommit, type AbsentFile } from './git-changes.js';
import { filesIn, isInside, linksUnder, namesOnDisk, projectPath, readText, yamlBaseName, YAML_FILES, type DanglingLink, type FolderLinks, type OutsideLink } from './files.js';

/**
 * The files of a project, by project-relative `/`-separated path: the working tree on the
 * disk, or a past version held in memory. Everything `load` reads from a project goes
 * through this, so an old git revision loads the same way as the current one.
 */
export interface ProjectFiles {
  /**
   * The project folder (absolute). Paths are taken relative to it, and messages show
   * them so; for files in memory it only names the project, nothing is read from it.
   */
  readonly root: string;
  /** The text of a file; a usage error (shown as `shownAs`, default the path) when it cannot be read. */
  readText(path: string, shownAs?: string): string;
  /** The bytes of a file, or undefined when it cannot be read. */
  readBytes(path: string): Uint8Array | undefined;
  /** Whether the path is a file, a folder, or not there. */
  kind(path: string): 'file' | 'folder' | undefined;
  /** Files under `folder` matching `patterns`, sorted; none reached through a link out of the project. */
  list(folder: string, patterns?: readonly string[]): string[];
  /** True when `path` lies inside `folder` (following links on the disk): data named in files may not leave its folder. */
  isInside(folder: string, path: string): boolean;
  /** The symbolic links under `folder` that lead out of the project (none in memory). */
  linksOutside(folder: string): OutsideLink[];
  /** The symbolic links under `folder` that point at nothing (none in memory): see {@link linksUnder}. */
  danglingLinks(folder: string): DanglingLink[];
  /** The files under `folder` named `x.yaml.txt` (none in memory): not read, and said (see {@link linksUnder}). */
  yamlAsText(folder: string): string[];
  /** The folders under `folder`, itself included, that the user may not list (none in memory): their files are not read, and said. */
  unlisted(folder: string): string[];
  /**
   * Where git has (or had) a file named `<name>.yaml` under `folder` that the working tree lacks: left out
   * by a sparse checkout, deleted since the last commit, or deleted in a commit (looked for in the
   * history unless `inHistory` is false: a question about the checkout alone need not walk it). Asked
   * only to explain a file not found, or before writing one; absent for files in memory.
   */
  absent?(folder: string, name: string, inHistory?: boolean): AbsentFile | undefined;
  /**
   * The names of the files and folders in `folder`, as they are written there (none when it cannot be
   * listed): to find a name written with its letters composed or decomposed otherwise, or in another case.
   * On the disk, and in memory (the names the held files' paths have under `folder`).
   */
  names?(folder: string): string[];
}

/** The project folder on the disk, read as it is now (real paths confined to the project, links checked). */
export function diskFiles(root: string): ProjectFiles {
  const at = (path: string) => join(root, path);
  // A folder's links, found once: set-up checks them (outside and dangling) and listing leaves the outside ones out.
  const scanned = new Map<string, FolderLinks>();
  const linksOf = (folder: string): FolderLinks => {
    let links = scanned.get(folder);
    if (!links) {
      links = linksUnder(root, folder);
      scanned.set(folder, links);
    }
    return links;
  };
  const outside = (folder: string): OutsideLink[] => linksOf(folder).outside;
  // Asked of git once, for the first position not found: every other question may be missing one too.
  const absentOf = new Map<string, AbsentFile[]>();
  // What a pipe gave (a shell's `<(git show …)`, /dev/stdin): it gives its text once, and every stage reads the file.
  const piped = new Map<string, string>();
  return {
    root,
    readText(path, shownAs = path) {
      const file = at(path);
      const kept = piped.get(file);
      if (kept !== undefined) return kept;
      const text = readText(file, shownAs);
      // Only a file named outside the project can be a pipe: a stat of every file the project reads would cost each command a call per file.
      if (!namedInside(root, file) && statSync(file, { throwIfNoEntry: false })?.isFIFO() === true) piped.set(file, text);
      return text;
    },
    readBytes(path) {
      try {
        return readFileSync(at(path));
      } catch {
        return undefined;
      }
    },
    kind(path) {
      if (!existsSync(at(path))) return undefined;
      return statSync(at(path)).isDirectory() ? 'folder' : 'file';
    },
    list: (folder, patterns = YAML_FILES) => filesIn(at(folder), patterns, root, outside).map((file) => projectPath(root, file)),
    isInside: (folder, path) => isInside(at(folder), at(path)),
    linksOutside: (folder) => outside(at(folder)),
    danglingLinks: (folder) => linksOf(at(folder)).dangling,
    yamlAsText: (folder) => linksOf(at(folder)).yamlAsText.map((file) => projectPath(root, file)),
    unlisted: (folder) => linksOf(at(folder)).unlisted.map((path) => projectPath(root, path)),
    names: (folder) => namesOnDisk(at(folder)),
    absent: (folder, name, inHistory = true) => {
      let files = absentOf.get(folder);
      if (!files) {
        files = absentFromCheckout(root, folder);
        absentOf.set(folder, files);
      }
      return files.find((file) => yamlBaseName(file.path) === name) ?? (inHistory ? removedInCommit(root, folder, name) : undefined);
    },
  };
}

/** True when `path` lies inside `folder`, by their names alone (files in memory have no links). */
export function namedInside(folder: string, path: string): boolean {
  const between = relative(folder, path);
  return between !== '' && between !== '..' && !between.startsWith(`..${sep}`) && !isAbsolute(between);
}
