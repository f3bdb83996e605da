import { join, posix, relative, sep } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { controlCharacters, encodingProblem, forbiddenCharacters, invisibleCharacters, placeInText } from './characters.js';
import { projectPath, readOrUnreadable } from './files.js';
import { savedCopyOf } from './saved-copies.js';
import { shellWord } from '../util/shell.js';
import { splitFrontMatter, type LayoutOverride } from './front-matter.js';
import { fileTooLarge } from './limits.js';
import { thereInAnotherCase, writeOrRename } from './letter-forms.js';
import { mergeConflicts } from './merge-conflicts.js';
import { diskFiles, namedInside, type ProjectFiles } from './project-files.js';
import { ABSOLUTE_START, UP_SEGMENT } from '../model/paths.js';
import { withoutBom } from '../util/byte-order-mark.js';
import { compareText } from '../util/text-order.js';

/** File name ending of templates: `informative-report.lv.md.hbs`. */
export const TEMPLATE_SUFFIX = '.md.hbs';

/** One file of a template as read: project-relative path (`../…` for built-in ones), text and the problems found reading it. */
export interface TemplateFile {
  path: string;
  /** The file as read: what the manifest and the build cache record. */
  text: string;
  /** The text as compiled: every line end a line feed, so a CRLF file renders as its LF copy does. */
  source: string;
  /** Forbidden characters (and, for the template file, front matter problems). */
  diagnostics: Diagnostic[];
}

/** A template as texts, ready to compile: the file (its front matter taken out) and its partials by name. */
export interface TemplateTexts {
  name: string;
  /** The template file; `text` is the whole file as read. */
  file: TemplateFile;
  /** The template as Handlebars reads it: the front matter became a comment of as many lines. */
  body: string;
  /** The layout its front matter sets. */
  layout?: LayoutOverride | undefined;
  /** The partials on the template path (see {@link partialsOnPath}), sorted by name. */
  partials: (TemplateFile & { name: string })[];
  /** Partials on the path that cannot be read (mode 000): an error only for a template that includes one. */
  unreadablePartials?: { name: string; diagnostic: Diagnostic }[];
}

/**
 * Reads a template by name, searching the folders `dirs` (absolute) in order: the file
 * found first, and every partial found first in a `partials/` folder of those folders,
 * through the project's files for a folder inside the project and from the disk for the
 * built-in ones. A template named outside its folder, a missing one and a file too large
 * are problems, not texts.
 */
