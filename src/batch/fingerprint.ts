import { join, resolve } from 'node:path';
import { officeIdentity } from '../pdf/office-identity.js';
import { fileSha256, projectPath, realPathAsFar, sha256 } from '../load/files.js';
import { committedMeetingAt, type PositionFile, type Project } from '../load/project.js';
import { builtInPath } from '../pipeline/manifest.js';
import { referenceAsRead } from '../pipeline/report-parts.js';
import type { GeneratedReport, GenerateOptions, TemplateCache } from '../pipeline/build-meeting.js';
import { cachedTemplate, ownReferenceDocx } from '../render/template.js';
import type { CacheEntry } from './cache.js';
import { toolFingerprint } from './tool.js';

/**
 * The template a meeting names, as text: the file found first on the template path and
 * the partials found first on it, each with its path, so a partial copied unchanged into
 * the project still changes the key (the manifest names where each file came from).
 * `undefined` when it cannot be loaded (the build reports why).
 */
export function templateFingerprint(project: Project, name: string, templates: TemplateCache): string | undefined {
  const { template } = cachedTemplate(templates, name, project.templateDirs, project.files);
  if (!template) return undefined;
  // A reference DOCX named in the template's front matter decides the output as its text does.
  const reference = ownReferenceDocx(template);
  // A built-in file by its path in the tool, the same however the project's folder is reached (a symbolic link, or its own path);
  // a project's copy of it is another file (the manifest says which).
  const keyed = template.files.flatMap((file) => {
    const inPackage = builtInPath(project.root, file.path);
    return inPackage === undefined ? [file.path, file.text] : [`built-in:${inPackage}`, file.text];
  });
  // As a report of this run read it, once one did (the file may have been saved since); else as it is now.
  const referenceHash = reference === undefined ? '' : (referenceAsRead(project, template)?.hash ?? fileSha256(resolve(project.root, reference)) ?? '');
  return sha256([...keyed, referenceHash].join('\u0000'));
}


/** Everything besides the meeting's own files that decides what a build writes. */
export interface KeyContext {
  tool: string;
  project: Project;
  options: GenerateOptions;
  /** Output folder, by its real path relative to the project's real path. */
  out: string;
  /** Output folder the config names, as `out` is named (see entryName in cache.ts). */
  usualOut: string;
  /** The LibreOffice that makes the PDFs ({@link officeIdentity}); null when no PDF is made. */
  office: string | null;
  /** Position files by the id they claim; two files for one id are both part of the key. */
  claims: ReadonlyMap<string, readonly PositionFile[]>;
}

/** The key context of a run of `project` with `options` that writes into `outDir` (absolute). */
export function keyContext(project: Project, options: GenerateOptions, outDir: string): KeyContext {
  return {
    tool: toolFingerprint(),
    project,
    options,
    out: folderKey(project.root, outDir),
    usualOut: folderKey(project.root, join(project.root, project.config.output)),
    office: options.pdf ? officeIdentity(options.pdf.office) : null,
    claims: claimsById(project.positionFiles),
  };
}

/**
 * An output folder as the key and the cache name it: by its real path from the project's, so that the
 * same folder named another way (`-o public` where public is a link to `out`, or the project reached
 * through a link) is the same folder, and a build into it skips what is unchanged.
 */
export function folderKey(root: string, folder: string): string {
  return projectPath(realPathAsFar(root), realPathAsFar(folder));
}

/** What a meeting's build read: its text, the template it names, the positions it includes, its date. */
export interface MeetingFacts {
  meetingHash: string;
  template: string;
  positions: readonly string[];
  date: string | null;
}

/** What a generated report read, as its cache key takes it and its cache entry keeps it; `template` is the one it was built with. */
export function reportFacts(report: Pick<GeneratedReport, 'inputs' | 'date'>, template: string): MeetingFacts & Pick<CacheEntry, 'positions'> {
  return { meetingHash: report.inputs.meeting.hash, template, positions: report.inputs.positions.map((p) => p.id), date: report.date };
}

/**
 * The cache key of one meeting's outputs and messages: a hash of everything that decides
 * them: tool, config and registry, template and partials, the meeting, each included
 * position's file(s) and version at git HEAD, the meeting's own committed texts when it changed
 * since (`meetingPath`, project-relative: `meeting/translation-stale` compares with them), formats,
 * flags, output folder, the LibreOffice that makes the PDF, and whether the meeting is over. `undefined` when the template cannot be loaded.
 */
export function meetingKey(context: KeyContext, facts: MeetingFacts, templates: TemplateCache, meetingPath: string, template = templateFingerprint(context.project, facts.template, templates)): string | undefined {
  if (template === undefined) return undefined;
  const { final, formats, sourceDateEpoch, template: chosen, today } = context.options;
  return sha256(
    JSON.stringify({
      tool: context.tool,
      settings: context.project.settingsHash,
      template,
      meeting: facts.meetingHash,
      committed: committedMeetingAt(context.project, meetingPath)?.pairs ?? null,
      positions: facts.positions.map((id) => [id, (context.claims.get(id) ?? []).map((file) => [file.path, file.hash, file.committedVersion ?? null, file.committedAnswer ?? null, file.committedUnnamed ?? null, file.committedFields ?? null, file.restoredFrom?.commit ?? null, file.historyCut ?? null, file.uncompared ?? null])]),
      // Only whether the meeting is over matters (a draft of a past meeting is warned about), not the day itself.
      past: today && facts.date ? facts.date < today : null,
      // As a set: `--format md,md,docx` writes what `docx,md` does.
      options: { final, formats: [...new Set(formats)].sort(), sourceDateEpoch: sourceDateEpoch ?? null, template: chosen ?? null, out: context.out, office: context.office },
    }),
  );
}

/** Groups position files by the id they claim. */
export function claimsById(files: readonly PositionFile[]): Map<string, PositionFile[]> {
  const claims = new Map<string, PositionFile[]>();
  for (const file of files) claims.set(file.id, [...(claims.get(file.id) ?? []), file]);
  return claims;
}
