import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { compareMarkdown, statLine, type DocumentDiff, type Version } from '../diff/compare.js';
import { formatDocx } from '../diff/format/docx.js';
import { formatJson } from '../diff/format/json.js';
import { formatMarkdown } from '../diff/format/markdown.js';
import { formatTerminal } from '../diff/format/terminal.js';
import { meetingChanges, positionChanges } from '../diff/metadata.js';
import { positionDocxMeta, positionMarkdown } from '../diff/position-document.js';
import type { DocxMeta } from '../docx/index.js';
import { OutputError, writeAtomic } from '../emit/write.js';
import { projectPath, readText, sha256 } from '../load/files.js';
import { openRepository, repositoryPath, resolveCommit, showFile, userName, type Commit, type Repository } from '../load/git.js';
import { loadMeeting, readMeeting } from '../load/meeting.js';
import type { ProjectFiles } from '../load/project-files.js';
import { loadProject, loadProjectFrom, type Project } from '../load/project.js';
import { projectAtCommit, projectFromManifest, readManifest } from '../load/revision.js';
import { parseYaml } from '../load/yaml.js';
import { positionSchema, type Meeting, type Position } from '../model/index.js';
import { generateReport } from '../pipeline/generate.js';
import { paint } from '../diagnostics/human.js';
import { hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ExitCode, UsageError } from '../diagnostics/errors.js';
import { checkSchema } from '../load/shape.js';

/** Output formats of `briefing diff`. */
export type DiffFormat = 'terminal' | 'md' | 'docx' | 'json';

/** Options of `briefing diff`, as the CLI parsed them. */
export interface DiffOptions {
  cwd: string;
  /** One meeting or position file (compared between revisions), or two files (compared with each other). */
  files: readonly string[];
  /** Older revision; default HEAD. */
  from?: string;
  /** Newer revision; default the working tree. */
  to?: string;
  /** A build manifest: compare with the inputs of that build. */
  since?: string;
  format: DiffFormat;
  /** A one-line-per-position summary instead of the text. */
  stat: boolean;
  /** Count whitespace-only changes. */
  whitespace: boolean;
  /** Author of the tracked changes; default the later revision's author. */
  author?: string;
  /** Write the output to this file instead of returning it. */
  out?: string;
  /** Colour the terminal format. */
  colour: boolean;
  /** From SOURCE_DATE_EPOCH: the date of working-tree versions. */
  sourceDateEpoch?: number;
}

/** The outcome: 0 equal, 1 different, 2 could not compare. */
export interface DiffResult {
  exitCode: number;
  diagnostics: Diagnostic[];
  /** What to print, unless it was written to `--out`. */
  output?: string | Uint8Array;
  /** Where the output went, project-relative. */
  written?: string;
  diff?: DocumentDiff;
}

/** One version of the compared file: the working tree, a commit, or what a manifest recorded. */
type Source = { kind: 'file'; label: string } | { kind: 'commit'; commit: Commit } | { kind: 'manifest'; label: string; path: string };

/** What the comparison of two versions produced, before formatting. */
interface Compared {
  diff: DocumentDiff;
  meta: DocxMeta;
  created: Date;
}

/**
 * Compares two versions of a position or of a whole report and formats the
 * difference. Versions come from git (`--from`, `--to`), from a build manifest
 * (`--since`) or from two files.
 */
export async function diff(options: DiffOptions): Promise<DiffResult> {
  const project = loadProject(options.cwd);
  if (hasErrors(project.setupDiagnostics)) return { exitCode: ExitCode.failure, diagnostics: sortDiagnostics(project.setupDiagnostics) };
  const files = options.files.map((file) => (isAbsolute(file) ? file : resolve(options.cwd, file)));
  const [first, second] = files;
  if (!first || files.length > 2) throw new UsageError('Name one file to compare between revisions, or two files to compare.', 'For example: briefing diff positions/educ/equity-achievements.yaml --from HEAD~1');
  if (second && (options.from || options.to || options.since)) throw new UsageError('Two files are compared as they are: --from, --to and --since need a single file.');
  if (options.since && options.from) throw new UsageError('Use either --since or --from, not both.');
  if (options.stat && options.format === 'docx') throw new UsageError('--stat prints a summary; it has no DOCX form.', 'Use --format terminal, md or json with --stat.');

  const repo = second ? undefined : openRepository(options.cwd);
  const to: Source = options.to && repo ? { kind: 'commit', commit: resolveCommit(repo, options.to) } : { kind: 'file', label: second ? projectPath(project.root, second) : 'working tree' };
  const from: Source = second
    ? { kind: 'file', label: projectPath(project.root, first) }
    : options.since
      ? { kind: 'manifest', label: projectPath(project.root, resolve(options.cwd, options.since)), path: resolve(options.cwd, options.since) }
      : { kind: 'commit', commit: resolveCommit(requireRepo(repo), options.from ?? 'HEAD') };

  const kind = fileKind(project, first, repo, to, from);
  if (options.since && kind !== 'meeting') throw new UsageError('--since compares a meeting’s report with the build a manifest describes; name the meeting file.');
  const sides = { project, repo, from, to, first, second: second ?? first, options };
  const compared = kind === 'position' ? comparePositions(sides) : await compareMeetings(sides);
  if ('diagnostics' in compared) return { exitCode: ExitCode.failure, diagnostics: sortDiagnostics(compared.diagnostics) };

  const output = await render(compared, options);
  const result: DiffResult = { exitCode: compared.diff.equal ? ExitCode.ok : ExitCode.problems, diagnostics: [], diff: compared.diff };
  if (options.out) {
    const target = resolve(options.cwd, options.out);
    const shown = projectPath(project.root, target);
    try {
      writeAtomic(target, output, shown);
    } catch (error) {
      if (error instanceof OutputError) throw new UsageError(error.message, error.hint);
      throw error;
    }
    result.written = shown;
  } else result.output = output;
  return result;
}

