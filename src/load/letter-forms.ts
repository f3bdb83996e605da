import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { projectPath } from './files.js';

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
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return undefined;
  }
  const name = entries.find((entry) => entry !== typed && entry.normalize('NFC') === typed.normalize('NFC'));
  return name === undefined ? undefined : { found: join(folder, name), typed };
}

function isInsideOrAt(root: string, path: string): boolean {
  const inside = relative(root, path);
  return inside === '' || (!inside.startsWith('..') && !isAbsolute(inside));
}
