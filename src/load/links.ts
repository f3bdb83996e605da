import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { BROKEN_LINK_HINT, isInside, linkNowhereWords, outsideLinkOf, projectPath, realTarget, type OutsideLink } from './files.js';
import type { ProjectFiles } from './project-files.js';

/**
 * The message for a symbolic link that leads out of the project: it names the link and
 * where it points. What lies behind it is not read (nor written).
 */
export function outsideLinkProblem(root: string, link: OutsideLink): Diagnostic {
  // A link to the project folder itself (`meetings/up -> ..`) is no way out, but a way round: refused all the same, in words that fit.
  const where = link.target === (realTarget(root) ?? root) ? 'the project folder itself' : 'outside the project';
  return diagnostic(
    projectPath(root, link.path),
    undefined,
    'error',
    'input/link-outside',
    `This is a symbolic link to ${link.target}, ${where}; briefing does not read or write through it.`,
    'Copy the file into the project, or point the link at a file inside the project folder.',
  );
}

/** One message per link in the project's folders that leads outside the project, and one (a warning) per link that leads nowhere. */
export function linkProblems(files: ProjectFiles, folders: readonly (string | undefined)[]): Diagnostic[] {
  const root = files.root;
  const seen = new Set<string>();
  const problems: Diagnostic[] = [];
  for (const folder of folders) {
    if (folder === undefined) continue;
    for (const link of files.linksOutside(projectPath(root, folder))) {
      if (seen.has(link.path)) continue;
      seen.add(link.path);
      problems.push(outsideLinkProblem(root, link));
    }
    for (const link of files.danglingLinks(projectPath(root, folder))) {
      problems.push(
        diagnostic(projectPath(root, link.path), undefined, 'warning', 'input/link-dangling', `This is ${linkNowhereWords(link)}; it is left out.`, BROKEN_LINK_HINT),
      );
    }
  }
  return problems;
}

/** What to say of a file outside the project folder: a command may say why it needs the file inside. */
export interface OutsideWords {
  message: string;
  hint: string;
}

const READS_ONLY_INSIDE: OutsideWords = {
  message: 'This file is outside the project folder; briefing reads only files inside it.',
  hint: 'Copy it into the project, or run briefing in the project it belongs to (-C <folder>).',
};

/**
 * The message for a file named on the command line that lies outside the project, by its
 * path or through a link; undefined for a file inside.
 */
export function namedFileProblem(root: string, file: string, outside: OutsideWords = READS_ONLY_INSIDE): Diagnostic | undefined {
  const link = outsideLinkOf(root, file);
  if (link) return outsideLinkProblem(root, link);
  if (isInside(root, file)) return undefined;
  return diagnostic(file, undefined, 'error', 'input/outside-project', outside.message, outside.hint);
}

/**
 * One message per folder of the project's (meetings, positions, templates, or one under them) that the user may not list:
 * none of its files can be read. It was passed over in silence: check said "Checked 0 meetings" and exit 0, a position in
 * such a folder "was deleted since the last commit", and a build took the built-in template in place of the project's own.
 */
export function unlistedFolderProblems(files: ProjectFiles, folders: readonly (string | undefined)[]): Diagnostic[] {
  const root = files.root;
  return [...new Set(folders.flatMap((folder) => (folder === undefined ? [] : files.unlisted(projectPath(root, folder)))))].map((folder) =>
    diagnostic(
      folder,
      undefined,
      'error',
      'input/unreadable',
      'Not allowed to list this folder, so none of the files in it can be read.',
      'Ask its owner (`ls -ld` names them) to let you read it, or run briefing as a user who may.',
    ),
  );
}