export function readTemplate(name: string, dirs: readonly string[], files: ProjectFiles): { texts?: TemplateTexts; diagnostics: Diagnostic[] } {
  const wanted = name + TEMPLATE_SUFFIX;
  const inside = dirs.every((dir) => folderFiles(files, dir).isInside(wanted));
  // Refused by its name too (`sub/../x`, which comes back; `/tmp/x` or `C:\x`, which were looked for inside): the editors' schema can tell it only by its name.
  if (ABSOLUTE_START.test(name)) return { diagnostics: [templateOutsideFolder(name, 'absolute')] };
  if (!inside || UP_SEGMENT.test(name)) return { diagnostics: [templateOutsideFolder(name, inside ? 'up' : 'outside')] };
  // A name typed or written in YAML is composed (NFC); a file copied from a Mac may have its letters decomposed.
  const inDir = (d: string) => (folderFiles(files, d).kind(wanted) !== undefined ? wanted : templatesIn(files, d).find((entry) => entry.name === name.normalize('NFC'))?.file);
  const dir = dirs.find((d) => inDir(d) !== undefined);
  const fileName = (dir && inDir(dir)) ?? wanted;
  if (!dir) {
    const available = listTemplates(dirs, files);
    const where = dirs.map((d) => (namedInside(files.root, d) ? `${projectPath(files.root, d)}/` : 'the built-in templates')).join(' and ');
    return {
      diagnostics: [
        diagnostic(fileName, undefined, 'error', 'template/missing', `No template named \`${name}\` (looked for ${fileName} in ${where}).`, strayTemplateHint(name, dirs, files) ?? slashedHint(name, available) ?? otherCaseHint(name, dirs, files, available) ?? (available.length ? `Available: ${available.join(', ')}.` : undefined)),
      ],
    };
  }
  const folder = folderFiles(files, dir);
  const { partials, unreadable: unreadablePartials } = readPartials(dirs, files);
  const path = projectPath(files.root, join(dir, fileName));
  const text = readOrUnreadable(() => folder.readText(fileName, path), path);
  // A file of it that cannot be read fails the meetings that use it, as a position would, not the whole run (a partial: where it is included).
  if (typeof text !== 'string') return { diagnostics: [text] };
  const tooLarge = fileTooLarge(path, text);
  if (tooLarge) return { diagnostics: [tooLarge] };
  // Text that is not UTF-8 would print as � (or, UTF-16, fail to parse on every line): said once per file, nothing compiled.
  const unreadable = [{ path, text }, ...partials].flatMap((one) => encodingProblem(one.path, one.text) ?? []);
  if (unreadable.length) return { diagnostics: unreadable };
  // Both versions of a merge conflict, with git's markers, would be printed: nothing compiled (its partials' conflicts said with its own).
  const conflicts = mergeConflicts(path, text);
  if (conflicts.length) conflicts.push(...partials.flatMap((partial) => partial.diagnostics.filter((found) => found.ruleId === 'file/merge-conflict')));
  if (conflicts.length) return { diagnostics: conflicts };
  const source = withLineFeeds(text);
  const own = splitFrontMatter(source, path);
  return {
    diagnostics: [],
    texts: {
      name,
      file: { path, text, source, diagnostics: [...oddCharacters(path, text), ...own.diagnostics] },
      body: own.body,
      layout: own.layout,
      partials,
      ...(unreadablePartials.length ? { unreadablePartials } : {}),
    },
  };
}

/** The partials on a template path, read: their texts as a template compiles them, and those that cannot be read. */
export interface PartialsRead {
  partials: TemplateTexts['partials'];
  unreadable: { name: string; diagnostic: Diagnostic }[];
}

/** The partials on the template path with their texts, as a template compiles them; and those that cannot be read. */
export function readPartials(dirs: readonly string[], files: ProjectFiles): PartialsRead {
  const partials: TemplateTexts['partials'] = [];
  const unreadable: { name: string; diagnostic: Diagnostic }[] = [];
  for (const { name, path, read } of partialsOnPath(dirs, files)) {
    const text = readOrUnreadable(read, path);
    if (typeof text === 'string') partials.push({ name, path, text, source: withLineFeeds(text), diagnostics: [...mergeConflicts(path, text), ...oddCharacters(path, text)] });
    else unreadable.push({ name, diagnostic: text });
  }
  return { partials, unreadable };
}

/**
 * A partial on the template path read as the texts of a template that only includes it
 * (`{{> name}}`), so that it is compiled, and its problems found, even when no template
 * includes it. No texts when no partial has that name, or when a partial cannot be read (then said).
 * `read` is the path's partials as {@link readPartials} gives them: read once for all of them,
 * since checking each of them alone with all of them read again grew with their square.
 */
export function readPartialAlone(name: string, read: PartialsRead): { texts?: TemplateTexts; diagnostics: Diagnostic[] } {
  const { partials, unreadable } = read;
  const unread = unreadable.find((partial) => partial.name === name);
  if (unread) return { diagnostics: [unread.diagnostic] };
  const alone = partials.find((partial) => partial.name === name);
  if (!alone) return { diagnostics: [] };
  const body = `{{> ${JSON.stringify(name)}}}\n`;
  return { texts: { name, file: { path: alone.path, text: body, source: body, diagnostics: [] }, body, partials, ...(unreadable.length ? { unreadablePartials: unreadable } : {}) }, diagnostics: [] };
}

