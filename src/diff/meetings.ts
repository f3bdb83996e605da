import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../diagnostics/errors.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DocxMeta } from '../docx/index.js';
import { projectPath } from '../load/files.js';
import { readMeeting } from '../load/meeting.js';
import { changedSinceHead, movedTo, renamedBetween } from '../load/git-changes.js';
import { repositoryPath, showFile, type Repository } from '../load/git.js';
import type { ProjectFiles } from '../load/project-files.js';
import { loadProjectFrom, type Project } from '../load/project.js';
import { projectAtCommit, projectFromManifest, readManifest } from '../load/revision.js';
import type { Meeting, Position } from '../model/index.js';
import { generateReport } from '../pipeline/build-meeting.js';
import { includedPositions } from '../validate/meeting-rule-context.js';
import { compareMarkdown, statLine, unshownChanges, type DocumentDiff, type UnshownChange } from './compare.js';
import { unprintedTextChanges } from './unprinted-text.js';
import { meetingChanges } from './metadata.js';
import { positionMarkdown } from './position-document.js';
import { atSource, fileLabel, requireRepo, sourceLabel, versionOf, type Compared, type Sides, type Source } from './sides.js';

/** Compares two versions of a meeting's report, each rendered by the build pipeline from that version's files. */
export async function compareMeetings(sides: Sides): Promise<Compared | { diagnostics: Diagnostic[] }> {
  const { project, repo, from, to, options } = sides;
  const first = meetingFileIn(sides, from, sides.first);
  const second = meetingFileIn(sides, to, sides.second);
  const before = await renderMeeting(sides, from, first);
  const after = await renderMeeting(sides, to, second);
  if (!before.report || !after.report) return { diagnostics: [...before.diagnostics, ...after.diagnostics] };
  const { tree, blocks, footnoteLabels } = compareMarkdown(before.report.markdown, after.report.markdown, options);
  // A position renamed with a new id is one position, its id changed: the older version's under the newer id.
  const earlier = underNewIds(before.report, renamedPositions(sides, before.report, after.report));
  const metadata = [...meetingChanges(earlier, after.report, project.ministries), ...unprintedTextChanges(earlier, after.report, after.report.meta.layout.language)];
  const stat = [...new Set([...earlier.positions.keys(), ...after.report.positions.keys()])].map((id) => {
    const old = earlier.positions.get(id);
    const now = after.report?.positions.get(id);
    const [older, newer] = [old ? positionMarkdown(old) : '', now ? positionMarkdown(now) : ''];
    // A position whose text is the same in both has no changed block: not parsed and aligned again for it.
    const words = older === newer ? [] : compareMarkdown(older, newer, options).blocks;
    return statLine(id, old ? `v${old.version}` : null, now ? `v${now.version}` : null, words, metadata.filter((c) => c.subject === id).length);
  });
  stat.push(statLine('report', null, null, blocks, metadata.length));
  const equal = !metadata.length && blocks.every((b) => b.status === 'equal');
  // Equal, though git shows files changed: said how, as for a position (a footnote's new label has a line of its own).
  const unshown = equal && !footnoteLabels.length ? unshownTexts(earlier, after.report) : undefined;
  const diff: DocumentDiff = {
    kind: 'meeting',
    file: fileLabel(project, first, second),
    from: versionOf(from, repo, before.report.files, options),
    to: versionOf(to, repo, after.report.files, options),
    equal,
    ...(unshown ? { unshown: unshown.way, unshownFiles: unshown.files } : {}),
    metadata,
    stat,
    blocks,
    footnoteLabels,
    tree,
  };
  return { diff, meta: after.report.meta, created: after.report.date };
}

/** The files of a meeting whose text changed between two versions that compare equal (the newer's paths), and how. */
function unshownTexts(before: RenderedMeeting, after: RenderedMeeting): { way: UnshownChange; files: string[] } | undefined {
  const pairs: { file: string; texts: readonly [string, string] }[] = [];
  const pair = (file: string, older: string | undefined, newer: string | undefined) => {
    if (older !== undefined && newer !== undefined && older !== newer) pairs.push({ file, texts: [older, newer] });
  };
  pair(after.meetingPath, before.text(before.meetingPath), after.text(after.meetingPath));
  for (const [id, path] of after.paths) {
    const old = before.paths.get(id);
    if (old !== undefined) pair(path, before.text(old), after.text(path));
  }
  const way = unshownChanges(pairs.map((p) => p.texts));
  return way === undefined ? undefined : { way, files: pairs.map((p) => p.file) };
}

interface RenderedMeeting {
  markdown: string;
  meta: DocxMeta;
  date: Date;
  meeting: Meeting;
  positions: Map<string, Position>;
  draft: boolean;
  /** Absolute paths of the meeting and its positions: their modification time dates a working-tree version. */
  files: string[];
  /** Each included position's file (a project path), by its id. */
  paths: Map<string, string>;
  /** The meeting's file (a project path). */
  meetingPath: string;
  /** The text of one of the version's files (a project path), as read for the report. */
  text(path: string): string | undefined;
}

/**
 * The positions of the older report renamed with a new id in the newer one (old id → new id): a position
 * gone from the report whose file git's rename detection pairs with the file of one new in it (`git mv`,
 * committed or not), or whose file now holds one new in it (its id changed in place). The text alone
 * does not pair two: a position replaced by another ministry's answer may well read alike.
 */
