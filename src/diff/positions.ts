import { projectPath } from '../load/files.js';
import { readPositionFile } from '../load/position-files.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { compareMarkdown, statLine, type DocumentDiff } from './compare.js';
import { unparseableProblems } from '../validate/markdown-rules.js';
import { positionChanges } from './metadata.js';
import { positionDocxMeta, positionMarkdown } from './position-document.js';
import { fileLabel, fileOf, sourceLabel, versionOf, type Compared, type Sides, type Source } from './sides.js';

/** Compares two versions of a position: its text word by word, and its fields. */
export function comparePositions(sides: Sides): Compared | { diagnostics: Diagnostic[] } {
  const { project, repo, from, to, first, second, options } = sides;
  const before = readPosition(sides, from, first);
  const after = readPosition(sides, to, second);
  const diagnostics = [...before.diagnostics, ...after.diagnostics];
  if (!before.position || !after.position) return { diagnostics };
  const { tree, blocks, footnoteLabels } = compareMarkdown(positionMarkdown(before.position), positionMarkdown(after.position), options);
  const metadata = positionChanges(before.position, after.position, project.ministries);
  const toVersion = versionOf(to, repo, [second], options);
  const diff: DocumentDiff = {
    kind: 'position',
    file: fileLabel(project, first, second),
    from: versionOf(from, repo, [first], options),
    to: toVersion,
    equal: !metadata.length && blocks.every((b) => b.status === 'equal'),
    metadata,
    stat: [statLine(after.position.id, `v${before.position.version}`, `v${after.position.version}`, blocks, metadata.length)],
    blocks,
    footnoteLabels,
    tree,
  };
  const meta = positionDocxMeta(after.position, project.config, project.ministries, after.hash, project.reference);
  return { diff, meta, created: new Date(toVersion.date) };
}

/** One version of a position file, read and checked by the loader; only its errors count. */
function readPosition({ project, repo }: Sides, source: Source, file: string) {
  const { files, path } = fileOf(project, repo, source, file);
  const label = sourceLabel(source);
  const shown = projectPath(project.root, file);
  const loaded = readPositionFile(files, path, label ? `${label}:${shown}` : shown);
  // A text nested too deep, or with too many marks in a paragraph, for the parser is refused as build refuses it.
  const texts = loaded.position ? unparseableProblems(loaded.file, [['body', loaded.position.body], ['body_en', loaded.position.body_en]]) : [];
  const diagnostics = [...loaded.diagnostics, ...texts].filter((d) => d.severity === 'error');
  return { position: diagnostics.length ? undefined : loaded.position, hash: loaded.hash, diagnostics };
}
