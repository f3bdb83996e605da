import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { movedTo } from '../load/git-changes.js';
import { isShallowClone, repositoryAt } from '../load/git.js';
import { packageManagerIn } from '../load/package-manager.js';
import { readManifest } from '../load/revision.js';
import type { Manifest } from '../model/index.js';
import type { GeneratedReport } from '../pipeline/build-meeting.js';
import { shellWord } from '../util/shell.js';

/**
 * The warning when a build replaces the final report of a meeting that is over with one that
 * reads otherwise; undefined otherwise. A report always prints its positions as they are now,
 * so rebuilding February's meeting after a position was revised for May prints May's text in
 * February's report, and the file that was sent (the output folder is not kept in git) is gone.
 * Said only for the meeting that built the files there (`manifestPath`, its manifest in the
 * output folder) and only when a file of the same name now gets other bytes: a draft, or a build
 * before the meeting, is expected to change. `root`: the project's folder, whose package manager installs the tool
 * in the checkout the hint makes (a new worktree has no node_modules, where `npx briefing` asked the registry).
 */
export function pastReportReplaced(report: GeneratedReport, manifestPath: string | undefined, today: string | undefined, root: string): Diagnostic | undefined {
  if (!manifestPath || !today || !report.date || report.date >= today) return undefined;
  const before = readManifestQuietly(manifestPath);
  if (!before || before.draft || before.meeting.path !== report.meetingPath) return undefined;
  if (!readsOtherwise(before, report)) return undefined;
  const versions = changedVersions(before, report, root);
  const why = versions
    ? `(${versions}): a report prints each position as it is now, not as it was for the meeting`
    : '(its positions at the versions it had then: their text or clearances, the meeting, a template, the config or briefing changed since)';
  return diagnostic(
    report.meetingPath,
    undefined,
    'warning',
    'output/past-report-replaced',
    `The meeting ended on ${report.date}, and its report here had been built final; this build replaced it with ${report.draft ? 'a draft that reads' : 'a report that reads'} otherwise ${why}.`,
    `If that report was sent, keep it apart from the output folder, which each build rewrites: take it from where you sent it, or ${buildAsThen(report.date, report.meetingPath, root)}`,
  );
}

/**
 * The warning when a build makes, in an output folder that holds no final report of the meeting yet (a
 * fresh clone, CI's first run, a draft built before the meeting), the final report of a meeting that is
 * over from positions no ministry had cleared by its day: the report says, unmarked, that it was cleared
 * with them, in text written for a later meeting. Undefined otherwise; where the folder holds a final
 * report of the meeting, pastReportReplaced compares the two. Said by the build that writes the files,
 * as that one is (the cache keeps neither).
 */
export function pastReportLaterText(report: GeneratedReport, manifestPath: string | undefined, today: string | undefined, root: string): Diagnostic | undefined {
  const later = report.clearedLater ?? [];
  if (!today || !report.date || report.date >= today || report.draft || !later.length) return undefined;
  const before = manifestPath ? readManifestQuietly(manifestPath) : undefined;
  if (before && !before.draft && before.meeting.path === report.meetingPath) return undefined;
  const listed = later.map((position) => `${position.id} version ${position.version}, cleared ${position.cleared}`).join('; ');
  return diagnostic(
    report.meetingPath,
    undefined,
    'warning',
    'output/past-report-later-text',
    `The meeting ended on ${report.date}, and this report of it prints ${later.length > 1 ? 'positions' : 'a position'} no ministry had cleared by its day (${listed}): a report prints each position as it is now, so this is most likely a later revision than the meeting had (or an answer that came late), though the report reads as cleared for it.`,
    `For the report as it was, take it from where it was sent, or ${buildAsThen(report.date, report.meetingPath, root)}`,
  );
}

/**
 * The end of a hint: how to build a meeting's report from the last commit before its day, and see what changed
 * since. In a shallow clone (CI's checkout, `git clone --depth 1`) that commit is not there: `git rev-list` gives
 * nothing, and `git worktree add` then checks out HEAD, whose report is the one just built; the history comes first.
 */