interface Sides {
  project: Project;
  repo: Repository | undefined;
  from: Source;
  to: Source;
  /** The file of the older version (the only file, unless two were given). */
  first: string;
  /** The file of the newer version. */
  second: string;
  options: DiffOptions;
}

function comparePositions({ project, repo, from, to, first, second, options }: Sides): Compared | { diagnostics: Diagnostic[] } {
  const before = readPosition(project, repo, from, first);
  const after = readPosition(project, repo, to, second);
  const diagnostics = [...before.diagnostics, ...after.diagnostics];
  if (!before.position || !after.position) return { diagnostics };
  const { tree, blocks } = compareMarkdown(positionMarkdown(before.position), positionMarkdown(after.position), options);
  const metadata = positionChanges(before.position, after.position, project.ministries);
  const toVersion = version(to, repo, [second], options);
  const diff: DocumentDiff = {
    kind: 'position',
    file: fileLabel(project, first, second),
    from: version(from, repo, [first], options),
    to: toVersion,
    equal: !metadata.length && blocks.every((b) => b.status === 'equal'),
    metadata,
    stat: [statLine(after.position.id, `v${before.position.version}`, `v${after.position.version}`, blocks, metadata.length)],
    blocks,
    tree,
  };
  const meta = positionDocxMeta(after.position, project.config, project.ministries, after.hash, project.reference);
  return { diff, meta, created: new Date(toVersion.date) };
}

async function compareMeetings({ project, repo, from, to, first, second, options }: Sides): Promise<Compared | { diagnostics: Diagnostic[] }> {
  const before = await renderMeeting(project, repo, from, first, options);
  const after = await renderMeeting(project, repo, to, second, options);
  if (!before.report || !after.report) return { diagnostics: [...before.diagnostics, ...after.diagnostics] };
  const { tree, blocks } = compareMarkdown(before.report.markdown, after.report.markdown, options);
  const metadata = meetingChanges(before.report, after.report, project.ministries);
  const stat = [...new Set([...before.report.positions.keys(), ...after.report.positions.keys()])].map((id) => {
    const old = before.report?.positions.get(id);
    const now = after.report?.positions.get(id);
    const words = compareMarkdown(old ? positionMarkdown(old) : '', now ? positionMarkdown(now) : '', options).blocks;
    return statLine(id, old ? `v${old.version}` : null, now ? `v${now.version}` : null, words, metadata.filter((c) => c.subject === id).length);
  });
  stat.push(statLine('report', null, null, blocks, metadata.length));
  const diff: DocumentDiff = {
    kind: 'meeting',
    file: fileLabel(project, first, second),
    from: version(from, repo, before.report.files, options),
    to: version(to, repo, after.report.files, options),
    equal: !metadata.length && blocks.every((b) => b.status === 'equal'),
    metadata,
    stat,
    blocks,
    tree,
  };
  return { diff, meta: after.report.meta, created: after.report.date };
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
}

/** One version of a meeting's report, rendered by the build pipeline from that version's files. */
async function renderMeeting(
  current: Project,
  repo: Repository | undefined,
  source: Source,
  file: string,
  options: DiffOptions,
): Promise<{ report?: RenderedMeeting; diagnostics: Diagnostic[] }> {
  const meetingPath = projectPath(current.root, file);
  const project = source.kind === 'file' ? current : loadProjectFrom(source.kind === 'commit' ? projectAtCommit(requireRepo(repo), source.commit, current.root, meetingPath) : fromManifest(requireRepo(repo), source, meetingPath));
  const absolute = source.kind === 'file' ? file : join(project.root, meetingPath);
  const loaded = source.kind === 'file' ? loadMeeting(project.root, absolute) : readMeeting(project.files, meetingPath);
  const report = await generateReport(project, loaded, { final: false, formats: [], sourceDateEpoch: options.sourceDateEpoch }, new Map());
  const label = sourceLabel(source);
  const diagnostics = [...project.setupDiagnostics, ...report.diagnostics]
    .filter((d) => d.severity === 'error')
    .map((d) => (label ? { ...d, file: `${label}:${d.file}` } : d));
  if (!report.rendered || !loaded.meeting || diagnostics.length) return { diagnostics };
  const positions = new Map<string, Position>();
  for (const question of loaded.meeting.questions) {
    const position = project.positions.get(question.position)?.position;
    if (position) positions.set(position.id, position);
  }
  const files = [absolute, ...report.inputs.positions.map((p) => join(project.root, p.path))];
  return {
    report: { ...report.rendered, meeting: loaded.meeting, positions, draft: report.draft, files },
    diagnostics: [],
  };
}

