import { createHash } from 'node:crypto';
import { closeSync, existsSync, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readlinkSync, readSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { globSync } from 'tinyglobby';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { UsageError } from '../diagnostics/errors.js';

/** The files a meetings or positions folder holds: `.yaml` or `.yml`, also as Windows tools may write them, `.YAML`. */
export const YAML_FILES: readonly string[] = ['**/*.yaml', '**/*.yml', '**/*.YAML', '**/*.YML'];

/**
 * Files under `folder` matching `patterns`, absolute and sorted; none when there is no such
 * folder. A file that a symbolic link takes outside `root` (the project; by default the
 * folder itself) is left out: {@link linksUnder} names such links.
 */
export function filesIn(
  folder: string | undefined,
  patterns: readonly string[] = YAML_FILES,
  root: string = folder ?? '',
  links: (folder: string) => readonly OutsideLink[] = (inFolder) => linksUnder(root, inFolder).outside,
): string[] {
  if (folder === undefined || !existsSync(folder) || !statSync(folder).isDirectory()) return [];
  // An installed package's files are not the project's: `build .` in a ministry's repository walked into node_modules/briefing.
  const files = globSync([...patterns], { cwd: folder, absolute: true, dot: false, ignore: [`**/${PACKAGES}/**`] }).sort();
  const outside = links(folder).map((link) => link.path);
  if (!outside.length) return files;
  return files.filter((file) => !outside.some((link) => file === link || file.startsWith(link + sep)));
}

/** The folder of installed packages, never part of the project's own files. */
const PACKAGES = 'node_modules';

/**
 * Whether {@link filesIn} passes over an entry of this name, as it does every file and folder whose name
 * starts with a dot (an editor's side files, `.git`) and the installed packages.
 */
function passedOver(entry: Dirent): boolean {
  return entry.name.startsWith('.') || (entry.isDirectory() && entry.name === PACKAGES);
}

/** A symbolic link that leads out of the project: where it is and where it points. */
export interface OutsideLink {
  /** Absolute path of the link itself. */
  path: string;
  /** Absolute real path of what it points to. */
  target: string;
}

/**
 * The symbolic links under `folder` (files or folders, at any depth), in one walk: those whose real
 * path lies outside `root` (briefing reads and writes only files inside the project), and those that
 * point at nothing, a file moved or renamed since (globbing passes them over without a word, so a
 * meeting linked that way was left out of `build --all` and `check` with no message), each with the
 * path it points to as written in it. The same walk finds the files named `x.yaml.txt` and the folders that cannot be listed (see {@link FolderLinks}).
 */
export function linksUnder(root: string, folder: string): FolderLinks {
  const links: FolderLinks = { outside: [], dangling: [], yamlAsText: [], unlisted: [] };
  let realRoot: string | undefined;
  for (const entry of entriesUnder(folder, links.unlisted)) {
    if (!entry.isSymbolicLink()) {
      if (entry.isFile() && YAML_AS_TEXT.test(entry.name)) links.yamlAsText.push(join(entry.parentPath, entry.name));
      continue;
    }
    const path = join(entry.parentPath, entry.name);
    let target: string;
    try {
      target = realpathSync(path);
    } catch (error) {
      try {
        links.dangling.push({ path, target: readlinkSync(path), loop: errorCode(error) === 'ELOOP' });
      } catch {
        // gone meanwhile
      }
      continue;
    }
    realRoot ??= realTarget(root) ?? root;
    if (!isInside(realRoot, target)) links.outside.push({ path, target });
  }
  return links;
}

/** The links under a folder that briefing does not follow: out of the project, or to nothing; and the files it does not read for a `.txt` after their `.yaml`. */
export interface FolderLinks {
  outside: OutsideLink[];
  dangling: DanglingLink[];
  /** Absolute paths of the files named `x.yaml.txt`, as Windows names a text document renamed `x.yaml` while it hides extensions. */
  yamlAsText: string[];
  /** Absolute paths of the folders (the one walked, or one under it) that the user may not list: their files are not read. */
  unlisted: string[];
}

/** A YAML file's name with `.txt` after it: `x.yaml.txt`, `x.YML.TXT`. */
const YAML_AS_TEXT = /\.ya?ml\.txt$/i;

/** A symbolic link that points at nothing: its path, what it points to as written in it, and whether it leads round to itself. */
export interface DanglingLink {
  path: string;
  target: string;
  loop: boolean;
}

/**
 * The link that takes `file` outside `root`, when one does: the file itself or a folder on
 * its way (checked from the file up to the root). Undefined for a file inside the project,
 * and for one that lies outside without a link (see {@link isInside}).
 */
export function outsideLinkOf(root: string, file: string): OutsideLink | undefined {
  const target = realTarget(file);
  if (target === undefined || isInside(realTarget(root) ?? root, target)) return undefined;
  for (let path = resolve(file); path !== dirname(path) && path !== resolve(root); path = dirname(path)) {
    if (isLink(path)) return { path, target: realTarget(path) ?? target };
  }
  return undefined; // outside, but not through a link: the file itself lies elsewhere
}

/**
 * Every entry under a folder, at any depth, without following links, but for those {@link filesIn}
 * passes over: Emacs marks a file being edited with a link to nothing beside it (`.#<name>.yaml`),
 * which was warned of on every build and check for as long as the file was open, though no such
 * entry is ever read. A folder reached through a link is not listed. (`readdirSync` with `recursive` does follow links to folders: a link to
 * a folder above, such as `meetings/up -> ..`, had it list the project again inside itself down to
 * the system's limit, and two such links multiplied that until the process ran out of memory.) A
 * folder that cannot be listed (not allowed) is added to `unlisted` (nothing in it can be read either); the others still are.
 */
function entriesUnder(folder: string, unlisted: string[]): Dirent[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    // Gone meanwhile, or no folder at all, holds nothing; one the user may not list holds files that are not read.
    const code = errorCode(error);
    if (code === 'EACCES' || code === 'EPERM') unlisted.push(folder);
    return [];
  }
  // A link's Dirent is a link, not a folder, whatever it points to: it is listed, not entered.
  return entries.flatMap((entry) => (passedOver(entry) ? [] : entry.isDirectory() ? [entry, ...entriesUnder(join(folder, entry.name), unlisted)] : [entry]));
}