function buildAsThen(date: string, meetingPath: string, root: string): string {
  const manager = packageManagerIn(root);
  const unshallow = shallow(root) ? 'fetch the history this shallow clone lacks (`git fetch --unshallow`; in GitHub Actions, actions/checkout with fetch-depth: 0: without it the command that follows checks out the latest commit), then ' : '';
  return `${unshallow}build it again in a checkout of the last commit before the meeting (\`git worktree add ../${date} $(git rev-list -1 --before=${date}T23:59 HEAD)\`, then \`${manager.ci} && ${manager.exec} build ${shellWord(meetingPath)}\` there). \`briefing diff ${shellWord(meetingPath)} --from <that commit>\` shows what changed.`;
}

/**
 * Whether the text changed: the hash of the report's Markdown both manifests record, written or
 * not. A manifest of an older briefing has none; then the Markdown both builds wrote tells, and a
 * project that writes no Markdown is told nothing: the DOCX and the PDF record the hashes of their
 * inputs (a comment added to the meeting file changes them) and how a newer briefing lays them out.
 */
function readsOtherwise(before: Manifest, report: GeneratedReport): boolean {
  if (before.text_sha256 !== undefined && report.textSha256 !== undefined) return before.text_sha256 !== report.textSha256;
  const now = new Map(report.files.map((file) => [file.name, file.sha256]));
  return before.outputs.some((file) => file.name.endsWith('.md') && now.has(file.name) && now.get(file.name) !== file.sha256);
}

/**
 * "digital-skills version 1 then, 2 now; equity-reforms renamed equity-investments; teachers no longer used":
 * the positions whose version the report now differs in, a position renamed with a new id said so once.
 */
function changedVersions(before: Manifest, report: GeneratedReport, root: string): string {
  const then = new Map(before.positions.map((p) => [p.id, p.version]));
  const now = new Map(report.inputs.positions.map((p) => [p.id, p.version]));
  const renamed = renamedPositions(before, report, root);
  const parts: string[] = [];
  for (const [id, version] of now) {
    const old = renamed.get(id) ?? { id, version: then.get(id) };
    const versions = old.version === undefined || old.version === version ? '' : `version ${old.version} then, ${version} now`;
    if (old.id !== id) parts.push([`${old.id} renamed ${id}`, versions].filter(Boolean).join(', '));
    else if (old.version === undefined) parts.push(`${id} not used then`);
    else if (versions) parts.push(`${id} ${versions}`);
  }
  const kept = new Set([...renamed.values()].map((old) => old.id));
  for (const id of then.keys()) if (!now.has(id) && !kept.has(id)) parts.push(`${id} no longer used`);
  return parts.join('; ');
}

/**
 * The positions the report used then that it uses now under a new id (new id → the old one): the file
 * then now holds the new id (changed in place), or git's rename detection follows it to the new one's
 * file (`git mv`, committed or not). Without git, only the first; the text alone pairs none.
 */
function renamedPositions(before: Manifest, report: GeneratedReport, root: string): Map<string, { id: string; version: number }> {
  const used = new Set(report.inputs.positions.map((p) => p.id));
  const gone = before.positions.filter((p) => !used.has(p.id));
  const added = report.inputs.positions.filter((p) => !before.positions.some((old) => old.id === p.id));
  const renamed = new Map<string, { id: string; version: number }>();
  if (!gone.length || !added.length) return renamed;
  const paths = added.map((p) => p.path);
  for (const old of gone) {
    const path = paths.includes(old.path) ? old.path : movedTo(root, root, old.path, paths);
    const now = added.find((p) => p.path === path);
    if (now && !renamed.has(now.id)) renamed.set(now.id, { id: old.id, version: old.version });
  }
  return renamed;
}

/** The manifest at `path`, or undefined when it cannot be read or is not one (nothing to compare with). */
function readManifestQuietly(path: string): Manifest | undefined {
  try {
    return readManifest(path, path);
  } catch {
    return undefined;
  }
}

/** Whether the project's repository is a shallow clone, asked of git once per folder a run builds in. */
function shallow(root: string): boolean {
  let known = shallowRoots.get(root);
  if (known === undefined) {
    known = isShallowClone(repositoryAt(root));
    shallowRoots.set(root, known);
  }
  return known;
}
const shallowRoots = new Map<string, boolean>();