/**
 * The characters of a template's text that a Word document cannot hold (errors) or prints as nothing (C1
 * controls, zero-width characters: warnings), as in YAML: the byte-order mark that starts a file saved by
 * Notepad is not text (see {@link withLineFeeds}), and not counted in the first line's columns.
 */
function oddCharacters(path: string, file: string): Diagnostic[] {
  const text = withoutBom(file);
  const placeAt = placeInText(text);
  return [...forbiddenCharacters(path, text, placeAt), ...controlCharacters(path, text, placeAt), ...invisibleCharacters(path, text, placeAt)];
}

/**
 * The text with every line ending a line feed: a template saved with Windows line ends
 * (CRLF) gives the same report as one with LF, not Markdown with mixed line ends.
 */
function withLineFeeds(text: string): string {
  // A byte-order mark (Notepad writes one) is not text: it would hide the front matter's first `---`.
  const unmarked = withoutBom(text);
  // Letters in composed form (NFC), as the YAML values are read (see `parseYaml`).
  return (unmarked.includes('\r') ? unmarked.replace(/\r\n?/g, '\n') : unmarked).normalize('NFC');
}

/** A partial as found on the template path: its name, path (as messages show it), the folder it is in, and its text on demand. */
export interface PartialOnPath {
  name: string;
  path: string;
  dir: string;
  read: () => string;
}

/**
 * The partials every template can include, by name: the `.hbs` files under `partials/` of each
 * folder of `dirs` in order (`partials/ministry/sig.hbs` is `ministry/sig`), the first folder
 * with a name winning, like templates themselves. So a
 * project's copy of a template still finds the built-in partials, and a project overrides
 * one partial by copying just that one. None reached through a link out of its folder.
 */
export function partialsOnPath(dirs: readonly string[], files: ProjectFiles): PartialOnPath[] {
  const found = new Map<string, PartialOnPath>();
  for (const dir of dirs) {
    const folder = folderFiles(files, dir);
    if (folder.kind(PARTIALS_DIR) !== 'folder') continue;
    for (const inFolder of folder.list(PARTIALS_DIR, ['**/*.hbs'])) {
      // `partials/ministry/sig.hbs` is `{{> ministry/sig}}`. Composed (NFC), as `{{> name}}` in a template is read: a file copied from a Mac may have its letters decomposed.
      const name = relative(PARTIALS_DIR, inFolder).slice(0, -'.hbs'.length).split(sep).join('/').normalize('NFC');
      if (found.has(name) || !folder.isInside(inFolder)) continue;
      const path = projectPath(files.root, join(dir, inFolder));
      found.set(name, { name, path, dir, read: () => folder.readText(inFolder, path) });
    }
  }
  return [...found.values()].sort((a, b) => compareText(a.name, b.name));
}

/** Names of the templates available in `dirs`, first folder winning; none reached through a link out of its folder. */
export function listTemplates(dirs: readonly string[], files: ProjectFiles): string[] {
  const names = new Set<string>();
  for (const dir of dirs) for (const entry of templatesIn(files, dir)) names.add(entry.name);
  return [...names].sort(compareText);
}

/** The folder of a templates folder that holds its partials, which are no templates of their own. */
const PARTIALS_DIR = 'partials';

/**
 * The templates in one folder and its sub-folders (`ministry/report`, as a meeting's `template` may
 * name one), but not its `partials/`, sorted by path: a template that a link takes out of its folder
 * is not offered.
 */
export function templatesIn(files: ProjectFiles, dir: string): { name: string; file: string; read: (shownAs: string) => string }[] {
  const folder = folderFiles(files, dir);
  if (folder.kind('') !== 'folder') return [];
  return folder
    .list('', [`**/*${TEMPLATE_SUFFIX}`])
    .filter((entry) => !entry.startsWith(`${PARTIALS_DIR}/`) && folder.isInside(entry))
    .map((entry) => ({ name: entry.slice(0, -TEMPLATE_SUFFIX.length).normalize('NFC'), file: entry, read: (shownAs: string) => folder.readText(entry, shownAs) }));
}

