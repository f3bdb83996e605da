import { join, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { unreadable, YAML_FILES } from './files.js';
import { namedInside, type ProjectFiles } from './project-files.js';

/**
 * A project held in memory: project-relative `/` paths → text (e.g. the blobs of an old git
 * revision). Nothing is read from or written to the disk. Its root is a made-up absolute
 * path named after `version` (a commit hash, say): it keeps paths project-relative in
 * messages, and it lies apart from the installed package, whose built-in templates and
 * registry are still read from the disk. A file asked for as bytes that is not among the texts
 * (a reference DOCX) comes from `bytesOf`, when given: read as text, a Word file is mangled.
 */
export function memoryFiles(version: string, texts: ReadonlyMap<string, string>, bytesOf?: (path: string) => Uint8Array | undefined): ProjectFiles {
  const root = resolve(sep, '.briefing-version', version);
  const isFolder = (path: string) => path === '' || path === '.' || [...texts.keys()].some((file) => file.startsWith(`${path}/`));
  const normal = (path: string) => path.split('/').filter((part) => part !== '' && part !== '.').join('/');
  return {
    root,
    readText(path, shownAs = path) {
      const text = texts.get(normal(path));
      if (text !== undefined) return text;
      throw unreadable(shownAs, isFolder(normal(path)) ? 'EISDIR' : 'ENOENT');
    },
    readBytes(path) {
      const text = texts.get(normal(path));
      return text === undefined ? bytesOf?.(normal(path)) : Buffer.from(text, 'utf8');
    },
    kind(path) {
      if (texts.has(normal(path))) return 'file';
      return isFolder(normal(path)) ? 'folder' : undefined;
    },
    list(folder, patterns = YAML_FILES) {
      const prefix = normal(folder) === '' ? '' : `${normal(folder)}/`;
      const matches = picomatch([...patterns], { dot: false });
      return [...texts.keys()].filter((path) => path.startsWith(prefix) && matches(path.slice(prefix.length))).sort();
    },
    names(folder) {
      const prefix = normal(folder) === '' ? '' : `${normal(folder)}/`;
      return [...new Set([...texts.keys()].filter((path) => path.startsWith(prefix)).map((path) => path.slice(prefix.length).split('/')[0] ?? ''))];
    },
    isInside: (folder, path) => namedInside(join(root, folder), join(root, path)),
    linksOutside: () => [],
    danglingLinks: () => [],
    yamlAsText: () => [],
    unlisted: () => [],
  };
}
