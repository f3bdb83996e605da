import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadedMeeting } from '../load/meeting.js';
import { CONFIG_FILE } from '../load/project-root.js';
import type { Project } from '../load/project.js';
import { TEMPLATE_SUFFIX } from '../load/templates.js';
import { clearancesNeeded, clearedBy, type Manifest, type ManifestFile } from '../model/index.js';
import { readManifest } from '../load/revision.js';
import { UsageError } from '../diagnostics/errors.js';
import { fileSha256, namesOnDisk } from '../load/files.js';
import { settingsRecords } from '../pipeline/manifest.js';
import { compareText } from '../util/text-order.js';
import { cacheTool } from '../batch/cache.js';
import { toolFingerprint } from '../batch/tool.js';
import { isArchived } from '../validate/meeting-rule-context.js';

/** Whether a meeting's output files exist and are newer than everything they are made of. */
export type BuildState = 'built' | 'outdated' | 'not built';

/** One line of `briefing list meetings`. */
export interface MeetingRow {
  file: string;
  /** null when the file does not pass its schema. */
  date: string | null;
  /** The last day of a meeting held over several days; null for a one-day meeting (and as `date`). */
  endDate: string | null;
  topic: string | null;
  /** Distinct positions its questions use; null when the file cannot be read as a meeting. */
  positions: number | null;
  /** Of those, how many every required ministry has cleared (and are not drafts); null as `positions`, and when one of them cannot be read. */
  cleared: number | null;
  build: BuildState;
  /**
   * The meeting's reports in the output folder built with another template than its own
   * (`build --template informative-report.en`: `<file_code>.informative-report.en.*`), by template,
   * each `built` or `outdated` as `build` is: no build of the meeting writes them again unless asked.
   */
  otherReports: { template: string; build: Exclude<BuildState, 'not built'> }[];
  /** Anything not yet cleared; not of a meeting that is over whose report was final for it, its positions revised since (see `isArchived`). */
  uncleared: boolean;
}

/** The rows for every meeting, by date; `today` (YYYY-MM-DD) tells a meeting that is over (see `MeetingRow.uncleared`). */
export function meetingRows(project: Project, meetings: readonly LoadedMeeting[], today?: string): MeetingRow[] {
  // The config's and registry's records, as a manifest has them: worked out once, when a manifest is there to compare.
  let records: ManifestFile[] | undefined;
  const settings = () => (records ??= settingsRecords(project));
  // Built by another version of briefing (an upgrade since: the build cache says whose it is), every report is built again by the next build.
  const tool = cacheTool(project.root);
  const otherTool = tool !== undefined && tool !== toolFingerprint();
  // The output folder's files, read once for every meeting's other reports.
  const outputNames = namesOnDisk(join(project.root, project.config.output)).sort(compareText);
  const rows = meetings.map((loaded): MeetingRow => {
    const meeting = loaded.meeting;
    const ids = [...new Set(meeting?.questions.map((q) => q.position) ?? [])];
    // A position file that cannot be read may hold every clearance: the count is not known.
    const unknown = ids.some((id) => project.positions.has(id) && !project.positions.get(id)?.position);
    const cleared = ids.filter((id) => {
      const position = project.positions.get(id)?.position;
      return position?.status === 'cleared' && meeting !== undefined && clearancesNeeded(position, meeting.required_clearances).every((code) => clearedBy(position, code));
    }).length;
    return {
      file: loaded.path,
      date: meeting?.date ?? null,
      endDate: meeting?.end_date ?? null,
      topic: meeting?.topic ?? null,
      positions: meeting ? ids.length : null,
      cleared: meeting && !unknown ? cleared : null,
      build: builtBy(buildState(project, loaded, ids, settings), otherTool),
      otherReports: otherReports(project, loaded, ids, settings, outputNames).map(({ template, built }) => ({ template, build: built && !otherTool ? 'built' : 'outdated' })),
      // A meeting that is over whose report was final for it waits for nothing, though its positions were revised since.
      uncleared: !meeting || ids.length === 0 || (cleared < ids.length && !isArchived(project, meeting, today)),
    };
  });
  return rows.sort((a, b) => compareText(a.date ?? '\uffff', b.date ?? '\uffff') || compareText(a.file, b.file));
}

/** A report's state, where another version of briefing may have built it (`otherTool`): then what was built is outdated, as the next build builds it again. */
function builtBy(state: BuildState, otherTool: boolean): BuildState {
  return otherTool && state === 'built' ? 'outdated' : state;
}

/**
 * Every output file of the configured formats must exist. Then the report's manifest says what it
 * was built from, by content: built when the meeting, its positions, the config and registry, the
 * template and its partials, the reference DOCX and the outputs are still those bytes (a file saved
 * again unchanged, or a checkout, does not make it outdated; a partial of the project's own that takes
 * a built-in's place does). Without a manifest, modification times are compared.
 */