/**
 * Handlebars files at the top of a templates folder that nothing finds: a template's name ends in
 * `.md.hbs` exactly, a partial lies in `partials/`. `mans.lv.hbs`, `Mans.MD.HBS` or `signature.hbs`
 * beside the templates were passed over without a word, and `--template mans.lv` said only that no
 * such template exists. Each with the name a template of that file would have. A template or a
 * partial saved as a text document (`….md.hbs.txt`, `partials/….hbs.txt`: Notepad adds `.txt`, and
 * File Explorer hides it) is one too, `textDocument` with the file it was meant to be and whether
 * that is there.
 */
export function strayTemplateFiles(files: ProjectFiles, dir: string): StrayTemplateFile[] {
  const folder = folderFiles(files, dir);
  if (folder.kind('') !== 'folder') return [];
  const top = folder
    .list('', ['*'])
    .filter((entry) => /\.(?:hbs|handlebars)(?:\.txt)?$/i.test(entry) && !entry.endsWith(TEMPLATE_SUFFIX))
    .map((entry) => stray(files, dir, entry, /\.md\.hbs\.txt$/i.test(entry) ? entry.slice(0, -'.txt'.length) : undefined));
  const partials = folder
    .list('', [`${PARTIALS_DIR}/**/*.hbs.txt`])
    .filter((entry) => folder.isInside(entry))
    .map((entry) => stray(files, dir, entry, entry.slice(0, -'.txt'.length)));
  return [...top, ...partials].map((one) => {
    if (one.textDocument) return { ...one, textDocument: { ...one.textDocument, there: folder.kind(one.textDocument.meant) === 'file' } };
    const original = savedCopyOf(one.file);
    return original?.endsWith(TEMPLATE_SUFFIX) ? { ...one, copyOf: { path: original, there: folder.kind(posix.basename(original)) === 'file' } } : one;
  });
}

/** A file {@link strayTemplateFiles} found. */
export interface StrayTemplateFile {
  file: string;
  /** The name a template (or, for a text document in `partials/`, a partial) of that file would have. */
  name: string;
  /** A template or partial saved as a text document: the file it was meant to be (in the folder), and whether that is there too. */
  textDocument?: { meant: string; there: boolean };
  /** A copy Windows, a browser or a Mac named beside a template (`x.md - Copy.hbs`): the template's path, and whether it is there. */
  copyOf?: { path: string; there: boolean };
}

function stray(files: ProjectFiles, dir: string, entry: string, meant: string | undefined): StrayTemplateFile {
  const name = (meant?.startsWith(`${PARTIALS_DIR}/`) ? meant.slice(PARTIALS_DIR.length + 1) : entry).replace(/(?:\.md)?\.(?:hbs|handlebars)(?:\.txt)?$/i, '').normalize('NFC');
  return { file: projectPath(files.root, join(dir, entry)), name, ...(meant === undefined ? {} : { textDocument: { meant, there: false } }) };
}

/** The warnings of {@link strayTemplateFiles} in the project's own templates folders: `briefing templates` and a check of the whole project say them. */
export function strayTemplateWarnings(dirs: readonly string[], files: ProjectFiles, builtIn: string): Diagnostic[] {
  const partials = new Set(partialsOnPath(dirs, files).map((partial) => partial.name));
  return dirs.filter((dir) => dir !== builtIn).flatMap((dir) => strayTemplateFiles(files, dir).map((stray) => strayTemplateWarning(stray, partials.has(stray.name))));
}

/**
 * Templates that are copies Windows, a browser or a Mac named beside another template of the folder
 * (`Copy of informative-report.lv.md.hbs`): a template of its own (`Copy of informative-report.lv`), which
 * no meeting's `template` in `named` names, so a desk officer editing it changes no report. A warning each.
 */