/** A symbolic link that leads nowhere: what it points to, whether it leads back to itself (else to nothing there), and the system's code for it. */
export interface LinkNowhere {
  target: string;
  loop: boolean;
  code: string | undefined;
}

/** `path` when it is a symbolic link that leads nowhere (see {@link LinkNowhere}); undefined for anything else, or a link gone meanwhile. */
export function linkNowhere(path: string): LinkNowhere | undefined {
  let target: string;
  try {
    if (!lstatSync(path).isSymbolicLink()) return undefined;
    target = readlinkSync(path);
  } catch {
    return undefined; // no link there (or gone meanwhile)
  }
  try {
    realpathSync(path);
    return undefined;
  } catch (error) {
    const code = errorCode(error);
    return { target, loop: code === 'ELOOP', code };
  }
}

/** Such a link in words, as every message about one says it: "a symbolic link to l4, which leads back to itself" (or "which does not exist"). */
export function linkNowhereWords(link: Pick<LinkNowhere, 'target' | 'loop'>): string {
  return `a symbolic link to ${link.target}, which ${link.loop ? 'leads back to itself' : 'does not exist'}`;
}

/**
 * What `path` is when it is a symbolic link that leads nowhere, in {@link linkNowhereWords}; undefined
 * for anything else. A command given such a path says this, where it said "no such file" of a name a
 * listing shows, or gave the system's code (ELOOP).
 */
export function brokenLink(path: string): string | undefined {
  const link = linkNowhere(path);
  return link && linkNowhereWords(link);
}

/** The hint for a path {@link brokenLink} describes. */
export const BROKEN_LINK_HINT = 'Point the link at the file where it is now, or remove the link.';

/** The real path of a file or folder (links followed); undefined when it leads nowhere. */
export function realTarget(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined; // a dangling link: reading it fails with "no such file"
  }
}

/**
 * The real path of `path` as far as it exists (links followed), the rest as written: a folder a build
 * is about to make is named as it will be. Two names of one folder (`out` and a link to it, the project
 * reached through a link) give one path.
 */