function fromManifest(repo: Repository, source: Extract<Source, { kind: 'manifest' }>, meetingPath: string): ProjectFiles {
  const manifest = readManifest(source.path, source.label);
  if (manifest.meeting.path !== meetingPath) {
    throw new UsageError(`${source.label} describes the build of ${manifest.meeting.path}, not of ${meetingPath}.`);
  }
  return projectFromManifest(repo, manifest, source.label);
}

/** One version of a position file, checked against the position schema. */
function readPosition(project: Project, repo: Repository | undefined, source: Source, file: string) {
  const path = projectPath(project.root, file);
  const text = source.kind === 'commit' ? textAtCommit(requireRepo(repo), source.commit, file) : readText(file, path);
  const label = sourceLabel(source);
  const yaml = parseYaml(label ? `${label}:${path}` : path, text);
  const checked = checkSchema(yaml, positionSchema, 'position');
  const diagnostics = [...yaml.diagnostics, ...checked.diagnostics].filter((d) => d.severity === 'error');
  return { position: diagnostics.length ? undefined : checked.value, hash: sha256(text), diagnostics };
}

function textAtCommit(repo: Repository, commit: Commit, file: string): string {
  const text = showFile(repo, commit, repositoryPath(repo, file));
  if (text === undefined) throw new UsageError(`${repositoryPath(repo, file)} does not exist at ${commit.label}.`);
  return text;
}

/** Meeting or position: by folder first, else by the file's keys. */
function fileKind(project: Project, file: string, repo: Repository | undefined, to: Source, from: Source): 'meeting' | 'position' {
  const path = projectPath(project.root, file);
  const { meetings, positions } = project.config.paths;
  if (path.startsWith(`${meetings}/`)) return 'meeting';
  if (path.startsWith(`${positions}/`)) return 'position';
  const commit = to.kind === 'commit' ? to.commit : from.kind === 'commit' ? from.commit : undefined;
  const text = existsSync(file) || !commit || to.kind === 'file' ? readText(file, path) : textAtCommit(requireRepo(repo), commit, file);
  const data = parseYaml(path, text).data;
  if (typeof data === 'object' && data !== null) {
    if ('questions' in data && 'date' in data) return 'meeting';
    if ('body' in data) return 'position';
  }
  throw new UsageError(`Cannot tell whether ${path} is a meeting or a position.`, `Meetings live in ${meetings}/ and positions in ${positions}/.`);
}

function version(source: Source, repo: Repository | undefined, files: readonly string[], options: DiffOptions): Version {
  if (source.kind === 'commit') return { label: source.commit.label, commit: source.commit.hash, date: source.commit.date, author: source.commit.author };
  const author = (repo ? userName(repo) : undefined) ?? 'briefing';
  if (source.kind === 'manifest') return { label: source.label, commit: null, date: modified([source.path], options), author };
  return { label: source.label, commit: null, date: modified(files, options), author };
}

/** SOURCE_DATE_EPOCH when set, else the latest modification time of the files: a working-tree version's date. */
function modified(files: readonly string[], options: DiffOptions): string {
  const millis = options.sourceDateEpoch !== undefined ? options.sourceDateEpoch * 1000 : Math.max(0, ...files.map((file) => (existsSync(file) ? statSync(file).mtimeMs : 0)));
  return new Date(Math.floor(millis / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function sourceLabel(source: Source): string | null {
  return source.kind === 'commit' ? source.commit.label : source.kind === 'manifest' ? source.label : null;
}

function fileLabel(project: Project, first: string, second: string): string {
  return first === second ? projectPath(project.root, first) : `${projectPath(project.root, first)} → ${projectPath(project.root, second)}`;
}

function requireRepo(repo: Repository | undefined): Repository {
  if (!repo) throw new Error('diff: a git repository was expected');
  return repo;
}

async function render(compared: Compared, options: DiffOptions): Promise<string | Uint8Array> {
  const { diff: result } = compared;
  switch (options.format) {
    case 'docx':
      return formatDocx(result, compared.meta, options.author ?? result.to.author, compared.created);
    case 'json':
      return formatJson(result, options.stat);
    case 'md':
      return formatMarkdown(result, options.stat);
    case 'terminal':
      return formatTerminal(result, options.stat, paint(options.colour));
  }
}