export function copiedTemplateWarnings(files: ProjectFiles, dir: string, named: ReadonlySet<string>): Diagnostic[] {
  const templates = templatesIn(files, dir);
  const paths = new Set(templates.map((template) => template.file));
  return templates.flatMap((template) => {
    const original = savedCopyOf(template.file);
    if (original === undefined || !paths.has(original) || named.has(template.name)) return [];
    const [copy, of] = [projectPath(files.root, join(dir, template.file)), projectPath(files.root, join(dir, original))];
    return [
      diagnostic(
        copy,
        undefined,
        'warning',
        'template/stray-file',
        `\`${copy}\` is a copy of \`${of}\`, named as Windows, a browser's download or a Mac names copies: a template of its own, \`${template.name}\`, which no meeting names, so editing it changes no report.`,
        `${keepOriginalHint(of, copy)}; or give it a name of its own and name that in a meeting's \`template\`.`,
      ),
    ];
  });
}

/** What to do about a copy of a template beside it: keep one text, in the original, with the command that compares the two. */
function keepOriginalHint(original: string, copy: string): string {
  return `Keep the text you want in ${original} (\`git diff --no-index ${shellWord(original)} ${shellWord(copy)}\` shows how they differ) and delete the copy`;
}

/** A file {@link strayTemplateFiles} found, as a warning that nothing uses it; `partial` when its name is a partial's (`signature.hbs`). */
export function strayTemplateWarning(stray: StrayTemplateFile, partial: boolean): Diagnostic {
  const folder = stray.file.slice(0, stray.file.lastIndexOf('/') + 1);
  if (stray.textDocument) {
    const meant = stray.file.slice(0, -'.txt'.length);
    const isPartial = stray.textDocument.meant.startsWith(`${PARTIALS_DIR}/`);
    const kind = isPartial ? 'partial' : 'template';
    const instead = stray.textDocument.there ? `\`${meant}\`, beside it, is used in its place` : isPartial ? `the built-in partial \`${stray.name}\`, if there is one, is used in its place` : `the built-in template \`${stray.name}\`, if there is one, is used in its place`;
    return diagnostic(
      stray.file,
      undefined,
      'warning',
      'template/stray-file',
      `\`${stray.file}\` is a text document, not a ${kind}: it was saved with \`.txt\` added to its name (Notepad does so, and File Explorer hides the ending), so nothing uses it, and ${instead}.`,
      stray.textDocument.there
        ? `Compare the two, keep the text you want in \`${meant}\` and delete the .txt file.`
        : `Rename it \`${meant}\` (git mv). In Notepad's Save As, choose "All files (*.*)" so that no .txt is added.`,
    );
  }
  if (stray.copyOf) {
    const original = stray.copyOf.path;
    const instead = stray.copyOf.there ? `\`${original}\` is used in its place` : `the built-in template \`${posix.basename(original).slice(0, -TEMPLATE_SUFFIX.length)}\`, if there is one, is used in its place`;
    return diagnostic(
      stray.file,
      undefined,
      'warning',
      'template/stray-file',
      `\`${stray.file}\` is a copy of \`${original}\`, named as Windows names copies, and no template: its name does not end in \`${TEMPLATE_SUFFIX}\`, so nothing uses it, and ${instead}.`,
      stray.copyOf.there
        ? `${keepOriginalHint(original, stray.file)}.`
        : `Rename it \`${original}\` (git mv) if it is to replace the built-in template.`,
    );
  }
  return diagnostic(
    stray.file,
    undefined,
    'warning',
    'template/stray-file',
    `\`${stray.file}\` is neither a template nor a partial, so nothing uses it: a template's file name ends in \`${TEMPLATE_SUFFIX}\`, and partials lie in \`${folder}partials/\`.`,
    partial ? `Move it into ${folder}partials/ to replace the partial \`${stray.name}\` there.` : `${renameHint(stray)}, or move it into ${folder}partials/ if it is a partial.`,
  );
}

/** What to rename a stray file to, for the template it was meant to be. */
function renameHint(stray: { file: string; name: string }): string {
  return `Rename it \`${stray.file.slice(0, stray.file.lastIndexOf('/') + 1)}${stray.name}${TEMPLATE_SUFFIX}\` for the template \`${stray.name}\``;
}