export function realPathAsFar(path: string): string {
  const absolute = resolve(path);
  const real = realTarget(absolute);
  if (real !== undefined) return real;
  const parent = dirname(absolute);
  return parent === absolute ? absolute : join(realPathAsFar(parent), basename(absolute));
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The names in a folder on the disk, as written there; none when it cannot be read. */
export function namesOnDisk(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

/** A YAML file's name without its folders and `.yaml` (`.yml`, any case): by convention a position's id. */
export function yamlBaseName(path: string): string {
  return (path.split('/').at(-1) ?? '').replace(/\.ya?ml$/i, '');
}

/** The text of a UTF-8 file, or undefined when it cannot be read (not there, gone meanwhile). */
export function readIfThere(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Reads a UTF-8 text file, turning "not there" and "not readable" into a clear usage error. */
export function readText(absolutePath: string, shownAs: string): string {
  try {
    return readFileSync(absolutePath, 'utf8');
  } catch (error) {
    throw unreadableAt(absolutePath, shownAs, error);
  }
}

/**
 * The bytes of a file of at most `maxBytes`, read no further than that: a larger file, or one
 * that never ends (a link to /dev/zero or /dev/urandom given for a DOCX, which was read on to 2 GB
 * and more), is refused with a usage error, as is one that cannot be read. `what` names the kind
 * of file in the message (`a DOCX`).
 */
export function readBytesWithin(absolutePath: string, shownAs: string, maxBytes: number, what: string): Uint8Array {
  let descriptor: number;
  try {
    descriptor = openSync(absolutePath, 'r');
  } catch (error) {
    throw unreadableAt(absolutePath, shownAs, error);
  }
  const tooLarge = () =>
    new UsageError(`${shownAs}: is larger than ${maxBytes / 2 ** 20} MB, more than briefing reads of ${what}.`, 'Check that this is the file you meant: a device such as /dev/zero never ends.');
  try {
    const stat = fstatSync(descriptor);
    if (stat.isFile() && stat.size > maxBytes) throw tooLarge();
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // One byte past the limit tells a file that goes on from one that ends there.
      const chunk = Buffer.allocUnsafe(Math.min(2 ** 20, maxBytes + 1 - total));
      const count = readSync(descriptor, chunk);
      if (count === 0) break;
      total += count;
      if (total > maxBytes) throw tooLarge();
      chunks.push(chunk.subarray(0, count));
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw unreadable(shownAs, errorCode(error) ?? String(error));
  } finally {
    closeSync(descriptor);
  }
}

/**
 * The text `read` returns or, when the file cannot be read (not allowed, gone since it was listed),
 * that problem as a message at `shownAs` (`input/unreadable`), so that what needs the file fails
 * and the rest of the run goes on.
 */
export function readOrUnreadable(read: () => string, shownAs: string): string | Diagnostic {
  try {
    return read();
  } catch (error) {
    if (error instanceof UsageError) return unreadableFile(shownAs, error);
    throw error;
  }
}

/** A file that cannot be read (not allowed, gone meanwhile) as a message at it (`input/unreadable`): what needs it fails, the run goes on. */
export function unreadableFile(shownAs: string, error: UsageError): Diagnostic {
  // The line names the file already: "meetings/m1.yaml  error  meetings/m1.yaml: not allowed …" said it twice.
  const reason = error.message.startsWith(`${shownAs}: `) ? error.message.slice(shownAs.length + 2) : error.message;
  return diagnostic(shownAs, undefined, 'error', 'input/unreadable', `${reason.charAt(0).toUpperCase()}${reason.slice(1)}`, error.hint);
}

/** The usage error for the file at `absolutePath` that could not be opened: a symbolic link that leads nowhere said as one, else by the system's error code. */
function unreadableAt(absolutePath: string, shownAs: string, error: unknown): UsageError {
  const link = brokenLink(absolutePath);
  if (link) return new UsageError(`${shownAs}: is ${link}: there is no file to read.`, BROKEN_LINK_HINT);
  return unreadable(shownAs, errorCode(error) ?? String(error));
}

/** The usage error for a file that cannot be read, by the system's error code (`ENOENT`, …). */
export function unreadable(shownAs: string, code: string): UsageError {
  if (code === 'ENOENT' && /[*?[]/.test(shownAs)) {
    // The shell passes a pattern that matches nothing as it is (review ~/Downloads/*.docx with none there).
    return new UsageError(`${shownAs}: no file matches this pattern.`, 'This command takes one file: name it, e.g. with Tab, which completes the names there are.');
  }
  if (code === 'ENOENT') return new UsageError(`${shownAs}: no such file.`, 'Check the path; paths are relative to the current folder.');
  if (code === 'EISDIR') return new UsageError(`${shownAs}: is a folder, not a file.`, 'Give the path of a file, not of a folder.');
  if (code === 'EACCES' || code === 'EPERM') return new UsageError(`${shownAs}: not allowed to read this file.`, 'Ask its owner (`ls -l` names them) to let you read it, or run briefing as a user who may.');
  return new UsageError(`${shownAs}: cannot be read (${code}).`);
}

/** Project-relative path with `/` separators, as messages and manifests show it. */
export function projectPath(root: string, absolutePath: string): string {
  return relative(root, absolutePath).split(sep).join('/');
}

/** SHA-256 of text, hex: identifies exactly which content went into a build. */
export function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The id git gives a file's content: SHA-1 of `blob <bytes>\0<content>`. Computed here,
 * so a build needs no git, yet `git cat-file` finds the version later.
 */
export function gitBlobId(content: string | Uint8Array): string {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return createHash('sha1').update(`blob ${bytes.length}\u0000`).update(bytes).digest('hex');
}

/** SHA-256 of a file's bytes; undefined when it cannot be read. */
export function fileSha256(path: string): string | undefined {
  try {
    return sha256(readFileSync(path));
  } catch {
    return undefined;
  }
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

/** Whether `folder` is the project's root itself (`briefing check .` typed there), by its real path. */
export function isProjectRoot(root: string, folder: string): boolean {
  return sameFolder(root, folder);
}

/** Whether two paths name one folder, by their real paths (a link to it, /tmp and /private/tmp); false when either is not there. */
export function sameFolder(one: string, other: string): boolean {
  try {
    return realpathSync(one) === realpathSync(other);
  } catch {
    return false;
  }
}

/**
 * A path named on the command line, made absolute: from the folder the command runs in, or, when
 * nothing is there, from the project's root. briefing's messages and hints name files from the
 * root, so a hint's command pasted in a subfolder still finds its file.
 */
export function namedPath(root: string, cwd: string, given: string): string {
  if (isAbsolute(given)) return given;
  const here = resolve(cwd, given);
  if (existsSync(here)) return here;
  const fromRoot = resolve(root, given);
  return existsSync(fromRoot) ? fromRoot : here;
}
