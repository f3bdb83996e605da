import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, parse, relative, sep } from 'node:path';
import { namesOnDisk, projectPath } from './files.js';
import type { ProjectFiles } from './project-files.js';

/**
 * For a path that is not there: "but `<found>` is there with its letters written another way …" and
 * what to do, when its folder or file is there with its letters composed or decomposed otherwise
 * (as `check` says for a path it is given); undefined otherwise. `build`, `diff`, `clear` and `-C` say it
 * after their own words.
 */
export function writtenAnotherWay(root: string, absolute: string): { message: string; hint: string } | undefined {
  const other = otherLetters(root, absolute);
  if (!other) return undefined;
  const letter = [...other.typed.normalize('NFC')].find((char) => char.normalize('NFD') !== char) ?? other.typed;
  return {
    message: `but \`${projectPath(root, other.found)}\` is there with its letters written another way: “${letter}” as a letter and a combining mark, or the other way round, which looks the same.`,
    hint: `Type the path with the shell’s Tab completion, which takes the name as it is written; and rename the ${statSync(other.found).isDirectory() ? 'folder' : 'file'} with its letters as typed, so that the two ways do not stay side by side.`,
  };
}

/** The first name on the way to `absolute` that is not there as typed but is with its letters composed or decomposed otherwise: that name, as found and as typed. */
function otherLetters(root: string, absolute: string): { found: string; typed: string } | undefined {
  let at = absolute;
  while (!existsSync(dirname(at)) && dirname(at) !== at) at = dirname(at);
  const folder = dirname(at);
  if (!isInsideOrAt(root, folder)) return undefined;
  const typed = at.slice(folder.length + 1).split(sep)[0] ?? '';
  const name = alikeAmong(namesOnDisk(folder), typed, composed);
  return name === undefined ? undefined : { found: join(folder, name), typed };
}

function isInsideOrAt(root: string, path: string): boolean {
  const inside = relative(root, path);
  return inside === '' || (!inside.startsWith('..') && !isAbsolute(inside));
}

/**
 * Two paths that are one name once their letters are composed, as a copy made on a Mac or through a
 * network share leaves beside the file ("ī" as "i" and a combining macron): a message naming `other`
 * as a file clashing with `path` showed two paths that look the same. Returns the words for after
 * `other`'s path that tell the two apart, `pathIs` naming `path` in them; undefined for any other two paths.
 */
export function sameNameOtherLetters(path: string, other: string, pathIs = 'here'): string | undefined {
  if (path === other || path.normalize('NFC') !== other.normalize('NFC')) return undefined;
  const theirs = letters(other);
  const letter = letters(path).find((cluster, index) => cluster !== theirs[index])?.normalize('NFC') ?? '';
  return `, the same path with “${letter}” written ${letterForm(other)} (${pathIs} ${letterForm(path)})`;
}

/** What to do about two copies of one file whose names {@link sameNameOtherLetters} tells apart. */
export const SAME_NAME_COPY_HINT = 'One file is a copy of the other, made on a Mac or through a network share: keep one and delete the other (`git status` names the one git does not know; a file manager shows the two alike).';

/** The letters of a text, each with the combining marks that follow it. */
function letters(text: string): string[] {
  return text.match(/\P{M}\p{M}*|\p{M}+/gu) ?? [];
}

function letterForm(path: string): string {
  return path.normalize('NFC') === path ? 'as one letter' : 'as a letter and a combining mark, as a Mac writes names';
}

/**
 * A project-relative path (`/` between its names) as the project's files write it: a name on the way
 * that is not there as given but is with its letters composed or decomposed otherwise (a folder made on
 * a Mac or copied through a network share, "ņ" as "n" and a combining cedilla) takes the spelling
 * found, as a Mac finds it. The config's values are read composed, so without this the folder it named
 * was "not there" on Linux and in CI, and the reports went into a second output folder that looks like
 * the one already there. A path that is there, that names nothing alike, or that goes up (`..`) stays as given.
 */
export function spelledAsThere(files: Pick<ProjectFiles, 'kind' | 'names'>, path: string): string {
  // A path with no letter written two ways (any ASCII name: `ministries.yaml`, `templates`) has no other spelling: not looked for, which cost a folder's listing (a git process at a commit) for each such path not there.
  if (path.normalize('NFD') === path && path.normalize('NFC') === path) return path;
  return respelled(files, path, composed);
}

/**
 * The path of a file or folder that is there with `path`'s name in another case (`Reference.docx` for
 * `reference.docx`), which a Mac and Windows take for it and Linux, git and CI do not; undefined when
 * there is none.
 */
export function inAnotherCase(files: Pick<ProjectFiles, 'kind' | 'names'>, path: string): string | undefined {
  const found = respelled(files, path, caseFolded);
  return found !== path && files.kind(found) !== undefined ? found : undefined;
}

/**
 * "<subject> is there, its name in another case, …": what a message says of the file or folder
 * {@link inAnotherCase} found, `subject` naming it (the path in backticks, or "The template" and its name).
 */
export function thereInAnotherCase(subject: string): string {
  return `${subject} is there, its name in another case, which a Mac and Windows take for the same and Linux, git and CI do not`;
}

/** The hint for a name {@link inAnotherCase} found: `write` (how to write it as it is there), or rename `renamed` to the name written. */
export function writeOrRename(write: string, renamed: 'it' | 'the file'): string {
  return `${write}; or rename ${renamed} (\`git mv\`) to the name written.`;
}

/** `path` with each name on the way that is not there as given replaced by one that is, the same once `alike` made both so. */
function respelled(files: Pick<ProjectFiles, 'kind' | 'names'>, path: string, alike: (name: string) => string): string {
  if (files.names === undefined || files.kind(path) !== undefined) return path;
  const names = path.split('/');
  if (names.includes('..') || names[0] === '') return path;
  const spelled: string[] = [];
  for (const name of names) {
    const above = spelled.join('/');
    const there = name === '' || name === '.' || files.kind(above === '' ? name : `${above}/${name}`) !== undefined;
    spelled.push(there ? name : (alikeAmong(files.names(above), name, alike) ?? name));
  }
  return spelled.join('/');
}

/**
 * An absolute path on the disk as the disk writes it: a folder on the way that is not there as given
 * but is with its letters composed or decomposed otherwise takes the spelling found (see
 * {@link spelledAsThere}). For a folder typed on the command line (`build --out ziņojumi`), where
 * the one there was made on a Mac: the reports went into a second folder that looks the same.
 */
export function spelledOnDisk(absolute: string): string {
  if (existsSync(absolute)) return absolute;
  const { root } = parse(absolute);
  let at = root;
  for (const name of absolute.slice(root.length).split(sep).filter((part) => part !== '')) {
    const given = join(at, name);
    if (existsSync(given)) {
      at = given;
      continue;
    }
    at = join(at, alikeAmong(namesOnDisk(at), name, composed) ?? name);
  }
  return at;
}

/** The name among `entries`, other than `name` itself, that is the same as `name` once `alike` has made both so (composed, or composed and in one case); undefined when none is. */
function alikeAmong(entries: readonly string[], name: string, alike: (name: string) => string): string | undefined {
  const wanted = alike(name);
  return entries.find((entry) => entry !== name && alike(entry) === wanted);
}

/** A name with its letters composed ("ī" one letter, not "i" and a combining macron). */
export function composed(name: string): string {
  return name.normalize('NFC');
}

/** A name as a Mac and Windows compare names: its letters composed, and in one case. */
export function caseFolded(name: string): string {
  return composed(name).toLowerCase();
}
