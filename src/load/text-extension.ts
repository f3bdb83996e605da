import { posix } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { projectPath } from './files.js';
import type { ProjectFiles } from './project-files.js';
import { shellWord } from '../util/shell.js';

/**
 * `input/txt-extension`: a warning for each file under the meetings or positions folder named
 * `<name>.yaml.txt`. Windows hides known extensions: a file made in File Explorer as a new text
 * document and renamed `x.yaml`, or saved by Notepad as a text document, is `x.yaml.txt`, shown as
 * `x.yaml`. Only `.yaml` files are read, so it was left out without a word: a new position missing
 * from `check` and `list`, a meeting's position said to be deleted, `build --all` finding no meeting.
 */
export function textExtensionProblems(files: ProjectFiles, folders: readonly (string | undefined)[]): Diagnostic[] {
  const root = files.root;
  return folders.flatMap((folder) => (folder === undefined ? [] : files.yamlAsText(projectPath(root, folder)).map(textExtensionProblem)));
}

/** The warning for one `x.yaml.txt` (a project path), with the command that renames it. */
function textExtensionProblem(path: string): Diagnostic {
  const meant = path.slice(0, -'.txt'.length);
  return diagnostic(
    path,
    undefined,
    'warning',
    'input/txt-extension',
    `This file is named ${posix.basename(path)}, with .txt after .yaml, so it is left out: only .yaml files are read. Windows hides the .txt (File Explorer shows the name as ${posix.basename(meant)}).`,
    `Rename it to ${posix.basename(meant)}: \`git mv ${shellWord(path)} ${shellWord(meant)}\` (or \`mv\`, if git does not have it yet), or in File Explorer with View → Show → File name extensions ticked; in Notepad, save it with “Save as type: All files”.`,
  );
}
