import { join } from 'node:path';
import { projectPath } from '../load/files.js';
import { positionAtCommit } from '../load/revision.js';
import { changedSinceHead, renamedBetween } from '../load/git-changes.js';
import { readPositionFile } from '../load/position-files.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { compareMarkdown, statLine, unshownChange, type DocumentDiff } from './compare.js';
import { unparseableProblems } from '../validate/markdown-rules.js';
import { positionChanges } from './metadata.js';
import { positionDocxMeta, positionMarkdown } from './position-document.js';
import { atSource, fileLabel, fileOf, requireRepo, sourceLabel, versionOf, type Compared, type Sides, type Source } from './sides.js';

/** Compares two versions of a position: its text word by word, and its fields. */
export function comparePositions(sides: Sides): Compared | { diagnostics: Diagnostic[] } {
  const { project, repo, from, to, options } = sides;
  const { before, after } = readVersions(sides);
  const [first, second] = [before.file, after.file];
  const diagnostics = [...before.diagnostics, ...after.diagnostics];
  if (!before.position || !after.position) return { diagnostics };
  const { tree, blocks, footnoteLabels } = compareMarkdown(positionMarkdown(before.position, true), positionMarkdown(after.position, true), options);
  const toVersion = versionOf(to, repo, [second], options);
  // Ministries are named as on the newer version's day: a renamed one by its name then.
  const day = toVersion.localTime.slice(0, 10);
  const metadata = positionChanges(before.position, after.position, project.ministries, day);
  const equal = !metadata.length && blocks.every((b) => b.status === 'equal');
  // Equal, though git shows the file changed: said how, lest "no changes" read as a diff that missed one (a footnote's new label has a line of its own).
  const unshown = equal && before.hash !== after.hash && !footnoteLabels.length ? unshownChange(before.text(), after.text()) : undefined;
  const diff: DocumentDiff = {
    kind: 'position',
    file: fileLabel(project, first, second),
    from: versionOf(from, repo, [first], options),
    to: toVersion,
    equal,
    ...(unshown ? { unshown } : {}),
    metadata,
    stat: [statLine(after.position.id, `v${before.position.version}`, `v${after.position.version}`, blocks, metadata.length)],
    blocks,
    footnoteLabels,
    tree,
  };
  const meta = positionDocxMeta(after.position, project.config, project.ministries, after.hash, day, project.reference);
  return { diff, meta, created: new Date(toVersion.date) };
}

/**
 * Both versions of the position. One named at a commit that had no file by its name is found there by
 * the other version's id: a position renamed (`git mv`) between the two keeps its id, and its old
 * name is then the older version's `file`. Two commits that both lack it (both from before the
 * project's folder was moved) find it by the id the file has in the working tree.
 */
function readVersions(sides: Sides) {
  const { project, from, to, first, second } = sides;
  const lacks = (source: Source, file: string) => source.kind === 'commit' && source.commit.files.has(file) && source.commit.files.get(file) === undefined;
  if (lacks(from, first) && lacks(to, second)) {
    const now = projectPath(project.root, second);
    const id = project.files.kind(now) === 'file' ? readPositionFile(project.files, now).id : undefined;
    return { before: readPosition(sides, from, first, id), after: readPosition(sides, to, second, id) };
  }
  if (lacks(from, first) && !lacks(to, second)) {
    const after = readPosition(sides, to, second);
    return { before: readPosition(sides, from, movedFrom(sides, from, to, second) ?? first, after.position?.id), after };
  }
  const before = readPosition(sides, from, first);
  return { before, after: readPosition(sides, to, second, lacks(to, second) ? before.position?.id : undefined) };
}

/**
 * Where the newer version's file (the working tree's, or a later commit's) was at the older commit, when
 * git's rename detection pairs the two (`git mv`, committed or not, the id changed too, so the id does
 * not find it there): absolute, or undefined.
 */
function movedFrom({ project }: Sides, source: Source, newer: Source, file: string): string | undefined {
  if (source.kind !== 'commit' || newer.kind === 'manifest') return undefined;
  const now = projectPath(project.root, file);
  const folder = join(project.root, project.config.paths.positions);
  const then = newer.kind === 'commit' ? renamedBetween(project.root, folder, source.commit.hash, newer.commit.hash).get(now) : changedSinceHead(project.root, folder, [now], source.commit.hash).changed.get(now);
  return then === undefined || then === now ? undefined : join(project.root, then);
}

/** Where a version of the position is: the file named, or at a commit without it, the file there with the position's `id`. */
function locate({ project, repo }: Sides, source: Source, file: string, id: string | undefined) {
  const renamed = id !== undefined && source.kind === 'commit' ? positionAtCommit(requireRepo(repo), source.commit, { projectRoot: project.root, positions: projectPath(project.root, join(project.root, project.config.paths.positions)), named: projectPath(project.root, file) }, id) : undefined;
  return renamed ? { ...renamed, file: renamed.absolutePath } : { ...fileOf(project, repo, source, file), file };
}

/** One version of a position file, read and checked by the loader; only its errors count. `id`: the other version's, to follow a rename by. */
function readPosition(sides: Sides, source: Source, named: string, id?: string) {
  const { project } = sides;
  const { files, path, file } = locate(sides, source, named, id);
  const label = sourceLabel(source);
  const shown = projectPath(project.root, file);
  const loaded = readPositionFile(files, path, label ? `${label}:${shown}` : shown);
  // A text nested too deep, or with too many marks in a paragraph, for the parser is refused as build refuses it.
  const texts = loaded.position ? unparseableProblems(loaded.file, [['body', loaded.position.body], ['body_en', loaded.position.body_en]]) : [];
  const diagnostics = [...loaded.diagnostics, ...texts].filter((d) => d.severity === 'error').map((d) => atSource(d, source));
  return { position: diagnostics.length ? undefined : loaded.position, hash: loaded.hash, text: () => files.readText(path), diagnostics, file };
}