function buildState(project: Project, loaded: LoadedMeeting, ids: readonly string[], settings: () => readonly ManifestFile[]): BuildState {
  const meeting = loaded.meeting;
  if (!meeting) return 'not built';
  const out = join(project.root, project.config.output);
  const outputs = project.config.formats.map((format) => mtime(join(out, `${meeting.file_code}.${format}`)));
  if (outputs.some((t) => t === undefined)) return 'not built';
  const manifest = manifestAt(join(out, `${meeting.file_code}.manifest.json`));
  if (manifest) return builtFrom(project, loaded, ids, manifest, settings()) ? 'built' : 'outdated';
  const template = project.templateDirs.map((dir) => join(dir, meeting.template + TEMPLATE_SUFFIX)).find((path) => mtime(path) !== undefined);
  const inputs = [
    loaded.absolutePath,
    join(project.root, CONFIG_FILE),
    join(project.root, project.config.paths.ministries),
    ...(template ? [template] : []),
    ...ids.flatMap((id) => {
      const file = project.positions.get(id)?.file.path;
      return file ? [join(project.root, file)] : [];
    }),
  ];
  const oldestOutput = Math.min(...outputs.map((t) => t ?? 0));
  const newestInput = Math.max(...inputs.map((path) => mtime(path) ?? 0));
  return newestInput > oldestOutput ? 'outdated' : 'built';
}

/**
 * The reports of the meeting in the output folder under its file code that another template made
 * (`<file_code>.<template>.manifest.json`, its manifest naming the meeting), and whether each is
 * built from the inputs as they are now.
 */
function otherReports(project: Project, loaded: LoadedMeeting, ids: readonly string[], settings: () => readonly ManifestFile[], names: readonly string[]): { template: string; built: boolean }[] {
  const meeting = loaded.meeting;
  if (!meeting) return [];
  const out = join(project.root, project.config.output);
  const prefix = `${meeting.file_code}.`;
  return names
    .filter((name) => name.startsWith(prefix) && name.endsWith('.manifest.json') && name !== `${prefix}manifest.json`)
    .flatMap((name) => {
      const manifest = manifestAt(join(out, name));
      if (!manifest || manifest.meeting.path !== loaded.path || manifest.template.name === meeting.template) return [];
      return [{ template: manifest.template.name, built: builtFrom(project, loaded, ids, manifest, settings(), manifest.template.name) }];
    });
}

/** Whether the files a manifest names are still the bytes it recorded, and the meeting still uses those positions (and `template`, its own unless said). */
function builtFrom(project: Project, loaded: LoadedMeeting, ids: readonly string[], manifest: Manifest, settings: readonly ManifestFile[], template = loaded.meeting?.template): boolean {
  const same = (path: string | undefined, sha: string) => path !== undefined && fileSha256(path) === sha;
  const root = (path: string) => join(project.root, path);
  if (manifest.meeting.path !== loaded.path || !same(loaded.absolutePath, manifest.meeting.sha256)) return false;
  if ([...ids].sort().join('\n') !== manifest.positions.map((p) => p.id).sort().join('\n')) return false;
  for (const position of manifest.positions) {
    const file = project.positions.get(position.id)?.file.path;
    if (file !== position.path || !same(root(file), position.sha256)) return false;
  }
  // Which registry counts too, as for build: the built-in one and a project's copy of it have one text, not one manifest.
  if (manifest.settings.length !== settings.length || manifest.settings.some((file, index) => file.sha256 !== settings[index]?.sha256 || (file.built_in === true) !== (settings[index]?.built_in === true))) return false;
  if (manifest.template.name !== template) return false;
  // A template file where the build would take it now: the project's templates first, then the built-in ones.
  const where = (path: string) => project.templateDirs.map((dir) => join(dir, path.replace(/^templates\//, ''))).find((candidate) => mtime(candidate) !== undefined);
  if (!manifest.template.files.every((file) => same(where(file.path), file.sha256))) return false;
  // The reference DOCX's path is in the config or the template, compared above; its bytes are here.
  if (manifest.reference_docx && !same(root(manifest.reference_docx.path), manifest.reference_docx.sha256)) return false;
  return manifest.outputs.every((output) => same(join(project.root, project.config.output, output.name), output.sha256));
}

/** The manifest at `path`, read as `diff --since` reads it; undefined when there is none that reads. */
function manifestAt(path: string): Manifest | undefined {
  try {
    return readManifest(path, path);
  } catch (error) {
    if (error instanceof UsageError) return undefined;
    throw error;
  }
}

function mtime(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}