/** The hint for a template not found when a stray file has its name (see {@link strayTemplateFiles}); undefined when none has. */
export function strayTemplateHint(name: string, dirs: readonly string[], files: ProjectFiles): string | undefined {
  const wanted = name.normalize('NFC');
  const stray = dirs.flatMap((dir) => (namedInside(files.root, dir) ? strayTemplateFiles(files, dir) : [])).find((one) => one.name === wanted && !one.textDocument?.meant.startsWith(`${PARTIALS_DIR}/`));
  return stray && `\`${stray.file}\` is there, but a template's file name ends in \`${TEMPLATE_SUFFIX}\`. ${renameHint(stray)}.`;
}

/** For a name written with `\\` between its folders (`ministry\\report`, as on Windows) whose `/` form is a template: write that. */
function slashedHint(name: string, available: readonly string[]): string | undefined {
  const slashed = name.normalize('NFC').replaceAll('\\', '/');
  if (slashed === name || !available.includes(slashed)) return undefined;
  return `Write \`/\` between the folders, \`${slashed}\`: Windows reads that too, where Linux, a Mac and CI take \`\\\` for part of the name.`;
}

/**
 * For a name that is a template's in another case (`mans.lv` for `templates/Mans.lv.md.hbs`), which a
 * Mac and Windows find, as their file systems take the two names for one, and Linux and CI do not.
 */
function otherCaseHint(name: string, dirs: readonly string[], files: ProjectFiles, available: readonly string[]): string | undefined {
  const wanted = name.normalize('NFC').toLowerCase();
  const other = available.find((one) => one.toLowerCase() === wanted);
  if (other === undefined) return undefined;
  const dir = dirs.find((d) => folderFiles(files, d).kind(other + TEMPLATE_SUFFIX) !== undefined);
  const where = dir !== undefined && namedInside(files.root, dir) ? ` (${projectPath(files.root, join(dir, other + TEMPLATE_SUFFIX))})` : '';
  return `${thereInAnotherCase(`The template \`${other}\`${where}`)}. ${writeOrRename(`Write \`template: ${other}\``, 'the file')}`;
}

/** The meeting names a template outside the templates folders, or through `..` (`goesUp`, the place it names being inside): refused, never read. */
export function templateOutsideFolder(name: string, why: 'outside' | 'up' | 'absolute' = 'outside'): Diagnostic {
  const how = { outside: 'lies outside the templates folder', up: 'is named through a folder above (`..`)', absolute: 'is named by a path from the top of a disk' }[why];
  return diagnostic(
    name,
    undefined,
    'error',
    'template/outside-folder',
    `The template \`${name}\` ${how}; it is not read.`,
    'Name a template inside templates/, e.g. `informative-report.lv`, without folders that go up (`..`).',
  );
}

/** A templates folder's files, by paths inside that folder. */
interface FolderFiles {
  readText(path: string, shownAs: string): string;
  kind(path: string): 'file' | 'folder' | undefined;
  list(folder: string, patterns: readonly string[]): string[];
  /** True when the path lies inside the templates folder (following links on the disk). */
  isInside(path: string): boolean;
}

/**
 * A templates folder: read through the project's files when it lies inside the project
 * (so an old revision's templates come from that revision), from the disk otherwise (the
 * templates that come with briefing).
 */
function folderFiles(files: ProjectFiles, dir: string): FolderFiles {
  const inProject = dir === files.root || namedInside(files.root, dir);
  const source = inProject ? files : diskFiles(dir);
  const base = inProject ? relative(files.root, dir).split('\\').join('/') : '';
  const at = (path: string) => (base === '' ? path : path === '' ? base : `${base}/${path}`);
  return {
    readText: (path, shownAs) => source.readText(at(path), shownAs),
    kind: (path) => source.kind(at(path)),
    list: (folder, patterns) => source.list(at(folder), patterns).map((path) => (base === '' ? path : path.slice(base.length + 1))),
    isInside: (path) => source.isInside(at(''), at(path)),
  };
}