function renamedPositions(sides: Sides, before: RenderedMeeting, after: RenderedMeeting): Map<string, string> {
  const gone = new Map([...before.paths].filter(([id]) => !after.positions.has(id)).map(([id, path]): [string, string] => [path, id]));
  const added = [...after.paths].filter(([id]) => !before.positions.has(id));
  const renamed = new Map<string, string>();
  if (!gone.size || !added.length) return renamed;
  const moved = movedPositionFiles(sides, [...gone.keys()], added.map(([, path]) => path));
  for (const [id, path] of added) {
    const old = gone.get(moved.get(path) ?? path);
    if (old !== undefined && !renamed.has(old)) renamed.set(old, id);
  }
  return renamed;
}

/**
 * The position files git pairs as renamed between the two versions: path in the newer → path in the
 * older. A manifest's build names no commit: each of its files gone (`gone`) is followed into the working
 * tree's (`added`) as git follows a file no longer at its path, from HEAD or from the commit that moved it.
 */
function movedPositionFiles({ project, from, to }: Sides, gone: readonly string[], added: readonly string[]): Map<string, string> {
  const folder = join(project.root, project.config.paths.positions);
  if (from.kind === 'manifest' && to.kind === 'file') {
    return new Map(gone.flatMap((path): [string, string][] => {
      const now = movedTo(project.root, folder, path, added);
      return now === undefined ? [] : [[now, path]];
    }));
  }
  if (from.kind !== 'commit' || to.kind === 'manifest') return new Map();
  return renamedBetween(project.root, folder, from.commit.hash, to.kind === 'commit' ? to.commit.hash : undefined);
}

/** The older report with each renamed position under its new id, in its map and in the meeting's questions. */
function underNewIds(report: RenderedMeeting, renamed: ReadonlyMap<string, string>): RenderedMeeting {
  if (!renamed.size) return report;
  const id = (old: string) => renamed.get(old) ?? old;
  const questions = report.meeting.questions.map((question) => ({ ...question, position: id(question.position) }));
  const positions = new Map([...report.positions].map(([old, position]) => [id(old), position]));
  return { ...report, meeting: { ...report.meeting, questions }, positions, paths: new Map([...report.paths].map(([old, path]) => [id(old), path])) };
}

/**
 * Where the meeting named was in a version that has no file by its name: renamed since (`git mv`, or a
 * new name when its date moved, as `meeting/date-not-file-name` asks), as git's rename detection
 * follows it from the file now; or, for a manifest, the meeting it was built from, when that file is
 * no longer there. Otherwise the file named (and a version without it is an error later, as before).
 */
function meetingFileIn({ project, repo }: Sides, source: Source, file: string): string {
  const path = projectPath(project.root, file);
  if (source.kind === 'manifest') {
    const built = readManifest(source.path, source.label).meeting.path;
    return built !== path && !existsSync(join(project.root, built)) ? join(project.root, built) : file;
  }
  if (source.kind !== 'commit' || showFile(requireRepo(repo), source.commit, repositoryPath(requireRepo(repo), file)) !== undefined) return file;
  const folder = join(project.root, project.config.paths.meetings);
  const moved = changedSinceHead(project.root, folder, [path], source.commit.hash).changed.get(path);
  return moved === undefined || moved === path ? file : join(project.root, moved);
}

/** The project as it was in a version: the current one for the working tree, else loaded from git into memory. */
function projectOf({ project, repo }: Sides, source: Source, meetingPath: string): Project {
  if (source.kind === 'file') return project;
  return loadProjectFrom(source.kind === 'commit' ? projectAtCommit(requireRepo(repo), source.commit, project.root, meetingPath) : fromManifest(requireRepo(repo), source, meetingPath));
}

/** One version of a meeting's report, rendered by the build pipeline from that version's files. */
async function renderMeeting(sides: Sides, source: Source, file: string): Promise<{ report?: RenderedMeeting; diagnostics: Diagnostic[] }> {
  const meetingPath = projectPath(sides.project.root, file);
  const project = projectOf(sides, source, meetingPath);
  const loaded = readMeeting(project.files, meetingPath);
  const report = await generateReport(project, loaded, { final: false, formats: [], sourceDateEpoch: sides.options.sourceDateEpoch }, new Map());
  const label = sourceLabel(source);
  const diagnostics = [...project.setupDiagnostics, ...report.diagnostics]
    .filter((d) => d.severity === 'error')
    .map((d) => (label ? { ...atSource(d, source), file: `${label}:${d.file}` } : d));
  if (!report.rendered || !loaded.meeting || diagnostics.length) return { diagnostics };
  const positions = new Map(includedPositions(project, loaded.meeting).flatMap((p): [string, Position][] => (p.position ? [[p.id, p.position]] : [])));
  const files = [loaded.absolutePath, ...report.inputs.positions.map((p) => join(project.root, p.path))];
  const paths = new Map(report.inputs.positions.map((p) => [p.id, p.path]));
  return {
    report: { ...report.rendered, meeting: loaded.meeting, positions, draft: report.draft, files, paths, meetingPath, text: (path) => readTextOf(project, path) },
    diagnostics: [],
  };
}

/** The project a manifest describes, which must be the build of this meeting. */
function fromManifest(repo: Repository, source: Extract<Source, { kind: 'manifest' }>, meetingPath: string): ProjectFiles {
  const manifest = readManifest(source.path, source.label);
  if (manifest.meeting.path !== meetingPath) {
    throw new UsageError(
      `${source.label} describes the build of ${manifest.meeting.path}, not of ${meetingPath}.`,
      `Name that meeting, or pass the manifest of ${meetingPath}'s build (<file_code>.manifest.json in the output folder).`,
    );
  }
  return projectFromManifest(repo, manifest, source.label);
}

/** A file's text in a version, or undefined when it cannot be read there. */
function readTextOf(project: Project, path: string): string | undefined {
  try {
    return project.files.readText(path);
  } catch {
    return undefined;
  }
}
